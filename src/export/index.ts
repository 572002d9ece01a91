/**
 * `boussole/export.js`: results out of the page, with no DOM (Node and the browser). CSV and NDJSON
 * rows (one per answer and voice), streaming forms for large inputs, and de-identified aggregates.
 */
export {
  EXPORT_COLUMNS,
  ExportError,
  exportRows,
  exportRowsAsync,
  type ExportOptions,
  type ExportRow,
} from './rows.js';
export { toCsv, csvLines, csvHeader, csvLine, neutralise, quote } from './csv.js';
export { toNdjson, ndjsonLines, ndjsonLine } from './ndjson.js';
export {
  aggregate,
  Aggregator,
  suppression,
  suppressTable,
  type Aggregate,
  type AggregateGroup,
  type AggregateOptions,
  type Cell,
  type GroupField,
  type ItemCounts,
  type SectionTable,
  type StatusTable,
} from './aggregate.js';
// FHIR (the fhir helper's part) is added here after merging: export * from './fhir/index.js';
