/**
 * Closed vocabularies of the instrument and result formats. Each array feeds a
 * `z.enum`, the stories and the tests, so a new value is added in one place.
 */

/** Interface and content locales. French is the source language. */
export const LOCALES = ['fr', 'en'] as const;

/** The kinds of question an instrument can ask. */
export const ITEM_TYPES = [
  'single-choice',
  'multiple-choice',
  'yes-no',
  'short-text',
  'long-text',
  'number',
  'date',
] as const;

/** Codes of a `yes-no` item; `unknown` (don't know) is a missing answer, kept out of tallies. */
export const YES_NO_VALUES = ['yes', 'no', 'unknown'] as const;

/** Operators of a declarative visibility condition on another item's answer. */
export const CONDITION_OPS = [
  'equals',
  'not-equals',
  'in',
  'not-in',
  'includes',
  'answered',
  'unanswered',
  'gt',
  'gte',
  'lt',
  'lte',
] as const;

/** How a session field is asked for. Absent means `hidden`. */
export const FIELD_MODES = ['required', 'optional', 'hidden'] as const;

/** A result is a draft until it was submitted valid. */
export const RESULT_STATUSES = ['draft', 'complete'] as const;

/** Life cycle of one action of an action plan. */
export const ACTION_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;

/** Statuses of an action that still needs work. */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['planned', 'in-progress'];

/** How questions are numbered: not at all, or in document order across the instrument (1, 2, 3…). */
export const NUMBERINGS = ['none', 'items'] as const;

/** What a progress percentage counts: every visible item, or only the required ones. */
export const COMPLETION_BASES = ['all', 'required'] as const;

/** Codes of the validation issues the engine reports; messages live in the localize layer. */
export const ISSUE_CODES = [
  'required',
  'invalid-value',
  'invalid-option',
  'too-few',
  'too-many',
  'too-long',
  'not-integer',
  'below-min',
  'above-max',
  'invalid-date',
  'date-incomplete',
  'date-year-digits',
  'date-out-of-range',
  'date-before-min',
  'date-after-max',
  'due-before-session',
] as const;

export type Locale = (typeof LOCALES)[number];
export type ItemType = (typeof ITEM_TYPES)[number];
export type YesNoValue = (typeof YES_NO_VALUES)[number];
export type ConditionOp = (typeof CONDITION_OPS)[number];
export type FieldMode = (typeof FIELD_MODES)[number];
export type ResultStatus = (typeof RESULT_STATUSES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type Numbering = (typeof NUMBERINGS)[number];
export type CompletionBasis = (typeof COMPLETION_BASES)[number];
export type IssueCode = (typeof ISSUE_CODES)[number];
