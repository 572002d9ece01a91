import type { Engine } from '../engine/engine.js';
import type { Model } from '../engine/model.js';
import { isPresent, sameValue } from '../engine/answers.js';
import { own } from '../engine/records.js';
import { isOpenAction } from '../engine/actions.js';
import type { AnswerValue } from '../schema/common.js';
import type { Item } from '../schema/instrument.js';
import type { Action } from '../schema/result.js';

/**
 * Follow-up over time: how one subject's results of an instrument compare, record after record
 * (the CÉS each year, the needs grid at each plan revision, the PIN grid each year). Pure: no DOM.
 * Every result goes through the engine first, so the version policy applies (same MAJOR, or a
 * declared migration) and the figures are recomputed, not trusted.
 */

export const DIRECTIONS = ['improved', 'worsened', 'unchanged', 'newly-answered', 'no-longer-answered', 'not-comparable'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** One voice (or the single answer) of one item, over the results compared. */
export interface AnswerChange {
  itemId: string;
  perspective?: string;
  /** The answer in each result, oldest first (undefined where there was none). */
  history: (AnswerValue | undefined)[];
  previous: AnswerValue | undefined;
  current: AnswerValue | undefined;
  /** From the previous result to the current one. */
  direction: Direction;
}

export type DirectionCounts = Record<Direction, number>;

export interface SectionComparison {
  sectionId: string;
  /** Counts over the section's items, nested sections included. */
  counts: DirectionCounts;
  improved: readonly string[];
  worsened: readonly string[];
  /** Items answered now and not before. */
  newlyAnswered: readonly string[];
}

export interface TallyChange {
  ruleId: string;
  sectionId: string;
  /** The section's status in each result, oldest first. */
  history: (string | null)[];
  previous: string | null;
  current: string | null;
}

/** An action of the previous record's plans, with whether it still needs work. */
export interface PreviousAction {
  sectionId: string;
  objectiveId: string;
  objectiveText: string;
  action: Action;
  open: boolean;
}

export interface Comparison {
  /** The session date of each result, oldest first. */
  dates: (string | undefined)[];
  changes: readonly AnswerChange[];
  sections: readonly SectionComparison[];
  tallies: readonly TallyChange[];
  /** The previous record's actions (its plans), open ones first. */
  previousActions: readonly PreviousAction[];
  /** Items answered in an earlier result that this version no longer has: listed, not dropped. */
  removedItems: readonly string[];
}

const emptyCounts = (): DirectionCounts => ({ improved: 0, worsened: 0, unchanged: 0, 'newly-answered': 0, 'no-longer-answered': 0, 'not-comparable': 0 });

/** The rank of a value on an item's order (higher is better), or undefined when it has none. */
function rankOf(model: Model, item: Item, value: AnswerValue): number | undefined {
  if (item.type === 'single-choice' && typeof value === 'string') {
    const scale = model.scale.get(item.scale);
    const better = item.better ?? scale?.better;
    if (!scale || !better) return undefined;
    const ordered = scale.options.filter((o) => !o.missing);
    const index = ordered.findIndex((o) => o.code === value);
    if (index < 0) return undefined;
    return better === 'last' ? index : ordered.length - 1 - index;
  }
  if (item.type === 'yes-no' && item.better && (value === 'yes' || value === 'no')) return value === item.better ? 1 : 0;
  if (item.type === 'number' && item.better && typeof value === 'number') return item.better === 'higher' ? value : -value;
  return undefined;
}

/** How an answer moved from one record to the next, on the item's order (see the format's `better`). */
export function directionOf(model: Model, item: Item, previous: AnswerValue | undefined, current: AnswerValue | undefined): Direction {
  const had = previous !== undefined && isPresent(previous);
  const has = current !== undefined && isPresent(current);
  if (!had && !has) return 'unchanged';
  if (!had) return 'newly-answered';
  if (!has) return 'no-longer-answered';
  if (sameValue(previous!, current!)) return 'unchanged';
  const [a, b] = [rankOf(model, item, previous!), rankOf(model, item, current!)];
  if (a === undefined || b === undefined) return 'not-comparable';
  return b > a ? 'improved' : b < a ? 'worsened' : 'unchanged';
}

/** Each voice's value of an item in a result (the single answer under `undefined`). */
function voicesOf(engine: LoadedRecord, item: Item): Map<string | undefined, AnswerValue | undefined> {
  const answer = engine.answer(item.id);
  const out = new Map<string | undefined, AnswerValue | undefined>();
  if (item.perspectives) for (const p of item.perspectives) out.set(p, own(answer?.perspectives, p)?.value);
  else out.set(undefined, answer?.value);
  return out;
}

/** What the comparison reads of a loaded record: an engine, or anything that reads like one. */
export type LoadedRecord = Pick<Engine, 'model' | 'answer' | 'isVisible' | 'summaries' | 'actionPlan' | 'session'>;

/**
 * Compares records already loaded (engines of one instrument, oldest first, at least two): what an
 * element holds. The last one's instrument decides what is compared.
 */
export function compareRecords(engines: readonly LoadedRecord[]): Comparison {
  if (engines.length < 2) throw new RangeError('compareRecords needs at least two records');
  const current = engines.at(-1)!;
  const previous = engines.at(-2)!;
  const model = current.model;
  const changes: AnswerChange[] = [];
  const byItem = new Map<string, AnswerChange[]>();
  for (const item of model.items) {
    const now = voicesOf(current, item);
    if (!current.isVisible(item.id) && [...now.values()].every((v) => v === undefined)) continue;
    const series = engines.map((e) => voicesOf(e, item));
    for (const voice of now.keys()) {
      const history = series.map((s) => s.get(voice));
      if (history.every((v) => v === undefined)) continue;
      const change: AnswerChange = {
        itemId: item.id,
        ...(voice !== undefined ? { perspective: voice } : {}),
        history,
        previous: history.at(-2),
        current: history.at(-1),
        direction: directionOf(model, item, history.at(-2), history.at(-1)),
      };
      changes.push(change);
      byItem.set(item.id, [...(byItem.get(item.id) ?? []), change]);
    }
  }

  const sections: SectionComparison[] = model.sections.map((section) => {
    const counts = emptyCounts();
    const improved: string[] = [];
    const worsened: string[] = [];
    const newlyAnswered: string[] = [];
    for (const item of model.itemsIn.get(section.id) ?? [])
      for (const change of byItem.get(item.id) ?? []) {
        counts[change.direction]++;
        const list = change.direction === 'improved' ? improved : change.direction === 'worsened' ? worsened : change.direction === 'newly-answered' ? newlyAnswered : undefined;
        if (list && !list.includes(item.id)) list.push(item.id);
      }
    return { sectionId: section.id, counts, improved, worsened, newlyAnswered };
  });

  const tallies: TallyChange[] = [];
  const summaries = engines.map((e) => e.summaries());
  for (const rule of model.instrument.summary?.tallies ?? [])
    for (const sectionId of Object.keys(own(summaries.at(-1)!.tallies, rule.id)?.sections ?? {})) {
      const history = summaries.map((s) => own(own(s.tallies, rule.id)?.sections, sectionId)?.status ?? null);
      tallies.push({ ruleId: rule.id, sectionId, history, previous: history.at(-2)!, current: history.at(-1)! });
    }

  const previousActions: PreviousAction[] = [];
  for (const section of model.sections) {
    if (!section.actionPlan) continue;
    for (const objective of previous.actionPlan(section.id).objectives)
      for (const action of objective.actions)
        previousActions.push({ sectionId: section.id, objectiveId: objective.id, objectiveText: objective.text, action, open: isOpenAction(action) });
  }
  previousActions.sort((a, b) => Number(b.open) - Number(a.open));

  const removedItems = [...new Set(summaries.slice(0, -1).flatMap((s) => s.unknownItems))];
  return {
    dates: engines.map((e) => e.session.date),
    changes,
    sections,
    tallies,
    previousActions,
    removedItems,
  };
}
