import { html, noChange, nothing, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic, type StaticValue } from 'lit/static-html.js';
import { msg, str } from '@lit/localize';
import type { Model } from '../../engine/model.js';
import type { AnswerValue } from '../../schema/common.js';
import type { Item } from '../../schema/instrument.js';
import { answerRef, domId, encodeKey, questionDomId, type FieldRef } from '../../schema/keys.js';
import { formatDate, formatNumber, tx } from '../../localize/format.js';
import { yesNoLabel } from '../../localize/messages.js';
import { noAnswer } from '../../localize/labels.js';
import type { FormContext, ItemView } from '../read-model.js';
import { describedBy, errorLine, helpLine, invalidAttr, messageOf, requiredMark } from './field.js';
import { dateInput } from './date-input.js';
import { own } from '../../engine/records.js';

interface Choice {
  code: string;
  label: string;
}

/** The choices of a choice item: its scale's options, or yes / no / don't know. */
function choicesOf(ctx: FormContext, item: Item): Choice[] {
  if (item.type === 'yes-no')
    return (item.allowUnknown === false ? ['yes', 'no'] : ['yes', 'no', 'unknown']).map((code) => ({
      code,
      label: yesNoLabel(code),
    }));
  if (item.type !== 'single-choice' && item.type !== 'multiple-choice') return [];
  return (ctx.model.scale.get(item.scale)?.options ?? []).map((o) => ({ code: o.code, label: tx(o.label, ctx.locale) }));
}

const isChoice = (item: Item) => item.type === 'single-choice' || item.type === 'multiple-choice' || item.type === 'yes-no';
const inputType = (item: Item) => (item.type === 'multiple-choice' ? 'checkbox' : 'radio');
const helpOf = (ctx: FormContext, item: Item) => (item.help ? tx(item.help, ctx.locale) : undefined);
const itemRef = (item: Item): FieldRef => ({ kind: 'item', itemId: item.id });

/** Last time's answer of a voice, when the host gave the previous record (its part comes with the comparison). */
const previousLine = (view: ItemView, perspective?: string): TemplateResult | typeof nothing =>
  (view.previous && view.ctx.previousParts?.previousLine(view, perspective)) || nothing;

/** The ids of what describes a voice's controls: help, error, last time's answer. */
const describedFor = (view: ItemView, perspective?: string) => {
  const field = answerRef(view.item.id, perspective);
  const base = describedBy(view.messages, field, view.item.help ? itemRef(view.item) : undefined);
  const previous = view.previous?.voices.some((v) => v.perspective === perspective) ? domId('previous', field) : undefined;
  return [base, previous].filter(Boolean).join(' ') || undefined;
};

/** The question in a voice's own words (`labelFor`), when the instrument gives that voice one. */
const ownWords = ({ ctx, item }: ItemView, perspective: string | undefined): string | undefined => {
  const words = perspective === undefined ? undefined : own(item.labelFor, perspective);
  return words && tx(words, ctx.locale);
};

/**
 * A voice's legend or label: its name, and the question in its own words when it has them (the
 * item's heading keeps the standard wording, for the others around the table).
 */
const voiceName = (name: string, words: string | undefined) =>
  words ? html`<span class="voice-name">${name}</span> <span class="wording">${words}</span>` : name;
const voiceClass = (words: string | undefined) => (words ? 'voice own-words' : 'voice');

/** The question as a person reads it: its number (when the instrument numbers questions) and its text. */
const questionText = ({ ctx, item, number }: ItemView): string =>
  number === undefined ? tx(item.label, ctx.locale) : `${formatNumber(number, ctx.locale)}. ${tx(item.label, ctx.locale)}`;

/**
 * Choice questions are most of every instrument, so their options are static markup, prepared once
 * per scale (or yes/no kind), locale and input type, and given to Lit as static values
 * (`lit/static-html.js`): Lit then prepares one template per such markup and clones it for every
 * question. What varies per question (name, ids, checked, disabled, descriptions, the question
 * text) is set by a directive on the group rather than by a Lit part per option, so a 1 000-question
 * form makes a few parts per question instead of several per option. The markup is trusted: it is
 * built here from escaped labels.
 */
