// The result measurement of `npm run bench`. scripts/bench.mjs bundles this module with esbuild into
// bench/.out/result.js: it imports the published ESM build (dist/index.js, what an application with
// its own bundler gets), with lit, @lit/localize and zod resolved from node_modules (production
// builds). It registers the three bundled elements from that build, so the page holds nothing but this module.
import { BoussoleCes, BoussoleNeedsGrid, BoussolePinGrid, createEngine, parseInstrument, parseResult } from '../../dist/index.js';
import { fillAll } from '../../tests/support/fill.ts';
import { median } from '../stats.mjs';

for (const [tag, element] of [['boussole-ces', BoussoleCes], ['boussole-needs-grid', BoussoleNeedsGrid], ['boussole-pin-grid', BoussolePinGrid]])
  if (!customElements.get(tag)) customElements.define(tag, element);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Times `el.value` (the engine's toResult, deep copy included) + `el.checkValidity()` (the engine's
 * validation and the element's validity) + `parseResult()` (the zod result schema) on a fully answered
 * element. Before each run the element is given a complete result (el.value = …) that differs from the
 * previous one by one text answer, and the timing runs synchronously right after, before the element
 * re-renders: nothing the engine caches (visibility, issues, summaries) is reused.
 */
export async function timeResult({ tag, instrument, ageBand, repeats }) {
  const parsed = parseInstrument(instrument);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
  const engine = createEngine(parsed.value);
  fillAll(engine, { ageBand });
  const issues = engine.validate();
  if (issues.length) throw new Error(`the filled result is not complete: ${JSON.stringify(issues.slice(0, 3))}`);
  const text = engine.model.items.find((i) => engine.isVisible(i.id) && !i.perspectives && (i.type === 'long-text' || i.type === 'short-text'));
  const results = ['A', 'B'].map((v) => {
    if (text) engine.setAnswer(text.id, `Réponse ${v}`);
    return engine.toResult({ complete: true });
  });

  const el = document.createElement(tag);
  el.setAttribute('layout', 'all');
  if (ageBand) el.setAttribute('age-band', ageBand);
  document.body.append(el);
  await el.updateComplete;
  // The format's parsers are loaded when a host first gives a value (decision 0013): once, untimed, as a
  // page that has restored a record has them; every timed run below reads the value it just set.
  el.value = results[1];
  await el.updateComplete;

  const runs = [];
  let complete = true;
  for (let k = 0; k < repeats; k++) {
    el.value = results[k % 2];
    const t0 = performance.now();
    const value = el.value;
    const t1 = performance.now();
    const valid = el.checkValidity();
    const t2 = performance.now();
    const checked = parseResult(value);
    const t3 = performance.now();
    runs.push({ total: t3 - t0, toResult: t1 - t0, validity: t2 - t1, parse: t3 - t2 });
    complete &&= valid && checked.ok && value.status === 'complete';
    await el.updateComplete;
    await sleep(5);
  }
  const pick = (key) => median(runs.slice(1).map((r) => r[key]));
  return {
    ms: pick('total'),
    toResult: pick('toResult'),
    validity: pick('validity'),
    parse: pick('parse'),
    first: runs[0].total,
    repeats,
    answers: Object.keys(results[0].answers).length,
    complete,
  };
}
