import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { msg, str } from '@lit/localize';
import type { TallyRule } from '../../schema/instrument.js';
import { formatNumber, tx } from '../../localize/format.js';
import type { FormContext, SummaryView, TallyLine, TallyTable } from '../read-model.js';
import { heading } from './field.js';
import { own } from '../../engine/records.js';

const n = (value: number, ctx: FormContext) => formatNumber(value, ctx.locale);

/**
 * A table in a region that scrolls sideways when the form is narrower than the table (320 px): named
 * by the table's caption and focusable, so keyboard users can scroll it; a shadow at the edge shows
 * there is more.
 */
export const scrolling = (caption: string, table: TemplateResult) =>
  html`<div class="table-scroll" role="region" tabindex="0" aria-label=${msg(str`Tableau : ${caption}`, { id: 'table.region' })}>${table}</div>`;

/** "Questions answered: 3 of 7", in words. */
export const answeredText = (ctx: FormContext, answered: number, total: number): string =>
  msg(str`Questions répondues : ${n(answered, ctx)} sur ${n(total, ctx)}`, { id: 'progress.sr' });

/** "3/7" on screen, "Questions answered: 3 of 7" for screen readers. */
export function progressText(ctx: FormContext, answered: number, total: number): TemplateResult {
  return html`<span aria-hidden="true">${n(answered, ctx)}/${n(total, ctx)}</span><span class="sr-only">${answeredText(ctx, answered, total)}</span>`;
}

const statusLabel = (ctx: FormContext, rule: TallyRule, status: string | null) =>
  status ? tx(rule.statuses?.find((s) => s.id === status)?.label, ctx.locale) || status : '—';

/** The lines under a section with several tallied items: counts per level and the status. */
export function renderSectionTally(ctx: FormContext, lines: readonly TallyLine[]): TemplateResult | typeof nothing {
  if (!lines.length) return nothing;
  return html`${lines.map(({ rule, entry }) => {
    const options = ctx.model.scale.get(rule.scale)?.options ?? [];
    const counts = options.map((o) => `${tx(o.label, ctx.locale)} ${n(own(entry.counts, o.code) ?? 0, ctx)}`).join(' · ');
    return html`<p class="tally" part="tally">
      <span>${counts}</span>
      <strong>${msg(str`Statut : ${statusLabel(ctx, rule, entry.status)}`, { id: 'tally.status' })}</strong>
    </p>`;
  })}`;
}

function tallyTable(ctx: FormContext, { rule, rows, statuses: counts }: TallyTable): TemplateResult {
  const options = ctx.model.scale.get(rule.scale)?.options ?? [];
  const statuses = (rule.statuses ?? []).filter((s) => own(counts, s.id));
  const captionId = `tally-caption-${rule.id}`;
  const statusTitle = msg('Statut', { id: 'plan.status' });
  // On a narrow screen each row is a card (see the styles): each cell shows its column's name.
  return html`${scrolling(tx(rule.label, ctx.locale) || rule.id, html`<table class="stack" part="tally-table" aria-labelledby=${captionId}>
      <caption id=${captionId}>${tx(rule.label, ctx.locale) || rule.id}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Section', { id: 'summary.section' })}</th>
          ${options.map((o) => html`<th scope="col">${tx(o.label, ctx.locale)}</th>`)}
          <th scope="col">${statusTitle}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) =>
          guard([row], () => html`<tr>
            <th scope="row">${tx(ctx.model.section.get(row.sectionId)?.title, ctx.locale)}</th>
            ${options.map((o) => html`<td data-label=${tx(o.label, ctx.locale)}>${n(own(row.entry.counts, o.code) ?? 0, ctx)}</td>`)}
            <td data-label=${statusTitle}>${statusLabel(ctx, rule, row.entry.status)}</td>
          </tr>`),
        )}
      </tbody>
    </table>`)}
    ${statuses.length
      ? html`<p class="tally-overall">
          ${statuses.map((s, i) => html`${i ? ' · ' : ''}${msg(str`${tx(s.label, ctx.locale)} : ${n(own(counts, s.id)!, ctx)}`, { id: 'tally.count' })}`)}
        </p>`
      : nothing}`;
}

/** Visible while filling: progress and open actions per section, each tally, and what is kept aside. */
export function renderSummary(view: SummaryView): TemplateResult {
  const { ctx, overall } = view;
  return html`<section class="summary" part="summary" aria-labelledby="summary-title">
    ${heading(ctx, 1, msg('Sommaire', { id: 'summary.title' }), { id: 'summary-title', class: 'summary-title' })}
    ${view.byRequired
      ? html`<p>${msg(str`Réponses données : ${n(overall.answered, ctx)} sur ${n(overall.total, ctx)}.`, { id: 'summary.answered' })}
            ${msg(str`Questions obligatoires répondues : ${n(overall.requiredAnswered, ctx)} sur ${n(overall.required, ctx)} (${n(overall.percent, ctx)} %).`, {
              id: 'summary.required',
            })}</p>`
      : html`<p>${msg(str`Réponses données : ${n(overall.answered, ctx)} sur ${n(overall.total, ctx)} (${n(overall.percent, ctx)} %).`, { id: 'summary.overall' })}</p>`}
    ${scrolling(msg('Progression par section', { id: 'summary.progress' }), html`<table part="progress-table" aria-labelledby="progress-caption">
      <caption id="progress-caption">${msg('Progression par section', { id: 'summary.progress' })}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Section', { id: 'summary.section' })}</th>
          <th scope="col">${msg('Réponses', { id: 'summary.answers' })}</th>
          ${view.withPlans ? html`<th scope="col">${msg('Actions ouvertes', { id: 'summary.open-actions' })}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${view.rows.map((row) =>
          guard([row], () => html`<tr>
            <th scope="row">${tx(row.section.title, ctx.locale)}</th>
            <td>${progressText(ctx, row.progress.answered, row.progress.total)}</td>
            ${row.open !== undefined ? html`<td>${n(row.open, ctx)}</td>` : nothing}
          </tr>`),
        )}
      </tbody>
    </table>`)}
    ${view.tallies.map((table) => tallyTable(ctx, table))} ${view.comparison ? ctx.previousParts?.renderFormComparison(view) : nothing}
    ${view.disagreements
      ? html`<p class="note">${msg(str`Questions où les points de vue diffèrent : ${n(view.disagreements, ctx)}.`, { id: 'summary.disagreements' })}</p>`
      : nothing}
    ${view.kept
      ? html`<p class="note">
          ${msg(str`Réponses conservées mais non affichées (autre tranche d’âge, question masquée ou retirée) : ${n(view.kept, ctx)}.`, { id: 'summary.kept' })}
        </p>`
      : nothing}
  </section>`;
}
