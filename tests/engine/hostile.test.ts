// Broken and hostile input to the formats: every case is refused with the path of the problem, and
// validation never throws, whatever object it is given.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createEngine, parseInstrument } from '../../src/engine/index.js';
import { parseResumable } from '../../src/schema/parse.js';
import type { Instrument } from '../../src/schema/index.js';
import { fillAll } from '../support/fill.js';
import { sample, t } from './fixtures.js';

type Draft = Record<string, any>;
const variant = (change: (d: Draft) => void): Draft => {
  const draft = structuredClone(sample) as Draft;
  change(draft);
  return draft;
};
const pin = JSON.parse(readFileSync(new URL('../../schemas/instruments/pin-grid.json', import.meta.url), 'utf8'));

/** Asserts a refusal, never an exception, with a problem at `path` matching `message`. */
function refused(input: unknown, path: RegExp, message: RegExp, parse: (i: unknown) => ReturnType<typeof parseInstrument> | ReturnType<typeof parseResumable> = parseInstrument) {
  let parsed;
  assert.doesNotThrow(() => (parsed = parse(input)), 'validation never throws');
  assert.equal(parsed!.ok, false, 'refused');
  const problems = (parsed as unknown as { problems: { path: string; message: string }[] }).problems;
  assert.ok(problems.some((p) => path.test(p.path) && message.test(p.message)), `${path} ~ ${message} in ${JSON.stringify(problems).slice(0, 500)}`);
}

/** A section nested `depth` levels, one item at the bottom. */
function deep(depth: number): Draft {
  let section: Draft = { id: 's0', kind: 'k', title: t('S'), items: [{ id: 'q', type: 'yes-no', label: t('Q') }] };
  for (let i = 1; i < depth; i++) section = { id: `s${i}`, kind: 'k', title: t('S'), sections: [section] };
  return { ...structuredClone(sample), sections: [section], summary: undefined };
}

