import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { msg, str } from '@lit/localize';
import { formatDateTime } from '../../localize/format.js';
import type { FormContext, FormView } from '../read-model.js';
import { renderErrorSummary } from './error-summary.js';
import { heading } from './field.js';
import { renderHeader } from './header.js';
import { renderSection } from './section.js';
import { renderAgeBand, renderSession } from './session.js';
import { renderSummary } from './summary.js';

/** The id of the confirmation shown after a successful submit. */
export const CONFIRMATION_ID = 'confirmation';
/** The id of the message shown when the host's save of a submitted result failed. */
export const HANDOVER_FAILED_ID = 'handover-failed';

/**
 * After a successful submit, until something changes: what happened, and what to do for a change.
 * Always in the page (a live region announces what is put in it), visible once filled.
 */
export function renderConfirmation(ctx: FormContext, submittedAt: string | undefined): TemplateResult {
  return html`<div class="confirmation" id=${CONFIRMATION_ID} role="status" tabindex="-1" ?hidden=${!submittedAt}>
    ${submittedAt
      ? html`${heading(ctx, 1, msg('Réponses soumises', { id: 'confirmation.title' }))}
          <p>
            ${msg(str`Le ${formatDateTime(submittedAt, ctx.locale)}, vos réponses ont été transmises. Si vous changez une réponse, soumettez de nouveau.`, {
              id: 'confirmation.text',
            })}
          </p>`
      : nothing}
  </div>`;
}

/**
 * The host's save of a submitted result (`waitUntil`) failed: an alert, focused, that says the answers
 * stay and how to retry. ("Sending…" is a polite live region beside the button, which does not move.)
 */
export function renderHandoverFailed(handover: FormView['handover']): TemplateResult | typeof nothing {
  return handover === 'failed'
    ? html`<div class="notice handover-failed" id=${HANDOVER_FAILED_ID} role="alert" tabindex="-1">
        <p>${msg('Vos réponses n’ont pas pu être transmises. Elles restent dans ce formulaire : soumettez de nouveau pour réessayer.', { id: 'handover.failed' })}</p>
      </div>`
    : nothing;
}

/**
 * A draft found when the form opened: offered, not applied. A live region, so it is announced; its
 * buttons are the next stops for the keyboard.
 */
export function renderDraftOffer(ctx: FormContext, offer: { savedAt: string } | undefined): TemplateResult {
  return html`<div class="draft-offer" role="status" ?hidden=${!offer}>
    ${offer
      ? html`<p>${msg(str`Un brouillon enregistré le ${formatDateTime(offer.savedAt, ctx.locale)} a été trouvé. Voulez-vous le reprendre?`, { id: 'draft.found' })}</p>
          <button type="button" class="primary" data-action="restore-draft">${msg('Reprendre le brouillon', { id: 'draft.restore' })}</button>
          <button type="button" data-action="discard-draft">${msg('Supprimer le brouillon', { id: 'draft.discard' })}</button>`
      : nothing}
  </div>`;
}

/** The parts of `layout="sections"` (src/elements/form/sections-chunk.ts, loaded on need). */
export interface SectionsParts {
  renderNavigator: typeof import('./navigation.js').renderNavigator;
  renderStepper: typeof import('./navigation.js').renderStepper;
}

/** Everything a form shows below its error box, from its read model; `nav` for `layout="sections"`. */
export function renderFormBody(view: FormView, nav?: SectionsParts): TemplateResult {
  const { ctx } = view;
  const stepwise = view.stepwise && nav;
  // One section at a time on screen; every section is in the page, so that all of them print.
  const sections = view.sections.map((section, i) => {
    const part = guard([section], () => renderSection(section));
    return stepwise ? html`<div class=${i === view.current ? 'step' : 'step off'}>${part}</div>` : part;
  });
  return html`${ctx.readonly ? nothing : renderDraftOffer(ctx, view.draftOffer)} ${guard([view.header], () => renderHeader(view.header))}
    ${renderErrorSummary(ctx, view.errors)}
    ${view.session ? guard([view.session], () => renderSession(view.session!)) : nothing}
    ${view.ageBand ? guard([view.ageBand], () => renderAgeBand(view.ageBand!)) : nothing}
    ${stepwise ? nav.renderNavigator(ctx, view.nav, view.current, view.navOpen) : nothing} ${sections}
    ${stepwise ? nav.renderStepper(view.sections.length, view.current) : nothing} ${renderSummary(view.summary)}
    ${renderSubmit(view)}`;
}

/** The confirmation, a failed hand-over and the submit button (nothing in review mode). */
export function renderSubmit(view: FormView): TemplateResult | typeof nothing {
  const { ctx } = view;
  return ctx.readonly
    ? nothing
    : html`${renderConfirmation(ctx, view.submittedAt)} ${renderHandoverFailed(view.handover)}
          <div class="actions">
            <button
              type="button"
              class="primary"
              part="submit"
              data-action="submit"
              ?disabled=${ctx.disabled}
              aria-disabled=${view.handover === 'sending' ? 'true' : nothing}
              aria-busy=${view.handover === 'sending' ? 'true' : nothing}
            >
              ${msg('Soumettre', { id: 'submit' })}
            </button>
            <span class="sending" role="status">${view.handover === 'sending' ? msg('Envoi en cours…', { id: 'handover.sending' }) : nothing}</span>
          </div>`;
}
