import { createEngine, type Engine } from '../engine/create-engine.js';
import { EngineError } from '../engine/errors.js';
import type { Locale } from '../schema/enums.js';
import type { Instrument, Item } from '../schema/instrument.js';
import type { Answer } from '../schema/result.js';

/**
 * One exported row: one answer of one voice to one item of one result. Every field is a string so that
 * CSV, NDJSON and the SQL engines reading them agree on types; an absent field is `''`.
 * A multiple-choice answer gives one row per selected code (easier to count in SQL than a list).
 */
export interface ExportRow {
  instrument_id: string;
  instrument_version: string;
  /** The result's index in the input (from 0), or the host's record id (`recordId`). */
  record: string;
  session_date: string;
  /** The section that directly holds the item. */
  section_id: string;
  item_id: string;
  /** The perspective (voice) that answered, for an item that collects several; `''` otherwise. */
  voice: string;
  /** Option code, `yes` / `no` / `unknown`, the number or date, or the text typed. */
  value: string;
  /** The option's label in `locale`; `''` for text, numbers and dates. */
  label: string;
  /** Only with `comments: true`. */
  comment?: string;
}

/** The columns, in order (`comment` only with `comments: true`). */
export const EXPORT_COLUMNS = [
  'instrument_id',
  'instrument_version',
  'record',
  'session_date',
  'section_id',
  'item_id',
  'voice',
  'value',
  'label',
] as const;

export interface ExportOptions {
  /** Language of the `label` column (default `fr`). */
  locale?: Locale;
  /** Adds the `comment` column (default false: free text identifies people). */
  comments?: boolean;
  /** The host's record id for a result; default: its index in the input, from 0. */
  recordId?: (result: unknown, index: number) => string;
  /**
   * Called for a result the engine refuses (unreadable, another instrument, a version without a
   * migration); that result is then skipped. Without it, such a result throws an `ExportError`.
   */
  onInvalid?: (error: ExportError) => void;
}

/** A result the export could not read: `index` is its place in the input (from 0). */
export class ExportError extends Error {
  readonly index: number;
  override readonly cause: unknown;
  constructor(index: number, cause: unknown) {
    super(`result ${index}: ${describe(cause)}`);
    this.name = 'ExportError';
    this.index = index;
    this.cause = cause;
  }
}

function describe(cause: unknown): string {
  if (cause instanceof EngineError) {
    const problems = (cause.params as { problems?: { path: string; message: string }[] } | undefined)?.problems;
    if (problems?.length) return problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    return `${cause.code}${cause.params ? ` ${JSON.stringify(cause.params)}` : ''}`;
  }
  return cause instanceof Error ? cause.message : String(cause);
}

const YES_NO: Record<string, Record<Locale, string>> = {
  yes: { fr: 'Oui', en: 'Yes' },
  no: { fr: 'Non', en: 'No' },
  unknown: { fr: 'Ne sais pas', en: "Don't know" },
};

/** The label of a code an item can take, in a locale; `''` for items without levels. */
export function labelOf(engine: Pick<Engine, 'model'>, item: Item, code: string, locale: Locale): string {
  if (item.type === 'yes-no') return YES_NO[code]?.[locale] ?? '';
  if (item.type === 'single-choice' || item.type === 'multiple-choice')
    return engine.model.option.get(item.scale)?.get(code)?.label[locale] ?? '';
  return '';
}

/** The levels an item can take (codes), or undefined for text, numbers and dates. */
export function levelsOf(engine: Pick<Engine, 'model'>, item: Item): string[] | undefined {
  if (item.type === 'yes-no') return item.allowUnknown === false ? ['yes', 'no'] : ['yes', 'no', 'unknown'];
  if (item.type === 'single-choice' || item.type === 'multiple-choice') return [...(engine.model.option.get(item.scale)?.keys() ?? [])];
  return undefined;
}

/** A loaded result: the engine holding it (reused between results) and its index. */
export interface LoadedResult {
  engine: Engine;
  index: number;
  input: unknown;
}

