import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine, type Engine } from '../../src/engine/index.js';
import type { AnswerValue } from '../../src/schema/index.js';
import { sampleInstrument } from './fixtures.js';

const ready = (): Engine => {
  const engine = createEngine(sampleInstrument(), { ageBand: 'teen' });
  engine.setSession({ date: '2026-03-01', territory: 'Nord' });
  engine.addParticipant({ organisation: 'CLSC' });
  engine.setAnswer('a1', 'high');
  engine.setAnswer('a2', 'low');
  return engine;
};
const codesFor = (engine: Engine, itemId: string) => engine.validate().filter((i) => i.itemId === itemId).map((i) => i.code);

describe('validation of answers', () => {
  const rows: [string, string, AnswerValue, string[]][] = [
    ['single choice, a scale code', 'a1', 'mid', []],
    ['single choice, a missing level still answers', 'a1', 'na', []],
    ['single choice, a code not in the scale', 'a1', 'huge', ['invalid-option']],
    ['single choice, a number', 'a1', 3, ['invalid-option']],
    ['yes/no, yes', 'a3', 'yes', []],
    ['yes/no, don\'t know', 'a3', 'unknown', []],
    ['yes/no, don\'t know where it is not offered', 'a10', 'unknown', ['invalid-option']],
    ['yes/no, maybe', 'a3', 'maybe', ['invalid-option']],
    ['number in range', 'a5', 10, []],
    ['number zero', 'a5', 0, []],
    ['number below min', 'a5', -1, ['below-min']],
    ['number above max', 'a5', 11, ['above-max']],
    ['number with decimals where whole numbers are asked', 'a5', 2.5, ['not-integer']],
    ['number typed as French text', 'a5', '7', []],
    ['number that is not one', 'a5', 'seven', ['invalid-value']],
    ['date in range', 'a6', '2026-02-28', []],
    ['date that does not exist', 'a6', '2026-02-30', ['invalid-date']],
    ['date in another format', 'a6', '28/02/2026', ['invalid-date']],
    ['date before min', 'a6', '2019-12-31', ['date-before-min']],
    ['date after max', 'a6', '2031-01-01', ['date-after-max']],
    ['short text within its length', 'a7', 'abcde', []],
    ['short text too long', 'a7', 'abcdef', ['too-long']],
    ['multiple choice, one', 'a8', ['high'], []],
    ['multiple choice, too many', 'a8', ['high', 'mid', 'low'], ['too-many']],
    ['multiple choice, an unknown code', 'a8', ['high', 'top'], ['invalid-option']],
    ['multiple choice given a single code', 'a8', 'mid', []],
  ];
  for (const [what, itemId, value, codes] of rows)
    it(`${what} → ${codes.join(', ') || 'valid'}`, () => {
      const engine = ready();
      engine.setAnswer(itemId, value);
      assert.deepEqual(codesFor(engine, itemId), codes);
    });

  it('each issue carries the figures its message quotes, and limits hold at their exact value', () => {
    const paramsFor = (itemId: string, value: AnswerValue) => {
      const engine = ready();
      engine.setAnswer(itemId, value);
      return engine.validate().filter((i) => i.itemId === itemId).map((i) => [i.code, i.params]);
    };
    assert.deepEqual(paramsFor('a1', 'huge'), [['invalid-option', { value: 'huge' }]]);
    assert.deepEqual(paramsFor('a8', ['high', 'top']), [['invalid-option', { value: 'top' }]]);
    assert.deepEqual(paramsFor('a8', ['high', 'mid', 'low']), [['too-many', { max: 2 }]]);
    assert.deepEqual(paramsFor('a8', ['high', 'mid']), [], 'exactly the maximum is allowed');
    assert.deepEqual(paramsFor('a7', 'abcdef'), [['too-long', { max: 5, length: 6 }]]);
    assert.deepEqual(paramsFor('a5', -1), [['below-min', { min: 0 }]]);
    assert.deepEqual(paramsFor('a5', 11), [['above-max', { max: 10 }]]);
    assert.deepEqual(paramsFor('a6', '2019-12-31'), [['date-before-min', { min: '2020-01-01' }]]);
    assert.deepEqual(paramsFor('a6', '2031-01-01'), [['date-after-max', { max: '2030-12-31' }]]);
    assert.deepEqual(paramsFor('a6', '2020-01-01'), [], 'the first day allowed');
    assert.deepEqual(paramsFor('a6', '2030-12-31'), [], 'the last day allowed');
  });

  it('text made only of spaces does not answer a required field', () => {
    const engine = ready();
    engine.setSession({ territory: '   ' });
    assert.deepEqual(engine.validate().filter((i) => i.itemId === 'session.territory').map((i) => i.code), ['required']);
  });

  it('a required item left empty is reported, and only while it is visible', () => {
    const engine = ready();
    engine.clearAnswer('a1');
    assert.deepEqual(codesFor(engine, 'a1'), ['required']);
    engine.setAnswer('a3', 'yes');
    assert.deepEqual(codesFor(engine, 'a4'), ['required']);
    engine.setAnswer('a3', 'no');
    assert.deepEqual(codesFor(engine, 'a4'), []);
  });

  it('each voice of a perspective item is checked on its own', () => {
    const engine = ready();
    engine.setAnswer('a9', 'high', { perspective: 'child' });
    engine.setAnswer('a9', 'bogus', { perspective: 'worker' });
    assert.deepEqual(
      engine.validate().filter((i) => i.itemId === 'a9'),
      [{ field: { kind: 'voice', itemId: 'a9', perspective: 'worker' }, itemId: 'a9', code: 'invalid-option', params: { value: 'bogus' }, perspective: 'worker' }],
    );
  });

  it('a complete, valid filling has no issue', () => {
    assert.deepEqual(ready().validate(), []);
    assert.equal(ready().valid, true);
  });
});

describe('validation of the rest', () => {
  it('asks for the age band when the instrument has bands', () => {
    const engine = createEngine(sampleInstrument());
    assert.ok(engine.validate().some((i) => i.itemId === 'ageBand' && i.code === 'required'));
  });

  it('asks for the required session details and the minimum of participants', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'teen' });
    const codes = engine.validate().filter((i) => i.itemId.startsWith('session')).map((i) => `${i.itemId}:${i.code}`);
    assert.deepEqual(codes, ['session.date:required', 'session.territory:required', 'session.participants:too-few']);
    const id = engine.addParticipant({ name: 'Lou' });
    assert.ok(engine.validate().some((i) => i.itemId === `session.participants.${id}.organisation` && i.code === 'required'));
  });

  it('asks every objective and action of a plan to say what it is', () => {
    const engine = ready();
    const objective = engine.addObjective('a');
    const action = engine.addAction('a', objective, { who: 'Famille' });
    const ids = engine.validate().map((i) => i.itemId);
    assert.deepEqual(ids, [`plan.a.${objective}.text`, `plan.a.${objective}.${action}.what`]);
    engine.updateObjective('a', objective, 'Suivi dentaire');
    engine.updateAction('a', objective, action, { what: 'Prendre rendez-vous', due: '2026-06-01' });
    assert.deepEqual(engine.validate(), []);
  });
});
