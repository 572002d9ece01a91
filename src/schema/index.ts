/** The formats: zod schemas of instruments and results, their closed vocabularies and types. */
export * from './enums.js';
export { Id, Text, IsoDate, AnswerValue } from './common.js';
export * from './instrument.js';
export * from './result.js';
