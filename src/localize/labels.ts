import { msg } from '@lit/localize';
import type { Locale } from '../schema/enums.js';
import type { Perspective } from '../schema/instrument.js';
import type { Participant } from '../schema/result.js';
import { tx } from './format.js';

/**
 * The labels of the session's fields and of the age band, one message id each, for every place that
 * names them: the form's fields and review, the synthesis, the error summary. Call them while
 * rendering (in the element's msg() locale).
 */

export const sessionLegend = (): string => msg('La rencontre', { id: 'session.legend' });
export const sessionDateLabel = (): string => msg('Date de la rencontre', { id: 'field.session-date' });
export const subjectLabel = (): string => msg('Identifiant pseudonyme', { id: 'field.subject' });
export const territoryLabel = (): string => msg('Unité territoriale', { id: 'field.territory' });
export const participantsLabel = (): string => msg('Participants', { id: 'field.participants' });
export const ageBandLabel = (): string => msg('Tranche d’âge', { id: 'field.age-band' });
export const noAnswer = (): string => msg('Sans réponse', { id: 'no-answer' });

/** A participant in one line: name · organisation · role (the role's label when the instrument lists roles). */
export function participantLine(person: Participant, roles: readonly Perspective[] | undefined, locale: Locale): string {
  const role = person.role && (tx(roles?.find((r) => r.id === person.role)?.label, locale) || person.role);
  return [person.name, person.organisation, role].filter(Boolean).join(' · ');
}
