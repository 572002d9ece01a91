import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { FieldMode } from '../../schema/enums.js';
import { formatDate, formatNumber, tx } from '../../localize/format.js';
import { requiredMark } from './item.js';
import { controlId, describedBy, errorId, type FormView } from './view.js';

const error = (view: FormView, key: string) => {
  const message = view.messages.get(key);
  return message ? html`<p class="error" part="error" id=${errorId(key)}>${message}</p>` : nothing;
};

/** A labelled text or date input bound to a session field or a participant field. */
function field(
  view: FormView,
  key: string,
  label: string,
  mode: FieldMode | undefined,
  value: string | undefined,
  data: Record<string, string>,
  options: { type?: 'text' | 'date'; help?: string } = {},
): TemplateResult | typeof nothing {
  if (!mode || mode === 'hidden') return nothing;
  const helpKey = options.help ? key : undefined;
  return html`<div class="field">
    <label for=${controlId(key)}>${label}${mode === 'required' ? requiredMark() : nothing}</label>
    ${options.help ? html`<p class="help" id=${`h-${key}`}>${options.help}</p>` : nothing} ${error(view, key)}
    <input
      id=${controlId(key)}
      class=${options.type === 'date' ? 'narrow' : 'wide'}
      type=${options.type ?? 'text'}
      autocomplete="off"
      .value=${value ?? ''}
      ?disabled=${view.disabled}
      data-session=${ifDefined(data.session)}
      data-participant=${ifDefined(data.participant)}
      data-field=${ifDefined(data.field)}
      aria-invalid=${ifDefined(view.messages.has(key) ? 'true' : undefined)}
      aria-describedby=${ifDefined(describedBy(view, key, helpKey))}
    />
  </div>`;
}

/** Date, pseudonymous subject id, territory and participants, as far as the instrument asks for them. */
export function renderSession(view: FormView): TemplateResult | typeof nothing {
  const spec = view.engine.instrument.session;
  if (!spec) return nothing;
  const s = view.engine.session;
  if (view.readonly) return renderSessionReview(view);
  const p = spec.participants;
  const people = s.participants ?? [];
  return html`<fieldset class="session" part="session">
    <legend class="group-title">${msg('La rencontre', { id: 'session.legend' })}</legend>
    ${field(view, 'session.date', msg('Date de la rencontre', { id: 'field.session-date' }), spec.date, s.date, { session: 'date' }, { type: 'date' })}
    ${field(view, 'session.subjectId', msg('Identifiant pseudonyme', { id: 'field.subject' }), spec.subject, s.subjectId, { session: 'subjectId' }, {
      help: msg('Le code fourni par votre établissement; n’inscrivez jamais de nom.', { id: 'help.subject' }),
    })}
    ${field(view, 'session.territory', msg('Unité territoriale', { id: 'field.territory' }), spec.territory, s.territory, { session: 'territory' })}
    ${p
      ? html`<div class="participants" part="participants">
          <h3 class="group-title" id="participants-title">
            ${msg('Participants', { id: 'field.participants' })}${p.min ? requiredMark() : nothing}
          </h3>
          ${error(view, 'session.participants')}
          ${people.length === 0
            ? html`<p class="help">${msg('Aucun participant pour l’instant.', { id: 'participants.none' })}</p>`
            : nothing}
          <ol class="rows">
            ${people.map((person, i) => {
              const n = formatNumber(i + 1, view.locale);
              const base = `session.participants.${person.id}`;
              const data = (f: string) => ({ participant: person.id, field: f });
              return html`<li>
                <fieldset class="row" part="participant">
                  <legend>${msg(str`Participant ${n}`, { id: 'participants.row' })}</legend>
                  ${field(view, `${base}.name`, msg('Nom', { id: 'participants.name' }), p.name, person.name, data('name'))}
                  ${field(view, `${base}.organisation`, msg('Organisation', { id: 'participants.organisation' }), p.organisation, person.organisation, data('organisation'))}
                  ${p.roles && p.role && p.role !== 'hidden'
                    ? html`<div class="field">
                        <label for=${controlId(`${base}.role`)}>${msg('Rôle', { id: 'participants.role' })}${p.role === 'required' ? requiredMark() : nothing}</label>
                        ${error(view, `${base}.role`)}
                        <select
                          id=${controlId(`${base}.role`)}
                          data-participant=${person.id}
                          data-field="role"
                          ?disabled=${view.disabled}
                          aria-invalid=${ifDefined(view.messages.has(`${base}.role`) ? 'true' : undefined)}
                          aria-describedby=${ifDefined(describedBy(view, `${base}.role`))}
                        >
                          <option value="" ?selected=${!person.role}>${msg('Choisissez un rôle', { id: 'participants.choose-role' })}</option>
                          ${p.roles.map((r) => html`<option value=${r.id} ?selected=${person.role === r.id}>${tx(r.label, view.locale)}</option>`)}
                        </select>
                      </div>`
                    : field(view, `${base}.role`, msg('Rôle', { id: 'participants.role' }), p.role, person.role, data('role'))}
                  ${p.parentPartner
                    ? html`<label class="check"
                        ><input type="checkbox" data-participant=${person.id} data-field="parentPartner" .checked=${!!person.parentPartner} ?disabled=${view.disabled} />
                        ${msg('Parent-partenaire', { id: 'participants.parent-partner' })}</label
                      >`
                    : nothing}
                  <button type="button" class="link" data-action="remove-participant" data-participant=${person.id} ?disabled=${view.disabled}>
                    ${msg(str`Retirer le participant ${n}`, { id: 'participants.remove' })}
                  </button>
                </fieldset>
              </li>`;
            })}
          </ol>
          <button type="button" id=${controlId('session.participants')} data-action="add-participant" ?disabled=${view.disabled}>
            ${msg('Ajouter un participant', { id: 'participants.add' })}
          </button>
        </div>`
      : nothing}
  </fieldset>`;
}

