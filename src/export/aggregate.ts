import type { Engine } from '../engine/create-engine.js';
import type { Instrument, Item } from '../schema/instrument.js';
import { levelsOf, loaderFor, type ExportError } from './rows.js';

/** A published count, or `null` where it is suppressed. */
export type Cell = number | null;

/** One item (and voice) of a section table: how many answers gave each level. */
export interface ItemCounts {
  item: string;
  /** The perspective, `''` for an item that collects one answer. */
  voice: string;
  /** Level code → count. A multiple-choice item counts each selected code. */
  counts: Record<string, Cell>;
  /** The row total (answers of this item and voice). */
  total: Cell;
}

/**
 * The items of one section answered on one scale (`yes-no` for yes/no questions), as a table:
 * rows are items × voices, columns the scale's levels, with row totals, column totals and a grand total.
 */
export interface SectionTable {
  section: string;
  /** Scale id, or `yes-no`. */
  scale: string;
  levels: string[];
  rows: ItemCounts[];
  /** Level → answers at that level across the table's rows. */
  totals: Record<string, Cell>;
  total: Cell;
}

/** One tally rule's statuses: rows are the sections it rates, columns its statuses (results per status). */
export interface StatusTable {
  tally: string;
  statuses: string[];
  rows: { section: string; counts: Record<string, Cell>; total: Cell }[];
  totals: Record<string, Cell>;
  total: Cell;
}

export interface AggregateGroup {
  /** The grouping values (`{ territory: 'RLS Nord' }`), `{}` without `groupBy`. */
  key: Record<string, string>;
  /** How many results the group holds (suppressed under `minCell` too). */
  results: Cell;
  sections: SectionTable[];
  tallies: StatusTable[];
}

/** What `aggregate` returns: de-identified counts only, no subject id, name, role, date or free text. */
export interface Aggregate {
  instrument: { id: string; version: string };
  minCell: number;
  groupBy: GroupField[];
  groups: AggregateGroup[];
}

export type GroupField = 'territory';

export interface AggregateOptions {
  /** Every count below this (zeros included) is suppressed, then complementary cells (default 5). */
  minCell?: number;
  /** Separate tables per value of these session fields (default none: one group). */
  groupBy?: GroupField[];
  /** A refused result is skipped and reported here; without it the first one throws `ExportError`. */
  onInvalid?: (error: ExportError) => void;
}

/**
 * Suppression on a table with its totals: `matrix` holds the inner cells *and* a last column of row
 * totals and a last row of column totals (its last cell the grand total). Returns which cells to hide:
 * 1. primary: every cell under `minCell`;
 * 2. complementary, repeated until nothing changes: a row or column (totals included) with exactly
 *    one hidden cell could give it back by subtraction, so its smallest other published cell is hidden too.
 * Every line thus ends with zero or at least two hidden cells.
 */
export function suppression(matrix: readonly (readonly number[])[], minCell: number): boolean[][] {
  const hidden = matrix.map((row) => row.map((n) => n < minCell));
  const lines: [number, number][][] = [];
  const height = matrix.length;
  const width = matrix[0]?.length ?? 0;
  for (let i = 0; i < height; i++) lines.push(Array.from({ length: width }, (_, j) => [i, j] as [number, number]));
  for (let j = 0; j < width; j++) lines.push(Array.from({ length: height }, (_, i) => [i, j] as [number, number]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.filter(([i, j]) => hidden[i]![j]).length !== 1) continue;
      let pick: [number, number] | undefined;
      for (const [i, j] of line) if (!hidden[i]![j] && (!pick || matrix[i]![j]! < matrix[pick[0]]![pick[1]]!)) pick = [i, j];
      if (pick) {
        hidden[pick[0]]![pick[1]] = true;
        changed = true;
      }
    }
  }
  return hidden;
}

/** Applies `suppression` to inner counts (rows × columns), adding the totals; returns published cells. */
export function suppressTable(inner: readonly (readonly number[])[], width: number, minCell: number): { cells: Cell[][]; rowTotals: Cell[]; columnTotals: Cell[]; total: Cell } {
  const rowTotals = inner.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: width }, (_, j) => inner.reduce((a, row) => a + row[j]!, 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const matrix = [...inner.map((row, i) => [...row, rowTotals[i]!]), [...columnTotals, total]];
  const hidden = suppression(matrix, minCell);
  const shown = (i: number, j: number): Cell => (hidden[i]![j] ? null : matrix[i]![j]!);
  return {
    cells: inner.map((row, i) => row.map((_, j) => shown(i, j))),
    rowTotals: inner.map((_, i) => shown(i, width)),
    columnTotals: columnTotals.map((_, j) => shown(inner.length, j)),
    total: shown(inner.length, width),
  };
}

interface TableShape {
  section: string;
  scale: string;
  levels: string[];
  rows: { item: Item; voice: string }[];
}

interface GroupCounts {
  results: number;
  /** Per table: row × level. */
  tables: number[][][];
  /** Per tally: section × status. */
  tallies: number[][][];
}

const scaleOf = (item: Item): string | undefined =>
  item.type === 'yes-no' ? 'yes-no' : item.type === 'single-choice' || item.type === 'multiple-choice' ? item.scale : undefined;

