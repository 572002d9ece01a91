/**
 * `boussole/export.js`: results out of the page, with no DOM (Node and the browser). CSV and NDJSON
 * rows (one per answer and voice), streaming forms for large inputs, de-identified aggregates, and
 * FHIR R4 out and in.
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
// FHIR R4 out and in: Questionnaire and QuestionnaireResponse (see the README's FHIR section).
export * from './fhir/index.js';
