// Follow-up over time (src/analysis/compare.ts) on the three bundled instruments: every direction,
// missing options never ordered, two versions with a renamed item, three years in a row.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compareRecords, compareResults, type Direction } from '../../src/analysis/index.js';
import { createEngine, EngineError, parseInstrument, type Engine } from '../../src/engine/index.js';
import type { Instrument } from '../../src/schema/index.js';
import { t } from './fixtures.js';

const read = (name: string) => {
  const parsed = parseInstrument(JSON.parse(readFileSync(new URL(`../../schemas/instruments/${name}.json`, import.meta.url), 'utf8')));
  assert.ok(parsed.ok);
  return parsed.value;
};
const ces = read('ces');
const needs = read('needs-grid');
const pin = read('pin-grid');

/** A record: the answers given (item → value, or voice → value), on a date. */
function record(instrument: Instrument, date: string, answers: Record<string, unknown>, options: { ageBand?: string; plan?: (e: Engine) => void } = {}) {
  const engine = createEngine(instrument, { ageBand: options.ageBand });
  engine.setSession({ date });
  for (const [id, value] of Object.entries(answers)) {
    if (value && typeof value === 'object' && !Array.isArray(value))
      for (const [perspective, v] of Object.entries(value)) engine.setAnswer(id, v as string, { perspective });
    else engine.setAnswer(id, value as string);
  }
  options.plan?.(engine);
  return engine.toResult();
}

const direction = (c: ReturnType<typeof compareResults>, itemId: string, perspective?: string): Direction | undefined =>
  c.changes.find((x) => x.itemId === itemId && x.perspective === perspective)?.direction;

