// When a person is shown the issues (src/elements/form/interaction.ts): interaction state beside the
// element, kept out of the engine. Pure, so tested here without a browser.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Interaction } from '../../src/elements/form/interaction.js';
import { createEngine } from '../../src/engine/index.js';
import { sampleInstrument } from './fixtures.js';

describe('interaction state', () => {
  it('shows only typing problems of touched fields before a submit, everything after', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'teen' });
    const seen = new Interaction();
    engine.setAnswer('a5', 99);
    assert.deepEqual(seen.shown(engine.validate()), []);
    assert.equal(seen.touch({ kind: 'item', itemId: 'a5' }, engine.validate()), true, 'a typing problem appears');
    assert.deepEqual(seen.shown(engine.validate()).map((i) => i.code), ['above-max']);
    assert.equal(seen.touch({ kind: 'item', itemId: 'a1' }, engine.validate()), false, 'nothing new to show');
    assert.ok(!seen.shown(engine.validate()).some((i) => i.itemId === 'a1'), 'required is not shown before a submit');
    assert.equal(seen.attemptSubmit(), true);
    assert.equal(seen.attemptSubmit(), false, 'only the first attempt changes what is shown');
    assert.equal(seen.submitted, true);
    assert.deepEqual(seen.shown(engine.validate()), engine.validate());
    assert.ok(engine.validate().some((i) => i.itemId === 'a1' && i.code === 'required'));
    seen.reset();
    assert.deepEqual(seen.shown(engine.validate()), []);
  });

  it('a voice and an item with a lookalike id are different fields', () => {
    const engine = createEngine(sampleInstrument(), { ageBand: 'teen' });
    const seen = new Interaction();
    engine.setAnswer('a5', 99);
    // Touching another field, even one whose id shares a prefix, shows nothing.
    seen.touch({ kind: 'voice', itemId: 'a5', perspective: 'child' }, engine.validate());
    assert.deepEqual(seen.shown(engine.validate()), []);
  });
});
