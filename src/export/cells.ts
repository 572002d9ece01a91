// CSV cells, apart from csv.ts (which reads results with the format's parsers) for the dashboard's download.

/**
 * OWASP's rule against spreadsheet formula injection: a cell starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return is prefixed with `'`, so a spreadsheet shows it as text and never runs it.
 * (A negative number therefore reads `'-3` in the CSV; the NDJSON keeps `-3`.)
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: a cell with a comma, a double quote, CR or LF is quoted, its quotes doubled. */
export function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
