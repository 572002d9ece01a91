import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import ces from '../schemas/instruments/ces.json' with { type: 'json' };
import pinJson from '../schemas/instruments/pin-grid.json' with { type: 'json' };
import { createEngine } from '../src/engine/index.js';
import type { Instrument, Result } from '../src/schema/index.js';
import { fillAll } from '../tests/support/fill.js';

interface Args {
  lang: 'fr' | 'en';
  'heading-level'?: number;
  results?: Result[];
}

const meta: Meta<Args> = {
  title: 'Elements/Dashboard',
  component: 'boussole-dashboard',
  args: { lang: 'fr' },
  render: (args) => html`<boussole-dashboard lang=${args.lang} heading-level=${ifDefined(args['heading-level'])} .results=${args.results}></boussole-dashboard>`,
};
export default meta;
type Story = StoryObj<Args>;

const pin = pinJson as unknown as Instrument;

/**
 * A PIN session of a territory: in each theme, `implemented[t]` statements implemented, one partly,
 * one "don't know" (illustrative figures, made with the engine).
 */
function pinSession(date: string, territory: string, implemented: readonly number[]): Result {
  const engine = createEngine(pin);
  engine.setSession({ date, territory });
  engine.addParticipant({ organisation: 'CIUSSS', role: 'Coordination du PIN' });
  pin.sections.forEach((theme, t) => {
    const codes = [...Array(implemented[t] ?? 0).fill('implemented'), 'partial', 'unknown'];
    theme.items?.forEach((item, i) => codes[i] && engine.setAnswer(item.id, codes[i]));
  });
  return engine.toResult({ complete: true });
}

/** A territory's PIN grid each spring for three years: the themes move towards "implemented". */
export const ThreeYears: Story = {
  name: 'Three years',
  args: {
    results: [
      pinSession('2026-04-15', 'RLS de Limoilou–Vanier', [2, 3, 2, 2, 1, 1]),
      pinSession('2024-04-10', 'RLS de Limoilou–Vanier', [0, 1, 2, 0, 1, 2]),
      pinSession('2025-04-09', 'RLS de Limoilou–Vanier', [1, 2, 2, 1, 1, 2]),
    ],
  },
};

/** Two territories, two years each: the filter chooses one; the table says which territory. */
export const TwoTerritories: Story = {
  name: 'Two territories',
  args: {
    results: [
      pinSession('2025-04-09', 'RLS de Limoilou–Vanier', [1, 2, 2, 1, 1, 2]),
      pinSession('2026-04-15', 'RLS de Limoilou–Vanier', [2, 3, 2, 2, 1, 1]),
      pinSession('2025-05-06', 'RLS de Charlesbourg', [0, 0, 1, 1, 2, 0]),
      pinSession('2026-05-05', 'RLS de Charlesbourg', [1, 2, 1, 2, 2, 1]),
    ],
  },
};

/** One child's CÉS (10–14 years) each September: per sphere, what was answered and what moved. */
export const CesOverThreeYears: Story = {
  name: 'CÉS followed over three years',
  args: {
    results: (
      [
        ['2024-09-12', 0.6, 0],
        ['2025-09-11', 0.85, 1],
        ['2026-09-10', 1, 2],
      ] as const
    ).map(([date, share, shift]) => {
      const engine = createEngine(ces as unknown as Instrument, { ageBand: 'y10-14' });
      fillAll(engine, { share, varied: true, shift, session: { date, subjectId: 'ENF-2026-0042' }, participants: [{ role: 'worker' }] });
      return engine.toResult({ complete: true });
    }),
  },
};