describe('broken instruments are refused, saying where', () => {
  const cases: [string, () => unknown, RegExp, RegExp][] = [
    ['a duplicate id', () => variant((d) => (d.sections[0].items[1].id = 'a1')), /^sections\[0\]\.items\[1\]/, /duplicate id/],
    ['a missing scale', () => variant((d) => (d.sections[0].items[0].scale = 'nope')), /scale$/, /unknown scale/],
    ['a condition on an unknown item', () => variant((d) => (d.sections[0].items[3].visibleWhen.item = 'zz')), /visibleWhen\.item$/, /unknown item/],
    ['a condition on itself', () => variant((d) => (d.sections[0].items[3].visibleWhen = { item: 'a4', op: 'answered' })), /visibleWhen$/, /depends on itself/],
    ['circular conditions', () => variant((d) => (d.sections[0].items[2].visibleWhen = { item: 'a4', op: 'answered' })), /visibleWhen$/, /depends on itself/],
    ['sections nested beyond 8 levels', () => deep(9), /sections(\[0\]\.sections){8}\[0\]$/, /more than 8 levels/],
    ['sections nested 2 100 levels', () => deep(2100), /^sections/, /nested more than 64 levels/],
    ['conditions combined beyond 16 levels', () => variant((d) => {
      let c: Draft = { item: 'a3', op: 'answered' };
      for (let i = 0; i < 17; i++) c = { not: c };
      d.sections[0].items[3].visibleWhen = c;
    }), /visibleWhen/, /more than 16 levels/],
    ['a section that contains itself', () => variant((d) => d.sections[0].sections = [d.sections[0]]), /^sections\[0\]\.sections\[0\]$/, /contains itself/],
    ['a condition that contains itself', () => variant((d) => {
      const c: Draft = { all: [] };
      c.all.push(c);
      d.sections[0].items[3].visibleWhen = c;
    }), /visibleWhen\.all\[0\]$/, /contains itself/],
    ['a property whose getter throws', () => variant((d) => Object.defineProperty(d.sections[0].items[0], 'label', { enumerable: true, get() { throw new Error('boom'); } })), /^sections\[0\]\.items\[0\]\.label$/, /cannot be read.*boom/],
    ['a "__proto__" key', () => JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(sample).slice(1)}`), /^__proto__$/, /not allowed/],
    ['a label of invisible characters only', () => variant((d) => (d.sections[0].items[0].label = t('\u200b\u202e\u2060\u200d'))), /^sections\[0\]\.items\[0\]\.label\.fr$/, /invisible/],
    ['a label beyond 20 000 characters', () => variant((d) => (d.sections[0].items[0].label = t('x'.repeat(20_001)))), /^sections\[0\]\.items\[0\]\.label\.fr$/, /too big/],
    ['an instrument beyond 5 000 000 characters', () => variant((d) => (d.sections[0].items = Array.from({ length: 300 }, (_, i) => ({ id: `q${i}`, type: 'yes-no', label: t('y'.repeat(19_000)) })))), /./, /more than 5000000 characters/],
    ['an instrument beyond 200 000 values', () => variant((d) => (d.scales[0].options = Array.from({ length: 60_000 }, (_, i) => ({ code: `c${i}`, label: t('o') })))), /./, /more than 200000 values/],
  ];
  for (const [what, make, path, message] of cases) it(`refuses ${what}`, () => refused(make(), path, message));

  it('never throws on what is not an instrument at all', () => {
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    for (const input of [null, undefined, 42, 'ces', [], () => 1, Symbol('s'), 10n, proxy, new Date(), Object.create(null)])
      assert.doesNotThrow(() => assert.equal(parseInstrument(input).ok, false));
  });
});

describe('ids named like what every object inherits', () => {
  const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];
  it('work as section, item, option and status ids: summaries, plans, tallies and results hold', () => {
    const draft = structuredClone(sample) as Draft;
    draft.scales[0].options[0].code = 'valueOf';
    draft.sections = NAMES.map((name, i) => ({
      id: name,
      kind: 'theme',
      title: t(name),
      actionPlan: {},
      items: [
        { id: `${name}.q1`, type: 'single-choice', scale: 'level', label: t('Q1'), required: true },
        { id: i === 0 ? 'hasOwnProperty2' : `${name}.q2`, type: 'single-choice', scale: 'level', label: t('Q2') },
      ],
    }));
    draft.summary.tallies[0].statuses = [{ id: 'toString', label: t('T'), when: [{ level: 'valueOf', minCount: 1 }] }, { id: 'constructor', label: t('C') }];
    draft.summary.tallies[0].statuses[0].when[0].level = 'valueOf';
    const parsed = parseInstrument(draft);
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
    const engine = createEngine(parsed.value, { ageBand: 'teen' });
    const fresh = engine.toResult();
    assert.deepEqual(fresh.actionPlans, {});
    assert.equal(engine.valid, false);
    fillAll(engine);
    engine.addObjective('constructor', 'Un objectif');
    const r = engine.toResult({ complete: true });
    assert.equal(r.status, 'complete');
    assert.equal(r.summaries.tallies.agreement?.statuses.toString, undefined);
    for (const name of NAMES) assert.equal(r.summaries.actions[name]!.objectives, name === 'constructor' ? 1 : 0);
    assert.equal(Object.keys(r.summaries.progress.sections).length, NAMES.length);
  });
});

describe('statuses and migrations named like what every object inherits', () => {
  it('a tally counts sections per status exactly, statuses named constructor and toString included', () => {
    const parsed = parseInstrument(
      variant((d) => {
        d.summary.tallies[0].statuses = [
          { id: 'constructor', label: t('C'), when: [{ level: 'high', minCount: 1 }] },
          { id: 'toString', label: t('T') },
        ];
      }),
    );
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
    const engine = createEngine(parsed.value, { ageBand: 'teen' });
    engine.setAnswer('a1', 'high');
    // a is 'constructor' (one high answer); b.x has no high answer: 'toString'.
    const { statuses, sections } = engine.summaries().tallies.level!;
    assert.deepEqual([sections.a!.status, sections['b.x']!.status], ['constructor', 'toString']);
    assert.deepEqual({ ...statuses }, { constructor: 1, toString: 1 });
    engine.setAnswer('bx1', 'high');
    assert.deepEqual({ ...engine.summaries().tallies.level!.statuses }, { constructor: 2 });
  });

  it('a migration passes answers, plans and the band named constructor or toString as they are, when it renames others', () => {
    const older = variant((d) => {
      d.scales[0].options[1].code = 'name';
      d.sections[0].items[0].id = 'constructor';
      d.sections[1].sections[0].id = 'toString';
    });
    const parsedOld = parseInstrument(older);
    assert.ok(parsedOld.ok, JSON.stringify(!parsedOld.ok && parsedOld.problems));
    const engine = createEngine(parsedOld.value, { ageBand: 'teen' });
    engine.setAnswer('constructor', 'name');
    engine.setAnswer('a2', 'low');
    const before = engine.toResult();
    const newer = parseInstrument(
      variant((d) => {
        d.version = '2.0.0';
        d.scales[0].options[1].code = 'name';
        d.sections[0].items[0].id = 'constructor';
        d.sections[0].items[1].id = 'a2-new';
        d.sections[1].sections[0].id = 'toString';
        d.migrations = [{ from: 1, renamed: { a2: 'a2-new' }, recoded: { 'a2-new': { low: 'name' } } }];
      }),
    );
    assert.ok(newer.ok, JSON.stringify(!newer.ok && newer.problems));
    const migrated = createEngine(newer.value);
    migrated.load(before);
    const r = migrated.toResult();
    assert.deepEqual(Object.keys(r.answers).sort(), ['a2-new', 'constructor']);
    assert.deepEqual(r.answers.constructor, { value: 'name' }, 'not renamed to what every object inherits, nor recoded by it');
    assert.deepEqual(r.answers['a2-new'], { value: 'name' });
    assert.equal(r.ageBand, 'teen');
  });

  it('a recoding map does not turn an option named toString into what every object inherits', () => {
    const older = variant((d) => {
      d.scales[0].options[0].code = 'toString';
      d.summary.tallies[0].statuses[1].when[0].level = 'toString';
    });
    const parsedOld = parseInstrument(older);
    assert.ok(parsedOld.ok, JSON.stringify(!parsedOld.ok && parsedOld.problems));
    const engine = createEngine(parsedOld.value, { ageBand: 'teen' });
    engine.setAnswer('a1', 'toString');
    engine.setAnswer('a8', ['toString', 'low']);
    const newer = parseInstrument(
      variant((d) => {
        d.version = '2.0.0';
        d.scales[0].options[0].code = 'toString';
        d.summary.tallies[0].statuses[1].when[0].level = 'toString';
        d.migrations = [{ from: 1, recoded: { a1: { low: 'mid' }, a8: { low: 'mid' } } }];
      }),
    );
    assert.ok(newer.ok, JSON.stringify(!newer.ok && newer.problems));
    const migrated = createEngine(newer.value);
    migrated.load(engine.toResult());
    assert.deepEqual(migrated.answer('a1'), { value: 'toString' });
    assert.deepEqual(migrated.answer('a8'), { value: ['toString', 'mid'] });
  });
});

describe('hostile and broken values are refused loudly', () => {
  const base = () => ({ instrument: { id: pin.id, version: pin.version }, session: {}, answers: {}, actionPlans: {} });
  it('an answer keyed "__proto__" is refused with its path, not dropped', () =>
    refused(JSON.parse(`{"instrument": {"id": "pin-grid", "version": "${pin.version}"}, "session": {}, "actionPlans": {}, "answers": {"__proto__": {"value": "x"}}}`), /^answers\.__proto__$/, /not allowed/, parseResumable));
  it('a value beyond 5 000 000 characters is refused', () =>
    refused({ ...base(), answers: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`x${i}`, { value: 'v'.repeat(100_000) }])) }, /./, /more than 5000000 characters/, parseResumable));
  it('a value that contains itself is refused', () => {
    const v: Draft = base();
    v.session.self = v;
    refused(v, /^session\.self$/, /contains itself/, parseResumable);
  });
  it('a hostile text is kept as text, untouched', () => {
    const strings: string[] = JSON.parse(readFileSync(new URL('../fixtures/hostile/strings.json', import.meta.url), 'utf8')).strings;
    const engine = createEngine(pin as Instrument);
    const comment = strings.join('\n');
    engine.setComment('pin.ecosystemic.targeted', comment);
    const parsed = parseResumable(JSON.parse(JSON.stringify(engine.toResult())));
    assert.ok(parsed.ok);
    assert.equal(parsed.value.answers['pin.ecosystemic.targeted']?.comment, comment);
  });
});
