/**
 * The engine's public API (`boussole/engine.js`), as the README documents it: no DOM, loads in Node.
 * Everything else under src/engine is internal and may change without notice.
 */
export { Engine, createEngine, type EngineOptions, type EngineChange, type AnswerTarget } from './create-engine.js';
export { EngineError, ENGINE_ERROR_CODES, type EngineErrorCode } from './errors.js';
export { ageInMonths, ageBandFor } from './age-bands.js';
export type { Issue } from './validation.js';
export type { Model } from './model.js';
export { itemIdOf, type FieldRef } from '../schema/keys.js';
export { parseInstrument, parseResult, type Parsed, type SchemaProblem } from '../schema/parse.js';
