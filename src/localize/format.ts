import type { Text } from '../schema/common.js';
import type { Locale } from '../schema/enums.js';
import { intlTag } from './locale.js';

/** Instrument content in the locale, French when a translation is missing. */
export const tx = (text: Text | undefined, locale: Locale): string => (text ? text[locale] || text.fr : '');

const numberFormats = new Map<Locale, Intl.NumberFormat>();
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

export function formatNumber(value: number, locale: Locale): string {
  // Small whole numbers (counts, progress) read the same in fr-CA and en-CA: skip Intl, whose first use
  // in a page costs tens of milliseconds.
  if (Number.isInteger(value) && value > -1000 && value < 1000) return String(value);
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
