import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { ACTION_STATUSES } from '../../schema/enums.js';
import { encodeKey, type FieldRef } from '../../schema/keys.js';
import type { Objective } from '../../schema/result.js';
import { formatDate, formatNumber, tx } from '../../localize/format.js';
import { actionFieldName, actionStatusLabel } from '../../localize/messages.js';
import type { FormContext, PlanView } from '../read-model.js';
import { heading, selectField, textField } from './field.js';
import { dateInput } from './date-input.js';

/** The action plan that ends a section: objectives, each with actions (what, who, by when, review, status). */
export function renderActionPlan(view: PlanView): TemplateResult | typeof nothing {
  const { ctx, section, plan, messages } = view;
  const prompt = section.actionPlan?.prompt ? tx(section.actionPlan.prompt, ctx.locale) : undefined;
  const title = msg(str`Plan d’action — ${tx(section.title, ctx.locale)}`, { id: 'field.plan' });
  if (ctx.readonly) return html`${renderPlanReview(ctx, title, plan.objectives, section.id)}${view.previous ? view.ctx.previousParts?.renderPreviousActions(view) : nothing}`;
  const sectionId = section.id;
  const planRef: FieldRef = { kind: 'plan', sectionId };
  return html`<fieldset class="plan" part="plan">
    <legend class="group-title">${title}</legend>
    ${prompt ? html`<p class="help">${prompt}</p>` : nothing}
    ${plan.objectives.length === 0 ? html`<p class="help">${msg('Aucun objectif pour l’instant.', { id: 'plan.none' })}</p>` : nothing}
    <ol class="rows">
      ${plan.objectives.map((o, oi) => {
        const on = formatNumber(oi + 1, ctx.locale);
        const objective: FieldRef = { kind: 'objective', sectionId, objectiveId: o.id };
        return html`<li>
          <fieldset class="row objective">
            <legend>${msg(str`Objectif ${on}`, { id: 'plan.objective' })}</legend>
            ${textField(ctx, messages, objective, msg('Objectif visé', { id: 'plan.objective-text' }), o.text, { required: true, area: true })}
            <ol class="rows">
              ${o.actions.map((a, ai) => {
                const an = formatNumber(ai + 1, ctx.locale);
                const at = (field?: 'what' | 'who' | 'due' | 'review' | 'status'): FieldRef => ({ kind: 'action', sectionId, objectiveId: o.id, actionId: a.id, field });
                const status = at('status');
                return html`<li>
                  <fieldset class="row action">
                    <legend>${msg(str`Action ${an}`, { id: 'plan.action' })}</legend>
                    ${textField(ctx, messages, at('what'), actionFieldName('what'), a.what, { required: true })}
                    ${textField(ctx, messages, at('who'), actionFieldName('who'), a.who)}
                    ${dateInput(ctx, messages, at('due'), { legend: actionFieldName('due'), value: a.due, class: 'field' })}
                    ${dateInput(ctx, messages, at('review'), { legend: actionFieldName('review'), value: a.review, class: 'field' })}
                    ${selectField(ctx, messages, status, actionFieldName('status'), a.status, {
                      options: ACTION_STATUSES.map((st) => ({ value: st, label: actionStatusLabel(st) })),
                    })}
                    <button type="button" class="link" data-action="remove-action" data-key=${encodeKey(at())} ?disabled=${ctx.disabled}>
                      ${msg(str`Retirer l’action ${an} de l’objectif ${on}`, { id: 'plan.remove-action' })}
                    </button>
                  </fieldset>
                </li>`;
              })}
            </ol>
            <button type="button" data-action="add-action" data-key=${encodeKey(objective)} ?disabled=${ctx.disabled}>
              ${msg(str`Ajouter une action à l’objectif ${on}`, { id: 'plan.add-action' })}
            </button>
            <button type="button" class="link" data-action="remove-objective" data-key=${encodeKey(objective)} ?disabled=${ctx.disabled}>
              ${msg(str`Retirer l’objectif ${on}`, { id: 'plan.remove-objective' })}
            </button>
          </fieldset>
        </li>`;
      })}
    </ol>
    <button type="button" data-action="add-objective" data-key=${encodeKey(planRef)} ?disabled=${ctx.disabled}>${msg('Ajouter un objectif', { id: 'plan.add-objective' })}</button>
    ${view.previous ? view.ctx.previousParts?.renderPreviousActions(view) : nothing}
  </fieldset>`;
}

function renderPlanReview(ctx: FormContext, title: string, objectives: readonly Objective[], sectionId: string) {
  if (objectives.length === 0) return nothing;
  return html`<section class="plan" part="plan">
    ${heading(ctx, ctx.model.parent.get(sectionId) === undefined ? 2 : 3, title)}
    <ol>
      ${objectives.map(
        (o) => html`<li>
          <p>${o.text}</p>
          <ul>
            ${o.actions.map(
              (a) => html`<li>
                ${a.what}${a.who ? html` — ${a.who}` : nothing}${a.due ? html` — ${formatDate(a.due, ctx.locale)}` : nothing} (${actionStatusLabel(a.status)})
              </li>`,
            )}
          </ul>
        </li>`,
      )}
    </ol>
  </section>`;
}
