/** Follow-up over time (`boussole/analysis.js`): comparing a subject's results, record after record. No DOM. */
export { compareResults } from './results.js';
export {
  compareRecords,
  type LoadedRecord,
  directionOf,
  DIRECTIONS,
  type Direction,
  type DirectionCounts,
  type AnswerChange,
  type SectionComparison,
  type TallyChange,
  type PreviousAction,
  type Comparison,
} from './compare.js';
