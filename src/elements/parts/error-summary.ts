import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { domId, encodeKey } from '../../schema/keys.js';
import type { ErrorEntry } from '../read-model.js';

/** The id of the error summary, which takes focus after a failed submit. */
export const ERROR_SUMMARY_ID = 'error-summary';

/**
 * After a failed submit: a box at the top that takes focus and links to each problem (the GOV.UK
 * Design System pattern). The form moves focus to the control when a link is followed.
 */
export function renderErrorSummary(errors: readonly ErrorEntry[]): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  return html`<div class="error-summary" id=${ERROR_SUMMARY_ID} part="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">${msg('Il y a un problème', { id: 'error-summary.title' })}</h2>
    <ul>
      ${errors.map(
        (e) => html`<li>
          <a href=${`#${domId('control', e.field)}`} data-action="focus-issue" data-key=${encodeKey(e.field)}
            >${msg(str`${e.label} : ${e.message}`, { id: 'error-summary.item' })}</a
          >
        </li>`,
      )}
    </ul>
  </div>`;
}
