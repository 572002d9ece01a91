/**
 * CSV text (RFC 4180: comma-separated, CRLF line ends, fields holding a comma, a quote or a line break
 * quoted with inner quotes doubled). A text cell that a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return) is prefixed with an apostrophe; numbers are written as
 * they are. No DOM.
 */
import { neutralise, quote } from '../../export/cells.js';

export type Cell = string | number | null | undefined;

/** One cell: the exports' own quoting and formula rule (`boussole/export.js`), numbers as they are. */
export function csvCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  return quote(typeof cell === 'number' ? String(cell) : neutralise(cell));
}

export const toCsv = (rows: readonly (readonly Cell[])[]): string => rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
