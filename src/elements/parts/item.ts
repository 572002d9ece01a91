import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { AnswerValue } from '../../schema/common.js';
import type { Item } from '../../schema/instrument.js';
import type { Answer } from '../../schema/result.js';
import { formatDate, formatNumber, tx } from '../../localize/format.js';
import { yesNoLabel } from '../../localize/messages.js';
import { controlId, describedBy, errorId, helpId, issueKey, type FormView } from './view.js';

interface Choice {
  code: string;
  label: string;
}

/** The choices of a choice item: its scale's options, or yes / no / don't know. */
function choicesOf(view: FormView, item: Item): Choice[] {
  if (item.type === 'yes-no')
    return (item.allowUnknown === false ? ['yes', 'no'] : ['yes', 'no', 'unknown']).map((code) => ({
      code,
      label: yesNoLabel(code),
    }));
  if (item.type !== 'single-choice' && item.type !== 'multiple-choice') return [];
  return (view.engine.model.scale.get(item.scale)?.options ?? []).map((o) => ({ code: o.code, label: tx(o.label, view.locale) }));
}

export const requiredMark = (): TemplateResult =>
  html`<span class="req"><span aria-hidden="true"> *</span><span class="sr-only"> ${msg('(obligatoire)', { id: 'required-mark' })}</span></span>`;

const errorLine = (view: FormView, key: string) => {
  const message = view.messages.get(key);
  return message
    ? html`<p class="error" part="error" id=${errorId(key)}><span class="sr-only">${msg('Erreur :', { id: 'error-prefix' })} </span>${message}</p>`
    : nothing;
};

const helpLine = (view: FormView, item: Item) =>
  item.help ? html`<p class="help" part="help" id=${helpId(item.id)}>${tx(item.help, view.locale)}</p>` : nothing;

/** A group of radios or checkboxes for one voice (or the single answer). */
function choiceControls(view: FormView, item: Item, value: AnswerValue | undefined, perspective?: string) {
  const key = issueKey(item.id, perspective);
  const multiple = item.type === 'multiple-choice';
  const selected = new Set(Array.isArray(value) ? value : value === undefined ? [] : [String(value)]);
  const invalid = view.messages.has(key) ? 'true' : undefined;
  const described = describedBy(view, key, item.help ? item.id : undefined);
  const id = controlId(key);
  // Only the first option carries an id: the target of the error links.
  const option = (c: { code: string; label: string }, i: number) =>
    html`<label class="option" part="option"
      ><input type=${multiple ? 'checkbox' : 'radio'} id=${ifDefined(i === 0 ? id : undefined)} name=${key} value=${c.code}
        data-item=${item.id} data-perspective=${ifDefined(perspective)} .checked=${selected.has(c.code)}
        ?disabled=${view.disabled} aria-invalid=${ifDefined(invalid)} aria-describedby=${ifDefined(described)}
      /><span>${c.label}</span></label
    >`;
  return html`<div class="options">${choicesOf(view, item).map(option)}</div>`;
}

/** A text, number or date control for one voice (or the single answer). */
function inputControl(view: FormView, item: Item, value: AnswerValue | undefined, perspective?: string) {
  const key = issueKey(item.id, perspective);
  const common = {
    id: controlId(key),
    invalid: view.messages.has(key) ? 'true' : undefined,
    described: describedBy(view, key, item.help ? item.id : undefined),
  };
  if (item.type === 'long-text')
    return html`<textarea
      id=${common.id}
      part="control"
      rows="4"
      data-item=${item.id}
      data-perspective=${ifDefined(perspective)}
      .value=${value === undefined ? '' : String(value)}
      ?disabled=${view.disabled}
      aria-invalid=${ifDefined(common.invalid)}
      aria-describedby=${ifDefined(common.described)}
    ></textarea>`;
  const shown =
    typeof value === 'number' ? (view.locale === 'fr' ? String(value).replace('.', ',') : String(value)) : (value ?? '');
  const unit = item.type === 'number' && item.unit ? tx(item.unit, view.locale) : undefined;
  return html`<span class="input-row"
    ><input
      id=${common.id}
      part="control"
      class=${item.type === 'short-text' ? 'wide' : 'narrow'}
      type=${item.type === 'date' ? 'date' : 'text'}
      inputmode=${ifDefined(item.type === 'number' ? (item.integer ? 'numeric' : 'decimal') : undefined)}
      autocomplete="off"
      min=${ifDefined(item.type === 'date' ? item.min : undefined)}
      max=${ifDefined(item.type === 'date' ? item.max : undefined)}
      data-item=${item.id}
      data-perspective=${ifDefined(perspective)}
      .value=${String(shown)}
      ?disabled=${view.disabled}
      aria-invalid=${ifDefined(common.invalid)}
      aria-describedby=${ifDefined(common.described)}
    />${unit ? html`<span class="unit">${unit}</span>` : nothing}</span
  >`;
}

