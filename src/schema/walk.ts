/**
 * The walkers of valid input that the two fast ways through the formats share — fast-parse.ts (over zod's
 * own schema objects) and plan.ts (over the instrument's generated plan): each builds a fresh value as
 * zod gives it, or answers `INVALID` at the first thing off. No zod here.
 */
export const INVALID: unique symbol = Symbol('invalid');

/** A walker: the value as zod gives it, or `INVALID`. */
export type Parse = (input: unknown) => unknown;

/** A plain object, as JSON gives: no class instance, no array. */
export const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** One key of an object: its walker, and whether it may be absent (`optin`) and is then left out (`optout`). */
export interface Field {
  key: string;
  parse: Parse;
  optin: boolean;
  optout: boolean;
}

/** An object of known keys, in their order; `strict`: no other key allowed, else unknown keys are dropped. */
export function objectOf(fields: readonly Field[], strict: boolean): Parse {
  const keys = fields.map((f) => f.key);
  const parses = fields.map((f) => f.parse);
  const optin = fields.map((f) => f.optin);
  const optout = fields.map((f) => f.optout);
  // Unknown keys are found by counting: the keys present (none is a name Object.prototype has, so present
  // means own) against the object's own keys. Else, one by one.
  const counted = keys.every((key) => !(key in Object.prototype));
  const known = new Set(keys);
  return (input) => {
    if (!isPlain(input)) return INVALID;
    const out: Record<string, unknown> = {};
    let present = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const has = key in input;
      if (has) present++;
      else {
        if (!optin[i]) return INVALID;
        if (optout[i]) continue;
      }
      const v = parses[i]!(input[key]);
      if (v === INVALID) return INVALID;
      if (v !== undefined) out[key] = v;
      else if (has) out[key] = undefined;
    }
    if (strict) {
      if (counted) {
        if (Object.keys(input).length !== present) return INVALID;
      } else for (const key in input) if (!known.has(key)) return INVALID;
    }
    return out;
  };
}

export const arrayOf =
  (element: Parse): Parse =>
  (input) => {
    if (!Array.isArray(input)) return INVALID;
    const out = new Array<unknown>(input.length);
    for (let i = 0; i < input.length; i++) {
      const v = element(input[i]);
      if (v === INVALID) return INVALID;
      out[i] = v;
    }
    return out;
  };

export const optionalOf =
  (inner: Parse): Parse =>
  (input) =>
    input === undefined ? undefined : inner(input);

export const nullableOf =
  (inner: Parse): Parse =>
  (input) =>
    input === null ? null : inner(input);

/**
 * A record whose keys are checked by `keyOf` (an id, any string): each own key and its value, in the
 * input's order. Inputs with symbol keys or the key `__proto__` (which zod drops) are refused.
 */
export const recordOf =
  (keyOf: Parse, valueOf: Parse): Parse =>
  (input) => {
    if (!isPlain(input) || Object.getOwnPropertySymbols(input).length) return INVALID;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(input)) {
      const k = key === '__proto__' ? INVALID : keyOf(key);
      if (typeof k !== 'string' || k === '__proto__') return INVALID;
      const v = valueOf(input[key]);
      if (v === INVALID) return INVALID;
      out[k] = v;
    }
    return out;
  };

/** A union: the first option that takes the input. */
export const firstOf =
  (options: readonly Parse[]): Parse =>
  (input) => {
    for (const parse of options) {
      const v = parse(input);
      if (v !== INVALID) return v;
    }
    return INVALID;
  };

/** A discriminated union: the option for the value of the input's key `key`. */
export const switchOn =
  (key: string, byValue: ReadonlyMap<unknown, Parse>): Parse =>
  (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return INVALID;
    const parse = byValue.get((input as Record<string, unknown>)[key]);
    return parse ? parse(input) : INVALID;
  };
