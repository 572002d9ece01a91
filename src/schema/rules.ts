/**
 * The functions the formats' checks call, named, without zod: the schemas (common.ts, instrument.ts)
 * give them to zod, and the validation plan (plan.ts) calls them by these names, so both run the same
 * code (decision 0018).
 */
import { checkInstrument } from './instrument-checks.js';

/** Text is kept without its surrounding spaces. */
export const trimText = (text: string): string => text.trim();

/** Text a person can see: not only spaces or invisible characters (zero-width, direction marks), which render blank. */
export const visibleText = (text: string): boolean => /[^\s\p{Cf}\p{Z}]/u.test(text);

/**
 * Every function the instrument's plan names, by its name there. Here rather than beside the plan's walker,
 * so that writing the plan (`npm run schemas`) does not load the plan it replaces.
 */
export const PLAN_FUNCTIONS = { trimText, visibleText, checkInstrument } as const;
