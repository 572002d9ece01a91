import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { msg, str } from '@lit/localize';
import { formatNumber, tx } from '../../localize/format.js';
import type { Item } from '../../schema/instrument.js';
import type { FormContext, FormView, ItemView, PlanView, SectionView, TallyLine } from '../read-model.js';
import { renderActionPlan } from './action-plan.js';
import { renderErrorSummary } from './error-summary.js';
import { heading } from './field.js';
import { renderDraftOffer, renderSubmit } from './form.js';
import { renderHeader } from './header.js';
import { renderItem } from './item.js';
import { renderAgeBand, renderSession } from './session.js';
import { progressText, renderSectionTally, renderSummary } from './summary.js';

/**
 * `layout="presentation"`: the form on a projected screen, one step at a time — the meeting's
 * details, each question, the end of each section that has a tally or an action plan, then the
 * summary and Submit. Built from the form's read model, so the answers, the engine and the result
 * are the same as in the other layouts; only what is on screen differs.
 */

/** The id of the step's heading: focus goes there when a person moves to another step. */
export const PRESENT_HEADING_ID = 'present-heading';
/** The id of the box around the step's content (its question's options are looked up there). */
export const PRESENT_STEP_ID = 'present-step';

export type Step =
  | { readonly kind: 'session'; readonly key: 'session' }
  | {
      readonly kind: 'item';
      readonly key: string;
      readonly item: ItemView;
      /** The top-level section the question is in. */
      readonly section: SectionView;
      /** 0-based among the visible questions. */
      readonly number: number;
    }
  | { readonly kind: 'section-end'; readonly key: string; readonly section: SectionView }
  | { readonly kind: 'end'; readonly key: 'end' };

export interface PresentationView {
  readonly form: FormView;
  readonly steps: readonly Step[];
  /** Index of the step on screen. */
  readonly at: number;
  /** How many questions are visible in all. */
  readonly questions: number;
  /** What the polite live region says (the step a person just moved to). */
  readonly announcement: string;
}

export const itemStepKey = (itemId: string) => `item:${itemId}`;
export const sectionEndKey = (sectionId: string) => `end:${sectionId}`;

/** The questions, tallies and action plans of a section and its nested sections, in order. */
function contentOf(view: SectionView, out = { items: [] as ItemView[], tallies: [] as TallyLine[], plans: [] as PlanView[] }) {
  out.items.push(...view.items);
  for (const sub of view.sections) contentOf(sub, out);
  out.tallies.push(...view.tallies);
  if (view.plan) out.plans.push(view.plan);
  return out;
}

/** The steps of the form: the meeting (when asked for), each question, section ends, the end. */
export function stepsOf(form: FormView): Step[] {
  const steps: Step[] = [];
  if (form.session || form.ageBand) steps.push({ kind: 'session', key: 'session' });
  let number = 0;
  for (const section of form.sections) {
    const { items, tallies, plans } = contentOf(section);
    for (const item of items) steps.push({ kind: 'item', key: itemStepKey(item.item.id), item, section, number: number++ });
    if (tallies.length || plans.length) steps.push({ kind: 'section-end', key: sectionEndKey(section.section.id), section });
  }
  steps.push({ kind: 'end', key: 'end' });
  return steps;
}

/** A question's choices can be given with one key (its number): a choice question with one answer per question. */
export const answersByKey = (item: Item): boolean =>
  !item.perspectives && (item.type === 'single-choice' || item.type === 'multiple-choice' || item.type === 'yes-no');

/** "Énoncé 7 sur 24" (the instrument's noun for a question), else "Question 7 sur 24". */
export function positionText(ctx: FormContext, number: number, total: number): string {
  const noun = tx(ctx.model.instrument.itemNoun, ctx.locale) || msg('Question', { id: 'presentation.question' });
  return msg(str`${noun} ${formatNumber(number + 1, ctx.locale)} sur ${formatNumber(total, ctx.locale)}`, { id: 'presentation.position' });
}

/** The heading of a step, as shown and as announced. */
export function stepTitle(ctx: FormContext, step: Step, questions: number): string {
  switch (step.kind) {
    case 'session':
      return msg('La rencontre', { id: 'session.legend' });
    case 'item':
      return positionText(ctx, step.number, questions);
    case 'section-end':
      return msg(str`Fin de la section : ${tx(step.section.section.title, ctx.locale)}`, { id: 'presentation.section-end' });
    case 'end':
      return msg('Fin du questionnaire', { id: 'presentation.end' });
  }
}

/** What the live region says when a person arrives on a step: its heading, and the question's text. */
export function announcementOf(ctx: FormContext, step: Step, questions: number): string {
  const title = stepTitle(ctx, step, questions);
  if (step.kind !== 'item') return title;
  return `${title}. ${tx(step.section.section.title, ctx.locale)}. ${tx(step.item.item.label, ctx.locale)}`;
}