describe('comparing a subject’s records', () => {
  it('PIN grid: every direction, and "don’t know" never ordered', () => {
    const before = record(pin, '2025-03-12', {
      'pin.ecosystemic.needs-together': 'partial',
      'pin.ecosystemic.targeted': 'implemented',
      'pin.ecosystemic.manageable': 'partial',
      'pin.ecosystemic.neighbourhood': 'not-implemented',
      'pin.participative.analysis': 'unknown',
      'pin.participative.decisions': 'partial',
    });
    const after = record(pin, '2026-03-10', {
      'pin.ecosystemic.needs-together': 'implemented', // better
      'pin.ecosystemic.targeted': 'partial', // worse
      'pin.ecosystemic.manageable': 'partial', // same
      'pin.participative.analysis': 'implemented', // from "don't know": not ordered
      'pin.participative.decisions': 'unknown', // to "don't know": not ordered
      'pin.participative.actions': 'partial', // new
    });
    const c = compareResults(pin, [before, after]);
    assert.deepEqual(c.dates, ['2025-03-12', '2026-03-10']);
    assert.equal(direction(c, 'pin.ecosystemic.needs-together'), 'improved');
    assert.equal(direction(c, 'pin.ecosystemic.targeted'), 'worsened');
    assert.equal(direction(c, 'pin.ecosystemic.manageable'), 'unchanged');
    assert.equal(direction(c, 'pin.ecosystemic.neighbourhood'), 'no-longer-answered');
    assert.equal(direction(c, 'pin.participative.analysis'), 'not-comparable');
    assert.equal(direction(c, 'pin.participative.decisions'), 'not-comparable');
    assert.equal(direction(c, 'pin.participative.actions'), 'newly-answered');
    const eco = c.sections.find((s) => s.sectionId === 'pin.ecosystemic')!;
    assert.deepEqual(eco.counts, { improved: 1, worsened: 1, unchanged: 1, 'newly-answered': 0, 'no-longer-answered': 1, 'not-comparable': 0 });
    assert.deepEqual(eco.improved, ['pin.ecosystemic.needs-together']);
    assert.deepEqual(eco.worsened, ['pin.ecosystemic.targeted']);
    const tally = c.tallies.find((t) => t.sectionId === 'pin.ecosystemic')!;
    assert.deepEqual([tally.previous, tally.current], ['partial', 'partial']);
  });

  it('needs grid: voices compared one by one, ratings ordered, text not ordered', () => {
    const before = record(needs, '2025-09-01', { 'needs.protection.rating': 'not-met', 'needs.protection.voices': { child: 'Peur le soir' }, 'needs.rules.rating': 'met' }, { ageBand: 'y6-11' });
    const after = record(needs, '2026-03-01', { 'needs.protection.rating': 'partly-met', 'needs.protection.voices': { child: 'Plus calme', parents: 'Ça va mieux' }, 'needs.rules.rating': 'not-assessed' }, { ageBand: 'y6-11' });
    const c = compareResults(needs, [before, after]);
    assert.equal(direction(c, 'needs.protection.rating'), 'improved');
    assert.equal(direction(c, 'needs.protection.voices', 'child'), 'not-comparable');
    assert.equal(direction(c, 'needs.protection.voices', 'parents'), 'newly-answered');
    assert.equal(direction(c, 'needs.rules.rating'), 'not-comparable', '"not assessed" is a missing option');
    const safety = c.tallies.find((t) => t.ruleId === 'safety' && t.sectionId === 'needs.safety')!;
    assert.deepEqual([safety.previous, safety.current], ['compromised', 'fragile']);
  });

  it('CÉS: three years in a row, yes/no ordered where the question says which is better, last year’s open actions', () => {
    const years = [
      record(ces, '2024-03-01', { 'ces.health.dentist': 'no', 'ces.health.concern': 'serious', 'ces.self-presentation.teased': 'yes' }, { ageBand: 'y10-14' }),
      record(ces, '2025-03-01', { 'ces.health.dentist': 'yes', 'ces.health.concern': 'some', 'ces.self-presentation.teased': 'yes' }, {
        ageBand: 'y10-14',
        plan: (e) => {
          const o = e.addObjective('ces.health', 'Suivi dentaire');
          e.addAction('ces.health', o, { what: 'Prendre rendez-vous', status: 'planned' });
          e.addAction('ces.health', o, { what: 'Acheter une brosse', status: 'done' });
        },
      }),
      record(ces, '2026-03-01', { 'ces.health.dentist': 'yes', 'ces.health.concern': 'none', 'ces.self-presentation.teased': 'no' }, { ageBand: 'y10-14' }),
    ];
    const c = compareResults(ces, years);
    const concern = c.changes.find((x) => x.itemId === 'ces.health.concern')!;
    assert.deepEqual(concern.history, ['serious', 'some', 'none']);
    assert.equal(concern.direction, 'improved');
    assert.equal(direction(c, 'ces.health.dentist'), 'unchanged');
    assert.equal(direction(c, 'ces.self-presentation.teased'), 'improved', 'no longer teased is better');
    assert.deepEqual(
      c.previousActions.map((a) => [a.action.what, a.open]),
      [['Prendre rendez-vous', true], ['Acheter une brosse', false]],
    );
  });

  it('across two versions: a renamed item compares by its new id; an item this version lacks is listed, not dropped', () => {
    const v1 = { ...pin, version: '1.0.0' } as Instrument;
    const draft = structuredClone(pin) as Record<string, any>;
    draft.version = '2.0.0';
    draft.sections[0].items[0].id = 'pin.ecosystemic.whole-picture';
    draft.sections[1].items = draft.sections[1].items.filter((i: { id: string }) => i.id !== 'pin.participative.evaluation');
    draft.migrations = [{ from: 1, renamed: { 'pin.ecosystemic.needs-together': 'pin.ecosystemic.whole-picture' } }];
    const parsed = parseInstrument(draft);
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
    const v2 = parsed.value;
    const before = record(v1, '2025-03-01', { 'pin.ecosystemic.needs-together': 'partial', 'pin.participative.evaluation': 'implemented' });
    const after = record(v2, '2026-03-01', { 'pin.ecosystemic.whole-picture': 'implemented' });
    const c = compareResults(v2, [before, after]);
    assert.equal(direction(c, 'pin.ecosystemic.whole-picture'), 'improved');
    assert.deepEqual(c.removedItems, ['pin.participative.evaluation']);
  });

  it('a result of another instrument or an unknown MAJOR is refused', () => {
    const other = record(ces, '2025-03-01', {}, { ageBand: 'y10-14' });
    const mine = record(pin, '2026-03-01', {});
    assert.throws(() => compareResults(pin, [other, mine]), (e: unknown) => e instanceof EngineError && e.code === 'instrument-mismatch');
    const future = { ...mine, instrument: { id: 'pin-grid', version: '9.0.0' } };
    assert.throws(() => compareResults(pin, [future, mine]), (e: unknown) => e instanceof EngineError && e.code === 'version-mismatch');
  });
});

