import { msg, str } from '@lit/localize';
import type { Direction } from '../analysis/compare.js';
import type { ErrorCode } from '../engine/errors.js';
import type { Model } from '../engine/model.js';
import type { Issue } from '../engine/validation.js';
import type { ActionStatus, Locale } from '../schema/enums.js';
import type { Item } from '../schema/instrument.js';
import type { FieldRef } from '../schema/keys.js';
import { formatDate, formatNumber, tx } from './format.js';
import { intlTag } from './locale.js';
import { ageBandLabel, participantsLabel, sessionDateLabel, subjectLabel, territoryLabel } from './labels.js';

/**
 * Every sentence of the interface that depends on data: validation messages, error messages, labels
 * of session fields. Call inside `inLocale` (elements do it in render and when dispatching events).
 */

const num = (value: unknown, locale: Locale) => (typeof value === 'number' ? formatNumber(value, locale) : String(value));

/** What to do about a "required" issue, phrased for the kind of field. */
function requiredMessage(item: Item | undefined, field: FieldRef): string {
  if (!item) {
    switch (field.kind) {
      case 'age-band':
        return msg('Choisissez une tranche d’âge.', { id: 'required.age-band' });
      case 'session':
        return field.field === 'date'
          ? msg('Inscrivez la date de la rencontre.', { id: 'required.session-date' })
          : field.field === 'subjectId'
            ? msg('Inscrivez l’identifiant pseudonyme.', { id: 'required.subject' })
            : msg('Inscrivez l’unité territoriale.', { id: 'required.territory' });
      case 'participant':
        return field.field === 'organisation'
          ? msg('Inscrivez l’organisation.', { id: 'required.organisation' })
          : field.field === 'role'
            ? msg('Indiquez le rôle.', { id: 'required.role' })
            : msg('Inscrivez le nom.', { id: 'required.name' });
      case 'objective':
        return msg('Décrivez l’objectif.', { id: 'required.objective' });
      case 'action':
        return msg('Décrivez l’action.', { id: 'required.action' });
      default:
        return msg('Répondez à cette question.', { id: 'required.generic' });
    }
  }
  switch (item.type) {
    case 'single-choice':
    case 'yes-no':
      return msg('Choisissez une réponse.', { id: 'required.choice' });
    case 'multiple-choice':
      return msg('Choisissez au moins une réponse.', { id: 'required.choices' });
    case 'number':
      return msg('Inscrivez un nombre.', { id: 'required.number' });
    case 'date':
      return msg('Inscrivez une date.', { id: 'required.date' });
    default:
      return msg('Inscrivez une réponse.', { id: 'required.text' });
  }
}

