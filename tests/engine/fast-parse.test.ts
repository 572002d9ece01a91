// The fast parser (src/schema/fast-parse.ts) walks zod's own schemas faster for valid input and hands
// everything else to zod. Its whole contract, checked here against zod itself: what it accepts, zod
// accepts, with the same value (keys in the same order, text trimmed the same way); what zod accepts,
// it accepts too (else the speed-up silently goes); and it really does the walking (no container of the
// three formats falls back to zod, which would make it correct but no faster). The inputs: the bundled
// instruments, the test instrument that uses every feature of the format, results of each, and
// thousands of random alterations of them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createEngine } from '../../src/engine/index.js';
import { fastParser } from '../../src/schema/fast-parse.js';
import { INVALID } from '../../src/schema/walk.js';
import { planParser } from '../../src/schema/plan.js';
import { INSTRUMENT_PLAN } from '../../src/schema/generated/instrument-plan.js';
import { quickInstrument } from '../../src/schema/quick-instrument.js';
import { PLAN_FUNCTIONS } from '../../src/schema/rules.js';
import { Instrument, Section, Item, Condition } from '../../src/schema/instrument.js';
import { Result, ResumableResult } from '../../src/schema/result.js';
import { parseInstrument } from '../../src/schema/parse.js';
import { sample } from './fixtures.js';
import { fillAll } from '../support/fill.js';

const RUNS = Number(process.env.FC_RUNS ?? 1000);
const params = { numRuns: RUNS, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) };

const bundled = ['ces', 'needs-grid', 'pin-grid'].map((id) => JSON.parse(readFileSync(new URL(`../../schemas/instruments/${id}.json`, import.meta.url), 'utf8')) as unknown);
const instruments = [...bundled, structuredClone(sample) as unknown];

/** A complete result of each instrument, and one just begun (an answer or two, no session). */
const results = instruments.flatMap((raw) => {
  const parsed = parseInstrument(raw);
  assert.ok(parsed.ok);
  const engine = createEngine(parsed.value);
  const begun = engine.toResult();
  fillAll(engine);
  return [engine.toResult({ complete: true }), begun].map((r) => JSON.parse(JSON.stringify(r)) as unknown);
});

const SCHEMAS = [
  { name: 'Instrument', schema: Instrument, inputs: instruments },
  { name: 'Result', schema: Result, inputs: results.filter((_, i) => i % 2 === 0) },
  { name: 'ResumableResult', schema: ResumableResult, inputs: results },
];

/**
 * The instrument's validation plan (src/schema/plan.ts, generated from the schema), which an element runs
 * without zod: held to zod by the same contract as the fast parser, on the same inputs.
 */
const plannedInstrument = planParser(INSTRUMENT_PLAN, PLAN_FUNCTIONS);

/** Every parser on one input: neither the fast one nor the plan ever accepts more, or otherwise, than zod. */
function agree(schema: (typeof SCHEMAS)[number]['schema'], input: unknown): 'accepted' | 'refused' {
  const answer = agreeWith(schema, input, fastParser(schema as never));
  if (schema === Instrument) assert.equal(agreeWith(schema, input, plannedInstrument), answer, 'the plan and the fast parser differ');
  return answer;
}

function agreeWith(schema: (typeof SCHEMAS)[number]['schema'], input: unknown, parse: (input: unknown) => unknown): 'accepted' | 'refused' {
  const fast = parse(input);
  const slow = (schema as { safeParse(x: unknown): { success: boolean; data?: unknown } }).safeParse(input);
  if (fast === INVALID) {
    assert.equal(slow.success, false, 'zod accepts what the fast parser refused');
    return 'refused';
  }
  assert.ok(slow.success, 'the fast parser accepted what zod refuses');
  assert.deepStrictEqual(fast, slow.data);
  assert.equal(JSON.stringify(fast), JSON.stringify(slow.data), 'keys in another order than zod’s');
  assert.deepEqual(sharedWith(fast, input), sharedWith(slow.data, input), 'objects of the input kept where zod makes fresh ones');
  return 'accepted';
}

