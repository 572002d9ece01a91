import type * as z from 'zod/mini';
import type { Condition, InstrumentShape, Item, Section } from './instrument.js';

type Shape = z.infer<typeof InstrumentShape>;
type Path = (string | number)[];

/** Sections nest at most this many levels (a need inside a meta-need is two). */
export const MAX_SECTION_DEPTH = 8;
/** Conditions combine (`all`, `any`, `not`) at most this many levels. */
export const MAX_CONDITION_DEPTH = 16;

/**
 * Cross-reference checks that a JSON Schema cannot express: every id is unique, every reference
 * (scale, age band, perspective, voice of a wording, item of a condition, section kind, level of a
 * status rule) resolves, and no visibility condition depends on itself.
 */
export function checkInstrument(inst: Shape, ctx: z.core.$RefinementCtx<Shape>): void {
  const report = (path: Path, message: string) => ctx.addIssue({ code: 'custom', message, path, input: undefined });
  const unique = (ids: string[], path: Path, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) report([...path, i], `duplicate ${what} id "${id}"`);
      seen.add(id);
    });
    return seen;
  };

  const bands = inst.ageBands ?? [];
  const bandIds = unique(bands.map((b) => b.id), ['ageBands'], 'age band');
  bands.forEach((b, i) => {
    if (b.minMonths > b.maxMonths) report(['ageBands', i], `age band "${b.id}" has minMonths above maxMonths`);
  });
  const sorted = [...bands].sort((a, b) => a.minMonths - b.minMonths);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.minMonths <= sorted[i - 1]!.maxMonths)
      report(['ageBands'], `age bands "${sorted[i - 1]!.id}" and "${sorted[i]!.id}" overlap`);
  }

  const perspectiveIds = unique((inst.perspectives ?? []).map((p) => p.id), ['perspectives'], 'perspective');
  const scales = new Map<string, Set<string>>();
  unique((inst.scales ?? []).map((s) => s.id), ['scales'], 'scale');
  (inst.scales ?? []).forEach((s, i) => {
    scales.set(s.id, unique(s.options.map((o) => o.code), ['scales', i, 'options'], 'option'));
  });

  // The path of a problem is written out only for a problem (most instruments have none).
  const refs = (ids: string[] | undefined, known: Set<string>, path: Path, key: string, what: string) =>
    ids?.forEach((id, i) => known.has(id) || report([...path, key, i], `unknown ${what} "${id}"`));

  // Every node (section or item) with its path, parent and condition, for the checks after the walk.
  const nodes = new Map<string, { path: Path; parent: string | undefined; item: boolean; when?: Condition }>();
  const kinds = new Set<string>();
  const walk = (sections: Section[], base: Path, parent: string | undefined, depth = 1) =>
    sections.forEach((s, si) => {
      const path = [...base, si];
      if (depth > MAX_SECTION_DEPTH) {
        report(path, `sections nest more than ${MAX_SECTION_DEPTH} levels`);
        return;
      }
      kinds.add(s.kind);
      addNode(s.id, { path, parent, item: false, when: s.visibleWhen });
      refs(s.ageBands, bandIds, path, 'ageBands', 'age band');
      (s.items ?? []).forEach((it, ii) => checkItem(it, [...path, 'items', ii], s.id));
      walk(s.sections ?? [], [...path, 'sections'], s.id, depth + 1);
    });
  const addNode = (id: string, node: typeof nodes extends Map<string, infer N> ? N : never) => {
    // Events name other fields `ageBand`, `session.…` and `plan.…` (schema/keys.ts): an item or section may not.
    if (id === 'ageBand' || id.startsWith('session.') || id.startsWith('plan.'))
      report([...node.path, 'id'], `id "${id}" is reserved: "ageBand" and ids starting with "session." or "plan." name other fields`);
    if (nodes.has(id)) report(node.path, `duplicate id "${id}" (ids are unique across sections and items)`);
    else nodes.set(id, node);
  };
  const itemsById = new Map<string, Item>();
  const checkItem = (it: Item, path: Path, parent: string) => {
    itemsById.set(it.id, it);
    addNode(it.id, { path, parent, item: true, when: it.visibleWhen });
    refs(it.ageBands, bandIds, path, 'ageBands', 'age band');
    refs(it.perspectives, perspectiveIds, path, 'perspectives', 'perspective');
    // A wording of its own is shown in a voice's answer, so only a voice the item asks can have one.
    for (const voice of Object.keys(it.labelFor ?? {}))
      if (!it.perspectives?.includes(voice))
        report(
          [...path, 'labelFor', voice],
          it.perspectives
            ? `"${voice}" is not a voice of item "${it.id}" (its perspectives: ${it.perspectives.join(', ')})`
            : `item "${it.id}" has no perspectives, so no voice ("${voice}") can have its own wording`,
        );
    if (it.type === 'single-choice' || it.type === 'multiple-choice') {
      const codes = scales.get(it.scale);
      if (!codes) report([...path, 'scale'], `unknown scale "${it.scale}"`);
      if (it.type === 'multiple-choice') {
        if (it.minSelected !== undefined && it.maxSelected !== undefined && it.minSelected > it.maxSelected)
          report(path, `item "${it.id}" has minSelected above maxSelected`);
        if (codes && it.minSelected !== undefined && it.minSelected > codes.size)
          report([...path, 'minSelected'], `item "${it.id}" asks for more choices than its scale has`);
      }
    }
    if ((it.type === 'number' || it.type === 'date') && it.min !== undefined && it.max !== undefined && it.min > it.max)
      report(path, `item "${it.id}" has min above max`);
  };
  walk(inst.sections, ['sections'], undefined);

  // Conditions: references resolve, operators get the value they need, no cycle.
  const checkCondition = (c: Condition, path: Path, deps: Set<string>, depth = 1): void => {
    if (depth > MAX_CONDITION_DEPTH) return report(path, `conditions combine more than ${MAX_CONDITION_DEPTH} levels`);
    if ('all' in c) c.all.forEach((x, i) => checkCondition(x, [...path, 'all', i], deps, depth + 1));
    else if ('any' in c) c.any.forEach((x, i) => checkCondition(x, [...path, 'any', i], deps, depth + 1));
    else if ('not' in c) checkCondition(c.not, [...path, 'not'], deps, depth + 1);
    else if ('ageBand' in c) refs(c.ageBand, bandIds, path, 'ageBand', 'age band');
    else {
      if (!nodes.get(c.item)?.item) report([...path, 'item'], `condition refers to unknown item "${c.item}"`);
      deps.add(c.item);
      const v = c.value;
      const ok =
        c.op === 'answered' || c.op === 'unanswered'
          ? v === undefined
          : c.op === 'in' || c.op === 'not-in'
            ? Array.isArray(v)
            : c.op === 'includes'
              ? typeof v === 'string'
              : c.op === 'equals' || c.op === 'not-equals'
                ? v !== undefined && !Array.isArray(v)
                : typeof v === 'number' || typeof v === 'string';
      if (!ok) report([...path, 'value'], `operator "${c.op}" does not fit value ${JSON.stringify(v)}`);
    }
  };
  const deps = new Map<string, Set<string>>();
  for (const [id, node] of nodes) {
    const d = new Set<string>();
    if (node.parent) d.add(node.parent);
    if (node.when) checkCondition(node.when, [...node.path, 'visibleWhen'], d);
    deps.set(id, d);
  }
  const state = new Map<string, 1 | 2>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 2) return false;
    if (state.get(id) === 1) return true;
    state.set(id, 1);
    for (const d of deps.get(id) ?? []) if (visit(d)) return true;
    state.set(id, 2);
    return false;
  };
  for (const [id, node] of nodes)
    if (node.when && visit(id)) {
      report([...node.path, 'visibleWhen'], `the visibility of "${id}" depends on itself`);
      break;
    }

  // Migrations: from an older MAJOR, once each; renamed ids and recoded options lead to what exists.
  const major = Number(inst.version.split('.')[0]);
  const froms = new Set<number>();
  (inst.migrations ?? []).forEach((m, mi) => {
    const path = ['migrations', mi];
    if (!(m.from < major)) report([...path, 'from'], `a migration comes from an older MAJOR version than ${major}`);
    if (froms.has(m.from)) report([...path, 'from'], `two migrations from version ${m.from}`);
    froms.add(m.from);
    for (const [old, now] of Object.entries(m.renamed ?? {}))
      if (!nodes.has(now) && !bandIds.has(now)) report([...path, 'renamed', old], `"${old}" is renamed to "${now}", which is not an item, section or age band`);
    for (const [itemId, codes] of Object.entries(m.recoded ?? {})) {
      const item = itemsById.get(itemId);
      const known =
        item?.type === 'yes-no' ? new Set(['yes', 'no', 'unknown']) : item?.type === 'single-choice' || item?.type === 'multiple-choice' ? scales.get(item.scale) : undefined;
      if (!known) {
        report([...path, 'recoded', itemId], `"${itemId}" is not a choice item`);
        continue;
      }
      for (const [old, now] of Object.entries(codes))
        if (!known.has(now)) report([...path, 'recoded', itemId, old], `"${old}" is recoded to "${now}", which is not an option of "${itemId}"`);
    }
  });

  const tallies = inst.summary?.tallies ?? [];
  unique(tallies.map((t) => t.id), ['summary', 'tallies'], 'tally');
  tallies.forEach((t, ti) => {
    const path = ['summary', 'tallies', ti];
    if (!kinds.has(t.sectionKind)) report([...path, 'sectionKind'], `no section has kind "${t.sectionKind}"`);
    const codes = scales.get(t.scale);
    if (!codes) report([...path, 'scale'], `unknown scale "${t.scale}"`);
    t.statuses?.forEach((s, si) =>
      s.when?.forEach((clause, ci) => {
        if (clause.level !== undefined && codes && !codes.has(clause.level))
          report([...path, 'statuses', si, 'when', ci, 'level'], `unknown level "${clause.level}" in scale "${t.scale}"`);
      }),
    );
  });
}