const prepared = new WeakMap<Model, Map<string, StaticValue>>();

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function staticMarkup(ctx: FormContext, key: string, make: () => string): StaticValue {
  let cache = prepared.get(ctx.model);
  if (!cache) prepared.set(ctx.model, (cache = new Map()));
  let value = cache.get(key);
  if (!value) cache.set(key, (value = unsafeStatic(make())));
  return value;
}

const choicesKey = (ctx: FormContext, item: Item, type: string): string =>
  `${type}|${ctx.locale}|${item.type === 'yes-no' ? `yes-no:${item.allowUnknown !== false}` : item.type === 'single-choice' || item.type === 'multiple-choice' ? `scale:${item.scale}` : ''}`;

/** The options of a choice item as static markup. */
function optionsMarkup(ctx: FormContext, item: Item, type: 'radio' | 'checkbox'): StaticValue {
  return staticMarkup(ctx, `options|${choicesKey(ctx, item, type)}`, () =>
    choicesOf(ctx, item)
      .map(
        (c) =>
          `<label class="option" part="option"><input type="${type}" value="${escapeHtml(c.code)}"><span>${escapeHtml(c.label)}</span></label>`,
      )
      .join(''),
  );
}

/** The required mark as static markup (interface text of the current locale). */
const requiredMarkup = (ctx: FormContext): StaticValue =>
  staticMarkup(ctx, `required|${ctx.locale}`, () =>
    `<span class="req"><span aria-hidden="true"> *</span><span class="sr-only"> ${escapeHtml(msg('(obligatoire)', { id: 'required-mark' }))}</span></span>`,
  );

const NO_MARKUP = unsafeStatic('');

interface GroupState {
  key: string;
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
  if (state.key !== last?.key) group.dataset.key = state.key;
  if (state.id !== last?.id && inputs[0]) inputs[0].id = state.id;
  const { key, selected, disabled, invalid, described } = state;
  const was = last ?? { key: '', selected: [], disabled: false, invalid: false, described: undefined };
  // On every new state after the first: the person may have changed `checked` in between.
  const checks = last !== undefined || selected.length > 0;
  for (const input of inputs) {
    if (key !== was.key) input.name = key;
    if (checks) input.checked = selected.includes(input.value);
    if (disabled !== was.disabled) input.disabled = disabled;
    if (invalid !== was.invalid) setOrRemove(input, 'aria-invalid', invalid ? 'true' : undefined);
    if (described !== was.described) setOrRemove(input, 'aria-describedby', described);
  }
}

