import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine, parseInstrument } from '../../src/engine/index.js';
import { statusOf } from '../../src/engine/summaries.js';
import type { StatusCase, TallyEntry } from '../../src/schema/index.js';
import { sampleInstrument, t } from './fixtures.js';

describe('tallies and statuses', () => {
  it('counts each level, keeps "don\'t know" out of the counted total, and counts the unanswered', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'teen' });
    engine.setAnswer('a1', 'high');
    engine.setAnswer('a2', 'na');
    const entry = engine.summaries().tallies.level!.sections.a!;
    // a, the theme, holds a1, a2 and a9 on the scale (a9 collects perspectives and has no single value)
    assert.deepEqual(entry.counts, { high: 1, mid: 0, low: 0, na: 1 });
    assert.equal(entry.counted, 1);
    assert.equal(entry.missing, 1);
    assert.equal(entry.unanswered, 1);
    assert.equal(entry.status, 'strong');
  });

  it('tallies nested sections of the kind and only their visible items', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'child' });
    engine.setAnswer('bx1', 'low'); // hidden for this band
    engine.setAnswer('bx2', 'low');
    const entry = engine.summaries().tallies.level!.sections['b.x']!;
    assert.equal(entry.counted, 1);
    assert.equal(entry.counts.low, 1);
    assert.equal(entry.status, 'weak');
    assert.equal(engine.summaries().tallies.level!.sections.b, undefined, 'b is a group, not a theme');
  });

  it('counts sections per status', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'teen' });
    engine.setAnswer('a1', 'high');
    assert.deepEqual(engine.summaries().tallies.level!.statuses, { strong: 1, none: 1 });
  });

  const cases: StatusCase[] = [
    { id: 'none', label: t('n'), when: [{ maxCount: 0 }] },
    { id: 'half-known', label: t('h'), when: [{ maxShare: 0.49 }] },
    { id: 'strong', label: t('s'), when: [{ level: 'high', minShare: 0.75 }] },
    { id: 'two-low', label: t('l'), when: [{ level: 'low', minCount: 2, maxCount: 2 }] },
    { id: 'mixed', label: t('m') },
  ];
  const entry = (counts: Record<string, number>, missing = 0, unanswered = 0): TallyEntry => {
    const counted = Object.values(counts).reduce((a, b) => a + b, 0);
    return { counts, counted, missing, unanswered, status: null };
  };
  const rows: [string, TallyEntry, string][] = [
    ['nothing counted', entry({ high: 0 }, 2, 2), 'none'],
    ['fewer than half of the items counted', entry({ high: 1 }, 2, 0), 'half-known'],
    ['three high of four', entry({ high: 3, low: 1 }), 'strong'],
    ['exactly the share', entry({ high: 3, mid: 1 }), 'strong'],
    ['just under the share', entry({ high: 2, mid: 1 }), 'mixed'],
    ['missing answers do not dilute the share', entry({ high: 3, mid: 1 }, 1), 'strong'],
    ['a count bound', entry({ high: 1, mid: 1, low: 2 }), 'two-low'],
  ];
  for (const [what, e, expected] of rows) it(`${what} → ${expected}`, () => assert.equal(statusOf(cases, e)?.id, expected));
});