/** The message for one validation issue, in the current msg() locale. */
export function issueMessage(issue: Issue, model: Model, locale: Locale): string {
  const item = issue.field.kind === 'item' || issue.field.kind === 'voice' ? model.item.get(issue.field.itemId) : undefined;
  const p = issue.params ?? {};
  switch (issue.code) {
    case 'required':
      return requiredMessage(item, issue.field);
    case 'invalid-option':
      return msg('Choisissez une des réponses proposées.', { id: 'issue.invalid-option' });
    case 'invalid-value':
      return item?.type === 'number'
        ? msg('Inscrivez un nombre, par exemple 3 ou 2,5.', { id: 'issue.not-a-number' })
        : msg('Cette réponse n’a pas la forme attendue.', { id: 'issue.invalid-value' });
    case 'too-few':
      if (issue.field.kind === 'participants')
        return p.min === 1
          ? msg('Ajoutez au moins un participant.', { id: 'issue.too-few-participants-one' })
          : msg(str`Ajoutez au moins ${num(p.min, locale)} participants.`, { id: 'issue.too-few-participants' });
      return p.min === 1
        ? msg('Choisissez au moins une réponse.', { id: 'issue.too-few-one' })
        : msg(str`Choisissez au moins ${num(p.min, locale)} réponses.`, { id: 'issue.too-few' });
    case 'too-many':
      return p.max === 1
        ? msg('Choisissez une seule réponse.', { id: 'issue.too-many-one' })
        : msg(str`Choisissez au plus ${num(p.max, locale)} réponses.`, { id: 'issue.too-many' });
    case 'too-long':
      return msg(str`Écrivez au plus ${num(p.max, locale)} caractères (vous en avez ${num(p.length, locale)}).`, {
        id: 'issue.too-long',
      });
    case 'not-integer':
      return msg('Inscrivez un nombre entier.', { id: 'issue.not-integer' });
    case 'below-min':
      return msg(str`Inscrivez un nombre égal ou supérieur à ${num(p.min, locale)}.`, { id: 'issue.below-min' });
    case 'above-max':
      return msg(str`Inscrivez un nombre égal ou inférieur à ${num(p.max, locale)}.`, { id: 'issue.above-max' });
    case 'invalid-date':
      return msg('Inscrivez une date qui existe, en chiffres : par exemple 12 pour le jour, 3 pour le mois et 2026 pour l’année.', {
        id: 'issue.invalid-date',
      });
    case 'date-incomplete':
      return msg(str`La date doit comprendre ${missingParts(String(p.missing), locale)}.`, { id: 'issue.date-incomplete' });
    case 'date-year-digits':
      return msg('L’année doit compter quatre chiffres, par exemple 2026.', { id: 'issue.date-year-digits' });
    case 'date-out-of-range':
      return msg(str`L’année doit être comprise entre ${String(p.min)} et ${String(p.max)}.`, { id: 'issue.date-out-of-range' });
    case 'due-before-session':
      return msg(str`L’échéance ne peut pas précéder de plus d’un an la date de la rencontre (${formatDate(String(p.session), locale)}).`, {
        id: 'issue.due-before-session',
      });
    case 'date-before-min':
      return msg(str`Inscrivez une date à partir du ${formatDate(String(p.min), locale)}.`, { id: 'issue.date-before-min' });
    case 'date-after-max':
      return msg(str`Inscrivez une date au plus tard le ${formatDate(String(p.max), locale)}.`, { id: 'issue.date-after-max' });
  }
}

/** The parts a typed date lacks, in words: "le jour et l’année" / "a day and a year". */
function missingParts(list: string, locale: Locale): string {
  const names: Record<string, string> = {
    day: msg('le jour', { id: 'date.missing-day' }),
    month: msg('le mois', { id: 'date.missing-month' }),
    year: msg('l’année', { id: 'date.missing-year' }),
  };
  return new Intl.ListFormat(intlTag(locale), { type: 'conjunction' }).format(list.split(',').map((part) => names[part] ?? part));
}

/** Where a participant, objective or action stands in its list (1-based), to name it as the form numbers it. */
export interface FieldPlaces {
  participant?(participantId: string): number | undefined;
  objective?(sectionId: string, objectiveId: string): number | undefined;
  action?(sectionId: string, objectiveId: string, actionId: string): number | undefined;
}

/** The name of the field an issue is about, for the error summary: the question, or the row and the field. */
export function fieldName(field: FieldRef, model: Model, locale: Locale, places: FieldPlaces = {}): string {
  const n = (value: number | undefined) => (value === undefined ? '?' : num(value, locale));
  switch (field.kind) {
    case 'item':
    case 'voice':
    case 'comment':
      return tx(model.item.get(field.itemId)?.label, locale) || field.itemId;
    case 'age-band':
      return ageBandLabel();
    case 'session':
      return field.field === 'date' ? sessionDateLabel() : field.field === 'subjectId' ? subjectLabel() : territoryLabel();
    case 'participants':
      return participantsLabel();
    case 'participant': {
      const row = msg(str`Participant ${n(places.participant?.(field.participantId))}`, { id: 'participants.row' });
      return field.field ? `${row} — ${participantFieldName(field.field)}` : row;
    }
    case 'plan':
    case 'objective':
    case 'action': {
      const plan = msg(str`Plan d’action — ${tx(model.section.get(field.sectionId)?.title, locale)}`, { id: 'field.plan' });
      if (field.kind === 'plan') return plan;
      const objective = msg(str`Objectif ${n(places.objective?.(field.sectionId, field.objectiveId))}`, { id: 'plan.objective' });
      if (field.kind === 'objective') return `${plan} — ${objective}`;
      const action = msg(str`Action ${n(places.action?.(field.sectionId, field.objectiveId, field.actionId))}`, { id: 'plan.action' });
      return `${plan} — ${objective}, ${action.toLocaleLowerCase(locale === 'fr' ? 'fr-CA' : 'en-CA')}${field.field ? ` — ${actionFieldName(field.field)}` : ''}`;
    }
  }
}

