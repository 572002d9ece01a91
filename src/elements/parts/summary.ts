import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { msg, str } from '@lit/localize';
import type { Section, TallyRule } from '../../schema/instrument.js';
import type { TallyEntry } from '../../schema/result.js';
import { formatNumber, tx } from '../../localize/format.js';
import type { FormView } from './view.js';

const n = (value: number, view: FormView) => formatNumber(value, view.locale);

/** "3/7" on screen, "Questions answered: 3 of 7" for screen readers. */
export function progressText(view: FormView, answered: number, total: number): TemplateResult {
  return html`<span aria-hidden="true">${n(answered, view)}/${n(total, view)}</span
    ><span class="sr-only">${msg(str`Questions répondues : ${n(answered, view)} sur ${n(total, view)}`, { id: 'progress.sr' })}</span>`;
}

const statusLabel = (view: FormView, rule: TallyRule, status: string | null) =>
  status ? tx(rule.statuses?.find((s) => s.id === status)?.label, view.locale) || status : '—';

/** One line under a section with several tallied items: counts per level and the status. */
export function renderSectionTally(view: FormView, section: Section): TemplateResult | typeof nothing {
  const rules = view.engine.instrument.summary?.tallies ?? [];
  const lines = rules.flatMap((rule) => {
    const entry = view.summaries.tallies[rule.id]?.sections[section.id];
    if (!entry || entry.counted + entry.missing + entry.unanswered < 2) return [];
    const options = view.engine.model.scale.get(rule.scale)?.options ?? [];
    const counts = options.map((o) => `${tx(o.label, view.locale)} ${n(entry.counts[o.code] ?? 0, view)}`).join(' · ');
    return [
      html`<p class="tally" part="tally">
        <span>${counts}</span>
        <strong>${msg(str`Statut : ${statusLabel(view, rule, entry.status)}`, { id: 'tally.status' })}</strong>
      </p>`,
    ];
  });
  return lines.length ? html`${lines}` : nothing;
}

function tallyTable(view: FormView, rule: TallyRule): TemplateResult | typeof nothing {
  const tally = view.summaries.tallies[rule.id];
  if (!tally) return nothing;
  const options = view.engine.model.scale.get(rule.scale)?.options ?? [];
  const rows = Object.entries(tally.sections) as [string, TallyEntry][];
  const statuses = (rule.statuses ?? []).filter((s) => tally.statuses[s.id]);
  return html`<table part="tally-table">
      <caption>${tx(rule.label, view.locale) || rule.id}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Section', { id: 'summary.section' })}</th>
          ${options.map((o) => html`<th scope="col">${tx(o.label, view.locale)}</th>`)}
          <th scope="col">${msg('Statut', { id: 'plan.status' })}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(([id, entry]) =>
          guard([rule, id, options.map((o) => entry.counts[o.code] ?? 0).join(), entry.status, view.locale], () => html`<tr>
            <th scope="row">${tx(view.engine.model.section.get(id)?.title, view.locale)}</th>
            ${options.map((o) => html`<td>${n(entry.counts[o.code] ?? 0, view)}</td>`)}
            <td>${statusLabel(view, rule, entry.status)}</td>
          </tr>`),
        )}
      </tbody>
    </table>
    ${statuses.length
      ? html`<p class="tally-overall">
          ${statuses.map(
            (s, i) => html`${i ? ' · ' : ''}${msg(str`${tx(s.label, view.locale)} : ${n(tally.statuses[s.id]!, view)}`, { id: 'tally.count' })}`,
          )}
        </p>`
      : nothing}`;
}

/** Visible while filling: progress and open actions per section, each tally, and what is kept aside. */
export function renderSummary(view: FormView): TemplateResult {
  const { summaries, engine } = view;
  const sections = engine.instrument.sections.filter((s) => summaries.progress.sections[s.id]);
  const withPlans = engine.model.sections.some((s) => s.actionPlan);
  const openIn = (s: Section) =>
    [s, ...(s.sections ?? [])].reduce((sum, x) => sum + (summaries.actions[x.id]?.open ?? 0), 0);
  const overall = summaries.progress.overall;
  return html`<section class="summary" part="summary" aria-labelledby="summary-title">
    <h3 id="summary-title">${msg('Sommaire', { id: 'summary.title' })}</h3>
    <p>${msg(str`Réponses données : ${n(overall.answered, view)} sur ${n(overall.total, view)} (${n(overall.percent, view)} %).`, { id: 'summary.overall' })}</p>
    <table part="progress-table">
      <caption>${msg('Progression par section', { id: 'summary.progress' })}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Section', { id: 'summary.section' })}</th>
          <th scope="col">${msg('Réponses', { id: 'summary.answers' })}</th>
          ${withPlans ? html`<th scope="col">${msg('Actions ouvertes', { id: 'summary.open-actions' })}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${sections.map((s) => {
          const p = summaries.progress.sections[s.id]!;
          const open = withPlans ? openIn(s) : -1;
          return guard([s, p.answered, p.total, open, view.locale], () => html`<tr>
            <th scope="row">${tx(s.title, view.locale)}</th>
            <td>${progressText(view, p.answered, p.total)}</td>
            ${open >= 0 ? html`<td>${n(open, view)}</td>` : nothing}
          </tr>`);
        })}
      </tbody>
    </table>
    ${(engine.instrument.summary?.tallies ?? []).map((rule) => tallyTable(view, rule))}
    ${summaries.disagreements.length
      ? html`<p class="note">${msg(str`Questions où les points de vue diffèrent : ${n(summaries.disagreements.length, view)}.`, { id: 'summary.disagreements' })}</p>`
      : nothing}
    ${summaries.outOfScope.length + summaries.unknownItems.length
      ? html`<p class="note">
          ${msg(str`Réponses conservées mais non affichées (autre tranche d’âge, question masquée ou retirée) : ${n(summaries.outOfScope.length + summaries.unknownItems.length, view)}.`, {
            id: 'summary.kept',
          })}
        </p>`
      : nothing}
  </section>`;
}
