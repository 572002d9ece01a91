import type { ReactiveControllerHost } from 'lit';
import { Engine, type EngineOptions } from '../engine/engine.js';
import type { Instrument } from '../schema/instrument.js';

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

let loaded: Parsers | undefined;
let loading: Promise<Parsers> | undefined;
/** Elements that asked for the parsers and wait for them. */
const waiting = new WeakSet<ReactiveControllerHost>();

/**
 * The parsers when loaded. Else undefined: they are loaded, then `retry` runs (it asks again) and
 * `host` updates.
 */
export function parsers(host: ReactiveControllerHost, retry?: () => void): Parsers | undefined {
  if (loaded) return loaded;
  loading ??= import('../schema/parse.js').then((module) => (loaded = module));
  waiting.add(host);
  loading.then(
    () => {
      waiting.delete(host);
      retry?.();
      host.requestUpdate();
    },
    () => waiting.delete(host),
  );
  return undefined;
}

/** Whether the element waits for the parsers; then resolves once they are loaded (or could not be). */
export const parsersFor = (host: ReactiveControllerHost): Promise<unknown> | undefined =>
  waiting.has(host) && loading ? loading.catch(() => undefined) : undefined;

/**
 * The engine of an instrument for an element: its `load` checks with the parsers, so call it only
 * once they are loaded (`parsers()` gave them); `adopt` and everything else need none.
 */
export const engineOf = (instrument: Instrument, options?: EngineOptions): Engine =>
  new Engine(instrument, options, (input) => {
    if (!loaded) throw new Error('The format’s parsers are not loaded yet.');
    return loaded.parseResumable(input);
  });
