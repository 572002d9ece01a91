// The version policy (src/engine/versions.ts): same id and MAJOR loads, answers matched by item id;
// another MAJOR only through a declared migration; one policy for values, drafts and comparisons.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine, EngineError, parseInstrument } from '../../src/engine/index.js';
import type { Instrument } from '../../src/schema/index.js';
import { sample } from './fixtures.js';

type Draft = Record<string, any>;
const instrument = (change: (d: Draft) => void = () => {}): Instrument => {
  const draft = structuredClone(sample) as Draft;
  change(draft);
  const parsed = parseInstrument(draft);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
  return parsed.value;
};

/** A result of the sample at `version`, with a few answers and a plan. */
function resultAt(version: string) {
  const engine = createEngine(instrument((d) => (d.version = version)), { ageBand: 'teen' });
  engine.setAnswer('a1', 'high');
  engine.setAnswer('a3', 'yes');
  engine.setAnswer('a9', 'low', { perspective: 'child' });
  const o = engine.addObjective('a', 'Suivi');
  engine.addAction('a', o, { what: 'Appeler', status: 'planned' });
  return engine.toResult();
}

const codeOf = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error instanceof EngineError ? [error.code, error.params] : ['other', String(error)];
  }
  return ['none'];
};

describe('version policy', () => {
  it('a result of another MINOR or PATCH of the same MAJOR loads, answers matched by item id', () => {
    const older = resultAt('1.0.3');
    const engine = createEngine(instrument((d) => (d.version = '1.4.0')));
    engine.load(older);
    const r = engine.toResult();
    assert.equal(r.instrument.version, '1.4.0');
    assert.deepEqual(r.answers, older.answers);
    assert.deepEqual(r.actionPlans, older.actionPlans);
  });

  it('answers to items the version no longer has are kept, as unknown items', () => {
    const older = resultAt('1.0.0');
    const engine = createEngine(instrument((d) => {
      d.version = '1.1.0';
      d.sections[0].items = d.sections[0].items.filter((i: Draft) => i.id !== 'a3' && i.visibleWhen?.item !== 'a3');
    }));
    engine.load(older);
    const r = engine.toResult();
    assert.deepEqual(r.answers.a3, { value: 'yes' });
    assert.deepEqual(r.summaries.unknownItems, ['a3']);
  });

  it('a result of another MAJOR is refused with version-mismatch, and the engine keeps what it had', () => {
    const engine = createEngine(instrument((d) => (d.version = '2.0.0')));
    engine.setAnswer('a1', 'mid');
    assert.deepEqual(codeOf(() => engine.load(resultAt('1.2.0'))), ['version-mismatch', { expected: '2.0.0', found: '1.2.0' }]);
    assert.deepEqual(engine.answer('a1'), { value: 'mid' });
  });

  it('another instrument is refused with instrument-mismatch', () => {
    const other = { ...resultAt('1.2.0'), instrument: { id: 'other', version: '1.2.0' } };
    assert.deepEqual(codeOf(() => createEngine(instrument()).load(other))[0], 'instrument-mismatch');
  });

  it('a declared migration reads an older MAJOR: renamed items and sections, recoded options; nothing dropped', () => {
    const v2 = instrument((d) => {
      d.version = '2.0.0';
      d.sections[0].id = 'alpha';
      d.sections[0].items[0].id = 'a1-new';
      d.summary.tallies[0].sectionKind = 'theme';
      d.migrations = [{ from: 1, renamed: { a: 'alpha', a1: 'a1-new' }, recoded: { 'a1-new': { high: 'low' }, a9: { low: 'mid' } } }];
    });
    const engine = createEngine(v2);
    engine.load(resultAt('1.2.0'));
    const r = engine.toResult();
    assert.equal(r.instrument.version, '2.0.0');
    assert.deepEqual(r.answers['a1-new'], { value: 'low' });
    assert.equal(r.answers.a1, undefined);
    assert.deepEqual(r.answers.a9, { perspectives: { child: { value: 'mid' } } });
    assert.deepEqual(r.answers.a3, { value: 'yes' }, 'untouched answers pass as they are');
    assert.equal(r.actionPlans.alpha!.objectives[0]!.text, 'Suivi');
    assert.equal(r.actionPlans.a, undefined);
  });

  it('a migration renames the age band; two answers meeting under one new id keep both, the one already there under it', () => {
    const v2 = instrument((d) => {
      d.version = '2.0.0';
      d.ageBands[2].id = 'ado';
      for (const s of [d.sections[1].sections[0]]) for (const item of s.items) item.ageBands = item.ageBands.map((b: string) => (b === 'teen' ? 'ado' : b));
      d.migrations = [{ from: 1, renamed: { teen: 'ado', a2: 'a1', a: 'b' } }];
    });
    const older = resultAt('1.2.0');
    older.answers.a2 = { value: 'low' };
    const engine = createEngine(v2);
    engine.load(older);
    const r = engine.toResult();
    assert.equal(r.ageBand, 'ado');
    assert.deepEqual(r.answers.a1, { value: 'high' }, 'the answer already under the new id stays');
    assert.deepEqual(r.answers.a2, { value: 'low' }, 'the other keeps its old id');
    assert.equal(r.actionPlans.a, undefined);
    assert.equal(r.actionPlans.b!.objectives[0]!.text, 'Suivi');
  });

  it('a result of the same version loads as it is', () => {
    const same = resultAt('1.2.0');
    const engine = createEngine(instrument());
    engine.load(same);
    assert.deepEqual(engine.toResult().answers, same.answers);
    assert.equal(engine.toResult().instrument.version, '1.2.0');
  });

  it('a migration is checked against the instrument, with the path of the problem', () => {
    const bad = structuredClone(sample) as Draft;
    bad.version = '3.0.0';
    bad.migrations = [
      { from: 3, renamed: {} },
      { from: 1, renamed: { old: 'nowhere' }, recoded: { a1: { high: 'top' }, a4: { x: 'y' } } },
      { from: 1 },
    ];
    const parsed = parseInstrument(bad);
    assert.equal(parsed.ok, false);
    const problems = parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
    for (const expected of [
      /^migrations\[0\]\.from: .*older MAJOR/,
      /^migrations\[1\]\.renamed\.old: .*not an item, section or age band/,
      /^migrations\[1\]\.recoded\.a1\.high: .*not an option/,
      /^migrations\[1\]\.recoded\.a4: .*not a choice item/,
      /^migrations\[2\]\.from: two migrations/,
    ])
      assert.ok(problems.some((p) => expected.test(p)), `${expected} in ${JSON.stringify(problems)}`);
  });
});
