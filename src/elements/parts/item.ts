import { html, noChange, nothing, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
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

/** The same mark as static markup, for prepared templates (interface text of the current locale). */
const requiredMarkHtml = (): string =>
  `<span class="req"><span aria-hidden="true"> *</span><span class="sr-only"> ${escapeHtml(msg('(obligatoire)', { id: 'required-mark' }))}</span></span>`;

const errorLine = (view: FormView, key: string) => {
  const message = view.messages.get(key);
  return message
    ? html`<p class="error" part="error" id=${errorId(key)}><span class="sr-only">${msg('Erreur :', { id: 'error-prefix' })} </span>${message}</p>`
    : nothing;
};

const helpLine = (view: FormView, item: Item) =>
  item.help ? html`<p class="help" part="help" id=${helpId(item.id)}>${tx(item.help, view.locale)}</p>` : nothing;

/**
 * Choice questions are most of every instrument, so their markup is prepared once and cloned: the
 * options depend only on the scale (or yes/no kind), the locale and the input type, and are written
 * as static HTML into a template made once per such key. What varies per question (name, ids,
 * checked, disabled, descriptions, the question text) is set by a directive on the group, not by a
 * Lit part per option: a 1 000-question form clones one prepared template per question instead of
 * creating a template instance and several parts for every option.
 */
const templates = new WeakMap<object, Map<string, TemplateStringsArray>>();

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A TemplateStringsArray made at run time from trusted markup (labels are escaped). */
function templateOf(view: FormView, key: string, make: () => string[]): TemplateStringsArray {
  let cache = templates.get(view.engine.model);
  if (!cache) templates.set(view.engine.model, (cache = new Map()));
  let strings = cache.get(key);
  if (!strings) {
    const parts = make() as string[] & { raw?: readonly string[] };
    parts.raw = parts;
    strings = parts as unknown as TemplateStringsArray;
    cache.set(key, strings);
  }
  return strings;
}

function optionsHtml(view: FormView, item: Item, type: 'radio' | 'checkbox'): string {
  return choicesOf(view, item)
    .map(
      (c) =>
        `<label class="option" part="option"><input type="${type}" value="${escapeHtml(c.code)}"><span>${escapeHtml(c.label)}</span></label>`,
    )
    .join('');
}

const choicesKey = (view: FormView, item: Item, type: string): string =>
  `${type}|${view.locale}|${item.type === 'yes-no' ? `yes-no:${item.allowUnknown !== false}` : item.type === 'single-choice' || item.type === 'multiple-choice' ? `scale:${item.scale}` : ''}`;

const inputType = (item: Item) => (item.type === 'multiple-choice' ? 'checkbox' : 'radio');

interface GroupState {
  item: string;
  perspective: string | undefined;
  name: string;
  id: string;
  selected: readonly string[];
  disabled: boolean;
  invalid: boolean;
  described: string | undefined;
}

const setOrRemove = (el: Element, name: string, value: string | undefined) =>
  value === undefined ? el.removeAttribute(name) : el.setAttribute(name, value);

/**
 * Writes a question's state onto its options group: on the first render only what differs from the
 * cloned markup, later only what changed since `last`.
 */
function applyGroup(group: HTMLElement, state: GroupState, last: GroupState | undefined): void {
  const inputs = group.getElementsByTagName('input');
  if (state.item !== last?.item) group.dataset.item = state.item;
  if (state.perspective !== last?.perspective) setOrRemove(group, 'data-perspective', state.perspective);
  if (state.id !== last?.id && inputs[0]) inputs[0].id = state.id;
  const { name, selected, disabled, invalid, described } = state;
  const was = last ?? { name: '', selected: [], disabled: false, invalid: false, described: undefined };
  // On every new state after the first: the person may have changed `checked` in between.
  const checks = last !== undefined || selected.length > 0;
  for (const input of inputs) {
    if (name !== was.name) input.name = name;
    if (checks) input.checked = selected.includes(input.value);
    if (disabled !== was.disabled) input.disabled = disabled;
    if (invalid !== was.invalid) setOrRemove(input, 'aria-invalid', invalid ? 'true' : undefined);
    if (described !== was.described) setOrRemove(input, 'aria-describedby', described);
  }
}

function groupState(view: FormView, item: Item, value: AnswerValue | undefined, perspective?: string): GroupState {
  const key = issueKey(item.id, perspective);
  return {
    item: item.id,
    perspective,
    name: key,
    id: controlId(key),
    selected: Array.isArray(value) ? value : value === undefined ? [] : [String(value)],
    disabled: view.disabled,
    invalid: view.messages.has(key),
    described: describedBy(view, key, item.help ? item.id : undefined),
  };
}

abstract class StateDirective<T> extends Directive {
  protected last?: T;
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('this directive belongs on an element');
  }
  render(_state: T): unknown {
    return noChange;
  }
  override update(part: ElementPart, [state]: [T]): unknown {
    if (state !== this.last) {
      this.apply(part.element as HTMLElement, state, this.last);
      this.last = state;
    }
    return noChange;
  }
  protected abstract apply(el: HTMLElement, state: T, last: T | undefined): void;
}

