import type { Engine } from '../../src/engine/index.js';
import type { AnswerValue, Item } from '../../src/schema/index.js';

/** A valid answer for any item: the first counted option, "yes", text, a number or a date in range. */
export function validAnswer(engine: Engine, item: Item): AnswerValue {
  switch (item.type) {
    case 'single-choice':
    case 'multiple-choice': {
      const options = engine.model.scale.get(item.scale)!.options.filter((o) => !o.missing);
      const code = options[0]!.code;
      return item.type === 'single-choice' ? code : options.slice(0, Math.max(1, item.minSelected ?? 1)).map((o) => o.code);
    }
    case 'yes-no':
      return 'yes';
    case 'short-text':
    case 'long-text':
      return 'Réponse';
    case 'number':
      return item.min ?? 1;
    case 'date':
      return item.min ?? '2026-01-15';
  }
}

/** Answers every visible item (each voice of perspective items) and fills the session details. */
export function fillAll(engine: Engine, { requiredOnly = false } = {}): void {
  const spec = engine.instrument.session;
  if (engine.instrument.ageBands && !engine.ageBand) engine.setAgeBand(engine.instrument.ageBands[0]!.id);
  if (spec?.date) engine.setSession({ date: '2026-03-01' });
  if (spec?.subject) engine.setSession({ subjectId: 'ENF-0001' });
  if (spec?.territory) engine.setSession({ territory: 'RLS Nord' });
  const p = spec?.participants;
  for (let i = (engine.session.participants ?? []).length; i < Math.max(p?.min ?? 0, p ? 1 : 0); i++)
    engine.addParticipant({ organisation: 'CLSC', role: p?.roles?.[0]?.id ?? 'Intervenante', name: 'Lou' });
  // Answering can reveal follow-up items: repeat until nothing new appears.
  for (let pass = 0; pass < 5; pass++) {
    let changed = false;
    for (const item of engine.model.items) {
      if (!engine.isVisible(item.id) || engine.answer(item.id) || (requiredOnly && !item.required)) continue;
      const value = validAnswer(engine, item);
      if (item.perspectives) for (const perspective of item.perspectives) engine.setAnswer(item.id, value, { perspective });
      else engine.setAnswer(item.id, value);
      changed = true;
    }
    if (!changed) break;
  }
}