const isChoice = (item: Item) => item.type === 'single-choice' || item.type === 'multiple-choice' || item.type === 'yes-no';

function commentField(view: FormView, item: Item, answer: Answer | undefined) {
  if (!item.comment || item.perspectives) return nothing;
  const id = `k-${item.id}`;
  return html`<details class="comment" part="comment" ?open=${!!answer?.comment}>
    <summary>${msg('Commentaire', { id: 'comment' })}</summary>
    <label class="sr-only" for=${id}>${msg('Commentaire', { id: 'comment' })} — ${tx(item.label, view.locale)}</label>
    <textarea id=${id} rows="2" data-item=${item.id} data-role="comment" .value=${answer?.comment ?? ''} ?disabled=${view.disabled}></textarea>
  </details>`;
}

/** One question, with its help, its errors, its controls (one set per voice) and its comment. */
export function renderItem(view: FormView, item: Item, disagreement: boolean): TemplateResult {
  const answer = view.engine.answer(item.id);
  if (view.readonly) return renderReview(view, item, answer);
  const label = tx(item.label, view.locale);
  const invalid = [...(item.perspectives ?? [undefined])].some((p) => view.messages.has(issueKey(item.id, p)));
  const differ = disagreement
    ? html`<p class="note" part="disagreement">${msg('Les points de vue diffèrent sur cette question.', { id: 'disagreement' })}</p>`
    : nothing;
  if (item.perspectives) {
    return html`<fieldset class="item ${invalid ? 'invalid' : ''}" part="item" id=${`q-${item.id}`}>
      <legend part="label">${label}${item.required ? requiredMark() : nothing}</legend>
      ${helpLine(view, item)} ${differ}
      <div class="voices">
        ${item.perspectives.map((p) => {
          const name = tx(view.engine.model.perspective.get(p)?.label, view.locale) || p;
          const value = answer?.perspectives?.[p]?.value;
          const key = issueKey(item.id, p);
          return isChoice(item)
            ? html`<fieldset class="voice"><legend>${name}</legend>${errorLine(view, key)}${choiceControls(view, item, value, p)}</fieldset>`
            : html`<div class="voice"><label for=${controlId(key)}>${name}</label>${errorLine(view, key)}${inputControl(view, item, value, p)}</div>`;
        })}
      </div>
    </fieldset>`;
  }
  if (isChoice(item)) {
    return html`<fieldset class="item ${invalid ? 'invalid' : ''}" part="item" id=${`q-${item.id}`}>
      <legend part="label">${label}${item.required ? requiredMark() : nothing}</legend>
      ${helpLine(view, item)} ${errorLine(view, item.id)} ${choiceControls(view, item, answer?.value)} ${commentField(view, item, answer)}
    </fieldset>`;
  }
  return html`<div class="item ${invalid ? 'invalid' : ''}" part="item" id=${`q-${item.id}`}>
    <label class="label" part="label" for=${controlId(item.id)}>${label}${item.required ? requiredMark() : nothing}</label>
    ${helpLine(view, item)} ${errorLine(view, item.id)} ${inputControl(view, item, answer?.value)} ${commentField(view, item, answer)}
  </div>`;
}

/** An answer in words, for review (read-only) mode and summaries. */
export function answerText(view: FormView, item: Item, value: AnswerValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, view.locale) + (item.type === 'number' && item.unit ? ` ${tx(item.unit, view.locale)}` : '');
  const choices = choicesOf(view, item);
  const label = (code: string) => choices.find((c) => c.code === code)?.label ?? code;
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (isChoice(item)) return label(value);
  if (item.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, view.locale);
  return value;
}

function renderReview(view: FormView, item: Item, answer: Answer | undefined): TemplateResult {
  const none = msg('Sans réponse', { id: 'no-answer' });
  const line = (value: AnswerValue | undefined) => {
    const text = answerText(view, item, value);
    return text ? html`<span class="answer">${text}</span>` : html`<span class="answer empty">${none}</span>`;
  };
  return html`<div class="item review" part="item" id=${`q-${item.id}`}>
    <p class="label" part="label">${tx(item.label, view.locale)}</p>
    ${item.perspectives
      ? html`<dl class="voices">
          ${item.perspectives.map(
            (p) => html`<div>
              <dt>${tx(view.engine.model.perspective.get(p)?.label, view.locale) || p}</dt>
              <dd>${line(answer?.perspectives?.[p]?.value)}</dd>
            </div>`,
          )}
        </dl>`
      : html`<p>${line(answer?.value)}</p>`}
    ${answer?.comment ? html`<p class="help">${msg(str`Commentaire : ${answer.comment}`, { id: 'comment-review' })}</p>` : nothing}
  </div>`;
}
