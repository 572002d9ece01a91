import type { ReactiveControllerHost } from 'lit';
import { Engine, type EngineOptions } from '../engine/engine.js';
import type { Instrument } from '../schema/instrument.js';
import { onNeed } from './on-need.js';

/**
 * The format's parsers (zod), loaded only when something comes from outside: an instrument the host
 * gives, a value, a draft, a previous record, results. Bundled instruments are validated when built
 * (decision 0012), so a ready element renders its own without them; see docs/decisions/0013.
 *
 * Until they are there, whatever needs them waits: the element asks again once they are loaded, then
 * updates, and `updateComplete` waits for that (BoussoleElement). Once loaded, everything is
 * synchronous again, as before.
 */
export type Parsers = typeof import('../schema/parse.js');

const parserModule = onNeed<Parsers>('parse', () => import('../schema/parse.js'));

/**
 * The parsers when loaded. Else undefined: they are loaded, then `retry` runs (it asks again) and
 * `host` updates.
 */
export const parsers = (host: ReactiveControllerHost, retry?: () => void): Parsers | undefined => parserModule.get(host, retry);

/** Starts loading the parsers ahead of the update that will ask for them (a host just gave a value). */
export const preloadParsers = (): void => parserModule.preload();

/**
 * A host's instrument checked without zod, through the format's plan (decision 0018): a few kilobytes
 * where the parsers' chunk costs a fresh page 35–45 ms to evaluate. The parsers are loaded only when it
 * refuses the instrument, to say what is wrong.
 */
const quickModule = onNeed<typeof import('../schema/quick-instrument.js')>('quick-instrument', () => import('../schema/quick-instrument.js'));

/** The instrument's quick check when loaded; else as `parsers`. */
export const quickChecks = (host: ReactiveControllerHost, retry?: () => void) => quickModule.get(host, retry);

/** Starts loading the quick check ahead of the update that will ask for it (a host just gave an instrument). */
export const preloadQuickChecks = (): void => quickModule.preload();

/**
 * The comparison of two records (src/analysis/compare.ts), loaded only when an element is given a previous
 * record; the same way as the parsers.
 */
export const comparisons = onNeed<typeof import('../analysis/compare.js')>('compare', () => import('../analysis/compare.js'));

/**
 * The engine of an instrument for an element: its `load` checks with the parsers, so call it only
 * once they are loaded (`parsers()` gave them); `adopt` and everything else need none.
 */
export const engineOf = (instrument: Instrument, options?: EngineOptions): Engine =>
  new Engine(instrument, options, (input) => {
    const loaded = parserModule.loaded();
    if (!loaded) throw new Error('The format’s parsers are not loaded yet.');
    return loaded.parseResumable(input);
  });
