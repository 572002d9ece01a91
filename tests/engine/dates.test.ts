import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { datePartsOf, readDateParts, yearBefore } from '../../src/engine/dates.js';
import { createEngine, parseResult } from '../../src/engine/index.js';
import { sampleInstrument } from './fixtures.js';

const parts = (day: string, month: string, year: string) => ({ day, month, year });

describe('a date typed in three fields', () => {
  const rows: [string, ReturnType<typeof parts>, string | undefined, string | undefined, string[]][] = [
    ['a real date', parts('12', '3', '2026'), '2026-03-12', undefined, []],
    ['leading zeros and spaces', parts(' 01', '03 ', '2026'), '2026-03-01', undefined, []],
    ['nothing typed', parts('', ' ', ''), undefined, undefined, []],
    ['31 February', parts('31', '2', '2026'), undefined, 'invalid-date', ['day']],
    ['29 February of a leap year', parts('29', '2', '2024'), '2024-02-29', undefined, []],
    ['29 February of 2100', parts('29', '2', '2100'), undefined, 'invalid-date', ['day']],
    ['month 13', parts('1', '13', '2026'), undefined, 'invalid-date', ['month']],
    ['not digits (the ISO date typed in the year)', parts('12', '3', '2026-03-12'), undefined, 'invalid-date', ['year']],
    ['a two-digit year', parts('12', '3', '26'), undefined, 'date-year-digits', ['year']],
    ['a missing month', parts('12', '', '2026'), undefined, 'date-incomplete', ['month']],
    ['year 6031', parts('2', '2', '6031'), undefined, 'date-out-of-range', ['year']],
    ['year 1850', parts('2', '2', '1850'), undefined, 'date-out-of-range', ['year']],
    ['the first and last days of the range', parts('1', '1', '1900'), '1900-01-01', undefined, []],
    ['the last day of the range', parts('31', '12', '2100'), '2100-12-31', undefined, []],
    ['year 2101, just past the range', parts('1', '1', '2101'), undefined, 'date-out-of-range', ['year']],
    ['month 0', parts('1', '0', '2026'), undefined, 'invalid-date', ['month']],
    ['a month of three digits', parts('1', '012', '2026'), undefined, 'invalid-date', ['month']],
    ['a day of three digits', parts('012', '3', '2026'), undefined, 'invalid-date', ['day']],
    ['spaces around the year', parts('12', '3', ' 2026 '), '2026-03-12', undefined, []],
  ];
  for (const [name, typed, value, code, wrong] of rows)
    it(name, () => {
      const reading = readDateParts(typed);
      assert.equal(reading.value, value);
      assert.equal(reading.problem?.code, code);
      assert.deepEqual(reading.problem?.wrong ?? [], wrong);
    });

  it('a problem names what is missing, and the range a year must be in', () => {
    assert.deepEqual(readDateParts(parts('', '', '2026')).problem, { code: 'date-incomplete', params: { missing: 'day,month' }, wrong: ['day', 'month'] });
    assert.deepEqual(readDateParts(parts('1', '1', '1899')).problem, { code: 'date-out-of-range', params: { min: 1900, max: 2100 }, wrong: ['year'] });
  });

  it('the same day a year earlier keeps four digits of year', () => {
    assert.equal(yearBefore('2026-03-12'), '2025-03-12');
    assert.equal(yearBefore('1000-01-01'), '0999-01-01');
  });

  it('a stored date shows without leading zeros', () => {
    assert.deepEqual(datePartsOf('2026-03-02'), parts('2', '3', '2026'));
    assert.deepEqual(datePartsOf(undefined), parts('', '', ''));
  });
});

describe('dates in the engine', () => {
  it('a typed date that is not one stores no date, is kept as typed and is an issue until it is one', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'teen' });
    engine.setSession({ date: '2026-03-01' });
    engine.enterDate({ kind: 'session', field: 'date' }, parts('31', '2', '2026'));
    assert.equal(engine.session.date, undefined);
    assert.deepEqual(engine.typedDate({ kind: 'session', field: 'date' }), parts('31', '2', '2026'));
    const issue = engine.validate().find((i) => i.itemId === 'session.date');
    assert.equal(issue?.code, 'invalid-date');
    engine.enterDate({ kind: 'session', field: 'date' }, parts('28', '2', '2026'));
    assert.equal(engine.session.date, '2026-02-28');
    assert.equal(engine.validate().find((i) => i.itemId === 'session.date'), undefined);
    engine.setSession({ date: '2026-03-12' });
    assert.equal(engine.typedDate({ kind: 'session', field: 'date' }), undefined, 'another value replaces what was typed');
  });

  it('a date question typed wrong says so rather than "required"', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'teen' });
    engine.enterDate({ kind: 'item', itemId: 'a6' }, parts('12', '', '2026'));
    assert.deepEqual(engine.validate().filter((i) => i.itemId === 'a6').map((i) => [i.code, i.params]), [['date-incomplete', { missing: 'month' }]]);
  });

  it('a year outside 1900–2100 is refused by the setters, the validation and the result schema', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'teen' });
    assert.throws(() => engine.setSession({ date: '6031-02-02' }), /invalid-date/);
    engine.setAnswer('a6', '2150-01-01');
    assert.ok(engine.validate().some((i) => i.itemId === 'a6' && i.code === 'date-out-of-range'));
    const result = { ...createEngine(sampleInstrument(), { ageBand: 'teen' }).toResult(), session: { date: '6031-02-02' } };
    assert.equal(parseResult(result).ok, false);
  });

  it('an action due more than a year before the meeting is an issue; a year before to the day is not', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'teen' });
    const section = sampleInstrument().sections.find((s) => s.actionPlan)!.id;
    engine.setSession({ date: '2026-03-12' });
    const objective = engine.addObjective(section, 'Objectif');
    const action = engine.addAction(section, objective, { what: 'Appeler', due: '2025-03-11' });
    const codes = () => engine.validate().filter((i) => i.itemId === `plan.${section}.${objective}.${action}.due`).map((i) => [i.code, i.params]);
    assert.deepEqual(codes(), [['due-before-session', { session: '2026-03-12', years: 1 }]]);
    engine.updateAction(section, objective, action, { due: '2025-03-12' });
    assert.deepEqual(codes(), []);
  });
});
