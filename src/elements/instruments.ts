import type { Instrument } from '../schema/instrument.js';

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