/** The label of a participant's field. */
export const participantFieldName = (field: 'name' | 'organisation' | 'role' | 'parentPartner'): string =>
  ({
    name: msg('Nom', { id: 'participants.name' }),
    organisation: msg('Organisation', { id: 'participants.organisation' }),
    role: msg('Rôle', { id: 'participants.role' }),
    parentPartner: msg('Parent-partenaire', { id: 'participants.parent-partner' }),
  })[field];

/** The label of an action's field. */
export const actionFieldName = (field: 'what' | 'who' | 'due' | 'review' | 'status'): string =>
  ({
    what: msg('Quoi', { id: 'plan.what' }),
    who: msg('Qui', { id: 'plan.who' }),
    due: msg('Échéance', { id: 'plan.due' }),
    review: msg('Date de révision', { id: 'plan.review' }),
    status: msg('Statut', { id: 'plan.status' }),
  })[field];

export const actionStatusLabel = (status: ActionStatus): string =>
  ({
    planned: msg('Prévue', { id: 'action-status.planned' }),
    'in-progress': msg('En cours', { id: 'action-status.in-progress' }),
    done: msg('Réalisée', { id: 'action-status.done' }),
    dropped: msg('Abandonnée', { id: 'action-status.dropped' }),
  })[status];

/** How an answer moved since the previous record, in words (never colour alone). */
export const directionLabel = (direction: Direction): string =>
  ({
    improved: msg('en progrès', { id: 'direction.improved' }),
    worsened: msg('en recul', { id: 'direction.worsened' }),
    unchanged: msg('inchangé', { id: 'direction.unchanged' }),
    'newly-answered': msg('répondu cette fois', { id: 'direction.newly-answered' }),
    'no-longer-answered': msg('sans réponse cette fois', { id: 'direction.no-longer-answered' }),
    'not-comparable': msg('réponse différente', { id: 'direction.not-comparable' }),
  })[direction];

export const yesNoLabel = (value: string): string =>
  value === 'yes'
    ? msg('Oui', { id: 'yes' })
    : value === 'no'
      ? msg('Non', { id: 'no' })
      : msg('Ne sais pas', { id: 'dont-know' });