/** The keys a person can use on this step, said on screen. */
function keysHint(ctx: FormContext, step: Step): TemplateResult {
  const count = step.kind === 'item' && answersByKey(step.item.item) ? Math.min(9, optionCount(ctx, step.item.item)) : 0;
  const move = msg('Entrée ou Page suivante : continuer · Page précédente : revenir', { id: 'presentation.keys-move' });
  return html`<p class="present-keys" part="presentation-keys">
    ${count > 1 ? html`${msg(str`Touches 1 à ${formatNumber(count, ctx.locale)} ou flèches : répondre`, { id: 'presentation.keys-answer' })} · ` : nothing}${move}
  </p>`;
}

function optionCount(ctx: FormContext, item: Item): number {
  if (item.type === 'yes-no') return item.allowUnknown === false ? 2 : 3;
  return item.type === 'single-choice' || item.type === 'multiple-choice' ? (ctx.model.scale.get(item.scale)?.options.length ?? 0) : 0;
}

/** The live tally of the section on screen (or its final count, at its end). */
function tallyBox(ctx: FormContext, section: SectionView, final: boolean): TemplateResult | typeof nothing {
  const { tallies } = contentOf(section);
  if (!tallies.length) return nothing;
  const title = tx(section.section.title, ctx.locale);
  return html`<div class="present-tally" part="presentation-tally">
    <p class="present-tally-title">
      ${final ? msg(str`Compte final — ${title}`, { id: 'presentation.tally-final' }) : msg(str`Compte en cours — ${title}`, { id: 'presentation.tally-live' })}
    </p>
    ${renderSectionTally(ctx, tallies)}
  </div>`;
}

function stepBody(form: FormView, step: Step, shown: boolean): unknown {
  const ctx = form.ctx;
  switch (step.kind) {
    case 'session':
      return html`${form.session ? guard([form.session], () => renderSession(form.session!)) : nothing}
      ${form.ageBand ? guard([form.ageBand], () => renderAgeBand(form.ageBand!)) : nothing}`;
    case 'item':
      // The live tally only on screen (it does not print: each section's end has the final one).
      return html`<div class="present-question">${guard([step.item], () => renderItem(step.item))}</div>
        ${shown ? tallyBox(ctx, step.section, false) : nothing}`;
    case 'section-end':
      return guard(
        [step.section],
        () => html`${tallyBox(ctx, step.section, true)} ${contentOf(step.section).plans.map((plan) => guard([plan], () => renderActionPlan(plan)))}`,
      );
    case 'end':
      return html`${renderSummary(form.summary)} ${renderSubmit(form)}`;
  }
}

/** The whole form in `layout="presentation"`. */
export function renderPresentation(view: PresentationView): TemplateResult {
  const { form, steps, at, questions } = view;
  const { ctx } = form;
  const step = steps[at]!;
  const section = step.kind === 'item' || step.kind === 'section-end' ? tx(step.section.section.title, ctx.locale) : '';
  const overall = form.summary.overall;
  const percent = overall.total ? Math.round((overall.answered / overall.total) * 100) : 0;
  // On a question's step the title stays, its description and notes wait for the first and last steps.
  const compact = step.kind === 'item' || step.kind === 'section-end';
  return html`${ctx.readonly ? nothing : renderDraftOffer(ctx, form.draftOffer)}
    <div class=${compact ? 'present-header compact' : 'present-header'}>${guard([form.header], () => renderHeader(form.header))}</div>
    ${renderErrorSummary(ctx, form.errors)}
    <div class="presentation" part="presentation">
      <div class="present-bar" part="presentation-bar">
        <p class="present-section">${section}</p>
        <p class="present-progress">
          <span class="present-meter" aria-hidden="true"><span style="width: ${percent}%"></span></span>
          ${progressText(ctx, overall.answered, overall.total)}
        </p>
      </div>
      ${heading(ctx, 1, stepTitle(ctx, step, questions), { id: PRESENT_HEADING_ID, class: 'present-heading', focusable: true })}
      ${steps.map((s, i) =>
        // Every step is in the page (hidden but the one on screen), so that the whole form prints.
        i === at
          ? html`<div class="present-step ${s.kind}" id=${PRESENT_STEP_ID}>${stepBody(form, s, true)}</div>`
          : html`<div class="present-step ${s.kind} off">${stepBody(form, s, false)}</div>`,
      )}
      <div class="present-nav" part="presentation-nav">
        <button type="button" data-action="present-previous" ?disabled=${at === 0}>${msg('Précédent', { id: 'presentation.previous' })}</button>
        ${at < steps.length - 1 ? html`<button type="button" class="primary" data-action="present-next">${msg('Suivant', { id: 'presentation.next' })}</button>` : nothing}
      </div>
      ${ctx.readonly ? nothing : keysHint(ctx, step)}
      <div class="sr-only" role="status">${view.announcement}</div>
    </div>`;
}
