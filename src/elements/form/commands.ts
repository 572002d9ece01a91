import type { Engine } from '../../engine/create-engine.js';
import { domId, itemIdOf, sectionTitleId, type FieldRef } from '../../schema/keys.js';
import type { ChangeDetail } from '../events.js';

/** What a control gives: text (or a code), the codes checked in a group, or a checkbox state. */
export type ControlValue = string | readonly string[] | boolean;

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
      engine.setAnswer(field.itemId, typeof value === 'boolean' ? undefined : (value as string | string[]), { perspective });
      const answer = engine.answer(field.itemId);
      const stored = perspective ? answer?.perspectives?.[perspective]?.value : answer?.value;
      return { itemId, value: stored, ...(perspective ? { perspective } : {}) };
    }
    case 'comment':
      engine.setComment(field.itemId, text(value));
      return { itemId, value: engine.answer(field.itemId)?.value, comment: text(value) };
    case 'age-band':
      engine.setAgeBand(orUndefined(text(value)));
      return { itemId, value: orUndefined(text(value)) };
    case 'session':
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
      engine.updateAction(field.sectionId, field.objectiveId, field.actionId, { [field.field]: orUndefined(text(value)) });
      return { itemId, value: orUndefined(text(value)) };
    case 'participants':
    case 'plan':
      return undefined;
  }
}

export const ROW_ACTIONS = ['add-participant', 'remove-participant', 'add-objective', 'remove-objective', 'add-action', 'remove-action'] as const;
export type RowAction = (typeof ROW_ACTIONS)[number];

/** What a row button did: the change to report and the id of the node that takes focus next. */
export interface RowChange {
  change: ChangeDetail;
  focus: string;
}

/** A person pressed a button that adds or removes a participant, an objective or an action. */
export function applyRowAction(engine: Engine, action: RowAction, field: FieldRef | undefined): RowChange | undefined {
  const participants: ChangeDetail = { itemId: itemIdOf({ kind: 'participants' }), value: undefined };
  const plan = (sectionId: string): ChangeDetail => ({ itemId: itemIdOf({ kind: 'plan', sectionId }), value: undefined });
  switch (action) {
    case 'add-participant': {
      const spec = engine.instrument.session?.participants;
      const first = (['name', 'organisation', 'role'] as const).find((f) => spec?.[f] && spec[f] !== 'hidden') ?? 'name';
      const participantId = engine.addParticipant();
      return { change: participants, focus: domId('control', { kind: 'participant', participantId, field: first }) };
    }
    case 'remove-participant':
      if (field?.kind !== 'participant') return undefined;
      engine.removeParticipant(field.participantId);
      return { change: participants, focus: domId('control', { kind: 'participants' }) };
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
    case 'remove-action':
      if (field?.kind !== 'action') return undefined;
      engine.removeAction(field.sectionId, field.objectiveId, field.actionId);
      return { change: plan(field.sectionId), focus: domId('control', { kind: 'objective', sectionId: field.sectionId, objectiveId: field.objectiveId }) };
  }
}
