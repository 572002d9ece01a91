import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { msg } from '@lit/localize';
import type { FormView } from '../read-model.js';
import { renderErrorSummary } from './error-summary.js';
import { renderHeader } from './header.js';
import { renderNavigator, renderStepper } from './navigation.js';
import { renderSection } from './section.js';
import { renderAgeBand, renderSession } from './session.js';
import { renderSummary } from './summary.js';

/** Everything a form shows below its error box, from its read model. */
export function renderFormBody(view: FormView): TemplateResult {
  const { ctx } = view;
  const shown = view.stepwise ? view.sections.slice(view.current, view.current + 1) : view.sections;
  return html`${guard([view.header], () => renderHeader(view.header))} ${renderErrorSummary(ctx, view.errors)}
    ${view.session ? guard([view.session], () => renderSession(view.session!)) : nothing}
    ${view.ageBand ? guard([view.ageBand], () => renderAgeBand(view.ageBand!)) : nothing}
    ${view.stepwise ? renderNavigator(ctx, view.nav, view.current) : nothing}
    ${shown.map((section) => guard([section], () => renderSection(section)))}
    ${view.stepwise ? renderStepper(view.sections.length, view.current) : nothing} ${renderSummary(view.summary)}
    ${ctx.readonly
      ? nothing
      : html`<div class="actions">
          <button type="button" class="primary" part="submit" data-action="submit" ?disabled=${ctx.disabled}>${msg('Soumettre', { id: 'submit' })}</button>
        </div>`}`;
}
