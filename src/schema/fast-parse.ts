/**
 * A faster way through zod's own schemas for the common case, an input that is valid: the containers
 * (objects, arrays, records, optionals, nullables, unions) are walked by closures prepared once per
 * schema from its definition; leaves (strings, numbers, booleans, literals, enums) have their type
 * tested here; every check (a refinement, a pattern, a length, a trim) and anything else is still run
 * by zod itself. No code is generated, so it works under a strict CSP.
 *
 * It answers `INVALID` as soon as anything is off, or for anything it does not model; the caller then
 * runs zod's parser, which gives the problems (schema/parse.ts). So zod stays the one source of truth:
 * this can only be wrong by accepting what zod refuses, or by giving another value than zod's, which
 * tests/engine/fast-parse.test.ts looks for on a thousand altered instruments and results per format.
 * Why it exists: validating an instrument of 280 questions given by a host took about 46 ms in a fresh
 * page, where zod's code runs cold (docs/decisions/0016-fast-parse.md).
 */
import type * as z from 'zod/mini';
import { arrayOf, firstOf, INVALID, nullableOf, objectOf, optionalOf, recordOf, switchOn, type Parse } from './walk.js';

interface Internals {
  def: {
    type: string;
    checks?: Check[];
    shape?: Record<string, Schema>;
    catchall?: Schema;
    element?: Schema;
    keyType?: Schema;
    valueType?: Schema;
    mode?: string;
    partial?: boolean;
    innerType?: Schema;
    options?: Schema[];
    discriminator?: string;
    unionFallback?: boolean;
    coerce?: boolean;
  };
  traits: Set<string>;
  values?: Set<unknown>;
  optin?: 'optional' | 'defaulted';
  optout?: 'optional';
  propValues?: Record<string, Set<unknown>>;
  run(payload: Payload, ctx: object): Payload | Promise<Payload>;
}
interface Check {
  _zod: { def: { when?: (payload: Payload) => boolean }; check(payload: Payload): unknown };
}
interface Payload {
  value: unknown;
  issues: unknown[];
}
interface Schema {
  _zod: Internals;
}

const prepared = new WeakMap<Schema, Parse>();

/** The fast parser of a zod schema: its output (a fresh value, as zod's), or `INVALID`. */
export function fastParser<T>(schema: z.ZodMiniType<T>): (input: unknown) => T | typeof INVALID {
  return parserOf(schema as unknown as Schema) as (input: unknown) => T | typeof INVALID;
}

/** Prepared on first use, so recursive schemas (a section's sections, a condition's `not`) close on themselves. */
function parserOf(schema: Schema): Parse {
  let parse = prepared.get(schema);
  if (!parse) {
    let made: Parse | undefined;
    parse = (input) => (made ??= prepare(schema))(input);
    prepared.set(schema, parse);
  }
  return parse;
}

/** zod itself, on one node: its value when it has no issue. */
const byZod =
  (schema: Schema): Parse =>
  (input) => {
    const out = schema._zod.run({ value: input, issues: [] }, {});
    return out instanceof Promise || out.issues.length > 0 ? INVALID : out.value;
  };

/** A container's own checks (an object's cross-reference refinement, an array's minimum length), as zod runs them. */
function withChecks(schema: Schema, parse: Parse): Parse {
  const checks = schema._zod.def.checks ?? [];
  if (schema._zod.traits.has('$ZodCheck')) return byZod(schema);
  if (!checks.length) return parse;
  return (input) => {
    const value = parse(input);
    return value === INVALID ? INVALID : runChecks(checks, value);
  };
}

function prepare(schema: Schema): Parse {
  const zod = schema._zod;
  const { def, traits } = zod;
  switch (def.type) {
    case 'object':
      return withChecks(schema, objectParser(schema));
    case 'array':
      return withChecks(schema, arrayOf(parserOf(def.element!)));
    case 'optional': {
      if (!traits.has('$ZodOptional') || traits.has('$ZodExactOptional') || def.innerType!._zod.optin === 'defaulted')
        return byZod(schema);
      return withChecks(schema, optionalOf(parserOf(def.innerType!)));
    }
    case 'nullable': {
      if (!traits.has('$ZodNullable')) return byZod(schema);
      return withChecks(schema, nullableOf(parserOf(def.innerType!)));
    }
    case 'record':
      return withChecks(schema, recordParser(schema));
    case 'union':
      return withChecks(schema, unionParser(schema));
    default:
      return leafParser(schema);
  }
}

