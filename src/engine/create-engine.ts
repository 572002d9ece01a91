import type { Instrument } from '../schema/instrument.js';
import { parseResumable } from '../schema/parse.js';
import { Engine, type EngineOptions } from './engine.js';

export { Engine, type AnswerTarget, type EngineChange, type EngineOptions, type ResultCheck } from './engine.js';

/**
 * Creates the engine of one filled instrument, which checks every result it loads against the format.
 * The instrument must have passed `parseInstrument`.
 */
export const createEngine = (instrument: Instrument, options?: EngineOptions): Engine => new Engine(instrument, options, parseResumable);
