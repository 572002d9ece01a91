/**
 * A first look at input from outside (an instrument, a result, a draft) before the schema reads it:
 * whatever object it is given, it never throws, and it refuses, with the path of the problem, what
 * the schema cannot meet safely: an object that contains itself, nesting or a size beyond the
 * documented limits, a property that cannot be read (a getter that throws), and the key `__proto__`,
 * which a JavaScript object cannot hold as data (it would silently be dropped or change the object).
 */

export interface InputLimits {
  /** Objects and arrays inside one another, from the top. */
  readonly depth: number;
  /** Strings, numbers, booleans, objects and arrays in all (a shared object counts each time it appears). */
  readonly values: number;
  /** Characters of all strings together. */
  readonly characters: number;
}

/** Limits for an instrument: far above the largest known pack (the CÉS: about 6 000 values, 260 000 characters). */
export const INSTRUMENT_LIMITS: InputLimits = { depth: 64, values: 200_000, characters: 5_000_000 };

/** Limits for a result (a `value`, a draft, last year's result). */
export const RESULT_LIMITS: InputLimits = { depth: 32, values: 200_000, characters: 5_000_000 };

export interface InputProblem {
  path: string;
  message: string;
}

/** A path written as a person reads it, `sections[2].items[0].scale` (`(root)` for the input itself). */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  ) || '(root)';

/**
 * The problems of an input, or none; stops at the first problem found. One plain walk, the path kept
 * as a list of keys and written out (formatPath) only for a problem: it runs before anything else on
 * every input from outside, in a page where its code is still cold.
 */
export function inspectInput(input: unknown, limits: InputLimits): InputProblem[] {
  let values = 0;
  let characters = 0;
  const onPath = new Set<object>();
  const trail: (string | number)[] = [];
  let problem: InputProblem | undefined;
  const fail = (message: string): false => {
    problem = { path: formatPath(trail), message };
    return false;
  };
  // The key being read is on the trail before the read, so a getter that throws is reported at its key.
  const visit = (value: unknown): boolean => {
    if (++values > limits.values) return fail(`more than ${limits.values} values in all`);
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'string' && (characters += value.length) > limits.characters)
        return fail(`more than ${limits.characters} characters in all`);
      return true;
    }
    if (trail.length > limits.depth) return fail(`nested more than ${limits.depth} levels deep`);
    if (onPath.has(value)) return fail('contains itself');
    onPath.add(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        trail.push(i);
        if (!visit(value[i])) return false;
        trail.pop();
      }
    } else {
      const keys = Object.keys(value);
      if (Object.hasOwn(value, '__proto__')) {
        trail.push('__proto__');
        return fail('the key "__proto__" is not allowed');
      }
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        trail.push(key);
        if (!visit((value as Record<string, unknown>)[key])) return false;
        trail.pop();
      }
    }
    onPath.delete(value);
    return true;
  };
  try {
    visit(input);
  } catch (error) {
    problem = { path: formatPath(trail), message: `cannot be read (${String(error)})` };
  }
  return problem ? [problem] : [];
}
