import type { AnswerValue } from '../schema/common.js';
import type { IssueCode } from '../schema/enums.js';
import type { Item, SessionSpec } from '../schema/instrument.js';
import { answerRef, itemIdOf, type FieldRef } from '../schema/keys.js';
import type { Answer, ActionPlan, SessionData } from '../schema/result.js';
import { isIsoDate } from './age-bands.js';
import { outOfRange, yearBefore, yearInRange } from './dates.js';
import { isAnswered, isPresent } from './answers.js';
import type { Model } from './model.js';

/**
 * A validation problem as data; the localize layer turns it into words. `field` is the typed
 * reference of the field at fault; `itemId` (with `perspective` for a voice) is its public name: an
 * item id, or `ageBand`, `session.date`, `session.subjectId`, `session.territory`,
 * `session.participants`, `session.participants.<id>.<field>`, `plan.<section>.<objective>.text`,
 * `plan.<section>.<objective>.<action>.what`.
 */
export interface Issue {
  readonly field: FieldRef;
  readonly itemId: string;
  readonly code: IssueCode;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly perspective?: string;
}

/** Length limits applied when an item sets none. */
export const DEFAULT_MAX_LENGTH = { 'short-text': 500, 'long-text': 10000 } as const;

type Problem = Pick<Issue, 'code' | 'params'> | undefined;

/** The issue of a date a person typed in three fields that is not a date, if so (see `Engine.enterDate`). */
export type TypedDateCheck = (field: FieldRef) => Problem;

const noTyped: TypedDateCheck = () => undefined;

/** How long before the meeting an action may be due: more than this many years is a typing slip. */
export const DUE_YEARS_BEFORE_SESSION = 1;

const rangeProblem = (): Problem => {
  const { code, params } = outOfRange();
  return { code, params };
};

/** An issue about a field: its public name and perspective follow from the reference. */
export function issueOf(field: FieldRef, code: IssueCode, params?: Issue['params']): Issue {
  return {
    field,
    itemId: itemIdOf(field),
    code,
    ...(params ? { params } : {}),
    ...(field.kind === 'voice' ? { perspective: field.perspective } : {}),
  };
}

/** What is wrong with one present value of an item, if anything. */
export function checkValue(item: Item, value: AnswerValue, model: Model): Problem {
  switch (item.type) {
    case 'single-choice':
      return typeof value === 'string' && model.option.get(item.scale)?.has(value)
        ? undefined
        : { code: 'invalid-option', params: { value: String(value) } };
    case 'multiple-choice': {
      const codes = model.option.get(item.scale);
      if (!Array.isArray(value)) return { code: 'invalid-value' };
      const bad = value.find((v) => !codes?.has(v));
      if (bad !== undefined) return { code: 'invalid-option', params: { value: bad } };
      if (item.minSelected !== undefined && value.length < item.minSelected)
        return { code: 'too-few', params: { min: item.minSelected } };
      if (item.maxSelected !== undefined && value.length > item.maxSelected)
        return { code: 'too-many', params: { max: item.maxSelected } };
      return undefined;
    }
    case 'yes-no': {
      const ok = value === 'yes' || value === 'no' || (value === 'unknown' && item.allowUnknown !== false);
      return ok ? undefined : { code: 'invalid-option', params: { value: String(value) } };
    }
    case 'short-text':
    case 'long-text': {
      if (typeof value !== 'string') return { code: 'invalid-value' };
      const max = item.maxLength ?? DEFAULT_MAX_LENGTH[item.type];
      return value.length > max ? { code: 'too-long', params: { max, length: value.length } } : undefined;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'invalid-value' };
      if (item.integer && !Number.isInteger(value)) return { code: 'not-integer' };
      if (item.min !== undefined && value < item.min) return { code: 'below-min', params: { min: item.min } };
      if (item.max !== undefined && value > item.max) return { code: 'above-max', params: { max: item.max } };
      return undefined;
    case 'date':
      if (!isIsoDate(value)) return { code: 'invalid-date' };
      if (!yearInRange(value)) return rangeProblem();
      if (item.min !== undefined && value < item.min) return { code: 'date-before-min', params: { min: item.min } };
      if (item.max !== undefined && value > item.max) return { code: 'date-after-max', params: { max: item.max } };
      return undefined;
  }
}

