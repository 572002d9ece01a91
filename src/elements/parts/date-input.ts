import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { DATE_PARTS, datePartsOf, readDateParts, type DatePart } from '../../engine/dates.js';
import { isIsoDate } from '../../engine/age-bands.js';
import { domId, encodeKey, type FieldRef } from '../../schema/keys.js';
import { formatDate } from '../../localize/format.js';
import type { FormContext, Messages } from '../read-model.js';
import { errorLine, messageOf } from './field.js';

export interface DateInputOptions {
  /** The question or field name, with its required mark: the group's legend. */
  legend: unknown;
  /** The stored date, `YYYY-MM-DD`. */
  value: string | undefined;
  /** Notes between the legend and the fields (help, last time's answer). */
  notes?: unknown;
  /** Ids of those notes, read with the group. */
  describedBy?: string | undefined;
  /** The legend's part name (`label` for a question). */
  legendPart?: string;
  /** A class for the group (`voice` for one voice of a question). */
  class?: string;
}

const partLabel = (part: DatePart): string =>
  part === 'day' ? msg('Jour', { id: 'date.day' }) : part === 'month' ? msg('Mois', { id: 'date.month' }) : msg('Année', { id: 'date.year' });

/**
 * A date as three labelled fields, day, month and year, in this order in both languages (as the
 * GOV.UK Design System's date input): text fields with a numeric keyboard, so nothing depends on the
 * browser's language as a native date input does. One group (fieldset) whose legend is the question,
 * with an example in the form's language, the date in words once given, and one message for the
 * whole date; the wrong fields are marked, and the first of them carries the field's control id so
 * the error summary's link lands on it. The fields keep what was typed (`Engine.typedDate`) until it
 * is a date; the form reads all three on every keystroke (`controls.ts`).
 */
export function dateInput(ctx: FormContext, messages: Messages, field: FieldRef, options: DateInputOptions): TemplateResult {
  const message = messageOf(messages, field);
  const typed = ctx.dates?.typedDate(field);
  const shown = typed ?? datePartsOf(options.value);
  const wrong: readonly DatePart[] = message ? (typed && readDateParts(typed).problem?.wrong) || DATE_PARTS : [];
  const control = domId('control', field);
  const first = wrong[0] ?? 'day';
  const idOf = (part: DatePart) => (part === first ? control : `${control}-${part}`);
  const hintId = domId('format', field);
  const words = options.value && isIsoDate(options.value) && !(typed && readDateParts(typed).problem) ? formatDate(options.value, ctx.locale) : '';
  const wordsId = `${hintId}-words`;
  const described = [options.describedBy, hintId, words ? wordsId : '', message ? domId('error', field) : ''].filter(Boolean).join(' ');
  return html`<fieldset class="date-input ${options.class ?? ''} ${message ? 'invalid' : ''}" aria-describedby=${described}>
    <legend part=${ifDefined(options.legendPart)}>${options.legend}</legend>
    ${options.notes ?? nothing}
    <p class="date-hint" id=${hintId}>${msg('Par exemple : 12 3 2026', { id: 'date.example' })}</p>
    ${words ? html`<p class="date-hint date-words" id=${wordsId}>${msg(str`Date inscrite : ${words}`, { id: 'date.in-words' })}</p>` : nothing}
    ${errorLine(messages, field)}
    <div class="date-parts" data-key=${encodeKey(field)}>
      ${DATE_PARTS.map(
        (part) => html`<div class="date-part">
          <label for=${idOf(part)}>${partLabel(part)}</label>
          <input
            id=${idOf(part)}
            class="date-${part}"
            part="control"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            spellcheck="false"
            data-part=${part}
            .value=${live(shown[part])}
            ?disabled=${ctx.disabled}
            aria-invalid=${ifDefined(wrong.includes(part) ? 'true' : undefined)}
          />
        </div>`,
      )}
    </div>
  </fieldset>`;
}
