import type * as z from 'zod/mini';
import type { Plan, PlanCheck, PlanNode } from './plan.js';

/**
 * Writes a zod schema out as a validation plan (plan.ts), for `npm run schemas`: the plan is generated
 * from zod's own definitions, so zod stays the one source of the formats (decision 0003). Anything the
 * plan cannot say exactly as zod does — a default, a pipe, a loose object, a check it does not know, an
 * unnamed function — is an error here, when the schemas are generated, not a guess in the page.
 *
 * `named` gives the plan's name of each function a check calls (a refinement's `fn`, an overwrite's
 * `tx`) or of each `superRefine` check itself; the page's walker gets the same functions by those names.
 */
export function planOf(schema: z.ZodMiniType, named: ReadonlyMap<unknown, string>): Plan {
  const nodes: PlanNode[] = [];
  const index = new Map<unknown, number>();

  const fail = (what: string): never => {
    throw new Error(`validation plan: ${what} cannot be planned; keep it out of the instrument format or teach plan-of.ts`);
  };
  const nameOf = (fn: unknown, what: string): string => named.get(fn) ?? fail(`an unnamed ${what}`);

  const checkOf = (check: Internals, self: boolean): PlanCheck => {
    const { def, traits } = check._zod;
    if (def.when && !['min_length', 'max_length'].includes(def.check ?? '')) fail(`a check with a condition (${def.check})`);
    if (def.abort) fail('an aborting check');
    switch (def.check) {
      case 'string_format':
        if (!(def.pattern instanceof RegExp)) return fail(`the string format ${def.format}`);
        return ['regex', def.pattern.source, def.pattern.flags];
      case 'min_length':
        return ['min-length', def.minimum as number];
      case 'max_length':
        return ['max-length', def.maximum as number];
      case 'greater_than':
        if (typeof def.value !== 'number') fail('a bound that is not a number');
        return [def.inclusive ? 'gte' : 'gt', def.value as number];
      case 'less_than':
        if (typeof def.value !== 'number') fail('a bound that is not a number');
        return [def.inclusive ? 'lte' : 'lt', def.value as number];
      case 'number_format':
        if (def.format !== 'safeint') fail(`the number format ${def.format}`);
        return ['int'];
      case 'overwrite':
        return ['overwrite', nameOf(def.tx, 'overwrite')];
      case 'custom':
        if (traits.has('$ZodCustom') && !self) return ['refine', nameOf(def.fn, 'refinement')];
        return ['super-refine', nameOf(check, 'superRefine')];
      default:
        return fail(`the check ${def.check}`);
    }
  };

  const checksOf = (schema: Internals): PlanCheck[] | undefined => {
    const { def, traits } = schema._zod;
    const own = traits.has('$ZodCheck') ? [checkOf(schema, true)] : [];
    const all = [...own, ...(def.checks ?? []).map((c) => checkOf(c, false))];
    return all.length ? all : undefined;
  };

  const visit = (schema: Internals): number => {
    const seen = index.get(schema);
    if (seen !== undefined) return seen;
    const at = nodes.length;
    index.set(schema, at);
    nodes.push(undefined as unknown as PlanNode);
    nodes[at] = nodeOf(schema);
    return at;
  };

  const nodeOf = (schema: Internals): PlanNode => {
    const { def, traits } = schema._zod;
    const checks = checksOf(schema);
    const c = checks ? { c: checks } : {};
    if (def.coerce) fail('a coercion');
    switch (def.type) {
      case 'object': {
        const shape = def.shape!;
        const strict = def.catchall?._zod.def.type === 'never';
        if ((def.catchall && !strict) || Object.getOwnPropertySymbols(shape).length) fail('a loose object');
        const f = Object.keys(shape)
          .filter((key) => key !== '__proto__')
          .map((key) => {
            const field = shape[key]!;
            const { optin, optout } = field._zod;
            if (optin === 'defaulted') fail('a default');
            return [key, visit(field), optin !== undefined, optout === 'optional'] as const;
          });
        return { t: 'object', f, strict, ...c };
      }
      case 'array':
        return { t: 'array', e: visit(def.element!), ...c };
      case 'optional':
        if (!traits.has('$ZodOptional') || traits.has('$ZodExactOptional') || def.innerType!._zod.optin === 'defaulted') fail('this optional');
        return { t: 'optional', i: visit(def.innerType!), ...c };
      case 'nullable':
        return { t: 'nullable', i: visit(def.innerType!), ...c };
      case 'record':
        if (!traits.has('$ZodRecord') || def.keyType!._zod.values || def.mode === 'loose' || def.partial) fail('a record of fixed keys');
        return { t: 'record', k: visit(def.keyType!), v: visit(def.valueType!), ...c };
      case 'union': {
        if (traits.has('$ZodXor') || !traits.has('$ZodUnion')) fail('an exclusive union');
        const options = def.options!;
        if (traits.has('$ZodDiscriminatedUnion')) {
          if (def.unionFallback) fail('a discriminated union with a fallback');
          const key = def.discriminator!;
          const m: [string | number | boolean | null, number][] = [];
          for (const option of options)
            for (const v of option._zod.propValues?.[key] ?? [])
              if (!m.some(([seen]) => seen === v)) m.push([jsonValue(v), visit(option)]);
          return { t: 'switch', d: key, m, ...c };
        }
        return { t: 'union', o: options.map(visit), ...c };
      }
      case 'string':
        if (!traits.has('$ZodString')) fail('this string');
        return { t: 'string', ...c };
      case 'number':
        if (!traits.has('$ZodNumber')) fail('this number');
        return { t: 'number', ...c };
      case 'boolean':
        return { t: 'boolean', ...c };
      case 'literal':
      case 'enum':
        return { t: 'values', v: [...schema._zod.values!].map(jsonValue), ...c };
      default:
        return fail(`the type ${def.type}`);
    }
  };

  const jsonValue = (v: unknown): string | number | boolean | null => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return v;
    return fail(`the value ${String(v)}`);
  };

  visit(schema as unknown as Internals);
  return nodes;
}

/** What of zod's internals the plan reads. */
interface Internals {
  _zod: {
    def: {
      type?: string;
      check?: string;
      checks?: Internals[];
      shape?: Record<string, Internals>;
      catchall?: Internals;
      element?: Internals;
      keyType?: Internals;
      valueType?: Internals;
      innerType?: Internals;
      options?: Internals[];
      discriminator?: string;
      unionFallback?: boolean;
      mode?: string;
      partial?: boolean;
      coerce?: boolean;
      when?: unknown;
      abort?: boolean;
      pattern?: unknown;
      format?: string;
      minimum?: unknown;
      maximum?: unknown;
      value?: unknown;
      inclusive?: boolean;
      tx?: unknown;
      fn?: unknown;
    };
    traits: Set<string>;
    values?: Set<unknown>;
    optin?: string;
    optout?: string;
    propValues?: Record<string, Set<unknown>>;
  };
}
