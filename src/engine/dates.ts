import { DATE_YEARS } from '../schema/limits.js';
import { parseIsoDate } from './age-bands.js';

/** A date as a person types it in three fields: day, month and year, as text. */
export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

export const DATE_PARTS = ['day', 'month', 'year'] as const;
export type DatePart = (typeof DATE_PARTS)[number];

/** What is wrong with a typed or stored date, as issue data; `wrong` names the parts to mark. */
export interface DateProblem {
  readonly code: 'date-incomplete' | 'invalid-date' | 'date-year-digits' | 'date-out-of-range';
  readonly params?: Readonly<Record<string, string | number>>;
  readonly wrong: readonly DatePart[];
}

/** What three typed fields make: nothing (all blank), a `YYYY-MM-DD` date, or a problem. */
export type DateReading = { readonly value?: string; readonly problem?: undefined } | { readonly value?: undefined; readonly problem: DateProblem };

const pad = (text: string, length: number) => text.padStart(length, '0');

/** A stored year is within the range the format states (`DATE_YEARS`). */
export const yearInRange = (iso: string): boolean => {
  const year = Number(iso.slice(0, 4));
  return year >= DATE_YEARS.min && year <= DATE_YEARS.max;
};

export const outOfRange = (): DateProblem => ({ code: 'date-out-of-range', params: { min: DATE_YEARS.min, max: DATE_YEARS.max }, wrong: ['year'] });

/**
 * Reads a typed date. Blank fields are no date; a date missing a part, with other characters than
 * digits, with a year not of four digits, that does not exist (31 February, month 13) or whose year
 * is outside the stated range is a problem, never a date.
 */
export function readDateParts(parts: DateParts): DateReading {
  const text = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  const missing = DATE_PARTS.filter((p) => text[p] === '');
  if (missing.length === DATE_PARTS.length) return {};
  if (missing.length) return { problem: { code: 'date-incomplete', params: { missing: missing.join(',') }, wrong: missing } };
  const notDigits = DATE_PARTS.filter((p) => !/^\d+$/.test(text[p]));
  if (notDigits.length) return { problem: { code: 'invalid-date', wrong: notDigits } };
  if (text.year.length !== 4) return { problem: { code: 'date-year-digits', wrong: ['year'] } };
  const month = Number(text.month);
  const day = Number(text.day);
  if (month < 1 || month > 12 || text.month.length > 2) return { problem: { code: 'invalid-date', wrong: ['month'] } };
  const iso = `${text.year}-${pad(String(month), 2)}-${pad(String(day), 2)}`;
  if (text.day.length > 2 || !parseIsoDate(iso)) return { problem: { code: 'invalid-date', wrong: ['day'] } };
  if (!yearInRange(iso)) return { problem: outOfRange() };
  return { value: iso };
}

/** The fields showing a stored date: day and month without leading zeros (12 / 3 / 2026). */
export function datePartsOf(value: string | undefined): DateParts {
  const date = value ? parseIsoDate(value) : undefined;
  return date ? { day: String(date.d), month: String(date.m), year: String(date.y) } : { day: '', month: '', year: '' };
}

/** The date one year before a `YYYY-MM-DD` date, as text that compares with other dates. */
export const yearBefore = (iso: string): string => `${String(Number(iso.slice(0, 4)) - 1).padStart(4, '0')}${iso.slice(4)}`;
