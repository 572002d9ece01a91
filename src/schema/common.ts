import * as z from 'zod/mini';

/** An identifier used in data and, prefixed, in DOM ids: letters, digits, `-`, `_`, `.`. */
export const Id = z
  .string()
  .check(z.regex(/^[A-Za-z][A-Za-z0-9_.-]{0,79}$/, 'ids start with a letter and use only letters, digits, "-", "_" and "."'));

/** Longest instrument text (a label, a help, a description): a few paragraphs at most. */
export const MAX_TEXT_LENGTH = 20_000;

/**
 * Text a person can see: not empty, not only spaces, and not only invisible characters (zero-width
 * spaces and joiners, direction marks and overrides, which render blank).
 */
const NonEmpty = z
  .string()
  .check(
    z.trim(),
    z.minLength(1),
    z.maxLength(MAX_TEXT_LENGTH),
    z.refine((text) => /[^\s\p{Cf}\p{Z}]/u.test(text), 'only invisible characters'),
  );

/** A piece of instrument content, written once per locale. */
export const Text = z.strictObject({ fr: NonEmpty, en: NonEmpty });

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();

/** An answer: an option code or text (string), a number, or several option codes. */
export const AnswerValue = z.union([z.string(), z.number(), z.array(z.string())]);

export type Text = z.infer<typeof Text>;
export type AnswerValue = z.infer<typeof AnswerValue>;
