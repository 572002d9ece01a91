/**
 * A format's validation plan, run without zod (decision 0018). `planOf` (plan-of.ts) writes a zod schema
 * out as data when the schemas are generated (`npm run schemas`): which containers, which keys, which
 * leaves and which checks, in zod's order. `planParser` walks that data. An element validating a host's
 * instrument then needs neither zod's code nor its schemas built in the page: the plan and this walker
 * are a few kilobytes, where zod's chunk costs a fresh page 35–45 ms to evaluate.
 *
 * The walk is fast-parse.ts's, on data rather than on zod's objects, with the checks done here rather
 * than by zod. It may only be stricter than zod, never looser: it answers `INVALID` at the first thing
 * off, and the caller then runs zod's own parser (schema/parse.ts), which gives the problems — or the
 * value, should this walk ever refuse what zod accepts. tests/engine/fast-parse.test.ts holds it to zod
 * on thousands of altered instruments: same answer, same value, keys in the same order.
 */
import { arrayOf, firstOf, INVALID, nullableOf, objectOf, optionalOf, recordOf, switchOn, type Parse } from './walk.js';

/** A check, in zod's order: `[kind, …arguments]`. */
export type PlanCheck =
  | readonly ['regex', source: string, flags: string]
  /** Length at least / at most, counted in code points for a string (as zod counts). */
  | readonly ['min-length' | 'max-length', count: number]
  | readonly ['gte' | 'gt' | 'lte' | 'lt', bound: number]
  /** A safe integer (`z.int()`). */
  | readonly ['int']
  /** A named refinement: the value is kept when it answers truthy. */
  | readonly ['refine', name: string]
  /** A named overwrite: the value becomes what it returns (a trim). */
  | readonly ['overwrite', name: string]
  /** A named cross-check, called as zod calls a `superRefine`: the value is kept when it adds no issue. */
  | readonly ['super-refine', name: string];

/** One node of the plan; containers refer to others by their index in the plan. */
export type PlanNode = { readonly c?: readonly PlanCheck[] } & (
  | {
      readonly t: 'object';
      /** Its keys: `[key, node, optional in, optional out]` (zod's `optin` / `optout`). */
      readonly f: readonly (readonly [key: string, node: number, optin: boolean, optout: boolean])[];
      /** No other key allowed (a strict object); else unknown keys are dropped. */
      readonly strict: boolean;
    }
  | { readonly t: 'array'; readonly e: number }
  | { readonly t: 'optional' | 'nullable'; readonly i: number }
  | { readonly t: 'record'; readonly k: number; readonly v: number }
  | { readonly t: 'union'; readonly o: readonly number[] }
  /** A discriminated union: the option for each value of the key `d`. */
  | { readonly t: 'switch'; readonly d: string; readonly m: readonly (readonly [value: string | number | boolean | null, node: number])[] }
  | { readonly t: 'string' | 'number' | 'boolean' }
  | { readonly t: 'values'; readonly v: readonly (string | number | boolean | null)[] }
);

/** A whole plan: its nodes, the first one the format itself. */
export type Plan = readonly PlanNode[];

/** The functions a plan names (refinements, overwrites, cross-checks), by name. */
export type PlanFunctions = Readonly<Record<string, (value: never, ctx: never) => unknown>>;

/** A string's length as zod counts it: in code points. */
const codePoints = (text: string): number => {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
};

/**
 * Whether a string or an array is at least `min` / at most `max` long (anything else is not measured, as
 * zod's length checks skip it). A string is counted in code points only when its UTF-16 length leaves a
 * doubt: a code point is one or two units.
 */
const atLeast = (value: unknown, min: number): boolean =>
  typeof value === 'string'
    ? value.length >= min * 2 || (value.length >= min && codePoints(value) >= min)
    : !Array.isArray(value) || value.length >= min;
const atMost = (value: unknown, max: number): boolean =>
  typeof value === 'string' ? value.length <= max || codePoints(value) <= max : !Array.isArray(value) || value.length <= max;

