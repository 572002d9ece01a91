import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { sectionDomId, sectionTitleId } from '../../schema/keys.js';
import { tx } from '../../localize/format.js';
import type { SectionView } from '../read-model.js';
import { renderActionPlan } from './action-plan.js';
import { heading } from './field.js';
import { renderItem } from './item.js';
import { renderSectionTally } from './summary.js';

/** A section: its heading, description, questions, nested sections, tallies and action plan. */
export function renderSection(view: SectionView): TemplateResult {
  const { ctx, section, top } = view;
  const title = tx(section.title, ctx.locale);
  const titleId = sectionTitleId(section.id);
  return html`<section class="section ${top ? 'top' : 'nested'}" part="section" id=${sectionDomId(section.id)} aria-labelledby=${titleId}>
    ${heading(ctx, top ? 1 : 2, title, { id: titleId, part: 'section-title', class: 'section-title', focusable: top })}
    ${section.description ? html`<p class="description">${tx(section.description, ctx.locale)}</p>` : nothing}
    ${view.items.map((item) => guard([item], () => renderItem(item)))}
    ${view.sections.map((sub) => guard([sub], () => renderSection(sub)))} ${renderSectionTally(ctx, view.tallies)}
    ${view.plan ? guard([view.plan], () => renderActionPlan(view.plan!)) : nothing}
  </section>`;
}
