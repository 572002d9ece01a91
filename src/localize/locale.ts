import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';
import type { Locale } from '../schema/enums.js';
import { LOCALES } from '../schema/enums.js';

type Catalogue = typeof import('./generated/locales/en.js');

/**
 * Interface text goes through @lit/localize with the runtime locale modules it generates from the
 * XLIFF in xliff/. Each element renders in its own language (two elements of a page may differ), so
 * the reentrant configuration asks `currentLocale` before every msg(): an element sets it for the
 * synchronous duration of its render with `inLocale`. See docs/decisions/0001-reentrant-localization.md.
 */
let currentLocale: Locale = 'fr';
/** The English messages, once loaded: a module of their own, fetched only by a page that shows English. */
let en: Catalogue | undefined;
let enLoading: Promise<unknown> | undefined;

configureReentrantLocalization({
  sourceLocale: 'fr',
  targetLocales: ['en'],
  getLocale: () => currentLocale,
  loadLocaleSync: (locale) => (locale === 'en' ? en : undefined),
});

/** Whether every language's messages are loaded (then no element waits for any). */
export const allMessagesLoaded = (): boolean => en !== undefined;

/**
 * Loads the messages of `locale` when they are not there yet and gives the promise of it; undefined
 * when they are (French, the source language, always is). An element updates only once its
 * language's messages are there (BoussoleElement.scheduleUpdate): msg() is synchronous.
 */
export function messagesOf(locale: Locale): Promise<unknown> | undefined {
  if (locale === 'fr' || allMessagesLoaded()) return undefined;
  // A literal path, so that bundlers follow it.
  return (enLoading ??= import('./generated/locales/en.js').then((module) => {
    en = module;
  }));
}

/** Runs `fn` with msg() answering in `locale`. */
export function inLocale<T>(locale: Locale, fn: () => T): T {
  const leave = enterLocale(locale);
  try {
    return fn();
  } finally {
    leave();
  }
}

/**
 * Makes msg() answer in `locale` until the returned function is called: for a scope that spans
 * two calls, such as a Lit update from `hostUpdate` to `hostUpdated` (render and commit, where
 * directives such as `guard` call their templates).
 */
export function enterLocale(locale: Locale): () => void {
  const previous = currentLocale;
  currentLocale = locale;
  return () => {
    currentLocale = previous;
  };
}

/** `fr`, `fr-CA`, `en-GB`… → a supported locale, or undefined. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : undefined;
}

/** BCP 47 tag for Intl: Canadian French and English. */
export const intlTag = (locale: Locale): string => (locale === 'fr' ? 'fr-CA' : 'en-CA');
