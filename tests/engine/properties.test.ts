// Property-based tests (fast-check): random valid instruments, and random sequences of what a person
// and a host do — answer, clear, comment, switch voice, change age band, switch language, fill the
// session and plans, replace the instrument by another version, save and restore a draft, resume from
// a value. Whatever the sequence: the engine never throws, toResult() always validates against the
// result schema, and every answer given and not cleared is there at the end. fast-check prints the
// seed and the shrunk counterexample of a failure; `FC_SEED=… npm test -- engine` replays it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createEngine, parseInstrument, parseResult, type Engine } from '../../src/engine/index.js';
import type { Instrument } from '../../src/schema/index.js';

const RUNS = Number(process.env.FC_RUNS ?? 1000);
const params = { numRuns: RUNS, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) };
const t = (s: string) => ({ fr: `${s} (fr)`, en: `${s} (en)` });

type Draft = Record<string, any>;
const ITEM_TYPES = ['single-choice', 'multiple-choice', 'yes-no', 'short-text', 'long-text', 'number', 'date'] as const;

/** A random valid instrument: scales, voices, bands, nested sections, every item type, conditions on earlier items. */
const instrumentArb: fc.Arbitrary<Draft> = fc
  .record({
    scales: fc.array(fc.record({ size: fc.integer({ min: 2, max: 5 }), missing: fc.boolean() }), { minLength: 1, maxLength: 2 }),
    voices: fc.integer({ min: 0, max: 3 }),
    bands: fc.integer({ min: 0, max: 3 }),
    sections: fc.array(
      fc.record({
        nested: fc.integer({ min: 0, max: 2 }),
        plan: fc.boolean(),
        items: fc.array(
          fc.record({
            type: fc.constantFrom(...ITEM_TYPES),
            scale: fc.nat(),
            required: fc.boolean(),
            voiced: fc.boolean(),
            comment: fc.boolean(),
            band: fc.option(fc.nat(), { nil: undefined }),
            condition: fc.option(fc.record({ on: fc.nat(), op: fc.constantFrom('answered', 'unanswered', 'equals', 'not-equals') }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    session: fc.boolean(),
    tally: fc.boolean(),
  })
  .map((g) => {
    const scales = g.scales.map((s, i) => ({
      id: `sc${i}`,
      options: Array.from({ length: s.size }, (_, k) => ({ code: `o${k}`, label: t(`O${k}`), ...(s.missing && k === s.size - 1 ? { missing: true } : {}) })),
    }));
    const perspectives = Array.from({ length: g.voices }, (_, i) => ({ id: `v${i}`, label: t(`V${i}`) }));
    const ageBands = Array.from({ length: g.bands }, (_, i) => ({ id: `b${i}`, label: t(`B${i}`), minMonths: i * 60, maxMonths: i * 60 + 59 }));
    const earlier: { id: string; type: string }[] = [];
    let n = 0;
    const itemsOf = (specs: (typeof g.sections)[number]['items']) =>
      specs.map((spec) => {
        const id = `q${n++}`;
        const item: Draft = { id, type: spec.type, label: t(id), required: spec.required };
        if (spec.type === 'single-choice' || spec.type === 'multiple-choice') item.scale = scales[spec.scale % scales.length]!.id;
        if (spec.voiced && perspectives.length) item.perspectives = perspectives.slice(0, 1 + (spec.scale % perspectives.length)).map((p) => p.id);
        else if (spec.comment) item.comment = true;
        if (spec.band !== undefined && ageBands.length) item.ageBands = [ageBands[spec.band % ageBands.length]!.id];
        if (spec.condition && earlier.length) {
          const on = earlier[spec.condition.on % earlier.length]!;
          const op = spec.condition.op;
          item.visibleWhen = op === 'answered' || op === 'unanswered' ? { item: on.id, op } : { item: on.id, op, value: on.type === 'number' ? 1 : on.type === 'yes-no' ? 'yes' : 'o0' };
        }
        earlier.push({ id, type: spec.type });
        return item;
      });
    const sections = g.sections.map((s, si) => ({
      id: `s${si}`,
      kind: 'theme',
      title: t(`S${si}`),
      ...(s.plan ? { actionPlan: {} } : {}),
      items: itemsOf(s.items),
      ...(s.nested ? { sections: Array.from({ length: s.nested }, (_, k) => ({ id: `s${si}.${k}`, kind: 'sub', title: t(`S${si}.${k}`), items: itemsOf(s.items.slice(0, 2)) })) } : {}),
    }));
    return {
      id: 'random',
      version: '1.0.0',
      title: t('Random'),
      source: { note: t('Note'), licence: t('Licence'), illustrative: true },
      scales,
      ...(perspectives.length ? { perspectives } : {}),
      ...(ageBands.length ? { ageBands } : {}),
      ...(g.session ? { session: { date: 'optional', subject: 'optional', territory: 'required', participants: { min: 1, name: 'optional', organisation: 'required' } } } : {}),
      sections,
      ...(g.tally ? { summary: { tallies: [{ id: 'tally', sectionKind: 'theme', scale: 'sc0', statuses: [{ id: 'none', label: t('None'), when: [{ maxCount: 0 }] }, { id: 'some', label: t('Some') }] }] } } : {}),
    };
  });

/** What a person or a host may do, as data; indexes are taken modulo what exists. */
type Step =
  | { do: 'answer'; item: number; voice: number; value: string | number | string[] }
  | { do: 'clear'; item: number; voice: number }
  | { do: 'comment'; item: number; text: string }
  | { do: 'band'; band: number }
  | { do: 'locale'; locale: 'fr' | 'en' }
  | { do: 'session'; territory: string }
  | { do: 'participant'; organisation: string; remove: boolean }
  | { do: 'plan'; section: number; text: string; action: boolean; remove: boolean }
  | { do: 'draft' }
  | { do: 'new-version' }
  | { do: 'value' };

const valueArb = fc.oneof(
  fc.constantFrom('o0', 'o1', 'o2', 'yes', 'no', 'unknown', '2026-03-12', '3,5', 'texte'),
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.integer({ min: -5, max: 50 }),
  fc.double({ min: -10, max: 100, noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.constantFrom('o0', 'o1', 'o2', 'o3'), { minLength: 1, maxLength: 3 }),
);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ do: fc.constant('answer' as const), item: fc.nat(), voice: fc.nat(), value: valueArb }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('clear' as const), item: fc.nat(), voice: fc.nat() }) },
  fc.record({ do: fc.constant('comment' as const), item: fc.nat(), text: fc.string({ maxLength: 8 }) }),
  fc.record({ do: fc.constant('band' as const), band: fc.nat() }),
  fc.record({ do: fc.constant('locale' as const), locale: fc.constantFrom('fr' as const, 'en' as const) }),
  fc.record({ do: fc.constant('session' as const), territory: fc.string({ maxLength: 8 }) }),
  fc.record({ do: fc.constant('participant' as const), organisation: fc.string({ maxLength: 8 }), remove: fc.boolean() }),
  fc.record({ do: fc.constant('plan' as const), section: fc.nat(), text: fc.string({ maxLength: 8 }), action: fc.boolean(), remove: fc.boolean() }),
  fc.constant({ do: 'draft' as const }),
  fc.constant({ do: 'new-version' as const }),
  fc.constant({ do: 'value' as const }),
);

/** Applies the steps; returns the engine and which answers (item id + voice) were given and not cleared. */
function play(source: Instrument, steps: readonly Step[], through: (text: string) => string = (text) => text): { engine: Engine; given: Map<string, string> } {
  let instrument = source;
  let engine = createEngine(instrument);
  const items = engine.model.items;
  const given = new Map<string, string>();
  /** A result through JSON text and back: what a draft, a value or a host's server hands over. */
  const carry = (to: Instrument) => {
    const text = through(JSON.stringify(engine.toResult()));
    engine = createEngine(to);
    engine.load(JSON.parse(text));
  };
  for (const step of steps) {
    switch (step.do) {
      case 'answer':
      case 'clear': {
        const item = items[step.item % items.length]!;
        const perspective = item.perspectives?.[step.voice % item.perspectives.length];
        const key = `${item.id}|${perspective ?? ''}`;
        if (step.do === 'answer') {
          engine.setAnswer(item.id, step.value, { perspective });
          given.set(key, item.id);
        } else {
          engine.clearAnswer(item.id, { perspective });
          given.delete(key);
        }
        break;
      }
      case 'comment': {
        const item = items[step.item % items.length]!;
        if (!item.perspectives) engine.setComment(item.id, step.text);
        break;
      }
      case 'band': {
        const bands = instrument.ageBands ?? [];
        if (bands.length) engine.setAgeBand(step.band % (bands.length + 1) === bands.length ? undefined : bands[step.band % (bands.length + 1)]!.id);
        break;
      }
      case 'locale':
        engine.setLocale(step.locale);
        break;
      case 'session':
        engine.setSession({ territory: step.territory, date: '2026-03-12' });
        break;
      case 'participant': {
        const list = engine.session.participants ?? [];
        if (step.remove && list.length) engine.removeParticipant(list[0]!.id);
        else if (list.length) engine.updateParticipant(list.at(-1)!.id, { organisation: step.organisation });
        else engine.addParticipant({ organisation: step.organisation });
        break;
      }
      case 'plan': {
        const planned = engine.model.sections.filter((s) => s.actionPlan);
        if (!planned.length) break;
        const section = planned[step.section % planned.length]!.id;
        const objectives = engine.actionPlan(section).objectives;
        if (step.remove && objectives.length) engine.removeObjective(section, objectives[0]!.id);
        else if (step.action && objectives.length) engine.addAction(section, objectives[0]!.id, { what: step.text });
        else engine.addObjective(section, step.text);
        break;
      }
      case 'draft':
      case 'value':
        carry(instrument);
        break;
      case 'new-version': {
        const [major, minor, patch] = instrument.version.split('.').map(Number);
        instrument = { ...instrument, version: `${major}.${minor! + 1}.${patch}` };
        carry(instrument);
        break;
      }
    }
  }
  return { engine, given };
}

describe('properties (fast-check)', () => {
  it(`random instruments are valid (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(instrumentArb, (draft) => {
        const parsed = parseInstrument(draft);
        assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
      }),
      params,
    );
  });

  /** The property: `through` is what a draft or a value goes through on its way back. */
  const keepsEverything = (through?: (text: string) => string) =>
    fc.property(instrumentArb, fc.array(stepArb, { maxLength: 30 }), (draft, steps) => {
        const parsed = parseInstrument(draft);
        assert.ok(parsed.ok);
        const { engine, given } = play(parsed.value, steps, through);
        for (const complete of [false, true]) {
          const result = engine.toResult({ complete });
          const checked = parseResult(JSON.parse(JSON.stringify(result)));
          assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.problems));
        }
        engine.validate();
        engine.summaries();
        const answers = engine.toResult().answers;
        for (const [key, itemId] of given) {
          const perspective = key.split('|')[1];
          const answer = answers[itemId];
          const value = perspective ? answer?.perspectives?.[perspective]?.value : answer?.value;
          assert.ok(value !== undefined, `the answer to ${key} is kept`);
        }
      });

  it(`whatever a person and a host do, the engine never throws, results validate, and no answer given is lost (${RUNS} cases)`, () => {
    fc.assert(keepsEverything(), params);
  });

  it('the property catches a draft that loses an answer on its way back', () => {
    const losing = (text: string) => {
      const result = JSON.parse(text);
      const [first] = Object.keys(result.answers);
      if (first) delete result.answers[first];
      return JSON.stringify(result);
    };
    const run = fc.check(keepsEverything(losing), { ...params, numRuns: 300 });
    assert.equal(run.failed, true);
  });

  it(`a result read back equals the result written, whatever was done (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(instrumentArb, fc.array(stepArb, { maxLength: 20 }), (draft, steps) => {
        const parsed = parseInstrument(draft);
        assert.ok(parsed.ok);
        const { engine } = play(parsed.value, steps);
        const written = engine.toResult();
        const again = createEngine(engine.instrument);
        again.load(JSON.parse(JSON.stringify(written)));
        const read = again.toResult();
        assert.deepEqual({ ...read, createdAt: 0, updatedAt: 0 }, { ...written, createdAt: 0, updatedAt: 0, locale: written.locale });
      }),
      params,
    );
  });
});
