import { INSTRUMENT_PLAN } from './generated/instrument-plan.js';
import { inspectInput, INSTRUMENT_LIMITS } from './inspect.js';
import type { Instrument } from './instrument.js';
import { planParser } from './plan.js';
import { INVALID } from './walk.js';
import { PLAN_FUNCTIONS } from './rules.js';

let parse: ((input: unknown) => Instrument | typeof INVALID) | undefined;

/**
 * A host's instrument checked without zod (decision 0018): the first look (inspect.ts), then the format's
 * plan, cross-references included. The instrument as zod would give it, or `undefined` when anything is
 * off: then zod's own parser (`parseInstrument`, parse.ts) says what.
 */
export const quickInstrument = (input: unknown): Instrument | undefined =>
  inspectInput(input, INSTRUMENT_LIMITS).length ? undefined : plannedInstrument(input);

/** The plan alone, for an input that passed the first look (parse.ts runs that itself). */
export function plannedInstrument(input: unknown): Instrument | undefined {
  parse ??= planParser<Instrument>(INSTRUMENT_PLAN, PLAN_FUNCTIONS);
  try {
    const value = parse(input);
    return value === INVALID ? undefined : value;
  } catch {
    return undefined;
  }
}
