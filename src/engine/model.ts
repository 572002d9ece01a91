import type { AgeBand, Condition, Instrument, Item, Perspective, Scale, ScaleOption, Section } from '../schema/instrument.js';

/** An instrument indexed for the engine: built once per instrument object, shared by every engine on it. */
export interface Model {
  readonly instrument: Instrument;
  /** Items and sections in document order. */
  readonly items: readonly Item[];
  readonly sections: readonly Section[];
  readonly item: ReadonlyMap<string, Item>;
  /** Each item's number in document order (from 1), as shown when the instrument numbers its questions. */
  readonly itemNumber: ReadonlyMap<string, number>;
  readonly section: ReadonlyMap<string, Section>;
  /** Parent section of every item and section (undefined for top-level sections). */
  readonly parent: ReadonlyMap<string, string | undefined>;
  /** Every item a section holds, nested ones included, in document order. */
  readonly itemsIn: ReadonlyMap<string, readonly Item[]>;
  readonly scale: ReadonlyMap<string, Scale>;
  /** Scale id → option code → option. */
  readonly option: ReadonlyMap<string, ReadonlyMap<string, ScaleOption>>;
  readonly band: ReadonlyMap<string, AgeBand>;
  readonly perspective: ReadonlyMap<string, Perspective>;
  /**
   * Items some `visibleWhen` condition reads: only an answer to one of these can show or hide
   * anything, so an answer to any other item leaves visibility as it was.
   */
  readonly conditionSources: ReadonlySet<string>;
}

const cache = new WeakMap<Instrument, Model>();

/** The top-level section holding an item or section (itself for a top-level section). */
export function topSectionOf(model: Model, id: string): string {
  for (let up = model.parent.get(id); up !== undefined; up = model.parent.get(id)) id = up;
  return id;
}

export function modelOf(instrument: Instrument): Model {
  let model = cache.get(instrument);
  if (!model) cache.set(instrument, (model = buildModel(instrument)));
  return model;
}

function buildModel(instrument: Instrument): Model {
  const items: Item[] = [];
  const sections: Section[] = [];
  const parent = new Map<string, string | undefined>();
  const itemsIn = new Map<string, Item[]>();
  const walk = (list: readonly Section[], parentId: string | undefined, ancestors: Item[][]) => {
    for (const s of list) {
      sections.push(s);
      parent.set(s.id, parentId);
      const own: Item[] = [];
      itemsIn.set(s.id, own);
      const chain = [...ancestors, own];
      for (const it of s.items ?? []) {
        items.push(it);
        parent.set(it.id, s.id);
        for (const bucket of chain) bucket.push(it);
      }
      walk(s.sections ?? [], s.id, chain);
    }
  };
  walk(instrument.sections, undefined, []);
  const conditionSources = new Set<string>();
  const read = (c: Condition): void => {
    if ('all' in c) c.all.forEach(read);
    else if ('any' in c) c.any.forEach(read);
    else if ('not' in c) read(c.not);
    else if ('item' in c) conditionSources.add(c.item);
  };
  for (const node of [...sections, ...items]) if (node.visibleWhen) read(node.visibleWhen);
  const scales = instrument.scales ?? [];
  return {
    instrument,
    items,
    sections,
    item: new Map(items.map((i) => [i.id, i])),
    itemNumber: new Map(items.map((i, n) => [i.id, n + 1])),
    section: new Map(sections.map((s) => [s.id, s])),
    parent,
    itemsIn,
    scale: new Map(scales.map((s) => [s.id, s])),
    option: new Map(scales.map((s) => [s.id, new Map(s.options.map((o) => [o.code, o]))])),
    band: new Map((instrument.ageBands ?? []).map((b) => [b.id, b])),
    perspective: new Map((instrument.perspectives ?? []).map((p) => [p.id, p])),
    conditionSources,
  };
}
