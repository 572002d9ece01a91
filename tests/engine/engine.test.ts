import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine, EngineError, type EngineChange } from '../../src/engine/index.js';
import { parseResult } from '../../src/engine/index.js';
import { clock, sampleInstrument } from './fixtures.js';

const throwsCode = (fn: () => unknown, code: string) =>
  assert.throws(fn, (e: unknown) => e instanceof EngineError && e.code === code);

describe('answers', () => {
  it('sets, replaces and clears an answer, keeping its comment', () => {
    const engine = createEngine(sampleInstrument());
    engine.setAnswer('a1', 'high');
    engine.setComment('a1', 'Vu au bilan');
    engine.setAnswer('a1', 'low');
    assert.deepEqual(engine.answer('a1'), { value: 'low', comment: 'Vu au bilan' });
    engine.clearAnswer('a1');
    assert.deepEqual(engine.answer('a1'), { comment: 'Vu au bilan' });
    engine.setComment('a1', '');
    assert.equal(engine.answer('a1'), undefined);
  });

  const empties: [string, unknown][] = [['undefined', undefined], ['null', null], ['an empty string', ''], ['an empty list', []]];
  for (const [what, value] of empties)
    it(`${what} clears the answer`, () => {
      const engine = createEngine(sampleInstrument());
      engine.setAnswer('a8', ['high']);
      engine.setAnswer('a8', value as never);
      assert.equal(engine.answer('a8'), undefined);
    });

  const normalized: [string, string, unknown, unknown][] = [
    ['a number typed with a decimal comma', 'a5', '3,5', 3.5],
    ['a number typed with spaces', 'a5', ' 1 000 ', 1000],
    ['text that is no number is kept as typed', 'a5', 'trois', 'trois'],
    ['a single code for a multiple choice', 'a8', 'mid', ['mid']],
    ['repeated codes', 'a8', ['mid', 'mid', 'low'], ['mid', 'low']],
  ];
  for (const [what, itemId, input, stored] of normalized)
    it(`${what} is stored as ${JSON.stringify(stored)}`, () => {
      const engine = createEngine(sampleInstrument());
      engine.setAnswer(itemId, input as never);
      assert.deepEqual(engine.answer(itemId)?.value, stored);
    });

  it('refuses an unknown item, an object or a non-finite number, and changes nothing', () => {
    const engine = createEngine(sampleInstrument());
    throwsCode(() => engine.setAnswer('zz', 'x'), 'unknown-item');
    throwsCode(() => engine.setAnswer('a5', Number.NaN), 'invalid-value');
    throwsCode(() => engine.setAnswer('a5', { n: 1 } as never), 'invalid-value');
    assert.deepEqual(engine.answers, {});
  });

  it('keeps one answer per voice on perspective items, and who answered on the others', () => {
    const engine = createEngine(sampleInstrument());
    engine.setAnswer('a9', 'high', { perspective: 'child' });
    engine.setAnswer('a9', 'mid', { perspective: 'worker' });
    engine.setComment('a9', 'Pas du même avis', { perspective: 'worker' });
    engine.setAnswer('a1', 'low', { perspective: 'worker' });
    assert.deepEqual(engine.answer('a9'), {
      perspectives: { child: { value: 'high' }, worker: { value: 'mid', comment: 'Pas du même avis' } },
    });
    assert.deepEqual(engine.answer('a1'), { value: 'low', perspective: 'worker' });
    engine.clearAnswer('a9', { perspective: 'child' });
    assert.deepEqual(Object.keys(engine.answer('a9')!.perspectives!), ['worker']);
  });

  it('refuses a perspective the item does not collect, or none where one is needed', () => {
    const engine = createEngine(sampleInstrument());
    throwsCode(() => engine.setAnswer('a9', 'high'), 'perspective-required');
    throwsCode(() => engine.setAnswer('a9', 'high', { perspective: 'judge' }), 'unknown-perspective');
    throwsCode(() => engine.setAnswer('a1', 'high', { perspective: 'judge' }), 'unknown-perspective');
  });

  it('tells subscribers what changed, and stops when asked', () => {
    const engine = createEngine(sampleInstrument());
    const seen: EngineChange[] = [];
    const stop = engine.subscribe((c) => seen.push(c));
    engine.setAnswer('a9', 'high', { perspective: 'child' });
    engine.setAgeBand('teen');
    engine.setSession({ territory: 'Sud' });
    engine.addObjective('a');
    stop();
    engine.setAnswer('a1', 'high');
    assert.deepEqual(seen, [
      { type: 'answer', itemId: 'a9', perspective: 'child' },
      { type: 'age-band' },
      { type: 'session' },
      { type: 'plan', sectionId: 'a' },
    ]);
  });

  it('manages participants without losing the others', () => {
    const engine = createEngine(sampleInstrument());
    const a = engine.addParticipant({ organisation: 'CLSC', role: 'Intervenante' });
    const b = engine.addParticipant({ organisation: 'Maison de la famille', parentPartner: true });
    engine.updateParticipant(a, { name: 'Lou', role: '' });
    engine.removeParticipant(b);
    assert.deepEqual(engine.session.participants, [{ id: a, organisation: 'CLSC', name: 'Lou' }]);
    throwsCode(() => engine.setSession({ date: '2026-02-31' }), 'invalid-date');
    throwsCode(() => engine.addObjective('b'), 'unknown-section');
  });
});

