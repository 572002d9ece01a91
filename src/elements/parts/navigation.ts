import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { tx } from '../../localize/format.js';
import type { FormContext, NavEntry } from '../read-model.js';
import { progressText } from './summary.js';

/** The section navigator of `layout="sections"`: every section with its progress; the current one marked. */
export function renderNavigator(ctx: FormContext, entries: readonly NavEntry[], current: number): TemplateResult {
  return html`<nav class="navigator" part="nav" aria-label=${msg('Sections du questionnaire', { id: 'nav.label' })}>
    <ol>
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