describe('progress, actions and what is kept aside', () => {
  it('reports progress per section and overall on visible items', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'teen' });
    engine.setAnswer('a1', 'high');
    engine.setAnswer('bx1', 'mid');
    const { progress } = engine.summaries();
    assert.deepEqual(progress.sections['b.x'], { answered: 1, total: 2, required: 0, requiredAnswered: 0, percent: 50 });
    assert.deepEqual(progress.sections.b, { answered: 1, total: 2, required: 0, requiredAnswered: 0, percent: 50 });
    // a: a1–a10 minus a4 (hidden) = 9 visible, 2 required
    assert.deepEqual(progress.sections.a, { answered: 1, total: 9, required: 2, requiredAnswered: 1, percent: 11 });
    assert.equal(progress.overall.total, 11);
    assert.equal(progress.overall.answered, 2);
  });

  it('a section whose questions are all hidden reads 100 %, with nothing to answer', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'baby' });
    assert.deepEqual(engine.summaries().progress.sections['b.x'], { answered: 0, total: 0, required: 0, requiredAnswered: 0, percent: 100 });
  });

  it('keeps answers hidden by a band change and reports them out of scope', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'teen' });
    engine.setAnswer('bx1', 'mid');
    engine.setAgeBand('child');
    assert.deepEqual(engine.summaries().outOfScope, ['bx1']);
    assert.equal(engine.answer('bx1')?.value, 'mid');
    assert.equal(engine.toResult().answers.bx1?.value, 'mid');
    engine.setAgeBand('teen');
    assert.deepEqual(engine.summaries().outOfScope, []);
  });

  it('keeps answers hidden by a condition', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'teen' });
    engine.setAnswer('a3', 'yes');
    engine.setAnswer('a4', 'Une longue réponse');
    engine.setAnswer('a3', 'no');
    assert.deepEqual(engine.summaries().outOfScope, ['a4']);
    assert.equal(engine.toResult().answers.a4?.value, 'Une longue réponse');
  });

  it('reports voices that disagree on a closed question', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'teen' });
    engine.setAnswer('a9', 'high', { perspective: 'child' });
    engine.setAnswer('a9', 'high', { perspective: 'worker' });
    assert.deepEqual(engine.summaries().disagreements, []);
    engine.setAnswer('a9', 'low', { perspective: 'worker' });
    assert.deepEqual(engine.summaries().disagreements, ['a9']);
  });

  it('never reads 100 % before the last answer: 199 of 200 is 99 %, and 1 of 200 is 0 %', () => {
    for (const completion of ['all', 'required'] as const) {
      const parsed = parseInstrument({
        id: 'long',
        version: '1.0.0',
        title: t('Long'),
        source: { note: t('n'), licence: t('l'), illustrative: true },
        sections: [{ id: 's', kind: 'k', title: t('S'), items: Array.from({ length: 200 }, (_, i) => ({ id: `q${i}`, type: 'yes-no', label: t(`Q${i}`), required: true })) }],
        summary: { completion },
      });
      assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
      const engine = createEngine(parsed.value);
      engine.setAnswer('q0', 'yes');
      assert.equal(engine.summaries().progress.overall.percent, 0, `${completion}: 1 of 200`);
      for (let i = 1; i < 199; i++) engine.setAnswer(`q${i}`, 'no');
      assert.equal(engine.summaries().progress.overall.percent, 99, `${completion}: 199 of 200`);
      assert.equal(engine.summaries().progress.sections.s!.percent, 99, `${completion}: the section too`);
      engine.setAnswer('q199', 'no');
      assert.equal(engine.summaries().progress.overall.percent, 100, `${completion}: all answered`);
    }
  });

  it('counts objectives, actions and open actions per section', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'teen' });
    const o = engine.addObjective('a', 'Objectif');
    engine.addAction('a', o, { what: 'Un', status: 'planned' });
    engine.addAction('a', o, { what: 'Deux', status: 'in-progress' });
    engine.addAction('a', o, { what: 'Trois', status: 'done' });
    engine.addAction('a', o, { what: 'Quatre', status: 'dropped' });
    assert.deepEqual(engine.summaries().actions.a, { objectives: 1, actions: 4, open: 2 });
    // An action that does not say what it is yet is counted, but not as open work.
    const blank = engine.addAction('a', o, { status: 'planned' });
    assert.deepEqual(engine.summaries().actions.a, { objectives: 1, actions: 5, open: 2 });
    engine.updateAction('a', o, blank, { what: 'Cinq' });
    assert.deepEqual(engine.summaries().actions.a, { objectives: 1, actions: 5, open: 3 });
  });
});
