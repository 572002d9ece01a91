// A valid answer for any item, and a whole instrument filled through the public engine API: one plain
// module that the Node tests, the stories and the benchmark page load (type imports only, so it runs
// against the sources as well as against dist/).
import type { Engine } from '../../src/engine/index.js';
import type { AnswerValue, Item, Participant } from '../../src/schema/index.js';

/**
 * A valid answer for an item: a counted option (the first, or the `variant`-th round the scale, so
 * stories show some variety), "yes" (or "no"), text, a number or a date in range.
 */
export function validAnswer(engine: Pick<Engine, 'model'>, item: Item, variant = 0, text?: string): AnswerValue {
  switch (item.type) {
    case 'single-choice':
    case 'multiple-choice': {
      const options = engine.model.scale.get(item.scale)!.options.filter((o) => !o.missing);
      const code = options[variant % options.length]!.code;
      return item.type === 'single-choice' ? code : options.slice(0, Math.max(1, item.minSelected ?? 1)).map((o, i) => (i ? o.code : code));
    }
    case 'yes-no':
      return variant % 3 === 2 ? 'no' : 'yes';
    case 'short-text':
    case 'long-text':
      return text ?? (variant % 2 ? 'Progrès notés depuis la dernière rencontre.' : 'Réponse');
    case 'number':
      return item.min ?? 1;
    case 'date':
      return item.min ?? '2026-01-15';
  }
}

export interface FillOptions {
  /** The band to choose when the instrument has bands (default: its first). */
  ageBand?: string;
  /** Only the required items. */
  requiredOnly?: boolean;
  /** Share of the visible items to answer, 0 to 1 (default 1). */
  share?: number;
  /** Vary the options chosen and let two voices of a choice question differ (stories). */
  varied?: boolean;
  /** With `varied`, shifts the options chosen (another year's record answers differently). */
  shift?: number;
  /** Session details, where the instrument asks for them. */
  session?: { date?: string; subjectId?: string; territory?: string };
  /** The text typed in text questions (default: French sentences). */
  text?: string;
  /** The participants to add (default: one, with every field, when the instrument asks for participants). */
  participants?: Omit<Participant, 'id'>[];
}

/** Answers the visible items (each voice of items with perspectives) and fills the session details. */
export function fillAll(engine: Engine, options: FillOptions = {}): void {
  const spec = engine.instrument.session;
  const bands = engine.instrument.ageBands;
  if (bands && !engine.ageBand) engine.setAgeBand(options.ageBand ?? bands[0]!.id);
  const session = { date: '2026-03-01', subjectId: 'ENF-0001', territory: 'RLS Nord', ...options.session };
  if (spec?.date) engine.setSession({ date: session.date });
  if (spec?.subject) engine.setSession({ subjectId: session.subjectId });
  if (spec?.territory) engine.setSession({ territory: session.territory });
  const p = spec?.participants;
  const people = options.participants ?? (p ? [{ organisation: 'CLSC', role: p.roles?.[0]?.id ?? 'Intervenante', name: 'Lou' }] : []);
  for (const person of people) engine.addParticipant(person);
  const share = options.share ?? 1;
  // Answering can reveal follow-up items: repeat until nothing new appears.
  for (let pass = 0; pass < 5; pass++) {
    const visible = engine.model.items.filter((item) => engine.isVisible(item.id));
    let changed = false;
    visible.slice(0, Math.round(visible.length * share)).forEach((item, index) => {
      if (engine.answer(item.id) || (options.requiredOnly && !item.required)) return;
      const variant = options.varied ? index + (options.shift ?? 0) : 0;
      if (item.perspectives)
        item.perspectives.forEach((perspective, k) =>
          engine.setAnswer(item.id, validAnswer(engine, item, variant + (options.varied && k === 1 && item.type === 'single-choice' ? 1 : 0), options.text), { perspective }),
        );
      else engine.setAnswer(item.id, validAnswer(engine, item, variant, options.text));
      changed = true;
    });
    if (!changed) break;
  }
}
