import { compareRecords, type Comparison, type Direction } from '../../analysis/compare.js';
import { isClosedAction, isOpenAction } from '../../engine/actions.js';
import type { Engine } from '../../engine/create-engine.js';
import { own } from '../../engine/records.js';
import type { AnswerValue } from '../../schema/common.js';
import type { Item, Section, TallyRule } from '../../schema/instrument.js';
import type { Action, Progress, Result, TallyEntry } from '../../schema/result.js';
import type { FormContext } from '../read-model.js';

/**
 * What `<boussole-summary>` shows, as plain data built from a result (and its previous record): the
 * synthesis a worker files and brings to the meeting. Built by the engine, so every figure is the
 * engine's.
 */

export interface ReportAnswer {
  readonly item: Item;
  /** One entry per voice (the single answer has no perspective). */
  readonly voices: readonly { readonly perspective: string | undefined; readonly value: AnswerValue | undefined; readonly previous?: AnswerValue | undefined; readonly direction?: Direction | undefined }[];
  readonly comment: string | undefined;
  /** The voices answered a closed question differently. */
  readonly disagreement: boolean;
}

export interface ReportTally {
  readonly rule: TallyRule;
  readonly entry: TallyEntry;
  /** The status in the previous record, when there is one. */
  readonly previous?: string | null | undefined;
}

export interface ReportAction {
  readonly objective: string;
  readonly action: Action;
  /** Still needs work (see isOpenAction). */
  readonly open: boolean;
  /** Done or dropped. */
  readonly closed: boolean;
}

export interface ReportSection {
  readonly section: Section;
  readonly depth: number;
  readonly progress: Progress | undefined;
  readonly answers: readonly ReportAnswer[];
  readonly tallies: readonly ReportTally[];
  readonly actions: readonly ReportAction[];
  readonly sections: readonly ReportSection[];
}

export interface Report {
  readonly ctx: FormContext;
  readonly result: Result;
  readonly sections: readonly ReportSection[];
  /** Items where the voices differ (the whole form). */
  readonly disagreements: readonly string[];
  readonly comparison: Comparison | undefined;
  readonly previousDate: string | undefined;
}

/** The report of the engine's result, compared with the previous record when there is one. */
export function buildReport(ctx: FormContext, engine: Engine, previous: Engine | undefined): Report {
  const result = engine.toResult({ complete: true });
  const summaries = result.summaries;
  const comparison = previous ? compareRecords([previous, engine]) : undefined;
  const changeOf = (itemId: string, perspective: string | undefined) => comparison?.changes.find((c) => c.itemId === itemId && c.perspective === perspective);
  const disagreements = new Set(summaries.disagreements);
  const section = (s: Section, depth: number): ReportSection => ({
    section: s,
    depth,
    progress: own(summaries.progress.sections, s.id),
    answers: (s.items ?? [])
      .filter((item) => engine.isVisible(item.id))
      .map((item) => {
        const answer = engine.answer(item.id);
        return {
          item,
          voices: (item.perspectives ?? [undefined]).map((perspective) => {
            const change = changeOf(item.id, perspective);
            return {
              perspective,
              value: perspective ? own(answer?.perspectives, perspective)?.value : answer?.value,
              ...(change ? { previous: change.previous, direction: change.direction } : {}),
            };
          }),
          comment: answer?.comment,
          disagreement: disagreements.has(item.id),
        };
      }),
    tallies: (engine.instrument.summary?.tallies ?? []).flatMap((rule) => {
      const entry = own(own(summaries.tallies, rule.id)?.sections, s.id);
      if (!entry) return [];
      const change = comparison?.tallies.find((t) => t.ruleId === rule.id && t.sectionId === s.id);
      return [{ rule, entry, ...(change ? { previous: change.previous } : {}) }];
    }),
    actions: engine.actionPlan(s.id).objectives.flatMap((o) => o.actions.map((action) => ({ objective: o.text, action, open: isOpenAction(action), closed: isClosedAction(action) }))),
    sections: (s.sections ?? []).filter((sub) => engine.isVisible(sub.id)).map((sub) => section(sub, depth + 1)),
  });
  return {
    ctx,
    result,
    sections: engine.instrument.sections.filter((s) => engine.isVisible(s.id)).map((s) => section(s, 1)),
    disagreements: summaries.disagreements,
    comparison,
    previousDate: previous?.session.date,
  };
}