/** The sentence shown and sent with a `boussole-error`. */
export function errorMessage(code: ErrorCode, params: Readonly<Record<string, unknown>>, locale: Locale): string {
  // One of several results given (the dashboard's `results`): say which, counting from 1.
  if (typeof params.index === 'number') {
    const { index, ...rest } = params;
    return msg(str`Résultat n° ${num((index as number) + 1, locale)} : ${errorMessage(code, rest, locale)}`, { id: 'error.result-index' });
  }
  const s = (key: string) => String(params[key] ?? '');
  switch (code) {
    case 'invalid-instrument':
      return params.count === 1 || params.count === undefined
        ? msg('La définition de ce questionnaire n’est pas valide (1 problème); il ne peut pas être affiché.', { id: 'error.invalid-instrument-one' })
        : msg(str`La définition de ce questionnaire n’est pas valide (${num(params.count, locale)} problèmes); il ne peut pas être affiché.`, {
            id: 'error.invalid-instrument',
          });
    case 'unknown-instrument':
      return msg(str`Le questionnaire « ${s('id')} » de ces réponses n’est pas chargé; la synthèse ne peut pas être affichée.`, {
        id: 'error.unknown-instrument',
      });
    case 'unreadable-value':
      return msg('Les réponses fournies n’ont pas pu être lues; elles ne correspondent pas au format attendu.', {
        id: 'error.unreadable-value',
      });
    case 'instrument-mismatch':
      return msg(str`Ces réponses appartiennent à un autre questionnaire (${s('found')}).`, { id: 'error.instrument-mismatch' });
    case 'version-mismatch':
      return msg(str`Ces réponses viennent de la version ${s('found')} du questionnaire, qui est maintenant en version ${s('expected')}.`, {
        id: 'error.version-mismatch',
      });
    case 'unknown-age-band':
      return msg(str`La tranche d’âge « ${s('ageBand')} » n’existe pas dans ce questionnaire.`, { id: 'error.unknown-age-band' });
    case 'no-age-band':
      return msg(str`Aucune tranche d’âge ne couvre un âge de ${num(params.months, locale)} mois; choisissez-en une.`, {
        id: 'error.no-age-band',
      });
    case 'invalid-date':
      return msg(str`La date « ${s('value')} » n’est pas valide; utilisez le format AAAA-MM-JJ.`, { id: 'error.invalid-date' });
    case 'birth-after-session':
      return msg('La date de naissance est postérieure à la date de la rencontre; choisissez la tranche d’âge.', {
        id: 'error.birth-after-session',
      });
    case 'unsupported-locale':
      return msg(str`La langue « ${s('lang')} » n’est pas offerte; le formulaire est affiché en français.`, {
        id: 'error.unsupported-locale',
      });
    case 'invalid-draft-setting':
      return params.value === undefined
        ? msg(str`Les brouillons ne peuvent pas être gardés sans « ${s('attribute')} »; rien n’est enregistré.`, { id: 'error.missing-draft-setting' })
        : msg(str`Les brouillons ne peuvent pas être gardés : « ${s('attribute')} » ne peut pas valoir « ${s('value')} »; rien n’est enregistré.`, {
            id: 'error.invalid-draft-setting',
          });
    case 'unreadable-previous':
      return msg('La rencontre précédente fournie n’a pas pu être lue; la comparaison n’est pas affichée.', { id: 'error.unreadable-previous' });
    case 'unreadable-draft':
      return msg('Un brouillon enregistré n’a pas pu être lu; il a été mis de côté, sans être effacé, et le formulaire reste utilisable.', {
        id: 'error.unreadable-draft',
      });
    case 'invalid-heading-level':
      return msg(str`Le niveau de titre « ${s('value')} » n’existe pas (de 1 à 6); le niveau 2 est utilisé.`, { id: 'error.invalid-heading-level' });
    case 'invalid-layout':
      return msg(str`La mise en page « ${s('layout')} » n’existe pas; toutes les sections sont affichées.`, {
        id: 'error.invalid-layout',
      });
    case 'unavailable-module':
      return msg(str`Le module « ${s('module')} » n’a pas pu être chargé; vérifiez que tous les fichiers de Boussole sont publiés à côté de celui de la page.`, {
        id: 'error.unavailable-module',
      });
  }
}

/**
 * What the element shows the person for a problem: the settings of the page (`layout`,
 * `heading-level`, drafts) are the host developer's business, so the person reads a short neutral
 * message and the detail goes to `boussole-error` only.
 */
export function shownErrorMessage(code: ErrorCode, params: Readonly<Record<string, unknown>>, locale: Locale): string {
  switch (code) {
    case 'invalid-draft-setting':
      return msg('Ce formulaire est mal configuré : vos réponses ne sont pas gardées en brouillon. Avisez le responsable du site.', {
        id: 'error.misconfigured-drafts',
      });
    case 'invalid-layout':
    case 'invalid-heading-level':
      return msg('Ce formulaire est mal configuré, mais vous pouvez le remplir. Avisez le responsable du site.', { id: 'error.misconfigured' });
    case 'unavailable-module':
      return msg('Une partie de ce formulaire n’a pas pu être chargée. Rechargez la page; si le problème revient, avisez le responsable du site.', {
        id: 'error.module-not-loaded',
      });
    default:
      return errorMessage(code, params, locale);
  }
}
