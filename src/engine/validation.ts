import type { AnswerValue } from '../schema/common.js';
import type { IssueCode } from '../schema/enums.js';
import type { Item, SessionSpec } from '../schema/instrument.js';
import type { Answer, ActionPlan, SessionData } from '../schema/result.js';
import { isIsoDate } from './age-bands.js';
import { isAnswered, isPresent } from './answers.js';
import type { Model } from './model.js';

/**
 * A validation problem as data; the localize layer turns it into words. `itemId` is an item id, or
 * for other fields: `ageBand`, `session.date`, `session.subjectId`, `session.territory`,
 * `session.participants`, `session.participants.<id>.<field>`, `plan.<section>.<objective>.text`,
 * `plan.<section>.<objective>.<action>.what`.
 */
export interface Issue {
  readonly itemId: string;
  readonly code: IssueCode;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly perspective?: string;
}

/** Length limits applied when an item sets none. */
export const DEFAULT_MAX_LENGTH = { 'short-text': 500, 'long-text': 10000 } as const;

type Problem = Pick<Issue, 'code' | 'params'> | undefined;

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
      if (item.min !== undefined && value < item.min) return { code: 'date-before-min', params: { min: item.min } };
      if (item.max !== undefined && value > item.max) return { code: 'date-after-max', params: { max: item.max } };
      return undefined;
  }
}

/** Issues of one item's answer (the item being visible). */
export function validateItem(model: Model, item: Item, answer: Answer | undefined): Issue[] {
  const issues: Issue[] = [];
  if (!isAnswered(answer)) {
    if (item.required) issues.push({ itemId: item.id, code: 'required' });
    return issues;
  }
  const check = (value: AnswerValue | undefined, perspective?: string) => {
    const problem = isPresent(value) ? checkValue(item, value, model) : undefined;
    if (problem) issues.push({ itemId: item.id, ...problem, ...(perspective ? { perspective } : {}) });
  };
  check(answer!.value);
  for (const [perspective, voice] of Object.entries(answer!.perspectives ?? {})) check(voice.value, perspective);
  return issues;
}

/** Issues of the visible items, in document order. */
export function validateAnswers(
  model: Model,
  answers: Readonly<Record<string, Answer>>,
  visible: ReadonlyMap<string, boolean>,
): Issue[] {
  const issues: Issue[] = [];
  for (const item of model.items) if (visible.get(item.id)) issues.push(...validateItem(model, item, answers[item.id]));
  return issues;
}

/** Issues of the session details the instrument asks for. */
export function validateSession(spec: SessionSpec | undefined, session: SessionData): Issue[] {
  const issues: Issue[] = [];
  if (!spec) return issues;
  const need = (mode: string | undefined, value: string | undefined, itemId: string) => {
    if (mode === 'required' && !value?.trim()) issues.push({ itemId, code: 'required' });
  };
  need(spec.date, session.date, 'session.date');
  need(spec.subject, session.subjectId, 'session.subjectId');
  need(spec.territory, session.territory, 'session.territory');
  const p = spec.participants;
  if (p) {
    const list = session.participants ?? [];
    if (p.min !== undefined && list.length < p.min)
      issues.push({ itemId: 'session.participants', code: 'too-few', params: { min: p.min } });
    for (const person of list) {
      need(p.name, person.name, `session.participants.${person.id}.name`);
      need(p.organisation, person.organisation, `session.participants.${person.id}.organisation`);
      need(p.role, person.role, `session.participants.${person.id}.role`);
    }
  }
  return issues;
}

/** Issues of the action plans of visible sections: every objective and action says what it is. */
export function validatePlans(
  plans: Readonly<Record<string, ActionPlan>>,
  visible: ReadonlyMap<string, boolean>,
): Issue[] {
  const issues: Issue[] = [];
  for (const [sectionId, plan] of Object.entries(plans)) {
    if (!visible.get(sectionId)) continue;
    for (const objective of plan.objectives) {
      const base = `plan.${sectionId}.${objective.id}`;
      if (!objective.text.trim()) issues.push({ itemId: `${base}.text`, code: 'required' });
      for (const action of objective.actions) {
        const at = `${base}.${action.id}`;
        if (!action.what.trim()) issues.push({ itemId: `${at}.what`, code: 'required' });
      }
    }
  }
  return issues;
}

/** The section of an action-plan issue key (`plan.<section>.<objective>…`); section ids may hold dots. */
export function planSectionOf(model: Model, key: string): string | undefined {
  if (!key.startsWith('plan.')) return undefined;
  let found: string | undefined;
  for (const id of model.section.keys())
    if (key.startsWith(`plan.${id}.`) && (!found || id.length > found.length)) found = id;
  return found;
}
