import type { Condition } from '../schema/instrument.js';
import type { Answer } from '../schema/result.js';
import { sameValue, valuesOf } from './answers.js';
import type { Model } from './model.js';
import { own } from './records.js';

export interface VisibilityInput {
  readonly model: Model;
  readonly answers: Readonly<Record<string, Answer>>;
  readonly ageBand: string | undefined;
}

/**
 * Which sections and items are shown: a node is visible when its parent is, when the selected age
 * band is one of its bands (if it lists any), and when its condition holds. A hidden item counts as
 * unanswered in the conditions of others, so dependent items hide with it.
 */
export function computeVisibility(input: VisibilityInput): ReadonlyMap<string, boolean> {
  const { model, answers, ageBand } = input;
  const visible = new Map<string, boolean>();
  const pending = new Set<string>();

  const isVisible = (id: string): boolean => {
    const known = visible.get(id);
    if (known !== undefined) return known;
    // A cycle cannot pass parseInstrument; if one is built by hand, its members stay hidden.
    if (pending.has(id)) return false;
    pending.add(id);
    const node = model.item.get(id) ?? model.section.get(id);
    const parent = model.parent.get(id);
    const shown =
      !!node &&
      (parent === undefined || isVisible(parent)) &&
      (!node.ageBands || (ageBand !== undefined && node.ageBands.includes(ageBand))) &&
      (!node.visibleWhen || holds(node.visibleWhen));
    pending.delete(id);
    visible.set(id, shown);
    return shown;
  };

  const holds = (c: Condition): boolean => {
    if ('all' in c) return c.all.every(holds);
    if ('any' in c) return c.any.some(holds);
    if ('not' in c) return !holds(c.not);
    if ('ageBand' in c) return ageBand !== undefined && c.ageBand.includes(ageBand);
    const values = isVisible(c.item) ? valuesOf(own(answers, c.item)) : [];
    const expected = c.value;
    switch (c.op) {
      case 'answered':
        return values.length > 0;
      case 'unanswered':
        return values.length === 0;
      case 'equals':
        return expected !== undefined && values.some((v) => sameValue(v, expected));
      case 'not-equals':
        return expected === undefined || !values.some((v) => sameValue(v, expected));
      case 'in':
        return Array.isArray(expected) && values.some((v) => typeof v === 'string' && expected.includes(v));
      case 'not-in':
        return !Array.isArray(expected) || !values.some((v) => typeof v === 'string' && expected.includes(v));
      case 'includes':
        return values.some((v) => (Array.isArray(v) ? v.includes(String(expected)) : v === expected));
      default:
        return values.some((v) => compare(c.op, v, expected));
    }
  };

  for (const s of model.sections) isVisible(s.id);
  for (const it of model.items) isVisible(it.id);
  return visible;
}

function compare(op: string, value: unknown, bound: unknown): boolean {
  const comparable =
    (typeof value === 'number' && typeof bound === 'number') || (typeof value === 'string' && typeof bound === 'string');
  if (!comparable) return false;
  const [a, b] = [value as number | string, bound as number | string];
  return op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : a <= b;
}