/**
 * A loader on one engine for the instrument (reused between results, so memory does not grow with
 * their number): each result goes through `engine.load`, so the version policy and migrations apply.
 * Returns undefined for a refused result reported to `onInvalid`; throws `ExportError` without it.
 */
export function loaderFor(instrument: Instrument, onInvalid?: (error: ExportError) => void): (input: unknown, index: number) => LoadedResult | undefined {
  const engine = createEngine(instrument);
  return (input, index) => {
    try {
      engine.load(input);
    } catch (error) {
      const failure = new ExportError(index, error);
      if (!onInvalid) throw failure;
      onInvalid(failure);
      return undefined;
    }
    return { engine, index, input };
  };
}

/** Each result loaded in turn, lazily. */
export function* loadEach(instrument: Instrument, results: Iterable<unknown>, onInvalid?: (error: ExportError) => void): Generator<LoadedResult> {
  const load = loaderFor(instrument, onInvalid);
  let index = 0;
  for (const input of results) {
    const loaded = load(input, index++);
    if (loaded) yield loaded;
  }
}

/**
 * The rows of one loaded result, in document order: visible items only (answers to hidden or unknown
 * items are kept in the result and listed in its summaries, not exported).
 */
export function* rowsOfLoaded(loaded: LoadedResult, options: ExportOptions = {}): Generator<ExportRow> {
  const { engine, index, input } = loaded;
  const locale = options.locale ?? 'fr';
  const base = {
    instrument_id: engine.instrument.id,
    instrument_version: engine.instrument.version,
    record: options.recordId ? options.recordId(input, index) : String(index),
    session_date: engine.session.date ?? '',
  };
  for (const item of engine.model.items) {
    const answer = engine.answer(item.id);
    if (!answer || !engine.isVisible(item.id)) continue;
    // Voices of an item that collects perspectives; a single answer has voice '' (who gave it, a
    // role, is not exported), as in `aggregate`, so SQL over the rows counts what it counts.
    const voices: [string, Pick<Answer, 'value' | 'comment'>][] = answer.perspectives
      ? item.perspectives
        ? item.perspectives.flatMap((p) => (answer.perspectives![p] ? [[p, answer.perspectives![p]!] as [string, Pick<Answer, 'value' | 'comment'>]] : []))
        : []
      : [['', answer]];
    for (const [voice, { value, comment }] of voices) {
      if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
      for (const one of Array.isArray(value) ? value : [value]) {
        const code = String(one);
        const row: ExportRow = {
          ...base,
          section_id: engine.model.parent.get(item.id) ?? '',
          item_id: item.id,
          voice,
          value: code,
          label: labelOf(engine, item, code, locale),
        };
        if (options.comments) row.comment = comment ?? '';
        yield row;
      }
    }
  }
}

/** Every row of every result, lazily. */
export function* exportRows(instrument: Instrument, results: Iterable<unknown>, options: ExportOptions = {}): Generator<ExportRow> {
  for (const loaded of loadEach(instrument, results, options.onInvalid)) yield* rowsOfLoaded(loaded, options);
}

/** Each result loaded in turn, from a sync or async source (a file read line by line). */
export async function* loadEachAsync(
  instrument: Instrument,
  results: Iterable<unknown> | AsyncIterable<unknown>,
  onInvalid?: (error: ExportError) => void,
): AsyncGenerator<LoadedResult> {
  const load = loaderFor(instrument, onInvalid);
  let index = 0;
  for await (const input of results) {
    const loaded = load(input, index++);
    if (loaded) yield loaded;
  }
}

/** The same over an async source (a file read line by line). */
export async function* exportRowsAsync(
  instrument: Instrument,
  results: Iterable<unknown> | AsyncIterable<unknown>,
  options: ExportOptions = {},
): AsyncGenerator<ExportRow> {
  for await (const loaded of loadEachAsync(instrument, results, options.onInvalid)) yield* rowsOfLoaded(loaded, options);
}
