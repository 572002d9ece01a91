import { compareRecords } from '../../analysis/compare.js';
import type { Engine } from '../../engine/engine.js';
import { EngineError, errorCodeOf, type ErrorCode } from '../../engine/errors.js';
import { own } from '../../engine/records.js';
import { jsonOf } from '../../schema/json.js';
import type { Text } from '../../schema/common.js';
import type { Instrument, TallyRule } from '../../schema/instrument.js';
import { engineOf } from '../parsers.js';

/**
 * What `<boussole-dashboard>` shows, worked out without the DOM: the results read by the engine (the
 * version policy applies), in date order, and per section either the engine's tallies of each session
 * or, for instruments without tallies, answered counts and what improved or worsened from one record
 * to the next (the analysis layer's comparison). Nothing here counts answers itself.
 */

/** A result the engine read. */
export interface DashboardRecord {
  /** Its position in the results given (0-based). */
  index: number;
  engine: Engine;
  date: string | undefined;
  territory: string | undefined;
}

/** A result that could not be shown, and why (a `boussole-error` code and its parameters). */
export interface RejectedResult {
  index: number;
  code: ErrorCode;
  params: Record<string, unknown>;
}

/**
 * Reads each result with the instrument; bad ones are set aside with their index, the others kept, oldest first.
 * Call it once the format's parsers are loaded (elements/parsers.ts).
 */
export function readResults(instrument: Instrument, inputs: readonly unknown[]): { records: DashboardRecord[]; rejected: RejectedResult[] } {
  const records: DashboardRecord[] = [];
  const rejected: RejectedResult[] = [];
  inputs.forEach((raw, index) => {
    const parsed = jsonOf(raw);
    if (!parsed.ok) {
      rejected.push({ index, code: 'unreadable-value', params: { problems: parsed.problems } });
      return;
    }
    const engine = engineOf(instrument);
    try {
      engine.load(parsed.data);
    } catch (error) {
      const code = error instanceof EngineError ? errorCodeOf(error.code) : undefined;
      if (!code) throw error;
      rejected.push({ index, code, params: { ...(error as EngineError).params } });
      return;
    }
    records.push({ index, engine, date: engine.session.date, territory: engine.session.territory?.trim() || undefined });
  });
  // Date order; undated results last; the order given otherwise.
  records.sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || a.index - b.index);
  return { records, rejected };
}

/** The territories the records cover, in alphabetical order. */
export const territoriesOf = (records: readonly DashboardRecord[]): string[] =>
  [...new Set(records.map((r) => r.territory).filter((t): t is string => t !== undefined))].sort((a, b) => a.localeCompare(b));

/** One level of a tally's scale. */
export interface Level {
  code: string;
  label: Text;
  /** "Don't know" and the like: counted apart from the status. */
  missing: boolean;
}

/** One session's tally of a section, as the engine computed it. */
export interface TallyRow {
  record: DashboardRecord;
  counts: Readonly<Record<string, number>>;
  unanswered: number;
  /** Items of the section the tally looks at (every level, missing and unanswered). */
  items: number;
  status: string | null;
}

/** A tallied section over the sessions shown. */
export interface TallyFigure {
  kind: 'tally';
  rule: TallyRule;
  sectionId: string;
  title: Text;
  levels: readonly Level[];
  /** The level the trend sentence follows: the scale's best. */
  trendLevel: Level | undefined;
  rows: readonly TallyRow[];
}

/** One record's counts for a section of an instrument without tallies. */
export interface ChangeRow {
  record: DashboardRecord;
  answered: number;
  total: number;
  /** Since the previous record shown (undefined for the first). */
  improved?: number;
  worsened?: number;
}

export interface ChangeFigure {
  kind: 'change';
  sectionId: string;
  title: Text;
  rows: readonly ChangeRow[];
}

export type Figure = TallyFigure | ChangeFigure;

/** The figures of the records shown (already filtered), in the instrument's order. */
export function buildFigures(instrument: Instrument, records: readonly DashboardRecord[]): Figure[] {
  if (records.length === 0) return [];
  const model = records[0]!.engine.model;
  const rules = instrument.summary?.tallies ?? [];
  if (rules.length) {
    const summaries = records.map((r) => r.engine.summaries());
    const figures: TallyFigure[] = [];
    for (const rule of rules) {
      const scale = model.scale.get(rule.scale);
      const levels: Level[] = (scale?.options ?? []).map((o) => ({ code: o.code, label: o.label, missing: o.missing === true }));
      const counted = levels.filter((l) => !l.missing);
      const trendLevel = scale?.better === 'last' ? counted.at(-1) : counted[0];
      for (const section of model.sections) {
        if (section.kind !== rule.sectionKind) continue;
        const rows: TallyRow[] = [];
        records.forEach((record, i) => {
          const entry = own(own(summaries[i]!.tallies, rule.id)?.sections, section.id);
          if (!entry) return;
          rows.push({ record, counts: entry.counts, unanswered: entry.unanswered, items: entry.counted + entry.missing + entry.unanswered, status: entry.status });
        });
        if (rows.length) figures.push({ kind: 'tally', rule, sectionId: section.id, title: section.title, levels, trendLevel, rows });
      }
    }
    return figures;
  }
  // Without tallies: answered counts per record, and the comparison of each record with the one before.
  const progress = records.map((r) => r.engine.summaries().progress.sections);
  const comparisons = records.slice(1).map((r, i) => compareRecords([records[i]!.engine, r.engine]));
  const figures: ChangeFigure[] = [];
  for (const section of model.sections) {
    const rows: ChangeRow[] = [];
    records.forEach((record, i) => {
      const p = own(progress[i]!, section.id);
      const counts = i > 0 ? comparisons[i - 1]!.sections.find((s) => s.sectionId === section.id)?.counts : undefined;
      if (!p && !counts) return;
      rows.push({
        record,
        answered: p?.answered ?? 0,
        total: p?.total ?? 0,
        ...(i > 0 ? { improved: counts?.improved ?? 0, worsened: counts?.worsened ?? 0 } : {}),
      });
    });
    if (rows.length) figures.push({ kind: 'change', sectionId: section.id, title: section.title, rows });
  }
  return figures;
}
