import type { Text } from '../schema/common.js';
import type { Locale } from '../schema/enums.js';
import { intlTag } from './locale.js';

/** Instrument content in the locale, French when a translation is missing. */
export const tx = (text: Text | undefined, locale: Locale): string => (text ? text[locale] || text.fr : '');

const numberFormats = new Map<Locale, Intl.NumberFormat>();
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** The digit-group separator of whole numbers: a no-break space in fr-CA, a comma in en-CA, as Intl writes them. */
const GROUP: Record<Locale, string> = { fr: '\u00a0', en: ',' };

/**
 * A whole number as Intl.NumberFormat writes it in fr-CA and en-CA (digits grouped by three), without
 * Intl: its first use in a page costs tens of milliseconds (a form of 1 000 questions counts past 999
 * in its first render). tests/engine/format.test.ts holds it to Intl.
 */
export function groupedInteger(value: number, locale: Locale): string {
  const digits = String(Math.abs(value));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += GROUP[locale] + digits.slice(i, i + 3);
  return value < 0 ? `-${out}` : out;
}

export function formatNumber(value: number, locale: Locale): string {
  // Whole numbers (counts, progress, most answers) need no Intl; -0 and decimals go to it.
  if (Number.isSafeInteger(value) && !Object.is(value, -0)) return groupedInteger(value, locale);
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(intlTag(locale))));
  return format.format(value);
}

/** A `YYYY-MM-DD` calendar date in words, with no time-zone shift. */
export function formatDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  let format = dateFormats.get(locale);
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'long', timeZone: 'UTC' })));
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** An instant (ISO date-time) in words, in the browser's time zone: "12 mars 2026 à 14 h 02". */
export function formatDateTime(iso: string, locale: Locale): string {
  let format = dateTimeFormats.get(locale);
  if (!format) dateTimeFormats.set(locale, (format = new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'long', timeStyle: 'short' })));
  return format.format(new Date(iso));
}
