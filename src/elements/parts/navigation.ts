import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatNumber, tx } from '../../localize/format.js';
import type { FormContext, NavEntry } from '../read-model.js';
import { progressText } from './summary.js';

/**
 * The section navigator of `layout="sections"`: every section with its progress; the current one
 * marked. On a narrow screen the list folds behind a button that says where the person is
 * ("Section 2 sur 9") and opens it as a menu, so the first question is on the first screen.
 */
export function renderNavigator(ctx: FormContext, entries: readonly NavEntry[], current: number, open = false): TemplateResult {
  const at = formatNumber(current + 1, ctx.locale);
  const total = formatNumber(entries.length, ctx.locale);
  const title = tx(entries[current]?.section.title, ctx.locale);
  return html`<nav class=${open ? 'navigator open' : 'navigator'} part="nav" aria-label=${msg('Sections du questionnaire', { id: 'nav.label' })}>
    <button type="button" class="nav-toggle" data-action="toggle-nav" aria-expanded=${open ? 'true' : 'false'} aria-controls="nav-sections">
      <span>${msg(str`Section ${at} sur ${total}`, { id: 'nav.position' })}</span>
      <span class="title">${title}</span>
    </button>
    <ol id="nav-sections">
      ${entries.map(
        ({ section, progress, invalid }, i) => html`<li>
          <button type="button" data-action="goto" data-index=${i} aria-current=${i === current ? 'step' : 'false'} class=${invalid ? 'has-error' : ''}>
            <span class="title">${tx(section.title, ctx.locale)}</span>
            ${progress ? html`<span class="count">${progressText(ctx, progress.answered, progress.total)}</span>` : ''}
          </button>
        </li>`,
      )}
    </ol>
  </nav>`;
}

/** Previous / next buttons under the current section. */
export function renderStepper(count: number, current: number): TemplateResult {
  return html`<div class="stepper">
    ${current > 0 ? html`<button type="button" data-action="goto" data-index=${current - 1}>${msg('Section précédente', { id: 'nav.previous' })}</button>` : ''}
    ${current < count - 1 ? html`<button type="button" data-action="goto" data-index=${current + 1}>${msg('Section suivante', { id: 'nav.next' })}</button>` : ''}
  </div>`;
}