function groupState(view: ItemView, value: AnswerValue | undefined, perspective?: string): GroupState {
  const field = answerRef(view.item.id, perspective);
  return {
    key: encodeKey(field),
    id: domId('control', field),
    selected: Array.isArray(value) ? value : value === undefined ? [] : [String(value)],
    disabled: view.ctx.disabled,
    invalid: messageOf(view.messages, field) !== undefined,
    described: describedFor(view, perspective),
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
function choiceControls(view: ItemView, value: AnswerValue | undefined, perspective?: string) {
  const type = inputType(view.item);
  return staticHtml`<div class="options" ${choiceGroup(groupState(view, value, perspective))}>${optionsMarkup(view.ctx, view.item, type)}</div>`;
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

/** One choice question without voices, from the markup prepared per scale, locale and required mark. */
function renderChoiceQuestion(view: ItemView): TemplateResult {
  const { ctx, item, answer, messages } = view;
  const field = itemRef(item);
  const state: QuestionState = {
    id: questionDomId(item.id),
    label: questionText(view),
    invalid: messageOf(messages, field) !== undefined,
    group: groupState(view, answer?.value),
  };
  const notes =
    item.help || state.invalid || view.previous ? html`${helpLine(field, helpOf(ctx, item))}${previousLine(view)}${errorLine(messages, field)}` : nothing;
  // Help, last time's answer and the error sit between the question and its options (as on a text
  // question, above its input), inside the fieldset that carries the error bar.
  return staticHtml`<fieldset class="item" part="item" ${choiceQuestion(state)}><legend part="label">${item.required ? requiredMarkup(ctx) : NO_MARKUP}</legend>${notes}<div class="options">${optionsMarkup(ctx, item, inputType(item))}</div></fieldset>${commentField(view)}`;
}

/** A text or number control for one voice (or the single answer); dates have their own (`dateQuestion`). */
function inputControl(view: ItemView, value: AnswerValue | undefined, perspective?: string) {
  const { ctx, item, messages } = view;
  const field = answerRef(item.id, perspective);
  const common = {
    id: domId('control', field),
    key: encodeKey(field),
    invalid: invalidAttr(messages, field),
    described: describedFor(view, perspective),
  };
  if (item.type === 'long-text')
    return html`<textarea
      id=${common.id}
      part="control"
      rows="4"
      data-key=${common.key}
      .value=${value === undefined ? '' : String(value)}
      ?disabled=${ctx.disabled}
      aria-invalid=${ifDefined(common.invalid)}
      aria-describedby=${ifDefined(common.described)}
    ></textarea>`;
  const shown = typeof value === 'number' ? (ctx.locale === 'fr' ? String(value).replace('.', ',') : String(value)) : (value ?? '');
  const unit = item.type === 'number' && item.unit ? tx(item.unit, ctx.locale) : undefined;
  return html`<span class="input-row"
    ><input
      id=${common.id}
      part="control"
      class=${item.type === 'short-text' ? 'wide' : 'narrow'}
      type="text"
      inputmode=${ifDefined(item.type === 'number' ? (item.integer ? 'numeric' : 'decimal') : undefined)}
      autocomplete="off"
      data-key=${common.key}
      .value=${String(shown)}
      ?disabled=${ctx.disabled}
      aria-invalid=${ifDefined(common.invalid)}
      aria-describedby=${ifDefined(common.described)}
    />${unit ? html`<span class="unit">${unit}</span>` : nothing}</span
  >`;
}

function commentField({ ctx, item, answer }: ItemView) {
  if (!item.comment || item.perspectives) return nothing;
  const field: FieldRef = { kind: 'comment', itemId: item.id };
  const id = domId('control', field);
  // A disclosure: its summary says whether a comment is folded away in it.
  return html`<details class=${answer?.comment ? 'comment filled' : 'comment'} part="comment" ?open=${!!answer?.comment}>
    <summary>${answer?.comment ? msg('1 commentaire', { id: 'comment.one' }) : msg('Ajouter un commentaire', { id: 'comment.add' })}</summary>
    <label class="sr-only" for=${id}>${msg('Commentaire', { id: 'comment' })} — ${tx(item.label, ctx.locale)}</label>
    <textarea id=${id} rows="2" data-key=${encodeKey(field)} .value=${answer?.comment ?? ''} ?disabled=${ctx.disabled}></textarea>
  </details>`;
}

/**
 * A date question (or one voice of it): the question (or the voice) as the legend of its three
 * fields, its help and last time's answer read with them.
 */
function dateQuestion(view: ItemView, value: AnswerValue | undefined, legend: unknown, perspective?: string, notes: unknown = nothing) {
  const described = describedFor(view, perspective);
  return dateInput(view.ctx, view.messages, answerRef(view.item.id, perspective), {
    legend,
    legendPart: perspective === undefined ? 'label' : undefined,
    value: typeof value === 'string' ? value : undefined,
    notes,
    describedBy: described?.split(' ').filter((id) => id !== domId('error', answerRef(view.item.id, perspective))).join(' '),
    class: perspective === undefined ? undefined : voiceClass(ownWords(view, perspective)),
  });
}

/** One question, with its help, its errors, its controls (one set per voice) and its comment. */
export function renderItem(view: ItemView): TemplateResult {
  const { ctx, item, answer, messages } = view;
  if (ctx.readonly) return renderReview(view);
  if (isChoice(item) && !item.perspectives) return renderChoiceQuestion(view);
  const label = questionText(view);
  const field = itemRef(item);
  const invalid = (item.perspectives ?? [undefined]).some((p) => messageOf(messages, answerRef(item.id, p)) !== undefined);
  const differ = view.disagreement
    ? html`<p class="note" part="disagreement">${msg('Les points de vue diffèrent sur cette question.', { id: 'disagreement' })}</p>`
    : nothing;
  if (item.perspectives) {
    return html`<fieldset class="item ${invalid ? 'invalid' : ''}" part="item" id=${questionDomId(item.id)}>
      <legend part="label">${label}${item.required ? requiredMark() : nothing}</legend>
      ${helpLine(field, helpOf(ctx, item))} ${differ}
      <div class="voices">
        ${item.perspectives.map((p) => {
          const name = tx(ctx.model.perspective.get(p)?.label, ctx.locale) || p;
          const value = own(answer?.perspectives, p)?.value;
          const voice = answerRef(item.id, p);
          const words = ownWords(view, p);
          return isChoice(item)
            ? html`<fieldset class=${voiceClass(words)}><legend>${voiceName(name, words)}</legend>${previousLine(view, p)}${errorLine(messages, voice)}${choiceControls(view, value, p)}</fieldset>`
            : item.type === 'date'
              ? dateQuestion(view, value, voiceName(name, words), p, previousLine(view, p))
              : html`<div class=${voiceClass(words)}><label for=${domId('control', voice)}>${voiceName(name, words)}</label>${previousLine(view, p)}${errorLine(messages, voice)}${inputControl(view, value, p)}</div>`;
        })}
      </div>
    </fieldset>`;
  }
  if (item.type === 'date')
    return html`<div class="item ${invalid ? 'invalid' : ''}" part="item" id=${questionDomId(item.id)}>
      ${dateQuestion(view, answer?.value, html`${label}${item.required ? requiredMark() : nothing}`, undefined, html`${helpLine(field, helpOf(ctx, item))} ${previousLine(view)}`)}
      ${commentField(view)}
    </div>`;
  return html`<div class="item ${invalid ? 'invalid' : ''}" part="item" id=${questionDomId(item.id)}>
    <label class="label" part="label" for=${domId('control', field)}>${label}${item.required ? requiredMark() : nothing}</label>
    ${helpLine(field, helpOf(ctx, item))} ${previousLine(view)} ${errorLine(messages, field)} ${inputControl(view, answer?.value)} ${commentField(view)}
  </div>`;
}

/** An answer in words, for review (read-only) mode and summaries. */
export function answerText(ctx: FormContext, item: Item, value: AnswerValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, ctx.locale) + (item.type === 'number' && item.unit ? ` ${tx(item.unit, ctx.locale)}` : '');
  const choices = choicesOf(ctx, item);
  const label = (code: string) => choices.find((c) => c.code === code)?.label ?? code;
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (isChoice(item)) return label(value);
  if (item.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, ctx.locale);
  return value;
}

function renderReview(view: ItemView): TemplateResult {
  const { ctx, item, answer } = view;
  const none = noAnswer();
  const line = (value: AnswerValue | undefined) => {
    const text = answerText(ctx, item, value);
    return text ? html`<span class="answer">${text}</span>` : html`<span class="answer empty">${none}</span>`;
  };
  return html`<div class="item review" part="item" id=${questionDomId(item.id)}>
    <p class="label" part="label">${questionText(view)}</p>
    ${item.perspectives
      ? html`<dl class="voices">
          ${item.perspectives.map(
            (p) => html`<div>
              <dt>${tx(ctx.model.perspective.get(p)?.label, ctx.locale) || p}</dt>
              <dd>${line(own(answer?.perspectives, p)?.value)}${previousLine(view, p)}</dd>
            </div>`,
          )}
        </dl>`
      : html`<p>${line(answer?.value)}</p>${previousLine(view)}`}
    ${answer?.comment ? html`<p class="help">${msg(str`Commentaire : ${answer.comment}`, { id: 'comment-review' })}</p>` : nothing}
  </div>`;
}