const choiceGroup = directive(
  class extends StateDirective<GroupState> {
    protected apply(el: HTMLElement, state: GroupState, last: GroupState | undefined): void {
      applyGroup(el, state, last);
    }
  },
);

/** A group of radios or checkboxes for one voice of a question. */
function choiceControls(view: FormView, item: Item, value: AnswerValue | undefined, perspective?: string) {
  const type = inputType(item);
  const strings = templateOf(view, `group|${choicesKey(view, item, type)}`, () => [
    '<div class="options" ',
    `>${optionsHtml(view, item, type)}</div>`,
  ]);
  return html(strings, choiceGroup(groupState(view, item, value, perspective)));
}

interface QuestionState {
  id: string;
  label: string;
  invalid: boolean;
  group: GroupState;
}

/** A plain choice question (no voices): its fieldset, question text and options state. */
const choiceQuestion = directive(
  class extends StateDirective<QuestionState> {
    private text?: Text;
    protected apply(el: HTMLElement, state: QuestionState, last: QuestionState | undefined): void {
      if (state.id !== last?.id) el.id = state.id;
      if (state.invalid !== last?.invalid) el.classList.toggle('invalid', state.invalid);
      if (!this.text) el.firstElementChild!.prepend((this.text = document.createTextNode(state.label)));
      else if (state.label !== last?.label) this.text.data = state.label;
      applyGroup(el.querySelector<HTMLElement>(':scope > .options')!, state.group, last?.group);
    }
  },
);

/** One choice question without voices, from a template prepared per scale, locale and required mark. */
function renderChoiceQuestion(view: FormView, item: Item, answer: Answer | undefined): TemplateResult {
  const type = inputType(item);
  const strings = templateOf(view, `question|${item.required ? 'r' : ''}|${choicesKey(view, item, type)}`, () => [
    '<fieldset class="item" part="item" ',
    `><legend part="label">${item.required ? requiredMarkHtml() : ''}</legend>`,
    `<div class="options">${optionsHtml(view, item, type)}</div>`,
    '</fieldset>',
  ]);
  const state: QuestionState = {
    id: `q-${item.id}`,
    label: tx(item.label, view.locale),
    invalid: view.messages.has(item.id),
    group: groupState(view, item, answer?.value),
  };
  const notes = item.help || view.messages.has(item.id) ? html`${helpLine(view, item)}${errorLine(view, item.id)}` : nothing;
  return html(strings, choiceQuestion(state), notes, commentField(view, item, answer));
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
  if (isChoice(item) && !item.perspectives) return renderChoiceQuestion(view, item, answer);
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