/** What zod's own parse of a leaf accepts, before its checks. */
const LEAVES: Record<string, [trait: string, accepts: (input: unknown, zod: Internals) => boolean]> = {
  string: ['$ZodString', (v) => typeof v === 'string'],
  number: ['$ZodNumber', (v) => typeof v === 'number' && Number.isFinite(v)],
  boolean: ['$ZodBoolean', (v) => typeof v === 'boolean'],
  literal: ['$ZodLiteral', (v, zod) => zod.values!.has(v)],
  enum: ['$ZodEnum', (v, zod) => zod.values!.has(v)],
};

/**
 * A string, number, boolean, literal or enum: its type tested here, then its checks (a pattern, a
 * length, a trim, a refinement, an integer format) run by zod, in zod's order; anything else by zod.
 */
function leafParser(schema: Schema): Parse {
  const zod = schema._zod;
  const leaf = Object.hasOwn(LEAVES, zod.def.type) ? LEAVES[zod.def.type] : undefined;
  if (!leaf || !zod.traits.has(leaf[0]) || zod.def.coerce) return byZod(schema);
  const accepts = leaf[1];
  const checks = [...(zod.traits.has('$ZodCheck') ? [schema as unknown as Check] : []), ...(zod.def.checks ?? [])];
  if (!checks.length) return (input) => (accepts(input, zod) ? input : INVALID);
  return (input) => (accepts(input, zod) ? runChecks(checks, input) : INVALID);
}

/** Checks as zod runs them on a value that has no issue yet: its value after them (a trim), or `INVALID`. */
function runChecks(checks: readonly Check[], value: unknown): unknown {
  const payload: Payload = { value, issues: [] };
  for (const check of checks) {
    const when = check._zod.def.when;
    if (when && !when(payload)) continue;
    if (check._zod.check(payload) instanceof Promise || payload.issues.length) return INVALID;
  }
  return payload.value;
}

function objectParser(schema: Schema): Parse {
  const { def } = schema._zod;
  const shape = def.shape!;
  const catchall = def.catchall;
  const strict = catchall?._zod.def.type === 'never';
  if ((catchall && !strict) || Object.getOwnPropertySymbols(shape).length) return byZod(schema);
  const fields = Object.keys(shape)
    .filter((key) => key !== '__proto__')
    .map((key) => ({ key, zod: shape[key]!._zod, parse: parserOf(shape[key]!) }));
  if (fields.some((f) => f.zod.optin === 'defaulted')) return byZod(schema);
  return objectOf(
    fields.map(({ key, zod, parse }) => ({ key, parse, optin: zod.optin !== undefined, optout: zod.optout === 'optional' })),
    strict,
  );
}

/**
 * A record whose keys are checked by a schema (an id, any string): each own key and its value, in the
 * input's order. Records of a fixed set of keys, loose or partial ones are left to zod; so are inputs
 * with symbol keys or the key `__proto__` (which zod drops; inspect.ts refuses it first anyway).
 */
function recordParser(schema: Schema): Parse {
  const { def, traits } = schema._zod;
  if (!traits.has('$ZodRecord') || def.keyType!._zod.values || def.mode === 'loose' || def.partial) return byZod(schema);
  return recordOf(parserOf(def.keyType!), parserOf(def.valueType!));
}

function unionParser(schema: Schema): Parse {
  const { def, traits } = schema._zod;
  const options = def.options!;
  if (traits.has('$ZodXor') || !traits.has('$ZodUnion')) return byZod(schema);
  if (traits.has('$ZodDiscriminatedUnion')) {
    if (def.unionFallback) return byZod(schema);
    const key = def.discriminator!;
    const byValue = new Map<unknown, Parse>();
    for (const option of options) for (const v of option._zod.propValues?.[key] ?? []) if (!byValue.has(v)) byValue.set(v, parserOf(option));
    return switchOn(key, byValue);
  }
  return firstOf(options.map(parserOf));
}
