import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Section } from '../../schema/instrument.js';
import { answerRef, domId, encodeKey, type FieldRef } from '../../schema/keys.js';
import { formatDate, tx } from '../../localize/format.js';
import { actionStatusLabel, directionLabel } from '../../localize/messages.js';
import { noAnswer } from '../../localize/labels.js';
import type { FormContext, ItemView, PlanView, SummaryView } from '../read-model.js';
import { heading } from './field.js';
import { answerText } from './item.js';
import { scrolling } from './summary.js';

/**
 * What a form and the synthesis show of the previous record: last time's answer under each question,
 * the table of what moved per section, the previous plan's open actions. A form loads them as a chunk
 * (src/elements/form/previous-chunk.ts) only when the host gives a previous record; the synthesis imports
 * its table and caption.
 */

/** The previous meeting's date in words, or "sans date". */
const previousDate = (ctx: FormContext, date: string | undefined): string =>
  date ? formatDate(date, ctx.locale) : msg('sans date', { id: 'previous.no-date' });

const ARROWS = { improved: '▲', worsened: '▼', unchanged: '=', 'newly-answered': '+', 'no-longer-answered': '−', 'not-comparable': '≠' } as const;

/** Last time's answer of a voice (or the single answer), with its date and how it moved; described by the controls. */
export function previousLine(view: ItemView, perspective?: string): TemplateResult | typeof nothing {
  const { ctx, item, previous } = view;
  const voice = previous?.voices.find((v) => v.perspective === perspective);
  if (!previous || !voice) return nothing;
  const text = answerText(ctx, item, voice.value) || noAnswer();
  const date = previousDate(ctx, previous.date);
  return html`<p class="previous ${voice.direction}" part="previous" id=${domId('previous', answerRef(item.id, perspective))}>
    <span class="arrow" aria-hidden="true">${ARROWS[voice.direction]}</span>
    ${msg(str`Précédemment (${date}) : ${text} — ${directionLabel(voice.direction)}`, { id: 'previous.answer' })}
  </p>`;
}

/** The caption of a comparison with the previous record, with its date in words. */
export function sinceCaption(ctx: FormContext, when: string | undefined): string {
  const date = previousDate(ctx, when);
  return msg(str`Depuis la rencontre précédente (${date})`, { id: 'summary.since' });
}

/**
 * A table of what moved since the previous record, one row per section: improved, worse, answered
 * this time; `cells` says how (the questions' names in the form, counts in the synthesis). Named by
 * its caption, or by the heading `labelledBy` names when one already says the same (no caption then).
 */
export function comparisonTable<R extends { section: Section }>(
  ctx: FormContext,
  caption: string,
  rows: readonly R[],
  cells: (row: R) => [unknown, unknown, unknown],
  labelledBy?: string,
): TemplateResult {
  return scrolling(
    caption,
    html`<table part="comparison-table" aria-labelledby=${labelledBy ?? nothing}>
      ${labelledBy ? nothing : html`<caption>${caption}</caption>`}
      <thead>
        <tr>
          <th scope="col">${msg('Section', { id: 'summary.section' })}</th>
          <th scope="col">${msg('En progrès', { id: 'summary.improved' })}</th>
          <th scope="col">${msg('En recul', { id: 'summary.worsened' })}</th>
          <th scope="col">${msg('Répondu cette fois', { id: 'summary.new' })}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr>
            <th scope="row">${tx(row.section.title, ctx.locale)}</th>
            ${cells(row).map((cell) => html`<td>${cell}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

/** Since the previous record, per section: the questions that improved, worsened, are new. */
export function renderFormComparison({ ctx, comparison }: SummaryView): TemplateResult | typeof nothing {
  if (!comparison) return nothing;
  const names = (ids: readonly string[]) =>
    ids.length ? html`<ul>${ids.map((id) => html`<li>${tx(ctx.model.item.get(id)?.label, ctx.locale)}</li>`)}</ul>` : html`<span>${msg('Aucune', { id: 'summary.none' })}</span>`;
  return comparisonTable(ctx, sinceCaption(ctx, comparison.date), comparison.rows, (row) => [names(row.improved), names(row.worsened), names(row.newlyAnswered)]);
}

/** The previous record's open actions for this section, each with a button that carries it into this plan. */
export function renderPreviousActions({ ctx, section, previous }: PlanView): TemplateResult | typeof nothing {
  if (!previous) return nothing;
  const date = previousDate(ctx, previous.date);
  // One level under the section's heading, as the plan's own heading is (no jump: h3 → h4, not h5).
  return html`<div class="previous-actions">
    ${heading(ctx, ctx.model.parent.get(section.id) === undefined ? 2 : 3, msg(str`Actions encore ouvertes de la rencontre précédente (${date})`, { id: 'plan.previous' }))}
    <ul>
      ${previous.actions.map(({ objectiveId, objectiveText, action, carried }) => {
        const ref: FieldRef = { kind: 'action', sectionId: section.id, objectiveId, actionId: action.id };
        const what = [action.what, action.who, action.due && formatDate(action.due, ctx.locale)].filter(Boolean).join(' — ');
        return html`<li>
          <span>${msg(str`${objectiveText} : ${what} (${actionStatusLabel(action.status)})`, { id: 'plan.previous-action' })}</span>
          ${carried
            ? html`<span class="carried">${msg('Reprise dans le plan de cette rencontre', { id: 'plan.carried' })}</span>`
            : ctx.readonly
              ? nothing
              : html`<button type="button" data-action="carry-action" data-key=${encodeKey(ref)} ?disabled=${ctx.disabled}>
                  ${msg(str`Reprendre « ${action.what} » dans ce plan`, { id: 'plan.carry' })}
                </button>`}
        </li>`;
      })}
    </ul>
  </div>`;
}
