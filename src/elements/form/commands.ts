import type { Engine } from '../../engine/create-engine.js';
import { domId, itemIdOf, sectionTitleId, type FieldRef } from '../../schema/keys.js';
import type { ChangeDetail } from '../events.js';
import type { DateParts } from '../../engine/dates.js';
import { UNDO_REMOVE_ID } from '../parts/session.js';
import type { RemovedParticipant } from '../read-model.js';
import { own } from '../../engine/records.js';

/** What a control gives: text (or a code), the codes checked in a group, a checkbox state, or a date's three fields. */
export type ControlValue = string | readonly string[] | boolean | DateParts;

const isDate = (value: ControlValue): value is DateParts => typeof value === 'object' && !Array.isArray(value);

const text = (value: ControlValue): string => (typeof value === 'string' ? value : '');
const orUndefined = (value: string) => value || undefined;

/**
 * A person changed the control of a field: the engine command it means, and the `boussole-change`
 * detail to report. The only place where a field's input becomes a command. Throws EngineError when
 * the engine refuses the value (the control then keeps what was typed).
 */
export function applyInput(engine: Engine, field: FieldRef, value: ControlValue): ChangeDetail | undefined {
  const itemId = itemIdOf(field);
  switch (field.kind) {
    case 'item':
    case 'voice': {
      const perspective = field.kind === 'voice' ? field.perspective : undefined;
      if (isDate(value)) engine.enterDate(field, value);
      else engine.setAnswer(field.itemId, typeof value === 'boolean' ? undefined : (value as string | string[]), { perspective });
      const answer = engine.answer(field.itemId);
      const stored = perspective ? own(answer?.perspectives, perspective)?.value : answer?.value;
      return { itemId, value: stored, ...(perspective ? { perspective } : {}) };
    }
    case 'comment':
      engine.setComment(field.itemId, text(value));
      return { itemId, value: engine.answer(field.itemId)?.value, comment: text(value) };
    case 'age-band':
      engine.setAgeBand(orUndefined(text(value)));
      return { itemId, value: orUndefined(text(value)) };
    case 'session':
      if (isDate(value)) {
        engine.enterDate(field, value);
        return { itemId, value: engine.session.date };
      }
      engine.setSession({ [field.field]: text(value) });
      return { itemId, value: orUndefined(text(value)) };
    case 'participant':
      if (!field.field) return undefined;
      if (field.field === 'parentPartner') {
        engine.updateParticipant(field.participantId, { parentPartner: value === true });
        return { itemId, value: String(value === true) };
      }
      engine.updateParticipant(field.participantId, { [field.field]: text(value) });
      return { itemId, value: orUndefined(text(value)) };
    case 'objective':
      engine.updateObjective(field.sectionId, field.objectiveId, text(value));
      return { itemId, value: orUndefined(text(value)) };
    case 'action':
      if (!field.field) return undefined;
      if (isDate(value)) {
        engine.enterDate(field, value);
        const action = engine.actionPlan(field.sectionId).objectives.find((o) => o.id === field.objectiveId)?.actions.find((a) => a.id === field.actionId);
        return { itemId, value: field.field === 'due' || field.field === 'review' ? action?.[field.field] : undefined };
      }
      engine.updateAction(field.sectionId, field.objectiveId, field.actionId, { [field.field]: orUndefined(text(value)) });
      return { itemId, value: orUndefined(text(value)) };
    case 'participants':
    case 'plan':
      return undefined;
  }
}

export const ROW_ACTIONS = [
  'add-participant',
  'remove-participant',
  'undo-remove-participant',
  'add-objective',
  'remove-objective',
  'add-action',
  'remove-action',
  'carry-action',
] as const;
export type RowAction = (typeof ROW_ACTIONS)[number];

/** What a row button did: the change to report and the id of the node that takes focus next. */
export interface RowChange {
  change: ChangeDetail;
  focus: string;
  /** The participant a removal took out, to put back on request. */
  removed?: RemovedParticipant;
}

/** The id of a participant's first field the instrument asks for. */
function firstFieldOf(engine: Engine, participantId: string): string {
  const spec = engine.instrument.session?.participants;
  const field = (['name', 'organisation', 'role'] as const).find((f) => spec?.[f] && spec[f] !== 'hidden') ?? 'name';
  return domId('control', { kind: 'participant', participantId, field });
}

/** A person pressed a button that adds or removes a participant, an objective or an action. */
export function applyRowAction(
  engine: Engine,
  action: RowAction,
  field: FieldRef | undefined,
  context: { removed?: RemovedParticipant | undefined; previous?: Engine | undefined } = {},
): RowChange | undefined {
  const { removed, previous } = context;
  const participants: ChangeDetail = { itemId: itemIdOf({ kind: 'participants' }), value: undefined };
  const plan = (sectionId: string): ChangeDetail => ({ itemId: itemIdOf({ kind: 'plan', sectionId }), value: undefined });
  switch (action) {
    case 'add-participant': {
      const participantId = engine.addParticipant();
      return { change: participants, focus: firstFieldOf(engine, participantId) };
    }
    case 'remove-participant': {
      if (field?.kind !== 'participant') return undefined;
      const list = engine.session.participants ?? [];
      const index = list.findIndex((p) => p.id === field.participantId);
      if (index < 0) return undefined;
      engine.removeParticipant(field.participantId);
      return { change: participants, focus: UNDO_REMOVE_ID, removed: { participant: list[index]!, index } };
    }
    case 'undo-remove-participant': {
      if (!removed) return undefined;
      engine.restoreParticipant(removed.participant, removed.index);
      return { change: participants, focus: firstFieldOf(engine, removed.participant.id) };
    }
    case 'add-objective': {
      if (field?.kind !== 'plan') return undefined;
      const objectiveId = engine.addObjective(field.sectionId);
      return { change: plan(field.sectionId), focus: domId('control', { kind: 'objective', sectionId: field.sectionId, objectiveId }) };
    }
    case 'remove-objective':
      if (field?.kind !== 'objective') return undefined;
      engine.removeObjective(field.sectionId, field.objectiveId);
      return { change: plan(field.sectionId), focus: sectionTitleId(field.sectionId) };
    case 'add-action': {
      if (field?.kind !== 'objective') return undefined;
      const actionId = engine.addAction(field.sectionId, field.objectiveId);
      return { change: plan(field.sectionId), focus: domId('control', { ...field, kind: 'action', actionId, field: 'what' }) };
    }
    case 'carry-action': {
      // An open action of the previous record, into this one's plan: under the objective of the same
      // text (made when missing), with its who, dates and status.
      if (field?.kind !== 'action' || !previous) return undefined;
      const from = previous.actionPlan(field.sectionId).objectives.find((o) => o.id === field.objectiveId);
      const carried = from?.actions.find((a) => a.id === field.actionId);
      if (!from || !carried) return undefined;
      const objectiveId =
        engine.actionPlan(field.sectionId).objectives.find((o) => o.text === from.text)?.id ?? engine.addObjective(field.sectionId, from.text);
      const { id: _, ...fields } = carried;
      const actionId = engine.addAction(field.sectionId, objectiveId, fields);
      return { change: plan(field.sectionId), focus: domId('control', { kind: 'action', sectionId: field.sectionId, objectiveId, actionId, field: 'what' }) };
    }
    case 'remove-action':
      if (field?.kind !== 'action') return undefined;
      engine.removeAction(field.sectionId, field.objectiveId, field.actionId);
      return { change: plan(field.sectionId), focus: domId('control', { kind: 'objective', sectionId: field.sectionId, objectiveId: field.objectiveId }) };
  }
}
