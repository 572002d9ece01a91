import { topSectionOf, type Model } from '../../engine/model.js';
import type { Locale } from '../../schema/enums.js';
import { itemOf, planOf, type FieldRef } from '../../schema/keys.js';
import { tx } from '../../localize/format.js';
import { fieldName, type FieldPlaces } from '../../localize/messages.js';
import type { EngineReader } from './views.js';

/** How the parts name and place fields: shared by the read model, the error summary and the form's input. */

/** The top-level section a field is in (items, voices, comments and action plans); undefined for others. */
export function topSectionOfField(model: Model, field: FieldRef): string | undefined {
  const id = itemOf(field) ?? planOf(field);
  return id !== undefined && model.parent.has(id) ? topSectionOf(model, id) : undefined;
}

/** Where each participant, objective and action stands in its list, as the form numbers them. */
export function placesOf(engine: Pick<EngineReader, 'session' | 'actionPlan'>): FieldPlaces {
  const at = <T extends { id: string }>(list: readonly T[] | undefined, id: string) => {
    const i = list?.findIndex((x) => x.id === id) ?? -1;
    return i >= 0 ? i + 1 : undefined;
  };
  const objectives = (sectionId: string) => engine.actionPlan(sectionId).objectives;
  return {
    participant: (id) => at(engine.session.participants, id),
    objective: (sectionId, id) => at(objectives(sectionId), id),
    action: (sectionId, objectiveId, id) => at(objectives(sectionId).find((o) => o.id === objectiveId)?.actions, id),
  };
}

/** The name of a field as a person reads it, with the voice for a perspective (in the current msg() locale). */
export function fieldLabel(field: FieldRef, model: Model, locale: Locale, places?: FieldPlaces): string {
  const name = fieldName(field, model, locale, places);
  const voice = field.kind === 'voice' ? tx(model.perspective.get(field.perspective)?.label, locale) : '';
  return voice ? `${name} (${voice})` : name;
}

/** Which part shows a field's messages: its item, its plan, the session or the age band. */
export function ownerOf(field: FieldRef): string {
  const item = itemOf(field);
  if (item !== undefined) return `item:${item}`;
  const plan = planOf(field);
  if (plan !== undefined) return `plan:${plan}`;
  return field.kind === 'age-band' ? 'age-band' : 'session';
}
