// Limits of the formats without zod, for the engine and the elements, which load zod only on need
// (docs/decisions/0013); common.ts uses and re-exports them.

/** Longest instrument text (a label, a help, a description): a few paragraphs at most. */
export const MAX_TEXT_LENGTH = 20_000;

/** The years a date may have: a meeting, a due date or a date question outside them is a typing slip. */
export const DATE_YEARS = { min: 1900, max: 2100 } as const;
