import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { domId, encodeKey } from '../../schema/keys.js';
import { formatNumber } from '../../localize/format.js';
import type { FormContext, ErrorSummaryView } from '../read-model.js';
import { heading } from './field.js';

/** The id of the error summary, which takes focus after a failed submit. */
export const ERROR_SUMMARY_ID = 'error-summary';

/**
 * After a failed submit: a box at the top (the GOV.UK Design System's error summary: an alert, a
 * heading, links) that takes focus, its heading scrolled to the top of the screen so it is read
 * first. Each link moves focus to a field; see ErrorSummaryView for when links are grouped.
 */
export function renderErrorSummary(ctx: FormContext, view: ErrorSummaryView | undefined): TemplateResult | typeof nothing {
  if (!view) return nothing;
  const title =
    view.count === 1
      ? msg('Il y a un problème', { id: 'error-summary.title' })
      : msg(str`Il y a ${formatNumber(view.count, ctx.locale)} problèmes`, { id: 'error-summary.title-many' });
  return html`<div class="error-summary" id=${ERROR_SUMMARY_ID} part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    ${heading(ctx, 0, title, { id: 'error-summary-title', class: 'error-summary-title' })}
    ${view.grouped ? html`<p>${msg('Chaque lien mène au premier problème d’une partie; le message de chaque champ est affiché sous celui-ci.', { id: 'error-summary.grouped' })}</p>` : nothing}
    <ul>
      ${view.entries.map(
        (e) => html`<li>
          <a href=${`#${domId('control', e.field)}`} data-action="focus-issue" data-key=${encodeKey(e.field)}>${e.text}</a>
        </li>`,
      )}
    </ul>
  </div>`;
}
