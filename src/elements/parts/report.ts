import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { AnswerValue } from '../../schema/common.js';
import { formatDate, formatNumber, tx } from '../../localize/format.js';
import { intlTag } from '../../localize/locale.js';
import { actionStatusLabel, directionLabel } from '../../localize/messages.js';
import { ageBandLabel, noAnswer, participantLine, participantsLabel, sessionDateLabel, subjectLabel, territoryLabel } from '../../localize/labels.js';
import type { FormContext } from '../read-model.js';
import type { Report, ReportAnswer, ReportSection } from '../summary/report.js';
import { heading } from './field.js';
import { answerText } from './item.js';
import { comparisonTable, sinceCaption } from './comparison.js';
import { answeredText, scrolling } from './summary.js';

const n = (value: number, ctx: FormContext) => formatNumber(value, ctx.locale);

/** Whether a count takes the singular in the language (French: 0 and 1; English: 1). */
const singular = (value: number, ctx: FormContext) => new Intl.PluralRules(intlTag(ctx.locale)).select(value) === 'one';
const openCount = (ctx: FormContext, value: number) =>
  singular(value, ctx) ? msg(str`${n(value, ctx)} ouverte`, { id: 'report.open-one' }) : msg(str`${n(value, ctx)} ouvertes`, { id: 'report.open' });
const closedCount = (ctx: FormContext, value: number) =>
  singular(value, ctx)
    ? msg(str`${n(value, ctx)} terminée ou abandonnée`, { id: 'report.closed-one' })
    : msg(str`${n(value, ctx)} terminées ou abandonnées`, { id: 'report.closed' });

/** An answer in words, or "Sans réponse". */
const said = (ctx: FormContext, item: ReportAnswer['item'], value: AnswerValue | undefined) =>
  answerText(ctx, item, value) || noAnswer();

/**
 * The synthesis of one result for the case file and the meeting: who and when, progress, the
 * answers and statuses of each section, the voices that differ, the actions open and done, and what
 * moved since the previous record. Read-only: headings and tables with headers, no control.
 */
export function renderReport(report: Report): TemplateResult {
  const { ctx, result } = report;
  const inst = ctx.model.instrument;
  const s = result.session;
  const band = inst.ageBands?.find((b) => b.id === result.ageBand);
  const overall = result.summaries.progress.overall;
  const row = (label: string, value: unknown) => (value ? html`<div><dt>${label}</dt><dd>${value}</dd></div>` : nothing);
  return html`<article class="report" part="base">
    <header part="header">
      ${heading(ctx, 0, tx(inst.title, ctx.locale), { part: 'title', class: 'title' })}
      <p class="description">${msg('Synthèse', { id: 'report.subtitle' })}</p>
      <dl class="meta">
        ${row(sessionDateLabel(), s.date && formatDate(s.date, ctx.locale))}
        ${row(subjectLabel(), s.subjectId)}
        ${row(territoryLabel(), s.territory)}
        ${row(ageBandLabel(), band && tx(band.label, ctx.locale))}
        ${row(participantsLabel(), s.participants?.length ? s.participants.map((p) => participantLine(p, inst.session?.participants?.roles, ctx.locale)).join(' ; ') : undefined)}
        ${row(msg('État', { id: 'report.status' }), result.status === 'complete' ? msg('Complet', { id: 'report.complete' }) : msg('Brouillon', { id: 'report.draft' }))}
      </dl>
      <p>
        ${msg(str`Réponses données : ${n(overall.answered, ctx)} sur ${n(overall.total, ctx)}.`, { id: 'summary.answered' })}
        ${inst.summary?.completion === 'required'
          ? msg(str`Questions obligatoires répondues : ${n(overall.requiredAnswered, ctx)} sur ${n(overall.required, ctx)} (${n(overall.percent, ctx)} %).`, { id: 'summary.required' })
          : nothing}
      </p>
    </header>
    ${renderComparison(report)} ${report.sections.map((section) => renderSection(report, section))}
    ${report.disagreements.length
      ? html`<p class="note">${msg(str`Questions où les points de vue diffèrent : ${n(report.disagreements.length, ctx)}.`, { id: 'summary.disagreements' })}</p>`
      : nothing}
  </article>`;
}

function renderComparison({ ctx, comparison, previousDate }: Report): TemplateResult | typeof nothing {
  if (!comparison) return nothing;
  const caption = sinceCaption(ctx, previousDate);
  const rows = comparison.sections
    .filter((c) => ctx.model.parent.get(c.sectionId) === undefined)
    .map((c) => ({ section: ctx.model.section.get(c.sectionId)!, counts: c.counts }));
  return html`<section class="section top" aria-labelledby="report-since">
    ${heading(ctx, 1, caption, { id: 'report-since', class: 'section-title' })}
    ${comparisonTable(ctx, caption, rows, ({ counts }) => [n(counts.improved, ctx), n(counts.worsened, ctx), n(counts['newly-answered'], ctx)], 'report-since')}
    ${comparison.removedItems.length
      ? html`<p class="note">
          ${msg(str`Questions de la rencontre précédente que cette version n’a plus : ${comparison.removedItems.join(', ')}.`, { id: 'report.removed' })}
        </p>`
      : nothing}
  </section>`;
}

