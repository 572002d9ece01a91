// The public API as the docs pages show it, read from custom-elements.json (built from the elements'
// JSDoc), so the pages cannot drift from the code.
interface Named {
  name?: string;
  description?: string;
  default?: string;
}
/** An event's payload as the manifest gives it (custom-elements-manifest.config.mjs reads it from the event classes). */
export interface Detail {
  /** The type of `event.detail`, as the event class declares it. */
  type: string;
  fields: { name: string; type: string; optional?: boolean; description: string }[];
}
interface Declaration {
  tagName?: string;
  events?: (Named & { type?: { text?: string }; detail?: Detail })[];
  cssProperties?: Named[];
  cssParts?: Named[];
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

export interface Row {
  name: string;
  description: string;
  default?: string;
  /** The elements that have it. */
  elements: string[];
  /** For an event: its class and its payload. */
  eventClass?: string;
  detail?: Detail;
}

/** One row per name across the elements: its description (the first element's), and who has it. */
function rows(manifest: object, key: 'events' | 'cssProperties' | 'cssParts', keep: (name: string) => boolean = () => true): Row[] {
  const out = new Map<string, Row>();
  for (const d of (manifest as Manifest).modules.flatMap((m) => m.declarations ?? []))
    if (d.tagName)
      for (const item of d[key] ?? []) {
        if (!item.name || !keep(item.name)) continue;
        const event = key === 'events' ? (item as NonNullable<Declaration['events']>[number]) : undefined;
        const row = out.get(item.name) ?? { name: item.name, description: item.description ?? '', default: item.default, elements: [], eventClass: event?.type?.text, detail: event?.detail };
        row.elements.push(d.tagName);
        out.set(item.name, row);
      }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Every `boussole-*` event and its payload, as documented on the elements. */
export const events = (manifest: object) => rows(manifest, 'events', (n) => n.startsWith('boussole-'));
/** Every CSS custom property, with its default. */
export const customProperties = (manifest: object) => rows(manifest, 'cssProperties');
/** Every CSS part. */
export const parts = (manifest: object) => rows(manifest, 'cssParts');
