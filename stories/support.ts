import { createEngine } from '../src/engine/index.js';
import type { Instrument, Participant, Result } from '../src/schema/index.js';
import { fillAll } from '../tests/support/fill.js';

export interface FillOptions {
  ageBand?: string;
  /** Share of the visible items to answer (0–1). */
  share?: number;
  participants?: Omit<Participant, 'id'>[];
  plan?: boolean;
  locale?: 'fr' | 'en';
  /** The meeting date (default 2026-03-02). */
  date?: string;
  /** Shifts the answers chosen: another record of the same subject. */
  shift?: number;
}

/** A result produced by the engine itself, so stories always show valid data. */
export function filled(instrument: Instrument, options: FillOptions = {}): Result {
  const date = options.date ?? '2026-03-02';
  const engine = createEngine(instrument, { ageBand: options.ageBand, locale: options.locale ?? 'fr', now: () => new Date(`${date}T14:00:00Z`) });
  fillAll(engine, {
    share: options.share ?? 1,
    varied: true,
    shift: options.shift ?? 0,
    session: { date, subjectId: 'ENF-2026-0042', territory: 'RLS de Limoilou–Vanier' },
    participants: options.participants ?? [],
  });
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
