import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { controlId } from './view.js';

export interface SummaryIssue {
  /** issueKey of the field: the link goes to its control. */
  key: string;
  field: string;
  message: string;
}

/**
 * After a failed submit: a box at the top that takes focus and links to each problem (the GOV.UK
 * Design System pattern). The form moves focus to the control when a link is followed.
 */
export function renderErrorSummary(issues: readonly SummaryIssue[]): TemplateResult | typeof nothing {
  if (issues.length === 0) return nothing;
  return html`<div class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">${msg('Il y a un problème', { id: 'error-summary.title' })}</h2>
    <ul>
      ${issues.map(
        (i) => html`<li>
          <a href=${`#${controlId(i.key)}`} data-action="focus-issue" data-target=${i.key}
            >${msg(str`${i.field} : ${i.message}`, { id: 'error-summary.item' })}</a
          >
        </li>`,
      )}
    </ul>
  </div>`;
}