function renderSessionReview(view: FormView): TemplateResult {
  const s = view.engine.session;
  const spec = view.engine.instrument.session ?? {};
  const none = msg('Sans réponse', { id: 'no-answer' });
  const row = (mode: FieldMode | undefined, label: string, value: string | undefined) =>
    mode && mode !== 'hidden' ? html`<div><dt>${label}</dt><dd>${value || none}</dd></div>` : nothing;
  const roles = spec.participants?.roles;
  return html`<section class="session" part="session">
    <h3 class="group-title">${msg('La rencontre', { id: 'session.legend' })}</h3>
    <dl>
      ${row(spec.date, msg('Date de la rencontre', { id: 'field.session-date' }), s.date && formatDate(s.date, view.locale))}
      ${row(spec.subject, msg('Identifiant pseudonyme', { id: 'field.subject' }), s.subjectId)}
      ${row(spec.territory, msg('Unité territoriale', { id: 'field.territory' }), s.territory)}
    </dl>
    ${spec.participants
      ? html`<h4>${msg('Participants', { id: 'field.participants' })}</h4>
          <ul>
            ${(s.participants ?? []).map((person) => {
              const role = roles ? tx(roles.find((r) => r.id === person.role)?.label, view.locale) || person.role : person.role;
              const parts = [person.name, person.organisation, role].filter(Boolean).join(' · ');
              return html`<li>${parts}${person.parentPartner ? html` — ${msg('Parent-partenaire', { id: 'participants.parent-partner' })}` : nothing}</li>`;
            })}
          </ul>`
      : nothing}
  </section>`;
}

/** The age band selector of instruments that have bands. */
export function renderAgeBand(view: FormView): TemplateResult | typeof nothing {
  const bands = view.engine.instrument.ageBands;
  if (!bands) return nothing;
  const current = view.engine.ageBand;
  if (view.readonly)
    return html`<dl class="field">
      <div>
        <dt>${msg('Tranche d’âge', { id: 'field.age-band' })}</dt>
        <dd>${tx(bands.find((b) => b.id === current)?.label, view.locale) || msg('Sans réponse', { id: 'no-answer' })}</dd>
      </div>
    </dl>`;
  return html`<div class="field age-band" part="age-band">
    <label for=${controlId('ageBand')}>${msg('Tranche d’âge', { id: 'field.age-band' })}${requiredMark()}</label>
    <p class="help" id="h-ageBand">
      ${msg('Les questions affichées suivent la tranche d’âge; en changer conserve les réponses déjà données.', { id: 'help.age-band' })}
    </p>
    ${error(view, 'ageBand')}
    <select
      id=${controlId('ageBand')}
      data-role="age-band"
      ?disabled=${view.disabled}
      aria-invalid=${ifDefined(view.messages.has('ageBand') ? 'true' : undefined)}
      aria-describedby=${ifDefined(describedBy(view, 'ageBand', 'ageBand'))}
    >
      <option value="" ?selected=${!current}>${msg('Choisissez une tranche d’âge', { id: 'age-band.choose' })}</option>
      ${bands.map((b) => html`<option value=${b.id} ?selected=${b.id === current}>${tx(b.label, view.locale)}</option>`)}
    </select>
  </div>`;
}
