// Follow-up over time (src/analysis/compare.ts) on the three bundled instruments: every direction,
// missing options never ordered, two versions with a renamed item, three years in a row.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compareResults, type Direction } from '../../src/analysis/index.js';
import { createEngine, EngineError, parseInstrument, type Engine } from '../../src/engine/index.js';
import type { Instrument } from '../../src/schema/index.js';

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
