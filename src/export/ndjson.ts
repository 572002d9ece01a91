import type { Instrument } from '../schema/instrument.js';
import { exportRows, exportRowsAsync, type ExportOptions, type ExportRow } from './rows.js';

/** One row as a JSON object on one line (JSON escapes line breaks in text), without its line break. */
export const ndjsonLine = (row: ExportRow): string => JSON.stringify(row);

/** The same rows as `toCsv`, one JSON object per line (LF), for data tools; no header, no neutralising. */
export function toNdjson(instrument: Instrument, results: Iterable<unknown>, options: ExportOptions = {}): string {
  let out = '';
  for (const row of exportRows(instrument, results, options)) out += ndjsonLine(row) + '\n';
  return out;
}

/** Streams the NDJSON line by line (each with its LF), from a sync or async source. */
export async function* ndjsonLines(
  instrument: Instrument,
  results: Iterable<unknown> | AsyncIterable<unknown>,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  for await (const row of exportRowsAsync(instrument, results, options)) yield ndjsonLine(row) + '\n';
}
