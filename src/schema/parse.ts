import * as z from 'zod/mini';
import { Instrument } from './instrument.js';
import { Result, ResumableResult } from './result.js';
import { fastParser } from './fast-parse.js';
import { formatPath, INSTRUMENT_LIMITS, inspectInput, RESULT_LIMITS, type InputLimits } from './inspect.js';
import { plannedInstrument } from './quick-instrument.js';
import { INVALID } from './walk.js';

/** One reason an input was refused, with where it is: `sections[2].items[0].scale`. */
export interface SchemaProblem {
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: SchemaProblem[] };

const describeIssue = (issue: z.core.$ZodIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'unrecognized_keys':
      return `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'does not match any allowed form';
    case 'too_small':
      return `too small (minimum ${String(issue.minimum)})`;
    case 'too_big':
      return `too big (maximum ${String(issue.maximum)})`;
    case 'invalid_format':
      return `invalid ${issue.format}`;
    default:
      return issue.message;
  }
};

export { formatPath };

/** The fast parser's answer; anything it throws on is left to zod's parser, which says what it makes of it. */
function fastOrInvalid<T>(schema: z.ZodMiniType<T>, input: unknown): T | typeof INVALID {
  try {
    return fastParser(schema)(input);
  } catch {
    return INVALID;
  }
}

/**
 * Never throws, whatever it is given: a first look (inspect.ts), then the schema — through its fast
 * parser (fast-parse.ts), and through zod's own when that one does not accept it, for the problems.
 */
function parseWith<T>(schema: z.ZodMiniType<T>, input: unknown, limits: InputLimits, quick?: (input: unknown) => T | undefined): Parsed<T> {
  const refused = inspectInput(input, limits);
  if (refused.length) return { ok: false, problems: refused };
  try {
    const fast = quick ? (quick(input) ?? INVALID) : fastOrInvalid(schema, input);
    if (fast !== INVALID) return { ok: true, value: fast };
    const out = schema.safeParse(input);
    if (out.success) return { ok: true, value: out.data };
    return {
      ok: false,
      problems: out.error.issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue) })),
    };
  } catch (error) {
    return { ok: false, problems: [{ path: '(root)', message: `cannot be read (${String(error)})` }] };
  }
}

/**
 * Validates an instrument (a parsed JSON value): shape and cross-references. Through its plan first
 * (quick-instrument.ts, which an element runs without this module), zod's own parser when that refuses.
 */
export const parseInstrument = (input: unknown): Parsed<Instrument> => parseWith(Instrument, input, INSTRUMENT_LIMITS, plannedInstrument);

/** Validates a complete result, as `toResult()` produces and `schemas/result.schema.json` describes. */
export const parseResult = (input: unknown): Parsed<Result> => parseWith(Result, input, RESULT_LIMITS);

/** Validates a result to resume from. */
export const parseResumable = (input: unknown): Parsed<ResumableResult> => parseWith(ResumableResult, input, RESULT_LIMITS);

// Without zod, for the elements, which load this module only when they need it (elements/parsers.ts).
export { jsonOf } from './json.js';
