import type { Instrument } from '../schema/instrument.js';
import { neutralise, quote } from './cells.js';
import { EXPORT_COLUMNS, exportRows, exportRowsAsync, type ExportOptions, type ExportRow } from './rows.js';

export { neutralise, quote } from './cells.js';

const columnsOf = (options: ExportOptions): readonly (keyof ExportRow)[] =>
  options.comments ? [...EXPORT_COLUMNS, 'comment'] : EXPORT_COLUMNS;

/** The header line, without its line break. */
export const csvHeader = (options: ExportOptions = {}): string => columnsOf(options).join(',');

/** One row as a CSV line, without its line break. */
export function csvLine(row: ExportRow, options: ExportOptions = {}): string {
  return columnsOf(options)
    .map((column) => quote(neutralise(row[column] ?? '')))
    .join(',');
}

/**
 * The whole CSV (header first, CRLF line ends as RFC 4180 says, one row per answer and voice).
 * Throws `ExportError` naming the first unreadable result unless `onInvalid` is given.
 */
export function toCsv(instrument: Instrument, results: Iterable<unknown>, options: ExportOptions = {}): string {
  let out = csvHeader(options) + '\r\n';
  for (const row of exportRows(instrument, results, options)) out += csvLine(row, options) + '\r\n';
  return out;
}

/** Streams the CSV line by line (each with its CRLF), the header first, from a sync or async source. */
export async function* csvLines(
  instrument: Instrument,
  results: Iterable<unknown> | AsyncIterable<unknown>,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  yield csvHeader(options) + '\r\n';
  for await (const row of exportRowsAsync(instrument, results, options)) yield csvLine(row, options) + '\r\n';
}
