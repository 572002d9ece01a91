// Bundled by esbuild for the benchmark page: fills a bundled instrument completely through the engine,
// then times toResult() + validation (the engine's rules, then the zod result schema) on it.
import { createEngine, type Engine } from '../../src/engine/index.js';
import { parseInstrument, parseResult, type AnswerValue, type Item } from '../../src/schema/index.js';

function answerFor(engine: Engine, item: Item): AnswerValue {
  switch (item.type) {
    case 'single-choice':
    case 'multiple-choice': {
      const code = engine.model.scale.get(item.scale)!.options.find((o) => !o.missing)!.code;
      return item.type === 'single-choice' ? code : [code];
    }
    case 'yes-no':
      return 'yes';
    case 'number':
      return item.min ?? 1;
    case 'date':
      return item.min ?? '2026-01-15';
    default:
      return 'Réponse';
  }
}

function fill(engine: Engine): void {
  const spec = engine.instrument.session;
  if (engine.instrument.ageBands && !engine.ageBand) engine.setAgeBand(engine.instrument.ageBands.at(-2)!.id);
  if (spec?.date) engine.setSession({ date: '2026-03-01' });
  if (spec?.subject) engine.setSession({ subjectId: 'ENF-0001' });
  if (spec?.territory) engine.setSession({ territory: 'RLS' });
  if (spec?.participants) {
    const role = spec.participants.roles?.[0]?.id ?? 'Intervenante';
    engine.addParticipant({ name: 'Lou', organisation: 'CLSC', role });
  }
  for (let pass = 0; pass < 4; pass++)
    for (const item of engine.model.items) {
      if (!engine.isVisible(item.id) || engine.answer(item.id)) continue;
      if (item.perspectives) for (const p of item.perspectives) engine.setAnswer(item.id, answerFor(engine, item), { perspective: p });
      else engine.setAnswer(item.id, answerFor(engine, item));
    }
}

export function timeResult(json: unknown, repeats = 50): { ms: number; items: number; complete: boolean } {
  const parsed = parseInstrument(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const engine = createEngine(parsed.value);
  fill(engine);
  if (engine.validate().length) throw new Error(`not complete: ${JSON.stringify(engine.validate().slice(0, 3))}`);
  // One answer changes between runs, as when a person answers, so nothing cached is reused.
  const visible = engine.model.items.filter((i) => !i.perspectives && engine.isVisible(i.id));
  const text = visible.find((i) => i.type === 'long-text' || i.type === 'short-text');
  const choice = visible.find((i) => i.type === 'single-choice');
  const codes = choice?.type === 'single-choice' ? engine.model.scale.get(choice.scale)!.options.filter((o) => !o.missing).map((o) => o.code) : [];
  const change = (k: number) =>
    text ? engine.setAnswer(text.id, `Réponse ${k}`) : engine.setAnswer(choice!.id, codes[k % 2]!);
  const times: number[] = [];
  let complete = true;
  for (let k = 0; k < repeats; k++) {
    change(k);
    const t0 = performance.now();
    const result = engine.toResult({ complete: true });
    const issues = engine.validate();
    const checked = parseResult(result);
    times.push(performance.now() - t0);
    complete &&= issues.length === 0 && checked.ok && result.status === 'complete';
  }
  times.sort((a, b) => a - b);
  return { ms: times[times.length >> 1]!, items: engine.model.items.length, complete };
}
