import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAgeBand } from '../../src/engine/age-bands.js';
import { ageBandFor, ageInMonths, createEngine, EngineError } from '../../src/engine/index.js';
import { sampleInstrument } from './fixtures.js';

const CES_BANDS = [
  { id: 'm0-12', label: { fr: 'a', en: 'a' }, minMonths: 0, maxMonths: 11 },
  { id: 'y1-2', label: { fr: 'a', en: 'a' }, minMonths: 12, maxMonths: 35 },
  { id: 'y3-4', label: { fr: 'a', en: 'a' }, minMonths: 36, maxMonths: 59 },
  { id: 'y5-9', label: { fr: 'a', en: 'a' }, minMonths: 60, maxMonths: 119 },
  { id: 'y10-14', label: { fr: 'a', en: 'a' }, minMonths: 120, maxMonths: 179 },
  { id: 'y15-17', label: { fr: 'a', en: 'a' }, minMonths: 180, maxMonths: 215 },
  { id: 'y18-21', label: { fr: 'a', en: 'a' }, minMonths: 216, maxMonths: 263 },
];

describe('age in completed months', () => {
  const rows: [string, string, number][] = [
    ['2025-03-10', '2025-03-10', 0],
    ['2025-03-10', '2025-04-09', 0],
    ['2025-03-10', '2025-04-10', 1],
    ['2024-03-10', '2025-03-09', 11], // the day before the first birthday
    ['2024-03-10', '2025-03-10', 12], // the first birthday itself
    ['2024-01-31', '2024-02-29', 1], // end of a shorter month completes the month
    ['2023-01-31', '2023-02-28', 1],
    ['2024-01-31', '2024-02-28', 0], // not yet: February 2024 has 29 days
    ['2024-02-29', '2025-02-28', 12], // born on a leap day
    ['2008-06-15', '2026-06-14', 215],
    ['2008-06-15', '2026-06-15', 216],
  ];
  for (const [birth, at, months] of rows)
    it(`${birth} → ${at} is ${months} months`, () => assert.equal(ageInMonths(birth, at), months));

  const errors: [string, string, string][] = [
    ['2026-01-02', '2026-01-01', 'birth-after-session'],
    ['2025-02-30', '2026-01-01', 'invalid-date'],
    ['2025-13-01', '2026-01-01', 'invalid-date'],
    ['10/03/2025', '2026-01-01', 'invalid-date'],
    ['2025-01-01', '', 'invalid-date'],
  ];
  for (const [birth, at, code] of errors)
    it(`${birth} → ${at || '(empty)'} throws ${code}`, () =>
      assert.throws(() => ageInMonths(birth, at), (e: unknown) => e instanceof EngineError && e.code === code));
});

describe('age bands', () => {
  const rows: [number, string | undefined][] = [
    [0, 'm0-12'],
    [11, 'm0-12'],
    [12, 'y1-2'],
    [35, 'y1-2'],
    [36, 'y3-4'],
    [59, 'y3-4'],
    [60, 'y5-9'],
    [119, 'y5-9'],
    [120, 'y10-14'],
    [179, 'y10-14'],
    [180, 'y15-17'],
    [215, 'y15-17'],
    [216, 'y18-21'],
    [263, 'y18-21'],
    [264, undefined],
  ];
  for (const [months, band] of rows)
    it(`${months} months falls in ${band ?? 'no band'}`, () => assert.equal(findAgeBand(CES_BANDS, months)?.id, band));

  it('a child turning one on the session day is in the 1–2 band, not the first-year band', () => {
    assert.equal(ageBandFor(CES_BANDS, '2025-05-20', '2026-05-20').id, 'y1-2');
    assert.equal(ageBandFor(CES_BANDS, '2025-05-20', '2026-05-19').id, 'm0-12');
  });

  it('an age past the last band throws no-age-band with the age', () => {
    assert.throws(
      () => ageBandFor(CES_BANDS, '2000-01-01', '2026-01-01'),
      (e: unknown) => e instanceof EngineError && e.code === 'no-age-band' && e.params.months === 312,
    );
  });

  it('the engine selects the band from dates, records the session date and never the birth date', () => {
    const engine = createEngine(sampleInstrument(), { birthDate: '2019-04-01', sessionDate: '2026-03-31' });
    assert.equal(engine.ageBand, 'teen');
    assert.equal(engine.session.date, '2026-03-31');
    assert.doesNotMatch(JSON.stringify(engine.toResult()), /2019-04-01/);
  });

  it('an explicit band wins over dates, and an unknown band is refused', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'baby', birthDate: '2019-04-01', sessionDate: '2026-03-31' });
    assert.equal(engine.ageBand, 'baby');
    assert.throws(() => engine.setAgeBand('adult'), (e: unknown) => e instanceof EngineError && e.code === 'unknown-age-band');
    assert.equal(engine.ageBand, 'baby');
  });
});

describe('ISO dates and their errors, at the edges', () => {
  it('reads only a whole YYYY-MM-DD of a real day (leap years by the Gregorian rule)', async () => {
    const { parseIsoDate } = await import('../../src/engine/age-bands.js');
    assert.deepEqual(parseIsoDate('2000-02-29'), { y: 2000, m: 2, d: 29 }, '2000 is a leap year (divisible by 400)');
    assert.equal(parseIsoDate('1900-02-29'), undefined, '1900 is not (divisible by 100)');
    assert.equal(parseIsoDate('2026-03-12T10:00'), undefined, 'nothing may follow the day');
    assert.equal(parseIsoDate('2026-00-12'), undefined, 'month 0');
    assert.equal(parseIsoDate('2026-03-00'), undefined, 'day 0');
  });

  it('an unreadable or inverted pair of dates is an error that names the field and the value', () => {
    const error = (birth: string, session: string) => {
      try {
        ageInMonths(birth, session);
      } catch (e) {
        assert.ok(e instanceof EngineError);
        return [e.code, e.params];
      }
      return undefined;
    };
    assert.deepEqual(error('2020-02-30', '2026-01-01'), ['invalid-date', { field: 'birthDate', value: '2020-02-30' }]);
    assert.deepEqual(error('2020-02-03', '2026-13-01'), ['invalid-date', { field: 'sessionDate', value: '2026-13-01' }]);
    assert.deepEqual(error('2026-02-03', '2020-01-01'), ['birth-after-session', { birthDate: '2026-02-03', sessionDate: '2020-01-01' }]);
  });

  it('an age below every band is in none', () => {
    assert.equal(findAgeBand(CES_BANDS.slice(1), 5), undefined);
  });
});
