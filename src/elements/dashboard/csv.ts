/**
 * CSV text (RFC 4180: comma-separated, CRLF line ends, fields holding a comma, a quote or a line break
 * quoted with inner quotes doubled). A text cell that a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return) is prefixed with an apostrophe; numbers are written as
 * they are. No DOM.
 */
export type Cell = string | number | null | undefined;

export function csvCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  let text = typeof cell === 'number' ? String(cell) : /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  if (/[",\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

export const toCsv = (rows: readonly (readonly Cell[])[]): string => rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
