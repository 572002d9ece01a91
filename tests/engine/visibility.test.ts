import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../../src/engine/index.js';
import { parseInstrument } from '../../src/engine/index.js';
import type { Condition, Instrument } from '../../src/schema/index.js';
import { sampleInstrument, t } from './fixtures.js';

/** An instrument whose item `target` is shown when `condition` holds, with one item of each kind to test on. */
function withCondition(condition: Condition): Instrument {
  const parsed = parseInstrument({
    id: 'c',
    version: '1.0.0',
    title: t('C'),
    source: { note: t('n'), licence: t('l'), illustrative: true },
    ageBands: [
      { id: 'young', label: t('y'), minMonths: 0, maxMonths: 59 },
      { id: 'old', label: t('o'), minMonths: 60, maxMonths: 215 },
    ],
    perspectives: [{ id: 'child', label: t('c') }, { id: 'worker', label: t('w') }],
    scales: [{ id: 's', options: [{ code: 'x', label: t('x') }, { code: 'y', label: t('y') }, { code: 'z', label: t('z') }] }],
    sections: [
      {
        id: 'sec',
        kind: 'k',
        title: t('S'),
        items: [
          { id: 'yn', type: 'yes-no', label: t('yn') },
          { id: 'one', type: 'single-choice', scale: 's', label: t('one') },
          { id: 'many', type: 'multiple-choice', scale: 's', label: t('many') },
          { id: 'num', type: 'number', label: t('num') },
          { id: 'day', type: 'date', label: t('day') },
          { id: 'voices', type: 'single-choice', scale: 's', label: t('v'), perspectives: ['child', 'worker'] },
          { id: 'target', type: 'short-text', label: t('target'), visibleWhen: condition },
        ],
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

describe('visibility conditions', () => {
  type Setup = (e: ReturnType<typeof createEngine>) => void;
  const none: Setup = () => {};
  const rows: [string, Condition, Setup, boolean][] = [
    ['equals, matching', { item: 'yn', op: 'equals', value: 'yes' }, (e) => e.setAnswer('yn', 'yes'), true],
    ['equals, other answer', { item: 'yn', op: 'equals', value: 'yes' }, (e) => e.setAnswer('yn', 'no'), false],
    ['equals, unanswered', { item: 'yn', op: 'equals', value: 'yes' }, none, false],
    ['not-equals, unanswered', { item: 'yn', op: 'not-equals', value: 'yes' }, none, true],
    ['not-equals, matching', { item: 'yn', op: 'not-equals', value: 'yes' }, (e) => e.setAnswer('yn', 'yes'), false],
    ['in, one of them', { item: 'one', op: 'in', value: ['x', 'y'] }, (e) => e.setAnswer('one', 'y'), true],
    ['in, none of them', { item: 'one', op: 'in', value: ['x', 'y'] }, (e) => e.setAnswer('one', 'z'), false],
    ['not-in, none of them', { item: 'one', op: 'not-in', value: ['x', 'y'] }, (e) => e.setAnswer('one', 'z'), true],
    ['includes, among the choices', { item: 'many', op: 'includes', value: 'y' }, (e) => e.setAnswer('many', ['x', 'y']), true],
    ['includes, not chosen', { item: 'many', op: 'includes', value: 'z' }, (e) => e.setAnswer('many', ['x', 'y']), false],
    ['includes on a single answer, the same', { item: 'one', op: 'includes', value: 'y' }, (e) => e.setAnswer('one', 'y'), true],
    ['includes on a single answer, another', { item: 'one', op: 'includes', value: 'y' }, (e) => e.setAnswer('one', 'x'), false],
    ['not-in, one of them', { item: 'one', op: 'not-in', value: ['x', 'y'] }, (e) => e.setAnswer('one', 'x'), false],
    ['not-in, unanswered', { item: 'one', op: 'not-in', value: ['x', 'y'] }, none, true],
    ['in, unanswered', { item: 'one', op: 'in', value: ['x', 'y'] }, none, false],
    ['not-equals, another answer', { item: 'yn', op: 'not-equals', value: 'yes' }, (e) => e.setAnswer('yn', 'no'), true],
    ['unanswered, answered', { item: 'num', op: 'unanswered' }, (e) => e.setAnswer('num', 0), false],
    ['any, no part holds', { any: [{ item: 'yn', op: 'equals', value: 'yes' }, { item: 'num', op: 'gt', value: 1 }] }, (e) => e.setAnswer('num', 1), false],
    ['not, the inner condition holds', { not: { item: 'yn', op: 'equals', value: 'yes' } }, (e) => e.setAnswer('yn', 'yes'), false],
    ['equals on a list answer', { item: 'many', op: 'equals', value: 'x' }, (e) => e.setAnswer('many', ['x']), false],
    ['answered', { item: 'num', op: 'answered' }, (e) => e.setAnswer('num', 0), true],
    ['answered, nothing', { item: 'num', op: 'answered' }, none, false],
    ['unanswered', { item: 'num', op: 'unanswered' }, none, true],
    ['gt, above', { item: 'num', op: 'gt', value: 2 }, (e) => e.setAnswer('num', 3), true],
    ['gt, equal', { item: 'num', op: 'gt', value: 2 }, (e) => e.setAnswer('num', 2), false],
    ['gte, equal', { item: 'num', op: 'gte', value: 2 }, (e) => e.setAnswer('num', 2), true],
    ['lt, below', { item: 'num', op: 'lt', value: 2 }, (e) => e.setAnswer('num', 1), true],
    ['lte, above', { item: 'num', op: 'lte', value: 2 }, (e) => e.setAnswer('num', 3), false],
    // Each comparison at its boundary, and just past it: an off-by-one (`<=` written `<`) shows here.
    ['lte, equal', { item: 'num', op: 'lte', value: 5 }, (e) => e.setAnswer('num', 5), true],
    ['lte, below', { item: 'num', op: 'lte', value: 5 }, (e) => e.setAnswer('num', 4), true],
    ['lt, equal', { item: 'num', op: 'lt', value: 5 }, (e) => e.setAnswer('num', 5), false],
    ['lt, above', { item: 'num', op: 'lt', value: 5 }, (e) => e.setAnswer('num', 6), false],
    ['gte, below', { item: 'num', op: 'gte', value: 5 }, (e) => e.setAnswer('num', 4), false],
    ['gte, above', { item: 'num', op: 'gte', value: 5 }, (e) => e.setAnswer('num', 6), true],
    ['gt, below', { item: 'num', op: 'gt', value: 5 }, (e) => e.setAnswer('num', 4), false],
    ['lte on dates, the same day', { item: 'day', op: 'lte', value: '2026-01-01' }, (e) => e.setAnswer('day', '2026-01-01'), true],
    ['lt on dates, the same day', { item: 'day', op: 'lt', value: '2026-01-01' }, (e) => e.setAnswer('day', '2026-01-01'), false],
    ['gte on dates, the same day', { item: 'day', op: 'gte', value: '2026-01-01' }, (e) => e.setAnswer('day', '2026-01-01'), true],
    ['gt on dates, the same day', { item: 'day', op: 'gt', value: '2026-01-01' }, (e) => e.setAnswer('day', '2026-01-01'), false],
    ['gt on dates, the day after', { item: 'day', op: 'gt', value: '2026-01-01' }, (e) => e.setAnswer('day', '2026-01-02'), true],
    ['lt on dates', { item: 'day', op: 'lt', value: '2026-01-01' }, (e) => e.setAnswer('day', '2025-12-31'), true],
    ['gt on a text answer to a number item', { item: 'num', op: 'gt', value: 2 }, (e) => e.setAnswer('num', 'abc'), false],
    ['age band, selected', { ageBand: ['old'] }, (e) => e.setAgeBand('old'), true],
    ['age band, other band', { ageBand: ['old'] }, (e) => e.setAgeBand('young'), false],
    ['age band, none selected', { ageBand: ['old'] }, none, false],
    ['all, every part holds', { all: [{ item: 'yn', op: 'equals', value: 'yes' }, { item: 'num', op: 'gt', value: 1 }] }, (e) => (e.setAnswer('yn', 'yes'), e.setAnswer('num', 5)), true],
    ['all, one part fails', { all: [{ item: 'yn', op: 'equals', value: 'yes' }, { item: 'num', op: 'gt', value: 1 }] }, (e) => e.setAnswer('yn', 'yes'), false],
    ['any, one part holds', { any: [{ item: 'yn', op: 'equals', value: 'yes' }, { item: 'num', op: 'gt', value: 1 }] }, (e) => e.setAnswer('num', 5), true],
    ['not', { not: { item: 'yn', op: 'equals', value: 'yes' } }, (e) => e.setAnswer('yn', 'no'), true],
    ['a perspective answer counts', { item: 'voices', op: 'equals', value: 'z' }, (e) => e.setAnswer('voices', 'z', { perspective: 'worker' }), true],
  ];
  for (const [what, condition, setup, expected] of rows)
    it(`${what} → ${expected ? 'shown' : 'hidden'}`, () => {
      const engine = createEngine(withCondition(condition));
      setup(engine);
      assert.equal(engine.isVisible('target'), expected);
    });

  it('a chain hides with its first link: an item hidden by its band hides the item that depends on it', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'teen' });
    engine.setAnswer('a3', 'yes');
    assert.equal(engine.isVisible('a4'), true);
    engine.setAnswer('a3', 'no');
    assert.equal(engine.isVisible('a4'), false);
  });

  it('a cascade hides whole: A shows B, B shows C; when A no longer shows B, C hides and its requirement no longer blocks', () => {
    const parsed = parseInstrument({
      id: 'cascade',
      version: '1.0.0',
      title: t('Cascade'),
      source: { note: t('n'), licence: t('l'), illustrative: true },
      sections: [
        {
          id: 's',
          kind: 'k',
          title: t('S'),
          items: [
            { id: 'a', type: 'yes-no', label: t('A') },
            { id: 'b', type: 'yes-no', label: t('B'), visibleWhen: { item: 'a', op: 'equals', value: 'yes' } },
            { id: 'c', type: 'short-text', label: t('C'), required: true, visibleWhen: { item: 'b', op: 'equals', value: 'yes' } },
          ],
        },
      ],
    });
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
    const engine = createEngine(parsed.value);
    engine.setAnswer('a', 'yes');
    engine.setAnswer('b', 'yes');
    assert.deepEqual([engine.isVisible('b'), engine.isVisible('c')], [true, true]);
    assert.deepEqual(engine.validate().map((i) => [i.itemId, i.code]), [['c', 'required']]);
    engine.setAnswer('a', 'no');
    assert.deepEqual([engine.isVisible('b'), engine.isVisible('c')], [false, false], 'C hides with B, though B keeps its answer');
    assert.deepEqual(engine.validate(), [], 'a hidden required item blocks nothing');
    assert.equal(engine.valid, true);
    assert.equal(engine.summaries().progress.overall.total, 1, 'only A is counted');
    engine.setAnswer('a', 'yes');
    assert.deepEqual([engine.isVisible('b'), engine.isVisible('c')], [true, true], 'B kept its answer, so C comes back with it');
  });

  it('sections and items follow the age band, nested ones through their parents', () => {
    const engine = createEngine(sampleInstrument());
    assert.deepEqual([engine.isVisible('bx1'), engine.isVisible('bx2'), engine.isVisible('b1')], [false, false, false]);
    engine.setAgeBand('child');
    assert.deepEqual([engine.isVisible('bx1'), engine.isVisible('bx2'), engine.isVisible('b1')], [false, true, false]);
    engine.setAgeBand('teen');
    assert.deepEqual([engine.isVisible('bx1'), engine.isVisible('bx2'), engine.isVisible('b1')], [true, true, false]);
    engine.setAgeBand('baby');
    assert.deepEqual([engine.isVisible('bx1'), engine.isVisible('bx2'), engine.isVisible('b1')], [false, false, true]);
  });

  it('an unknown id is not visible', () => {
    assert.equal(createEngine(sampleInstrument()).isVisible('nope'), false);
  });
});
