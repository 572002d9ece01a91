import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { topSectionOf } from '../../engine/model.js';
import { planSectionOf } from '../../engine/validation.js';
import type { Section } from '../../schema/instrument.js';
import { tx } from '../../localize/format.js';
import { progressText } from './summary.js';
import type { FormView } from './view.js';

/** The section navigator of `layout="sections"`: every section with its progress; the current one marked. */
export function renderNavigator(view: FormView, sections: readonly Section[], current: number): TemplateResult {
  return html`<nav class="navigator" part="nav" aria-label=${msg('Sections du questionnaire', { id: 'nav.label' })}>
    <ol>
      ${sections.map((s, i) => {
        const p = view.summaries.progress.sections[s.id];
        const invalid = [...view.messages.keys()].some((key) => sectionOf(view, key) === s.id);
        return html`<li>
          <button type="button" data-action="goto" data-index=${i} aria-current=${i === current ? 'step' : 'false'} class=${invalid ? 'has-error' : ''}>
            <span class="title">${tx(s.title, view.locale)}</span>
            ${p ? html`<span class="count">${progressText(view, p.answered, p.total)}</span>` : ''}
          </button>
        </li>`;
      })}
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

/** The top-level section an issue key belongs to (items, their voices and action plans). */
export function sectionOf(view: FormView, key: string): string | undefined {
  let id: string | undefined = planSectionOf(view.engine.model, key) ?? key.split('--')[0];
  if (!id || !view.engine.model.parent.has(id)) return undefined;
  return topSectionOf(view.engine.model, id);
}
