/**
 * What a form shows of a previous record (issue 19): last time's answer under each question, the table
 * of what moved, the previous plan's open actions (src/elements/parts/comparison.ts), as a chunk of its
 * own, loaded by the form only when the host gives a previous record.
 */
export { previousLine, renderFormComparison, renderPreviousActions } from '../parts/comparison.js';
