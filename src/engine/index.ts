export { Engine, createEngine, type EngineOptions, type EngineChange, type AnswerTarget } from './create-engine.js';
export { EngineError, ENGINE_ERROR_CODES, type EngineErrorCode } from './errors.js';
export { ageInMonths, findAgeBand, ageBandFor, parseIsoDate, isIsoDate } from './age-bands.js';
export { computeVisibility } from './visibility.js';
export { validateAnswers, validateSession, validatePlans, checkValue, planSectionOf, DEFAULT_MAX_LENGTH, type Issue } from './validation.js';
export { computeSummaries, statusOf } from './summaries.js';
export { isAnswered, isPresent, valuesOf } from './answers.js';
export { modelOf, type Model } from './model.js';
export { parseInstrument, parseResult, parseResumable, type Parsed, type SchemaProblem } from '../schema/parse.js';
