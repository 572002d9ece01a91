import * as z from 'zod/mini';
import { MAX_TEXT_LENGTH } from './limits.js';
import { trimText, visibleText } from './rules.js';

export { DATE_YEARS, MAX_TEXT_LENGTH } from './limits.js';

/** An identifier used in data and, prefixed, in DOM ids: letters, digits, `-`, `_`, `.`. */
export const Id = z
  .string()
  .check(z.regex(/^[A-Za-z][A-Za-z0-9_.-]{0,79}$/, 'ids start with a letter and use only letters, digits, "-", "_" and "."'));

/**
 * Text a person can see: not empty, not only spaces, and not only invisible characters (zero-width
 * spaces and joiners, direction marks and overrides, which render blank).
 */
const NonEmpty = z
  .string()
  .check(
    z.overwrite(trimText),
    z.minLength(1),
    z.maxLength(MAX_TEXT_LENGTH),
    z.refine(visibleText, 'only invisible characters'),
  );

/** A piece of instrument content, written once per locale. */
export const Text = z.strictObject({ fr: NonEmpty, en: NonEmpty });

/**
 * A calendar date, `YYYY-MM-DD`, of a year from 1900 to 2100 (`DATE_YEARS`). One pattern (leap days
 * included) so the JSON Schema states the same rule.
 */
export const IsoDate = z.stringFormat(
  'date',
  /^(?:(?:(?:19|20)(?:0[48]|[2468][048]|[13579][26])|2000)-02-29|(?:19\d\d|20\d\d|2100)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))$/,
);

/** An answer: an option code or text (string), a number, or several option codes. */
export const AnswerValue = z.union([z.string(), z.number(), z.array(z.string())]);

export type Text = z.infer<typeof Text>;
export type AnswerValue = z.infer<typeof AnswerValue>;