// A small instrument built for these tests: every kind of ordered item, a condition, voices, a tally,
// one section with an action plan and one without. `wide` is the same instrument with three more
// items (same id and version), to produce records holding answers that `mini` no longer has.
const miniSource = {
  id: 'mini',
  version: '1.0.0',
  title: t('Mini'),
  source: { note: t('Note'), licence: t('Licence'), illustrative: true },
  perspectives: [
    { id: 'child', label: t('Enfant', 'Child') },
    { id: 'worker', label: t('Intervenant', 'Worker') },
  ],
  scales: [
    {
      id: 'grade',
      better: 'last',
      options: [
        { code: 'poor', label: t('Faible') },
        { code: 'fair', label: t('Moyen') },
        { code: 'good', label: t('Bon') },
        { code: 'na', label: t('Ne sais pas'), missing: true },
      ],
    },
  ],
  sections: [
    {
      id: 'm.a',
      kind: 'theme',
      title: t('A'),
      actionPlan: {},
      items: [
        { id: 'up', type: 'number', label: t('Up'), better: 'higher' },
        { id: 'down', type: 'number', label: t('Down'), better: 'lower' },
        { id: 'yn', type: 'yes-no', label: t('YN'), better: 'yes' },
        { id: 'txt', type: 'short-text', label: t('Txt') },
        { id: 'grade', type: 'single-choice', scale: 'grade', label: t('Grade') },
        { id: 'grade-first', type: 'single-choice', scale: 'grade', label: t('Grade first'), better: 'first' },
        { id: 'never', type: 'short-text', label: t('Never') },
        { id: 'gate', type: 'yes-no', label: t('Gate') },
        { id: 'gated', type: 'short-text', label: t('Gated'), visibleWhen: { item: 'gate', op: 'equals', value: 'yes' } },
        { id: 'gated-voices', type: 'short-text', label: t('Gated voices'), perspectives: ['child', 'worker'], visibleWhen: { item: 'gate', op: 'equals', value: 'yes' } },
      ],
    },
    {
      id: 'm.b',
      kind: 'theme',
      title: t('B'),
      items: [{ id: 'b1', type: 'single-choice', scale: 'grade', label: t('B1') }],
    },
    {
      id: 'm.c',
      kind: 'theme',
      title: t('C'),
      visibleWhen: { item: 'gate', op: 'equals', value: 'yes' },
      items: [{ id: 'c1', type: 'single-choice', scale: 'grade', label: t('C1') }],
    },
  ],
  summary: {
    tallies: [
      {
        id: 'grades',
        sectionKind: 'theme',
        scale: 'grade',
        statuses: [
          { id: 'none', label: t('Aucun'), when: [{ maxCount: 0 }] },
          { id: 'good', label: t('Bon'), when: [{ level: 'good', minShare: 0.5 }] },
          { id: 'poor', label: t('Faible'), when: [{ level: 'poor', minShare: 0.5 }] },
          { id: 'mixed', label: t('Mixte') },
        ],
      },
    ],
  },
};
const parseFixture = (source: unknown): Instrument => {
  const parsed = parseInstrument(structuredClone(source));
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
  return parsed.value;
};
const mini = parseFixture(miniSource);
const wideSource = structuredClone(miniSource) as Record<string, any>;
wideSource.sections[1].items.push(
  { id: 'old1', type: 'short-text', label: t('Old 1') },
  { id: 'old2', type: 'short-text', label: t('Old 2') },
  { id: 'old3', type: 'short-text', label: t('Old 3') },
);
const wide = parseFixture(wideSource);

