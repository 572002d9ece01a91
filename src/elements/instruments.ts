import type { Instrument } from '../schema/instrument.js';
import { jsonOf } from '../schema/json.js';

/**
 * The instruments the page's ready elements ship (CÉS, needs grid, PIN grid), by id, so that an
 * element given only a result (`<boussole-summary>`) finds its instrument. A ready element's module
 * registers how to load its own when it is loaded; the text itself is a separate module (content is
 * not code), fetched once, on first need. An organisation's pack is given through `instrument`.
 *
 * Bundled instruments are validated when built (the build and the tests parse them against the
 * schema), so they are used as they are; a host-given instrument is always validated.
 */
const loaders = new Map<string, () => Promise<{ default: unknown }>>();
const known = new Map<string, Instrument>();
const loading = new Map<string, Promise<Instrument>>();

/** Registers a bundled instrument's loader under its id (a ready element's module, once). */
export function bundleInstrument(id: string, loader: () => Promise<{ default: unknown }>): void {
  if (!loaders.has(id)) loaders.set(id, loader);
}

/** Loads a bundled instrument (once; the same promise for every caller). */
export function loadInstrument(id: string): Promise<Instrument> {
  const ready = known.get(id);
  if (ready) return Promise.resolve(ready);
  let promise = loading.get(id);
  if (!promise) {
    const loader = loaders.get(id);
    if (!loader) return Promise.reject(new Error(`no bundled instrument ${id}`));
    promise = loader().then((module) => {
      const instrument = module.default as Instrument;
      known.set(id, instrument);
      return instrument;
    });
    loading.set(id, promise);
  }
  return promise;
}

/** Whether an instrument of this id ships with an element loaded on the page (loaded yet or not). */
export const isBundled = (id: string | undefined): boolean => id !== undefined && (known.has(id) || loaders.has(id));

/**
 * The bundled instrument of this id once loaded; undefined while it loads (then `whenLoaded` is
 * called once it is there, or `whenFailed` with the module's name if its text cannot be fetched) and
 * when none is bundled.
 */
export function findInstrument(id: string | undefined, whenLoaded?: () => void, whenFailed?: (module: string) => void): Instrument | undefined {
  if (id === undefined) return undefined;
  const instrument = known.get(id);
  if (instrument || !loaders.has(id)) return instrument;
  const promise = loadInstrument(id);
  if (whenLoaded || whenFailed) promise.then(whenLoaded, () => whenFailed?.(`text of ${id}`));
  return undefined;
}

/** The instrument id a result names, object or JSON text (to find a bundled instrument); undefined when none. */
export function instrumentIdOf(raw: unknown): string | undefined {
  const json = jsonOf(raw);
  const id = json.ok ? (json.data as { instrument?: { id?: unknown } } | null)?.instrument?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}
