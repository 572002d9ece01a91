import type { Instrument } from '../schema/instrument.js';
import { jsonOf } from '../schema/parse.js';

/**
 * The instruments the page's ready elements ship (CÉS, needs grid, PIN grid), by id, so that an
 * element given only a result (`<boussole-summary>`) finds its instrument. A ready element's module
 * registers its own when it is loaded; an organisation's pack is given through `instrument`.
 */
const known = new Map<string, Instrument>();

export function registerInstrument(instrument: Instrument): Instrument {
  if (!known.has(instrument.id)) known.set(instrument.id, instrument);
  return instrument;
}

export const findInstrument = (id: string | undefined): Instrument | undefined => (id === undefined ? undefined : known.get(id));

/** The instrument id a result names, object or JSON text (to find a bundled instrument); undefined when none. */
export function instrumentIdOf(raw: unknown): string | undefined {
  const json = jsonOf(raw);
  const id = json.ok ? (json.data as { instrument?: { id?: unknown } } | null)?.instrument?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}