describe('comparing records: the details', () => {
  it('needs at least two results, and says so', () => {
    const one = record(mini, '2026-01-01', { up: 1 });
    for (const results of [[], [one]])
      assert.throws(() => compareResults(mini, results), (e: unknown) => e instanceof RangeError && e.message === 'compareResults needs at least two results');
    assert.doesNotThrow(() => compareResults(mini, [one, one]));
  });

  it('three records: each history in order, previous the second-to-last, current the last', () => {
    const years = [
      record(wide, '2024-01-01', { up: 1, grade: 'poor', txt: 'seul', old1: 'a' }),
      record(wide, '2025-01-01', { up: 5, grade: 'fair', gate: 'yes', gated: 'alors', old2: 'b' }),
      record(wide, '2026-01-01', { up: 3, grade: 'good', old3: 'c' }),
    ];
    const c = compareResults(mini, years);
    assert.deepEqual(c.dates, ['2024-01-01', '2025-01-01', '2026-01-01']);
    const up = c.changes.find((x) => x.itemId === 'up')!;
    assert.deepEqual(up.history, [1, 5, 3]);
    assert.equal(up.previous, 5);
    assert.equal(up.current, 3);
    assert.equal(up.direction, 'worsened');
    const grade = c.changes.find((x) => x.itemId === 'grade')!;
    assert.deepEqual([grade.history, grade.previous, grade.current, grade.direction], [['poor', 'fair', 'good'], 'fair', 'good', 'improved']);
    // Answered only the first year: neither then-nor-now, so unchanged (not "newly answered").
    const txt = c.changes.find((x) => x.itemId === 'txt')!;
    assert.deepEqual([txt.history, txt.previous, txt.current, txt.direction], [['seul', undefined, undefined], undefined, undefined, 'unchanged']);
    // Shown and answered last year, hidden and unanswered now: not compared.
    assert.equal(c.changes.find((x) => x.itemId === 'gated'), undefined);
    // The items the earlier records hold and this version lacks, not the current record's.
    assert.deepEqual(c.removedItems, ['old1', 'old2']);
    const tally = c.tallies.find((x) => x.ruleId === 'grades' && x.sectionId === 'm.a')!;
    assert.deepEqual(tally.history, ['poor', 'mixed', 'good']);
    assert.equal(tally.previous, 'mixed');
    assert.equal(tally.current, 'good');
    // Section C was shown last year only (the gate): its tally is not followed now.
    assert.deepEqual(c.tallies.map((x) => x.sectionId), ['m.a', 'm.b']);
  });

  it('a tally is followed for the sections the current record shows, with null where one was hidden', () => {
    const before = record(mini, '2025-01-01', { grade: 'poor' });
    const after = record(mini, '2026-01-01', { grade: 'poor', gate: 'yes', c1: 'good' });
    const c = compareResults(mini, [before, after]);
    assert.deepEqual(
      c.tallies.map((x) => [x.ruleId, x.sectionId, x.history, x.previous, x.current]),
      [
        ['grades', 'm.a', ['poor', 'poor'], 'poor', 'poor'],
        ['grades', 'm.b', ['none', 'none'], 'none', 'none'],
        ['grades', 'm.c', [null, 'good'], null, 'good'],
      ],
    );
  });

  it('numbers, yes/no and scales move on the order the instrument declares', () => {
    const before = record(mini, '2025-01-01', { up: 2, down: 2, yn: 'unknown', grade: 'poor', 'grade-first': 'poor', txt: 'même', b1: 'good' });
    const after = record(mini, '2026-01-01', { up: 5, down: 5, yn: 'yes', grade: 'fair', 'grade-first': 'fair', txt: 'même', b1: 'good' });
    const c = compareResults(mini, [before, after]);
    assert.equal(direction(c, 'up'), 'improved', 'higher is better');
    assert.equal(direction(c, 'down'), 'worsened', 'lower is better');
    assert.equal(direction(c, 'yn'), 'not-comparable', '"don’t know" is never ordered');
    assert.equal(direction(c, 'grade'), 'improved', 'the scale’s last option is the best');
    assert.equal(direction(c, 'grade-first'), 'worsened', 'the item says its first option is the best');
    assert.equal(direction(c, 'txt'), 'unchanged', 'the same text, not ordered, is unchanged');
    assert.equal(direction(c, 'b1'), 'unchanged');

    const back = compareResults(mini, [after, before]);
    assert.equal(direction(back, 'up'), 'worsened');
    assert.equal(direction(back, 'down'), 'improved');
    assert.equal(direction(back, 'grade'), 'worsened');
    assert.equal(direction(back, 'grade-first'), 'improved');

    const yn = (a: string | undefined, b: string | undefined) =>
      direction(compareResults(mini, [record(mini, '2025-01-01', a ? { yn: a } : {}), record(mini, '2026-01-01', b ? { yn: b } : {})]), 'yn');
    assert.equal(yn('no', 'yes'), 'improved');
    assert.equal(yn('yes', 'no'), 'worsened');
    assert.equal(yn('yes', 'unknown'), 'not-comparable');
    assert.equal(yn(undefined, 'no'), 'newly-answered');
    assert.equal(yn('no', undefined), 'no-longer-answered');
  });

  it('an empty answer in a stored record counts as no answer', () => {
    const before = record(mini, '2025-01-01', { txt: 'x', up: 1 });
    const emptied = structuredClone(before) as Record<string, any>;
    emptied.answers.txt = { value: '' };
    const after = record(mini, '2026-01-01', { txt: 'y', up: 1 });
    assert.equal(direction(compareResults(mini, [emptied, after]), 'txt'), 'newly-answered');
    assert.equal(direction(compareResults(mini, [after, emptied]), 'txt'), 'no-longer-answered');
  });

  it('which items are compared: hidden ones only when answered now, never-answered ones not at all', () => {
    const before = record(mini, '2025-01-01', { gate: 'yes', gated: 'avant', up: 1 });
    const after = record(mini, '2026-01-01', { gate: 'no', gated: 'encore', 'gated-voices': { child: 'moi' }, up: 1 });
    const c = compareResults(mini, [before, after]);
    assert.equal(direction(c, 'gated'), 'not-comparable', 'hidden now but answered now: still compared');
    assert.deepEqual(
      c.changes.filter((x) => x.itemId === 'gated-voices').map((x) => [x.perspective, x.history]),
      [['child', [undefined, 'moi']]],
      'a voice answered in no record is left out',
    );
    assert.equal(c.changes.find((x) => x.itemId === 'never'), undefined, 'answered in no record: not listed');
    const up = c.changes.find((x) => x.itemId === 'up')!;
    assert.equal(Object.hasOwn(up, 'perspective'), false, 'no perspective key on a single answer');
    assert.equal(c.changes.find((x) => x.itemId === 'gated-voices')!.perspective, 'child');
  });

  it('each section lists exactly its improved, worsened and newly answered items', () => {
    const before = record(mini, '2025-01-01', { up: 1, down: 1, txt: 'a', grade: 'good' });
    const after = record(mini, '2026-01-01', { up: 2, down: 2, txt: 'a', grade: 'good', yn: 'yes', b1: 'fair' });
    const c = compareResults(mini, [before, after]);
    const a = c.sections.find((s) => s.sectionId === 'm.a')!;
    assert.deepEqual(a.improved, ['up']);
    assert.deepEqual(a.worsened, ['down']);
    assert.deepEqual(a.newlyAnswered, ['yn']);
    assert.deepEqual(a.counts, { improved: 1, worsened: 1, unchanged: 2, 'newly-answered': 1, 'no-longer-answered': 0, 'not-comparable': 0 });
    const b = c.sections.find((s) => s.sectionId === 'm.b')!;
    assert.deepEqual([b.improved, b.worsened, b.newlyAnswered], [[], [], ['b1']]);
  });

  it('an open action is the engine’s: one that does not say what it is yet is open neither in the summaries nor in the comparison', () => {
    const before = record(mini, '2025-01-01', { up: 1 }, {
      plan: (e) => {
        const o = e.addObjective('m.a', 'Objectif');
        e.addAction('m.a', o, { what: 'Prévu', status: 'planned' });
        e.addAction('m.a', o, { what: '   ', status: 'in-progress' });
      },
    });
    const engine = createEngine(mini);
    engine.load(before);
    const open = engine.summaries().actions['m.a']!.open;
    const c = compareResults(mini, [before, record(mini, '2026-01-01', { up: 2 })]);
    assert.equal(open, 1);
    assert.equal(c.previousActions.filter((a) => a.open).length, open);
  });

  it('compareRecords over loaded engines gives what compareResults gives over their results', () => {
    const results = [record(mini, '2024-01-01', { up: 1, down: 2 }), record(mini, '2025-01-01', { up: 2, yn: 'yes' }), record(mini, '2026-01-01', { up: 3, down: 1 })];
    const engines = results.map((r) => {
      const e = createEngine(mini);
      e.load(r);
      return e;
    });
    assert.deepEqual(compareRecords(engines), compareResults(mini, results));
    assert.throws(() => compareRecords(engines.slice(0, 1)), RangeError);
  });

  it('previous actions: open ones first, only from sections that have a plan', () => {
    const before = record(mini, '2025-01-01', { up: 1 }, {
      plan: (e) => {
        const o = e.addObjective('m.a', 'Objectif');
        e.addAction('m.a', o, { what: 'Fait', status: 'done' });
        e.addAction('m.a', o, { what: 'Prévu', status: 'planned' });
        e.addAction('m.a', o, { what: 'Aussi fait', status: 'done' });
      },
    }) as Record<string, any>;
    // A stored plan for a section this instrument gives none is not read.
    before.actionPlans['m.b'] = structuredClone(before.actionPlans['m.a']);
    const after = record(mini, '2026-01-01', { up: 2 });
    const c = compareResults(mini, [before, after]);
    assert.deepEqual(
      c.previousActions.map((x) => [x.sectionId, x.objectiveText, x.action.what, x.open]),
      [['m.a', 'Objectif', 'Prévu', true], ['m.a', 'Objectif', 'Fait', false], ['m.a', 'Objectif', 'Aussi fait', false]],
    );
  });
});