/** The tables an instrument gives: per section, one per scale its own items use, rows in document order. */
export function tableShapes(engine: Pick<Engine, 'model'>): TableShape[] {
  const shapes: TableShape[] = [];
  for (const section of engine.model.sections) {
    const byScale = new Map<string, TableShape>();
    for (const item of section.items ?? []) {
      const scale = scaleOf(item);
      const levels = levelsOf(engine, item);
      if (!scale || !levels) continue;
      // yes/no items with and without "don't know" share one table with all three levels.
      let shape = byScale.get(scale);
      if (!shape) byScale.set(scale, (shape = { section: section.id, scale, levels: scale === 'yes-no' ? ['yes', 'no', 'unknown'] : levels, rows: [] }));
      for (const voice of item.perspectives ?? ['']) shape.rows.push({ item, voice });
    }
    shapes.push(...byScale.values());
  }
  return shapes;
}

/**
 * Counts results one at a time (memory does not grow with their number) and publishes suppressed
 * tables. `aggregate` uses it; a host reading a stream calls `add` per result, then `finish`.
 */
export class Aggregator {
  readonly minCell: number;
  readonly groupBy: GroupField[];
  private readonly instrument: Instrument;
  private readonly load: ReturnType<typeof loaderFor>;
  private shapes: TableShape[] | undefined;
  private readonly groups = new Map<string, { key: Record<string, string>; counts: GroupCounts }>();
  private index = 0;

  constructor(instrument: Instrument, options: AggregateOptions = {}) {
    this.instrument = instrument;
    this.minCell = options.minCell ?? 5;
    this.groupBy = options.groupBy ?? [];
    this.load = loaderFor(instrument, options.onInvalid);
  }

  add(input: unknown): void {
    const loaded = this.load(input, this.index++);
    if (!loaded) return;
    const { engine } = loaded;
    const shapes = (this.shapes ??= tableShapes(engine));
    const key: Record<string, string> = {};
    for (const field of this.groupBy) key[field] = engine.session[field] ?? '';
    const id = JSON.stringify(key);
    let group = this.groups.get(id);
    if (!group) {
      group = {
        key,
        counts: {
          results: 0,
          tables: shapes.map((s) => s.rows.map(() => s.levels.map(() => 0))),
          tallies: this.tallyRules().map((rule) => this.sectionsOfKind(rule.sectionKind).map(() => (rule.statuses ?? []).map(() => 0))),
        },
      };
      this.groups.set(id, group);
    }
    const counts = group.counts;
    counts.results++;
    shapes.forEach((shape, t) => {
      shape.rows.forEach(({ item, voice }, r) => {
        if (!engine.isVisible(item.id)) return;
        const answer = engine.answer(item.id);
        const value = voice ? answer?.perspectives?.[voice]?.value : answer?.value;
        for (const code of Array.isArray(value) ? value : value === undefined ? [] : [String(value)]) {
          const level = shape.levels.indexOf(code);
          if (level >= 0) counts.tables[t]![r]![level]!++;
        }
      });
    });
    const tallies = engine.summaries().tallies;
    this.tallyRules().forEach((rule, t) => {
      this.sectionsOfKind(rule.sectionKind).forEach((sectionId, r) => {
        const status = tallies[rule.id]?.sections[sectionId]?.status;
        const at = (rule.statuses ?? []).findIndex((s) => s.id === status);
        if (at >= 0) counts.tallies[t]![r]![at]!++;
      });
    });
  }

  private tallyRules() {
    return this.instrument.summary?.tallies ?? [];
  }

  finish(): Aggregate {
    const shapes = this.shapes ?? [];
    const { minCell } = this;
    const groups: AggregateGroup[] = [...this.groups.values()].map(({ key, counts }) => ({
      key,
      results: counts.results < minCell ? null : counts.results,
      sections: shapes.map((shape, t) => {
        const s = suppressTable(counts.tables[t]!, shape.levels.length, minCell);
        return {
          section: shape.section,
          scale: shape.scale,
          levels: shape.levels,
          rows: shape.rows.map(({ item, voice }, r) => ({
            item: item.id,
            voice,
            counts: Object.fromEntries(shape.levels.map((level, j) => [level, s.cells[r]![j]!])),
            total: s.rowTotals[r]!,
          })),
          totals: Object.fromEntries(shape.levels.map((level, j) => [level, s.columnTotals[j]!])),
          total: s.total,
        };
      }),
      tallies: this.tallyRules().map((rule, t) => {
        const statuses = (rule.statuses ?? []).map((c) => c.id);
        const s = suppressTable(counts.tallies[t]!, statuses.length, minCell);
        return {
          tally: rule.id,
          statuses,
          rows: this.sectionsOfKind(rule.sectionKind).map((section, r) => ({
            section,
            counts: Object.fromEntries(statuses.map((status, j) => [status, s.cells[r]![j]!])),
            total: s.rowTotals[r]!,
          })),
          totals: Object.fromEntries(statuses.map((status, j) => [status, s.columnTotals[j]!])),
          total: s.total,
        };
      }),
    }));
    groups.sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));
    return { instrument: { id: this.instrument.id, version: this.instrument.version }, minCell, groupBy: this.groupBy, groups };
  }

  private sectionsOfKind(kind: string): string[] {
    const out: string[] = [];
    const walk = (list: Instrument['sections']) => {
      for (const s of list) {
        if (s.kind === kind) out.push(s.id);
        walk(s.sections ?? []);
      }
    };
    walk(this.instrument.sections);
    return out;
  }
}

/**
 * De-identified counts across many results: per section, item (and voice) and level, and statuses per
 * tally, each group (`groupBy`) apart. Every count under `minCell` is suppressed (`null`), then the
 * complementary cells that would let it be recovered from a row or column total (see `suppression`).
 */
export function aggregate(instrument: Instrument, results: Iterable<unknown>, options: AggregateOptions = {}): Aggregate {
  const aggregator = new Aggregator(instrument, options);
  for (const result of results) aggregator.add(result);
  return aggregator.finish();
}