/** Issues of one item's answer (the item being visible). */
export function validateItem(model: Model, item: Item, answer: Answer | undefined): Issue[] {
  const issues: Issue[] = [];
  if (!isAnswered(answer)) {
    if (item.required) issues.push(issueOf({ kind: 'item', itemId: item.id }, 'required'));
    return issues;
  }
  const check = (value: AnswerValue | undefined, perspective?: string) => {
    const problem = isPresent(value) ? checkValue(item, value, model) : undefined;
    if (problem) issues.push(issueOf(answerRef(item.id, perspective), problem.code, problem.params));
  };
  check(answer!.value);
  for (const [perspective, voice] of Object.entries(answer!.perspectives ?? {})) check(voice.value, perspective);
  return issues;
}

/** Issues of the session details the instrument asks for. */
export function validateSession(spec: SessionSpec | undefined, session: SessionData, typed: TypedDateCheck = noTyped): Issue[] {
  const issues: Issue[] = [];
  if (!spec) return issues;
  const need = (mode: string | undefined, value: string | undefined, field: FieldRef) => {
    if (mode === 'required' && !value?.trim()) issues.push(issueOf(field, 'required'));
  };
  const date: FieldRef = { kind: 'session', field: 'date' };
  const dateProblem = spec.date === 'required' || spec.date === 'optional' ? typed(date) ?? (session.date && !yearInRange(session.date) ? rangeProblem() : undefined) : undefined;
  if (dateProblem) issues.push(issueOf(date, dateProblem.code, dateProblem.params));
  else need(spec.date, session.date, date);
  need(spec.subject, session.subjectId, { kind: 'session', field: 'subjectId' });
  need(spec.territory, session.territory, { kind: 'session', field: 'territory' });
  const p = spec.participants;
  if (p) {
    const list = session.participants ?? [];
    if (p.min !== undefined && list.length < p.min) issues.push(issueOf({ kind: 'participants' }, 'too-few', { min: p.min }));
    for (const person of list)
      for (const field of ['name', 'organisation', 'role'] as const)
        need(p[field], person[field], { kind: 'participant', participantId: person.id, field });
  }
  return issues;
}

/** Issues of the action plans of visible sections: every objective and action says what it is. */
export function validatePlans(
  plans: Readonly<Record<string, ActionPlan>>,
  visible: ReadonlyMap<string, boolean>,
  sessionDate?: string,
  typed: TypedDateCheck = noTyped,
): Issue[] {
  // A due date more than a year before the meeting is a slip (a year typed wrong), not a plan.
  const earliestDue = sessionDate && isIsoDate(sessionDate) ? yearBefore(sessionDate) : undefined;
  const issues: Issue[] = [];
  for (const [sectionId, plan] of Object.entries(plans)) {
    if (!visible.get(sectionId)) continue;
    for (const objective of plan.objectives) {
      const objectiveId = objective.id;
      if (!objective.text.trim()) issues.push(issueOf({ kind: 'objective', sectionId, objectiveId }, 'required'));
      for (const action of objective.actions) {
        const at = (field: 'what' | 'due' | 'review'): FieldRef => ({ kind: 'action', sectionId, objectiveId, actionId: action.id, field });
        if (!action.what.trim()) issues.push(issueOf(at('what'), 'required'));
        for (const field of ['due', 'review'] as const) {
          const value = action[field];
          const problem =
            typed(at(field)) ??
            (value && !yearInRange(value)
              ? rangeProblem()
              : field === 'due' && value && earliestDue && value < earliestDue
                ? { code: 'due-before-session' as const, params: { session: sessionDate!, years: DUE_YEARS_BEFORE_SESSION } }
                : undefined);
          if (problem) issues.push(issueOf(at(field), problem.code, problem.params));
        }
      }
    }
  }
  return issues;
}