/** Where an output holds an object of the input itself rather than a fresh one (zod does only for `unknown`). */
function sharedWith(output: unknown, input: unknown): string[] {
  const inputs = new Set<unknown>();
  const collect = (v: unknown) => {
    if (v && typeof v === 'object' && !inputs.has(v)) (inputs.add(v), Object.values(v).forEach(collect));
  };
  collect(input);
  const shared: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (!v || typeof v !== 'object') return;
    if (inputs.has(v)) shared.push(path);
    else for (const [k, x] of Object.entries(v)) walk(x, `${path}/${k}`);
  };
  walk(output, '');
  return shared;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every place in a JSON value: objects, arrays and leaves. */
function placesOf(value: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => placesOf(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) placesOf(v, [...path, k], out);
  return out;
}

const REPLACEMENTS: unknown[] = [
  undefined, null, true, false, 0, -1, 1.5, 2 ** 60, Number.NaN, Number.POSITIVE_INFINITY, '', ' ', '  padded  ', '\u200b', 'x', 'a-b.c_d',
  '1.2.3', '2026-02-30', '2026-03-01', '9', 'equals', 'single-choice', 'yes-no', 'child', [], ['x'], {}, { fr: 'F', en: 'E' },
  { fr: ' F ', en: 'E' }, { fr: 'F' }, { fr: 'F', en: 'E', de: 'D' },
  // Text lengths at the limit, counted in code points as zod counts them (an emoji is two UTF-16 units).
  { fr: 'x'.repeat(20_000), en: 'E' }, { fr: 'x'.repeat(20_001), en: 'E' }, { fr: '\u{1F600}'.repeat(10_001), en: 'E' },
  { fr: '\u{1F600}'.repeat(20_001), en: 'E' }, 2 ** 53, -0,
];

/**
 * One alteration: replace a value, drop a key or an element, add an unknown key, rename a key (to one an
 * id may not be, or one it may), copy an element next to itself, pad a text.
 */
const editArb = fc.record({
  place: fc.nat(),
  kind: fc.constantFrom('replace', 'drop', 'add-key', 'rename', 'duplicate', 'pad'),
  replacement: fc.constantFrom(...REPLACEMENTS),
});

const placesCache = new WeakMap<object, Path[]>();

function applyEdit(root: Json, edit: { place: number; kind: string; replacement: unknown }): Json {
  let places = placesCache.get(root as object);
  if (!places) placesCache.set(root as object, (places = placesOf(root).filter((p) => p.length > 0)));
  if (!places.length) return root;
  const path = places[edit.place % places.length]!;
  const copy = structuredClone(root);
  let parent: any = copy;
  for (const key of path.slice(0, -1)) parent = parent[key];
  const last = path.at(-1)!;
  const here = parent[last];
  switch (edit.kind) {
    case 'replace':
      parent[last] = edit.replacement;
      break;
    case 'drop':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    case 'add-key':
      if (here && typeof here === 'object' && !Array.isArray(here)) here.extra = edit.replacement ?? 'x';
      else parent[last] = { value: here };
      break;
    case 'rename':
      if (!Array.isArray(parent)) {
        const name = ['1bad', 'two words', '', 'renamed-id'][edit.place % 4]!;
        delete parent[last];
        parent[name] = here;
      }
      break;
    case 'duplicate':
      if (Array.isArray(here) && here.length) here.push(structuredClone(here[0]));
      else if (Array.isArray(parent)) parent.push(structuredClone(here));
      break;
    case 'pad':
      if (typeof here === 'string') parent[last] = ` ${here}\n`;
      break;
  }
  return copy;
}

