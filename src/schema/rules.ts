/**
 * The functions the formats' checks call, named, without zod: the schemas (common.ts, instrument.ts)
 * give them to zod, and the validation plan (plan.ts) calls them by these names, so both run the same
 * code (decision 0018).
 */

/** Text is kept without its surrounding spaces. */
export const trimText = (text: string): string => text.trim();

/** Text a person can see: not only spaces or invisible characters (zero-width, direction marks), which render blank. */
export const visibleText = (text: string): boolean => /[^\s\p{Cf}\p{Z}]/u.test(text);

