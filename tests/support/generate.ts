// De-identified results in bulk, deterministic (a seeded generator): for the DuckDB test and the benchmark.
import { createEngine, type Engine } from '../../src/engine/index.js';
import type { Instrument, Result } from '../../src/schema/index.js';

/** mulberry32: a small seeded generator, the same numbers on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TERRITORIES = ['RLS Nord', 'RLS Sud', 'RLS Est', 'RLS Ouest'];

/**
 * `count` results of an instrument, lazily (memory stays flat): choice and yes/no items answered at
 * random (skewed, so rare levels give small counts), some left out; no subject id, name or free text.
 */
export function* generateResults(instrument: Instrument, count: number, seed = 18): Generator<Result> {
  const random = seeded(seed);
  const engine: Engine = createEngine(instrument, { now: () => new Date('2026-03-01T12:00:00Z') });
  const template = engine.toResult();
  for (let n = 0; n < count; n++) {
    engine.load(template);
    if (instrument.ageBands?.length) engine.setAgeBand(instrument.ageBands[Math.floor(random() * instrument.ageBands.length)]!.id);
    if (instrument.session?.date) engine.setSession({ date: `2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15` });
    if (instrument.session?.territory) engine.setSession({ territory: TERRITORIES[Math.floor(random() * TERRITORIES.length)]! });
    for (const item of engine.model.items) {
      if (!engine.isVisible(item.id) || random() < 0.1) continue;
      const pick = (codes: string[]) => codes[Math.min(codes.length - 1, Math.floor(random() ** 2 * codes.length))]!;
      let choose: (() => string | string[]) | undefined;
      if (item.type === 'yes-no') choose = () => pick(item.allowUnknown === false ? ['yes', 'no'] : ['yes', 'no', 'unknown']);
      else if (item.type === 'single-choice' || item.type === 'multiple-choice') {
        const codes = [...engine.model.option.get(item.scale)!.keys()];
        choose = item.type === 'single-choice' ? () => pick(codes) : () => [...new Set([pick(codes), pick(codes)])].slice(0, item.maxSelected ?? 2);
      }
      if (!choose) continue;
      for (const perspective of item.perspectives ?? [undefined]) engine.setAnswer(item.id, choose(), perspective ? { perspective } : {});
    }
    yield engine.toResult();
  }
}