describe('results', () => {
  const filled = () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'teen', now: clock() });
    engine.setSession({ date: '2026-03-01', territory: 'Nord', subjectId: 'ENF-0042' });
    engine.addParticipant({ organisation: 'CLSC', parentPartner: false });
    engine.setAnswer('a1', 'high');
    engine.setAnswer('a2', 'mid');
    engine.setAnswer('a5', 4);
    engine.setAnswer('a9', 'low', { perspective: 'child' });
    const o = engine.addObjective('a', 'Consolider la routine');
    engine.addAction('a', o, { what: 'Horaire affiché', who: 'Famille', due: '2026-04-01' });
    return engine;
  };

  it('toResult() is valid against the result schema, for an empty and a filled engine', () => {
    for (const engine of [createEngine(sampleInstrument()), filled()]) {
      const parsed = parseResult(engine.toResult());
      assert.equal(parsed.ok, true, JSON.stringify(!parsed.ok && parsed.problems));
    }
  });

  it('marks a result complete only when asked and valid', () => {
    const engine = filled();
    assert.equal(engine.toResult().status, 'draft');
    assert.equal(engine.toResult({ complete: true }).status, 'complete');
    engine.clearAnswer('a1');
    assert.equal(engine.toResult({ complete: true }).status, 'draft');
  });

  it('records instrument, version, locale, band, session, plans, summaries and timestamps', () => {
    const result = filled().toResult();
    assert.deepEqual(result.instrument, { id: 'sample', version: '1.2.0' });
    assert.equal(result.locale, 'fr');
    assert.equal(result.ageBand, 'teen');
    assert.equal(result.session.subjectId, 'ENF-0042');
    assert.equal(result.actionPlans.a!.objectives[0]!.actions[0]!.due, '2026-04-01');
    assert.equal(result.summaries.tallies.level!.sections.a!.counted, 2);
    assert.equal(result.createdAt, '2026-03-01T10:00:00.000Z');
  });

  it('gives the host a copy: changing the result does not change the engine', () => {
    const engine = filled();
    const result = engine.toResult();
    result.answers.a1!.value = 'low';
    assert.equal(engine.answer('a1')?.value, 'high');
  });

  it('resumes from its own result to the same state', () => {
    const first = filled();
    const result = first.toResult();
    const resumed = createEngine(sampleInstrument(), { result, now: clock('2027-01-01T00:00:00.000Z') });
    assert.deepEqual(resumed.toResult(), result);
  });

  it('resumes a result that went through JSON and lost its summaries', () => {
    const result = JSON.parse(JSON.stringify(filled().toResult()));
    delete result.summaries;
    delete result.status;
    const resumed = createEngine(sampleInstrument(), { result });
    assert.equal(resumed.summaries().tallies.level!.sections.a!.counted, 2);
  });

  it('keeps answers to items it does not know and reports them', () => {
    const result = filled().toResult();
    result.answers['old-item'] = { value: 'kept' };
    const resumed = createEngine(sampleInstrument(), { result });
    assert.deepEqual(resumed.summaries().unknownItems, ['old-item']);
    assert.deepEqual(resumed.toResult().answers['old-item'], { value: 'kept' });
  });

  const refused: [string, (r: any) => void, string, (params: any) => void][] = [
    ['a result of another instrument', (r) => (r.instrument.id = 'pin-grid'), 'instrument-mismatch', (p) => assert.deepEqual(p, { expected: 'sample', found: 'pin-grid' })],
    ['a result of another MAJOR version', (r) => (r.instrument.version = '0.9.0'), 'version-mismatch', (p) => assert.deepEqual(p, { expected: '1.2.0', found: '0.9.0' })],
    ['a result with an unknown age band', (r) => (r.ageBand = 'adult'), 'unknown-age-band', (p) => assert.equal(p.ageBand, 'adult')],
    ['a corrupt result', (r) => (r.answers = 'oops'), 'invalid-result', (p) => assert.equal(p.problems[0].path, 'answers')],
    ['a result with a broken date', (r) => (r.session.date = '2026-13-01'), 'invalid-result', (p) => assert.equal(p.problems[0].path, 'session.date')],
  ];
  for (const [what, change, code, check] of refused)
    it(`refuses ${what} with ${code}, and keeps what it had`, () => {
      const engine = filled();
      const before = engine.toResult();
      const result = JSON.parse(JSON.stringify(before));
      change(result);
      assert.throws(
        () => engine.load(result),
        (e: unknown) => {
          assert.ok(e instanceof EngineError);
          assert.equal(e.code, code);
          check(e.params);
          return true;
        },
      );
      assert.deepEqual(engine.toResult(), before);
    });

  it('refuses what is not a result at all', () => {
    for (const input of [null, 'draft', 3, []]) throwsCode(() => createEngine(sampleInstrument(), { result: input }), 'invalid-result');
  });
});
