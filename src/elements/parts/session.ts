import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { FieldMode } from '../../schema/enums.js';
import { domId, encodeKey, type FieldRef } from '../../schema/keys.js';
import { formatDate, formatNumber, tx } from '../../localize/format.js';
import { participantFieldName } from '../../localize/messages.js';
import { ageBandLabel, noAnswer, participantLine, participantsLabel, sessionDateLabel, sessionLegend, subjectLabel, territoryLabel } from '../../localize/labels.js';
import type { AgeBandView, SessionView } from '../read-model.js';
import { errorLine, heading, requiredMark, selectField, textField, type TextFieldOptions } from './field.js';
import { dateInput } from './date-input.js';

const shown = (mode: FieldMode | undefined): mode is 'required' | 'optional' => mode === 'required' || mode === 'optional';

/** Date, pseudonymous subject id, territory and participants, as far as the instrument asks for them. */
export function renderSession(view: SessionView): TemplateResult {
  const { ctx, spec, session: s, messages } = view;
  if (ctx.readonly) return renderSessionReview(view);
  const p = spec.participants;
  const people = s.participants ?? [];
  const field = (mode: FieldMode | undefined, ref: FieldRef, label: string, value: string | undefined, options: TextFieldOptions = {}) =>
    shown(mode) ? textField(ctx, messages, ref, label, value, { ...options, required: mode === 'required' }) : nothing;
  const participants: FieldRef = { kind: 'participants' };
  return html`<fieldset class="session" part="session">
    <legend class="group-title">${sessionLegend()}</legend>
    ${shown(spec.date)
      ? dateInput(ctx, messages, { kind: 'session', field: 'date' }, {
          legend: html`${sessionDateLabel()}${spec.date === 'required' ? requiredMark() : nothing}`,
          value: s.date,
          class: 'field',
        })
      : nothing}
    ${field(spec.subject, { kind: 'session', field: 'subjectId' }, subjectLabel(), s.subjectId, {
      help: msg('Le code fourni par votre établissement; n’inscrivez jamais de nom.', { id: 'help.subject' }),
    })}
    ${field(spec.territory, { kind: 'session', field: 'territory' }, territoryLabel(), s.territory)}
    ${p
      ? html`<div class="participants" part="participants">
          ${heading(ctx, 1, html`${participantsLabel()}${p.min ? requiredMark() : nothing}`, { id: 'participants-title', class: 'group-title' })}
          ${errorLine(messages, participants)}
          ${people.length === 0
            ? html`<p class="help">${msg('Aucun participant pour l’instant.', { id: 'participants.none' })}</p>`
            : nothing}
          <ol class="rows">
            ${people.map((person, i) => {
              const n = formatNumber(i + 1, ctx.locale);
              const at = (f: 'name' | 'organisation' | 'role' | 'parentPartner'): FieldRef => ({ kind: 'participant', participantId: person.id, field: f });
              const role = at('role');
              return html`<li>
                <fieldset class="row" part="participant">
                  <legend>${msg(str`Participant ${n}`, { id: 'participants.row' })}</legend>
                  ${field(p.name, at('name'), participantFieldName('name'), person.name)}
                  ${field(p.organisation, at('organisation'), participantFieldName('organisation'), person.organisation)}
                  ${p.roles && shown(p.role)
                    ? selectField(ctx, messages, role, participantFieldName('role'), person.role, {
                        required: p.role === 'required',
                        choose: msg('Choisissez un rôle', { id: 'participants.choose-role' }),
                        options: p.roles.map((r) => ({ value: r.id, label: tx(r.label, ctx.locale) })),
                      })
                    : field(p.role, role, participantFieldName('role'), person.role)}
                  ${p.parentPartner
                    ? html`<label class="check"
                        ><input type="checkbox" data-key=${encodeKey(at('parentPartner'))} .checked=${!!person.parentPartner} ?disabled=${ctx.disabled} />
                        ${participantFieldName('parentPartner')}</label
                      >`
                    : nothing}
                  <button type="button" class="link" data-action="remove-participant" data-key=${encodeKey({ kind: 'participant', participantId: person.id })} ?disabled=${ctx.disabled}>
                    ${msg(str`Retirer le participant ${n}`, { id: 'participants.remove' })}
                  </button>
                </fieldset>
              </li>`;
            })}
          </ol>
          <div class="removed" role="status">${view.removed ? renderRemoved(view) : nothing}</div>
          <button type="button" id=${domId('control', participants)} data-action="add-participant" ?disabled=${ctx.disabled}>
            ${msg('Ajouter un participant', { id: 'participants.add' })}
          </button>
        </div>`
      : nothing}
  </fieldset>`;
}

/** The id of the button that puts back the participant just removed (it takes focus after a removal). */
export const UNDO_REMOVE_ID = 'undo-remove-participant';

/** The participant just removed, announced, with a button that puts it back. */
function renderRemoved({ ctx, removed }: SessionView): TemplateResult {
  const { participant, index } = removed!;
  const n = formatNumber(index + 1, ctx.locale);
  const who = participant.organisation || participant.name || participant.role;
  return html`${who
      ? msg(str`Participant ${n} (${who}) retiré.`, { id: 'participants.removed-who' })
      : msg(str`Participant ${n} retiré.`, { id: 'participants.removed' })}
    <button type="button" class="link" id=${UNDO_REMOVE_ID} data-action="undo-remove-participant" ?disabled=${ctx.disabled}>${msg('Annuler le retrait', { id: 'participants.undo' })}</button>`;
}

function renderSessionReview({ ctx, spec, session: s }: SessionView): TemplateResult {
  const none = noAnswer();
  const row = (mode: FieldMode | undefined, label: string, value: string | undefined) =>
    shown(mode) ? html`<div><dt>${label}</dt><dd>${value || none}</dd></div>` : nothing;
  const roles = spec.participants?.roles;
  return html`<section class="session" part="session">
    ${heading(ctx, 1, sessionLegend(), { class: 'group-title' })}
    <dl>
      ${row(spec.date, sessionDateLabel(), s.date && formatDate(s.date, ctx.locale))}
      ${row(spec.subject, subjectLabel(), s.subjectId)}
      ${row(spec.territory, territoryLabel(), s.territory)}
    </dl>
    ${spec.participants
      ? html`${heading(ctx, 2, participantsLabel())}
          <ul>
            ${(s.participants ?? []).map((person) => {
              return html`<li>${participantLine(person, roles, ctx.locale)}${person.parentPartner ? html` — ${participantFieldName('parentPartner')}` : nothing}</li>`;
            })}
          </ul>`
      : nothing}
  </section>`;
}

/** The age band selector of instruments that have bands. */
export function renderAgeBand({ ctx, bands, current, messages }: AgeBandView): TemplateResult {
  const field: FieldRef = { kind: 'age-band' };
  if (ctx.readonly)
    return html`<dl class="field">
      <div>
        <dt>${ageBandLabel()}</dt>
        <dd>${tx(bands.find((b) => b.id === current)?.label, ctx.locale) || noAnswer()}</dd>
      </div>
    </dl>`;
  return selectField(ctx, messages, field, ageBandLabel(), current, {
    required: true,
    help: msg('Les questions affichées suivent la tranche d’âge; en changer conserve les réponses déjà données.', { id: 'help.age-band' }),
    choose: msg('Choisissez une tranche d’âge', { id: 'age-band.choose' }),
    options: bands.map((b) => ({ value: b.id, label: tx(b.label, ctx.locale) })),
    class: 'age-band',
    part: 'age-band',
  });
}
