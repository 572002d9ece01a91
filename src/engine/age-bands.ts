import type { AgeBand } from '../schema/instrument.js';
import { EngineError } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` into its parts, or undefined when it is not a real calendar date. */
export function parseIsoDate(text: string): { y: number; m: number; d: number } | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

export const isIsoDate = (value: unknown): value is string => typeof value === 'string' && !!parseIsoDate(value);

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/**
 * Completed months between a birth date and a session date. A month is complete on the same day of
 * the month, or on the last day of a shorter month (born 31 January → one month on 28 February).
 */
export function ageInMonths(birthDate: string, sessionDate: string): number {
  const birth = parseIsoDate(birthDate);
  const at = parseIsoDate(sessionDate);
  if (!birth) throw new EngineError('invalid-date', { field: 'birthDate', value: birthDate });
  if (!at) throw new EngineError('invalid-date', { field: 'sessionDate', value: sessionDate });
  if (birthDate > sessionDate) throw new EngineError('birth-after-session', { birthDate, sessionDate });
  const months = (at.y - birth.y) * 12 + (at.m - birth.m);
  return at.d < birth.d && at.d !== daysInMonth(at.y, at.m) ? months - 1 : months;
}

/** The band holding an age in completed months (bounds included), or undefined. */
export const findAgeBand = (bands: readonly AgeBand[], months: number): AgeBand | undefined =>
  bands.find((b) => months >= b.minMonths && months <= b.maxMonths);

/** The band for a birth date on a session date; throws `no-age-band` when no band covers the age. */
export function ageBandFor(bands: readonly AgeBand[], birthDate: string, sessionDate: string): AgeBand {
  const months = ageInMonths(birthDate, sessionDate);
  const band = findAgeBand(bands, months);
  if (!band) throw new EngineError('no-age-band', { months });
  return band;
}
