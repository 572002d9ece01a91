import { ifDefined } from 'lit/directives/if-defined.js';
import { html, unsafeStatic } from 'lit/static-html.js';
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

/**
 * The args of a form element's story, named as its attributes (`age-band`, not `ageBand`), plus the
 * properties that take objects. Each is a control (see .storybook/designer.ts) and reaches the element.
 */
export interface FormArgs {
  lang: 'fr' | 'en';
  layout?: 'all' | 'sections' | 'presentation';
  readonly?: boolean;
  name?: string;
  'age-band'?: string;
  'birth-date'?: string;
  'session-date'?: string;
  'heading-level'?: number;
  drafts?: 'none' | 'local';
  'draft-id'?: string;
  'draft-ttl'?: number;
  value?: Result;
  previous?: Result;
  instrument?: unknown;
}

/** `<tag …>` with every arg a story gives set on it: attributes as attributes, objects as properties. */
export function renderForm(tag: string, args: FormArgs) {
  const name = unsafeStatic(tag);
  return html`<${name}
    lang=${args.lang}
    layout=${ifDefined(args.layout)}
    ?readonly=${!!args.readonly}
    name=${ifDefined(args.name || undefined)}
    age-band=${ifDefined(args['age-band'] || undefined)}
    birth-date=${ifDefined(args['birth-date'] || undefined)}
    session-date=${ifDefined(args['session-date'] || undefined)}
    heading-level=${ifDefined(args['heading-level'])}
    drafts=${ifDefined(args.drafts)}
    draft-id=${ifDefined(args['draft-id'] || undefined)}
    draft-ttl=${ifDefined(args['draft-ttl'])}
    .instrument=${args.instrument}
    .value=${args.value ?? null}
    .previous=${args.previous}
  ></${name}>`;
}

/** Story argTypes of an element whose instrument has age bands: the band is a choice among its ids. */
export function ageBandControls(instrument: Instrument) {
  return {
    'age-band': { control: 'select', options: instrument.ageBands!.map((b) => b.id) },
    'birth-date': { control: 'text' },
  } as const;
}

/** Story argTypes of an element whose instrument has no age bands: no band to choose, none in its table. */
export const NO_AGE_BANDS = { 'age-band': { table: { disable: true } }, 'birth-date': { table: { disable: true } } } as const;
