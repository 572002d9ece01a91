import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { ACTION_STATUSES } from '../../schema/enums.js';
import type { Section } from '../../schema/instrument.js';
import { formatDate, formatNumber, tx } from '../../localize/format.js';
import { actionStatusLabel } from '../../localize/messages.js';
import { requiredMark } from './item.js';
import { controlId, describedBy, errorId, type FormView } from './view.js';

/** The action plan that ends a section: objectives, each with actions (what, who, by when, review, status). */
export function renderActionPlan(view: FormView, section: Section): TemplateResult | typeof nothing {
  if (!section.actionPlan) return nothing;
  const plan = view.engine.actionPlan(section.id);
  const prompt = section.actionPlan.prompt ? tx(section.actionPlan.prompt, view.locale) : undefined;
  const title = msg(str`Plan d’action — ${tx(section.title, view.locale)}`, { id: 'field.plan' });
  if (view.readonly) return renderPlanReview(view, title, plan.objectives);
  const sid = section.id;
  const text = (key: string, label: string, value: string | undefined, data: Record<string, string>, opts: { type?: string; required?: boolean; area?: boolean } = {}) => {
    const message = view.messages.get(key);
    const attrs = {
      invalid: message ? 'true' : undefined,
      described: describedBy(view, key),
    };
    return html`<div class="field">
      <label for=${controlId(key)}>${label}${opts.required ? requiredMark() : nothing}</label>
      ${message ? html`<p class="error" part="error" id=${errorId(key)}>${message}</p>` : nothing}
      ${opts.area
        ? html`<textarea id=${controlId(key)} rows="2" data-plan=${sid} data-objective=${data.objective!} data-action=${ifDefined(data.action)} data-field=${data.field!}
            .value=${value ?? ''} ?disabled=${view.disabled} aria-invalid=${ifDefined(attrs.invalid)} aria-describedby=${ifDefined(attrs.described)}></textarea>`
        : html`<input id=${controlId(key)} class=${opts.type === 'date' ? 'narrow' : 'wide'} type=${opts.type ?? 'text'} autocomplete="off"
            data-plan=${sid} data-objective=${data.objective!} data-action=${ifDefined(data.action)} data-field=${data.field!}
            .value=${value ?? ''} ?disabled=${view.disabled} aria-invalid=${ifDefined(attrs.invalid)} aria-describedby=${ifDefined(attrs.described)} />`}
    </div>`;
  };
  return html`<fieldset class="plan" part="plan">
    <legend class="group-title">${title}</legend>
    ${prompt ? html`<p class="help">${prompt}</p>` : nothing}
    ${plan.objectives.length === 0 ? html`<p class="help">${msg('Aucun objectif pour l’instant.', { id: 'plan.none' })}</p>` : nothing}
    <ol class="rows">
      ${plan.objectives.map((o, oi) => {
        const on = formatNumber(oi + 1, view.locale);
        const base = `plan.${sid}.${o.id}`;
        return html`<li>
          <fieldset class="row objective">
            <legend>${msg(str`Objectif ${on}`, { id: 'plan.objective' })}</legend>
            ${text(`${base}.text`, msg('Objectif visé', { id: 'plan.objective-text' }), o.text, { objective: o.id, field: 'text' }, { required: true, area: true })}
            <ol class="rows">
              ${o.actions.map((a, ai) => {
                const an = formatNumber(ai + 1, view.locale);
                const key = `${base}.${a.id}`;
                const data = (field: string) => ({ objective: o.id, action: a.id, field });
                return html`<li>
                  <fieldset class="row action">
                    <legend>${msg(str`Action ${an}`, { id: 'plan.action' })}</legend>
                    ${text(`${key}.what`, msg('Quoi', { id: 'plan.what' }), a.what, data('what'), { required: true })}
                    ${text(`${key}.who`, msg('Qui', { id: 'plan.who' }), a.who, data('who'))}
                    ${text(`${key}.due`, msg('Échéance', { id: 'plan.due' }), a.due, data('due'), { type: 'date' })}
                    ${text(`${key}.review`, msg('Date de révision', { id: 'plan.review' }), a.review, data('review'), { type: 'date' })}
                    <div class="field">
                      <label for=${controlId(`${key}.status`)}>${msg('Statut', { id: 'plan.status' })}</label>
                      <select id=${controlId(`${key}.status`)} data-plan=${sid} data-objective=${o.id} data-action=${a.id} data-field="status" ?disabled=${view.disabled}>
                        ${ACTION_STATUSES.map((st) => html`<option value=${st} ?selected=${a.status === st}>${actionStatusLabel(st)}</option>`)}
                      </select>
                    </div>
                    <button type="button" class="link" data-action="remove-action" data-plan=${sid} data-objective=${o.id} data-target=${a.id} ?disabled=${view.disabled}>
                      ${msg(str`Retirer l’action ${an} de l’objectif ${on}`, { id: 'plan.remove-action' })}
                    </button>
                  </fieldset>
                </li>`;
              })}
            </ol>
            <button type="button" data-action="add-action" data-plan=${sid} data-objective=${o.id} ?disabled=${view.disabled}>
              ${msg(str`Ajouter une action à l’objectif ${on}`, { id: 'plan.add-action' })}
            </button>
            <button type="button" class="link" data-action="remove-objective" data-plan=${sid} data-objective=${o.id} ?disabled=${view.disabled}>
              ${msg(str`Retirer l’objectif ${on}`, { id: 'plan.remove-objective' })}
            </button>
          </fieldset>
        </li>`;
      })}
    </ol>
    <button type="button" data-action="add-objective" data-plan=${sid} ?disabled=${view.disabled}>${msg('Ajouter un objectif', { id: 'plan.add-objective' })}</button>
  </fieldset>`;
}

function renderPlanReview(view: FormView, title: string, objectives: ReturnType<FormView['engine']['actionPlan']>['objectives']) {
  if (objectives.length === 0) return nothing;
  return html`<section class="plan" part="plan">
    <h4>${title}</h4>
    <ol>
      ${objectives.map(
        (o) => html`<li>
          <p>${o.text}</p>
          <ul>
            ${o.actions.map(
              (a) => html`<li>
                ${a.what}${a.who ? html` — ${a.who}` : nothing}${a.due ? html` — ${formatDate(a.due, view.locale)}` : nothing} (${actionStatusLabel(a.status)})
              </li>`,
            )}
          </ul>
        </li>`,
      )}
    </ol>
  </section>`;
}