/** One check as a step: the value after it, or `INVALID`. */
function stepOf(check: PlanCheck, fns: PlanFunctions): Parse {
  const fn = (name: string) => {
    const f = Object.hasOwn(fns, name) ? fns[name] : undefined;
    if (!f) throw new Error(`validation plan: no function "${name}"`);
    return f as (value: unknown, ctx?: unknown) => unknown;
  };
  switch (check[0]) {
    case 'regex': {
      const pattern = new RegExp(check[1], check[2]);
      return (v) => {
        pattern.lastIndex = 0;
        return typeof v === 'string' && pattern.test(v) ? v : INVALID;
      };
    }
    case 'min-length': {
      const min = check[1];
      return (v) => (atLeast(v, min) ? v : INVALID);
    }
    case 'max-length': {
      const max = check[1];
      return (v) => (atMost(v, max) ? v : INVALID);
    }
    case 'gte': {
      const b = check[1];
      return (v) => ((v as number) >= b ? v : INVALID);
    }
    case 'gt': {
      const b = check[1];
      return (v) => ((v as number) > b ? v : INVALID);
    }
    case 'lte': {
      const b = check[1];
      return (v) => ((v as number) <= b ? v : INVALID);
    }
    case 'lt': {
      const b = check[1];
      return (v) => ((v as number) < b ? v : INVALID);
    }
    case 'int':
      return (v) => (Number.isSafeInteger(v) ? v : INVALID);
    case 'refine': {
      const f = fn(check[1]);
      return (v) => (f(v) ? v : INVALID);
    }
    case 'overwrite': {
      const f = fn(check[1]);
      return (v) => f(v);
    }
    case 'super-refine': {
      const f = fn(check[1]);
      return (v) => {
        let issues = 0;
        f(v, {
          value: v,
          issues: [],
          addIssue: () => {
            issues++;
          },
        });
        return issues ? INVALID : v;
      };
    }
  }
}

/** A node's checks after its own test. */
function withChecks(parse: Parse, checks: readonly PlanCheck[] | undefined, fns: PlanFunctions): Parse {
  if (!checks?.length) return parse;
  const steps = checks.map((c) => stepOf(c, fns));
  return (input) => {
    let v = parse(input);
    for (let i = 0; i < steps.length && v !== INVALID; i++) v = steps[i]!(v);
    return v;
  };
}

/**
 * The parser of a plan: a fresh value as zod gives it (unknown keys of a stripping object dropped, text
 * trimmed), or `INVALID`. Each node's closure is made on first use, so recursive formats close on
 * themselves and a part of the format never met is never prepared.
 */
export function planParser<T>(plan: Plan, fns: PlanFunctions): (input: unknown) => T | typeof INVALID {
  const made: (Parse | undefined)[] = [];
  const node = (i: number): Parse => {
    let parse = made[i];
    if (!parse) {
      let real: Parse | undefined;
      made[i] = parse = (input) => (real ??= prepare(plan[i]!))(input);
    }
    return parse;
  };
  const prepare = (n: PlanNode): Parse => withChecks(own(n), n.c, fns);
  const own = (n: PlanNode): Parse => {
    switch (n.t) {
      case 'object':
        return objectOf(
          n.f.map(([key, i, optin, optout]) => ({ key, parse: node(i), optin, optout })),
          n.strict,
        );
      case 'array':
        return arrayOf(node(n.e));
      case 'optional':
        return optionalOf(node(n.i));
      case 'nullable':
        return nullableOf(node(n.i));
      case 'record':
        return recordOf(node(n.k), node(n.v));
      case 'union':
        return firstOf(n.o.map(node));
      case 'switch':
        return switchOn(n.d, new Map(n.m.map(([value, i]) => [value, node(i)])));
      case 'string':
        return (input) => (typeof input === 'string' ? input : INVALID);
      case 'number':
        return (input) => (typeof input === 'number' && Number.isFinite(input) ? input : INVALID);
      case 'boolean':
        return (input) => (typeof input === 'boolean' ? input : INVALID);
      case 'values': {
        const values = new Set<unknown>(n.v);
        return (input) => (values.has(input) ? input : INVALID);
      }
    }
  };
  return node(0) as (input: unknown) => T | typeof INVALID;
}
