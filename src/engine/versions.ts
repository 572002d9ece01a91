import type { AnswerValue } from '../schema/common.js';
import type { Instrument, Migration } from '../schema/instrument.js';
import type { ActionPlan, Answer, ResumableResult } from '../schema/result.js';
import { EngineError } from './errors.js';
import { own } from './records.js';

/**
 * The version policy, one for every result the library reads (a `value`, a draft, last year's
 * result): a result of the same instrument id and the same MAJOR version loads as it is, answers
 * matched by item id (answers to items this version no longer has are kept, as unknown items); a
 * result of another MAJOR loads only through the instrument's migration from that MAJOR (renamed
 * ids, recoded options), and is refused otherwise. Pure: no DOM.
 */

export const majorOf = (version: string): number => Number(version.split('.')[0]);

/** The result, brought to the instrument's version; throws `instrument-mismatch` or `version-mismatch`. */
export function adoptResult<R extends ResumableResult>(instrument: Instrument, result: R): R {
  const found = result.instrument;
  if (found.id !== instrument.id) throw new EngineError('instrument-mismatch', { expected: instrument.id, found: found.id });
  if (found.version === instrument.version) return result;
  const from = majorOf(found.version);
  const adopted = { ...result, instrument: { id: instrument.id, version: instrument.version } };
  if (from === majorOf(instrument.version)) return adopted;
  const migration = (instrument.migrations ?? []).find((m) => m.from === from);
  if (!migration) throw new EngineError('version-mismatch', { expected: instrument.version, found: found.version });
  return migrate(adopted, migration);
}

/** Applies a migration: renamed items, sections and bands; recoded options. Nothing is dropped. */
function migrate<R extends ResumableResult>(result: R, migration: Migration): R {
  const renamed = migration.renamed ?? {};
  const to = (id: string) => own(renamed, id) ?? id;
  const answers: Record<string, Answer> = {};
  for (const [id, answer] of Object.entries(result.answers)) {
    const target = to(id);
    // Two answers for one new id: the one already under the new id stays; the other keeps its old id.
    const key = target !== id && Object.hasOwn(result.answers, target) ? id : target;
    const codes = own(migration.recoded, target);
    answers[key] = codes ? recode(answer, codes) : answer;
  }
  const actionPlans: Record<string, ActionPlan> = {};
  for (const [id, plan] of Object.entries(result.actionPlans)) {
    const target = to(id);
    actionPlans[target !== id && Object.hasOwn(result.actionPlans, target) ? id : target] = plan;
  }
  return { ...result, answers, actionPlans, ...(result.ageBand !== undefined ? { ageBand: to(result.ageBand) } : {}) };
}

function recode(answer: Answer, codes: Readonly<Record<string, string>>): Answer {
  const value = (v: AnswerValue | undefined): AnswerValue | undefined =>
    typeof v === 'string' ? (own(codes, v) ?? v) : Array.isArray(v) ? v.map((c) => own(codes, c) ?? c) : v;
  const out: Answer = { ...answer };
  if (answer.value !== undefined) out.value = value(answer.value)!;
  if (answer.perspectives)
    out.perspectives = Object.fromEntries(
      Object.entries(answer.perspectives).map(([p, voice]) => [p, voice.value === undefined ? voice : { ...voice, value: value(voice.value)! }]),
    );
  return out;
}
