import { createEngine } from '../src/engine/index.js';
import type { AnswerValue, Instrument, Item, Result } from '../src/schema/index.js';

/** A plausible answer for an item, for stories that show a form partly or fully filled. */
function sampleAnswer(instrument: Instrument, item: Item, index: number): AnswerValue {
  switch (item.type) {
    case 'single-choice':
    case 'multiple-choice': {
      const options = instrument.scales!.find((s) => s.id === item.scale)!.options;
      const code = options[index % options.length]!.code;
      return item.type === 'single-choice' ? code : [code];
    }
    case 'yes-no':
      return index % 3 === 0 ? 'no' : 'yes';
    case 'number':
      return item.min ?? 1;
    case 'date':
      return '2026-02-10';
    default:
      return index % 2 ? 'Progrès notés depuis la dernière rencontre.' : 'Aime le soccer et le dessin.';
  }
}

export interface FillOptions {
  ageBand?: string;
  /** Share of the visible items to answer (0–1). */
  share?: number;
  participants?: { organisation?: string; role?: string; name?: string; parentPartner?: boolean }[];
  plan?: boolean;
  locale?: 'fr' | 'en';
}

/** A result produced by the engine itself, so stories always show valid data. */
export function filled(instrument: Instrument, options: FillOptions = {}): Result {
  const engine = createEngine(instrument, { ageBand: options.ageBand, locale: options.locale ?? 'fr', now: () => new Date('2026-03-02T14:00:00Z') });
  const spec = instrument.session;
  if (spec?.date) engine.setSession({ date: '2026-03-02' });
  if (spec?.subject) engine.setSession({ subjectId: 'ENF-2026-0042' });
  if (spec?.territory) engine.setSession({ territory: 'RLS de Limoilou–Vanier' });
  for (const p of options.participants ?? []) engine.addParticipant(p);
  const share = options.share ?? 1;
  for (let pass = 0; pass < 3; pass++) {
    const visible = engine.model.items.filter((it) => engine.isVisible(it.id));
    visible.slice(0, Math.round(visible.length * share)).forEach((item, i) => {
      if (engine.answer(item.id)) return;
      const value = sampleAnswer(instrument, item, i);
      if (item.perspectives) item.perspectives.forEach((p, k) => engine.setAnswer(item.id, k === 1 && item.type === 'single-choice' ? sampleAnswer(instrument, item, i + 1) : value, { perspective: p }));
      else engine.setAnswer(item.id, value);
    });
  }
  if (options.plan) {
    const section = engine.model.sections.find((s) => s.actionPlan);
    if (section) {
      const o = engine.addObjective(section.id, 'Consolider la routine du soir');
      engine.addAction(section.id, o, { what: 'Afficher l’horaire de la semaine', who: 'Famille d’accueil', due: '2026-04-15', status: 'in-progress' });
    }
  }
  return engine.toResult({ complete: true });
}

export const LOCALE_CONTROL = { control: 'inline-radio', options: ['fr', 'en'] } as const;
export const LAYOUT_CONTROL = { control: 'inline-radio', options: ['all', 'sections'] } as const;