describe('fast parser', () => {
  for (const { name, schema, inputs } of SCHEMAS) {
    it(`accepts every valid ${name} with zod's value`, () => {
      assert.ok(inputs.length > 0);
      for (const input of inputs) assert.equal(agree(schema, input), 'accepted');
    });

    it(`agrees with zod on random alterations of ${name}s (accepted, refused, and the value)`, () => {
      const seen = { accepted: 0, refused: 0 };
      fc.assert(
        fc.property(fc.nat(inputs.length - 1), fc.array(editArb, { minLength: 1, maxLength: 2 }), (which, edits) => {
          const input = edits.reduce((value, edit) => applyEdit(value, edit), inputs[which] as Json);
          seen[agree(schema, input)]++;
        }),
        params,
      );
      // Both sides of the contract were exercised, not only refusals.
      assert.ok(seen.accepted > RUNS / 20 && seen.refused > RUNS / 20, JSON.stringify(seen));
    });
  }

  it('takes a null status, and refuses a missing one, as zod does', () => {
    const withTally = results.find((r: any) => Object.keys(r.summaries?.tallies ?? {}).length) as any;
    assert.ok(withTally, 'a result with a tally');
    const [rule] = Object.keys(withTally.summaries.tallies);
    const [section] = Object.keys(withTally.summaries.tallies[rule].sections);
    const entry = () => withTally.summaries.tallies[rule].sections[section];
    for (const status of [null, undefined, 'none', 7]) {
      const copy = structuredClone(withTally);
      copy.summaries.tallies[rule].sections[section] = { ...entry(), status };
      agree(Result, copy);
    }
    const copy = structuredClone(withTally);
    copy.summaries.tallies[rule].sections[section] = { ...entry(), status: null };
    assert.equal(agree(Result, copy), 'accepted');
    copy.summaries.tallies[rule].sections[section].status = undefined;
    assert.equal(agree(Result, copy), 'refused');
  });

  it('takes text as zod does: trimmed, and refused when only invisible characters are left', () => {
    const [ces] = instruments as Json[];
    const padded = structuredClone(ces) as any;
    padded.title.fr = `  ${padded.title.fr}  `;
    const out = fastParser(Instrument)(padded);
    assert.notEqual(out, INVALID);
    assert.equal((out as any).title.fr, (ces as any).title.fr);
    padded.title.fr = ' \u200b ';
    assert.equal(fastParser(Instrument)(padded), INVALID);
    assert.equal(plannedInstrument(padded), INVALID);
  });

  it('counts a text’s length in code points, as zod does (an emoji is one, though two UTF-16 units)', () => {
    const [ces] = instruments as Json[];
    const cases: [string, 'accepted' | 'refused'][] = [
      ['x'.repeat(20_000), 'accepted'],
      ['x'.repeat(20_001), 'refused'],
      ['\u{1F600}'.repeat(20_000), 'accepted'],
      ['\u{1F600}'.repeat(20_001), 'refused'],
      [`${'x'.repeat(19_999)}\u{1F600}`, 'accepted'],
    ];
    for (const [text, expected] of cases) {
      const copy = structuredClone(ces) as any;
      copy.sections[0].items[0].label.fr = text;
      assert.equal(agree(Instrument, copy), expected, `${text.length} UTF-16 units`);
    }
  });

  it('does the walking itself: no section, item or condition of a valid instrument goes through zod', () => {
    const runs = new Map<unknown, number>();
    const spied = [Instrument, Section, Item, Condition].map((schema) => {
      const internals = (schema as any)._zod;
      const run = internals.run;
      internals.run = (...args: unknown[]) => (runs.set(schema, (runs.get(schema) ?? 0) + 1), run(...args));
      return () => (internals.run = run);
    });
    try {
      for (const input of instruments) assert.notEqual(fastParser(Instrument)(input), INVALID);
    } finally {
      spied.forEach((restore) => restore());
    }
    assert.deepEqual([...runs.values()], []);
  });

  it('refuses, for zod to explain, what is not plain data: a class instance, symbol keys, a throwing getter', () => {
    const [ces] = instruments as Json[];
    class Box {
      constructor(readonly value: unknown) {}
    }
    const withSymbol = structuredClone(ces) as any;
    withSymbol.sections[0].items[0].labelFor = { [Symbol('x')]: 1 };
    const throwing = structuredClone(ces) as any;
    Object.defineProperty(throwing.sections[0], 'title', { enumerable: true, get: () => { throw new Error('no'); } });
    assert.equal(fastParser(Instrument)(Object.assign(new Box(1), ces)), INVALID);
    assert.equal(fastParser(Instrument)(withSymbol), INVALID);
    assert.throws(() => fastParser(Instrument)(throwing), /no/);
    assert.equal(parseInstrument(throwing).ok, false);
    // The elements' quick check (the plan) refuses them too, and never throws: zod then says what is wrong.
    for (const input of [Object.assign(new Box(1), ces), withSymbol, throwing]) assert.equal(quickInstrument(input), undefined);
    const parsed = parseInstrument(ces);
    assert.ok(parsed.ok);
    assert.deepEqual(quickInstrument(ces), parsed.value);
  });
});
