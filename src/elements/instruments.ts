import type { ReactiveControllerHost } from 'lit';
import type { Instrument } from '../schema/instrument.js';
import { jsonOf } from '../schema/json.js';
import { onNeed, type OnNeed } from './on-need.js';

/**
 * The instruments the page's ready elements ship (CÉS, needs grid, PIN grid), by id, so that an
 * element given only a result (`<boussole-summary>`) finds its instrument. A ready element's module
 * registers how to load its own when it is loaded; the text itself is a separate module (content is
 * not code), fetched once, on first need. An organisation's pack is given through `instrument`.
 *
 * Bundled instruments are validated when built (the build and the tests parse them against the
 * schema), so they are used as they are; a host-given instrument is always validated.
 */
const bundled = new Map<string, OnNeed<Instrument>>();

/**
 * Registers a bundled instrument's loader under its id (a ready element's module, once): its text is
 * a module loaded on need (src/elements/on-need.ts), so `updateComplete` waits for it and a text that
 * cannot be fetched is reported as `unavailable-module` ("text of <id>").
 */
export function bundleInstrument(id: string, loader: () => Promise<{ default: unknown }>): void {
  if (!bundled.has(id)) bundled.set(id, onNeed(`text of ${id}`, () => loader().then((module) => module.default as Instrument)));
}

/** Whether an instrument of this id ships with an element loaded on the page (loaded yet or not). */
export const isBundled = (id: string | undefined): boolean => id !== undefined && bundled.has(id);

/**
 * The bundled instrument of this id once loaded; undefined while `host` waits for its text (it updates
 * once the text is there) and when none is bundled.
 */
export const findInstrument = (id: string | undefined, host: ReactiveControllerHost): Instrument | undefined =>
  id === undefined ? undefined : bundled.get(id)?.get(host);

/** The instrument id a result names, object or JSON text (to find a bundled instrument); undefined when none. */
export function instrumentIdOf(raw: unknown): string | undefined {
  const json = jsonOf(raw);
  const id = json.ok ? (json.data as { instrument?: { id?: unknown } } | null)?.instrument?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}
