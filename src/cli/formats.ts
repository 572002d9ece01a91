/// <reference types="node" />
// The export formats of `boussole export --format …`, in one table: adding one is one entry here.
import { csvLines } from '../export/csv.js';
import { ndjsonLines } from '../export/ndjson.js';
import type { ExportOptions } from '../export/rows.js';
import type { Instrument } from '../schema/instrument.js';

export interface CliFormat {
  /** One line for `--help`. */
  description: string;
  /** The text to write, piece by piece, for results read one at a time. */
  write(instrument: Instrument, results: AsyncIterable<unknown>, options: ExportOptions): AsyncIterable<string>;
}

export const FORMATS: Record<string, CliFormat> = {
  csv: { description: 'CSV (RFC 4180, one row per answer and voice, formulas neutralised)', write: csvLines },
  ndjson: { description: 'NDJSON (the same rows, one JSON object per line)', write: ndjsonLines },
};