function renderSection(report: Report, view: ReportSection): TemplateResult {
  const { ctx, comparison } = report;
  const { section, depth, progress } = view;
  const title = tx(section.title, ctx.locale);
  const id = `r-${section.id}`;
  const voice = (p: string | undefined) => (p ? tx(ctx.model.perspective.get(p)?.label, ctx.locale) || p : '');
  const rows = view.answers.flatMap((a) =>
    a.voices.map(
      (v) => html`<tr>
        <th scope="row">${tx(a.item.label, ctx.locale)}${v.perspective ? html` — ${voice(v.perspective)}` : nothing}</th>
        <td>
          ${said(ctx, a.item, v.value)}
          ${a.comment && !v.perspective ? html`<div class="help">${msg(str`Commentaire : ${a.comment}`, { id: 'comment-review' })}</div>` : nothing}
          ${a.disagreement && v.perspective === a.voices[0]!.perspective
            ? html`<div class="note">${msg('Les points de vue diffèrent sur cette question.', { id: 'disagreement' })}</div>`
            : nothing}
        </td>
        ${comparison
          ? html`<td>${v.direction ? said(ctx, a.item, v.previous) : '—'}</td>
              <td>${v.direction ? directionLabel(v.direction) : '—'}</td>`
          : nothing}
      </tr>`,
    ),
  );
  const open = view.actions.filter((a) => a.open).length;
  return html`<section class="section ${depth === 1 ? 'top' : 'nested'}" part="section" aria-labelledby=${id}>
    ${heading(ctx, depth, title, { id, part: 'section-title', class: 'section-title' })}
    ${progress ? html`<p>${answeredText(ctx, progress.answered, progress.total)}</p>` : nothing}
    ${view.tallies.map(
      ({ rule, entry, previous }) => html`<p class="tally" part="tally">
        <strong>${msg(str`Statut : ${tx(rule.statuses?.find((st) => st.id === entry.status)?.label, ctx.locale) || '—'}`, { id: 'tally.status' })}</strong>
        ${previous !== undefined
          ? html`<span>${msg(str`Précédemment : ${tx(rule.statuses?.find((st) => st.id === previous)?.label, ctx.locale) || '—'}`, { id: 'report.previous-status' })}</span>`
          : nothing}
      </p>`,
    )}
    ${rows.length
      ? scrolling(
          msg(str`Réponses — ${title}`, { id: 'report.answers' }),
          html`<table class="answers">
            <caption>${msg(str`Réponses — ${title}`, { id: 'report.answers' })}</caption>
            <thead>
              <tr>
                <th scope="col">${msg('Question', { id: 'report.question' })}</th>
                <th scope="col">${msg('Réponse', { id: 'report.answer' })}</th>
                ${comparison
                  ? html`<th scope="col">${msg('Précédemment', { id: 'report.before' })}</th>
                      <th scope="col">${msg('Évolution', { id: 'report.direction' })}</th>`
                  : nothing}
              </tr>
            </thead>
            <tbody>${rows}</tbody>
          </table>`,
        )
      : nothing}
    ${view.actions.length
      ? scrolling(
          msg(str`Plan d’action — ${title}`, { id: 'field.plan' }),
          html`<table class="actions-table">
            <caption>
              ${msg(str`Plan d’action — ${title}`, { id: 'field.plan' })} —
              ${openCount(ctx, open)}, ${closedCount(ctx, view.actions.filter((a) => a.closed).length)}
            </caption>
            <thead>
              <tr>
                <th scope="col">${msg('Objectif', { id: 'report.objective' })}</th>
                <th scope="col">${msg('Action', { id: 'report.action' })}</th>
                <th scope="col">${msg('Qui', { id: 'plan.who' })}</th>
                <th scope="col">${msg('Échéance', { id: 'plan.due' })}</th>
                <th scope="col">${msg('Statut', { id: 'plan.status' })}</th>
              </tr>
            </thead>
            <tbody>
              ${view.actions.map(
                ({ objective, action }) => html`<tr>
                  <td>${objective}</td>
                  <th scope="row">${action.what}</th>
                  <td>${action.who ?? '—'}</td>
                  <td>${action.due ? formatDate(action.due, ctx.locale) : '—'}</td>
                  <td>${actionStatusLabel(action.status)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`,
        )
      : nothing}
    ${view.sections.map((sub) => renderSection(report, sub))}
  </section>`;
}
