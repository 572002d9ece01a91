import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createEngine, type Engine } from '../../src/engine/index.js';
import { parseInstrument } from '../../src/engine/index.js';
import type { Instrument } from '../../src/schema/index.js';
import { validAnswer } from '../support/fill.js';
import { sampleInstrument } from './fixtures.js';

// The engine keeps what it derived (visibility, each item's issues, each section's counts) across answers that cannot change
// it. Whatever the order of changes, what it reports must equal what a fresh engine computes from the
// same state.

const load = (json: unknown): Instrument => {
  const parsed = parseInstrument(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
};
const bundled = (id: string) => load(JSON.parse(readFileSync(new URL(`../../schemas/instruments/${id}.json`, import.meta.url), 'utf8')));

const t = (fr: string) => ({ fr, en: fr });
/** Items shown by conditions on other items, across sections, with a required item behind a chain. */
const chained = load({
  id: 'chain',
  version: '1.0.0',
  title: t('Chaîne'),
  source: { note: t('n'), licence: t('l'), illustrative: true },
  scales: [{ id: 's', options: [{ code: 'a', label: t('a') }, { code: 'b', label: t('b') }] }],
  sections: [
    { id: 's1', kind: 'part', title: t('S1'), items: [{ id: 'gate', type: 'yes-no', label: t('gate'), required: true }] },
    {
      id: 's2',
      kind: 'part',
      title: t('S2'),
      visibleWhen: { item: 'gate', op: 'equals', value: 'yes' },
      items: [
        { id: 'mid', type: 'single-choice', scale: 's', label: t('mid'), required: true },
        { id: 'end', type: 'number', label: t('end'), required: true, min: 1, max: 5, visibleWhen: { item: 'mid', op: 'equals', value: 'b' } },
        { id: 'free', type: 'short-text', label: t('free') },
      ],
    },
  ],
});

/** What the engine reports, in a comparable form. */
const snapshot = (engine: Engine) => ({
  issues: engine.validate(),
  visible: engine.model.items.map((i) => engine.isVisible(i.id)),
  summaries: engine.summaries(),
});

/** A fresh engine on the same state. */
const fresh = (engine: Engine) => {
  const copy = createEngine(engine.instrument, { result: engine.toResult() });
  return snapshot(copy);
};

/** A deterministic pseudo-random sequence (no flaky tests). */
function* numbers(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield x / 2 ** 31;
  }
}

describe('derived state after each change equals a fresh computation', () => {
  const cases: [string, Instrument, string | undefined][] = [
    ['a chain of conditions', chained, undefined],
    ['the PIN grid', bundled('pin-grid'), undefined],
    ['the needs grid', bundled('needs-grid'), undefined],
    ['the CÉS', bundled('ces'), 'y5-9'],
    ['nested sections, bands and voices', sampleInstrument(), 'teen'],
  ];
  for (const [what, instrument, band] of cases)
    it(what, () => {
      const engine = createEngine(instrument, band ? { ageBand: band } : {});
      const random = numbers(7);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random.next().value * list.length)]!;
      for (let step = 0; step < 150; step++) {
        const item = pick(engine.model.items);
        const perspective = item.perspectives ? pick(item.perspectives) : undefined;
        const roll = random.next().value;
        if (roll < 0.15) engine.clearAnswer(item.id, { perspective });
        else if (roll < 0.25 && item.type === 'number') engine.setAnswer(item.id, 99, { perspective });
        else if (roll < 0.3 && engine.instrument.ageBands) engine.setAgeBand(pick(engine.instrument.ageBands).id);
        else if (item.type === 'yes-no') engine.setAnswer(item.id, pick(['yes', 'no']), { perspective });
        else if (item.type === 'single-choice')
          engine.setAnswer(item.id, pick(engine.model.scale.get(item.scale)!.options).code, { perspective });
        else engine.setAnswer(item.id, validAnswer(engine, item), { perspective });
        // Asking after every change is what keeps derived values across changes.
        assert.deepEqual(snapshot(engine), fresh(engine), `after step ${step} (${item.id})`);
      }
    });
});
