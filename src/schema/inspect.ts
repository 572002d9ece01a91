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

const step = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** The problems of an input, or none; stops at the first problem found. */
export function inspectInput(input: unknown, limits: InputLimits): InputProblem[] {
  let values = 0;
  let characters = 0;
  const onPath = new Set<object>();
  const visit = (value: unknown, path: string, depth: number): InputProblem | undefined => {
    if (++values > limits.values) return { path: path || '(root)', message: `more than ${limits.values} values in all` };
    if (typeof value === 'string') {
      characters += value.length;
      return characters > limits.characters ? { path: path || '(root)', message: `more than ${limits.characters} characters in all` } : undefined;
    }
    if (value === null || typeof value !== 'object') return undefined;
    if (depth > limits.depth) return { path, message: `nested more than ${limits.depth} levels deep` };
    if (onPath.has(value)) return { path, message: 'contains itself' };
    onPath.add(value);
    try {
      const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
      if (!Array.isArray(value) && Object.hasOwn(value, '__proto__')) return { path: step(path, '__proto__'), message: 'the key "__proto__" is not allowed' };
      for (const key of keys) {
        let child: unknown;
        try {
          child = (value as Record<string | number, unknown>)[key];
        } catch (error) {
          return { path: step(path, key), message: `cannot be read (${String(error)})` };
        }
        const problem = visit(child, step(path, key), depth + 1);
        if (problem) return problem;
      }
      return undefined;
    } catch (error) {
      return { path: path || '(root)', message: `cannot be read (${String(error)})` };
    } finally {
      onPath.delete(value);
    }
  };
  try {
    const problem = visit(input, '', 0);
    return problem ? [problem] : [];
  } catch (error) {
    return [{ path: '(root)', message: `cannot be read (${String(error)})` }];
  }
}
