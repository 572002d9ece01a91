import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import ces from '../schemas/instruments/ces.json' with { type: 'json' };
import needs from '../schemas/instruments/needs-grid.json' with { type: 'json' };
import pin from '../schemas/instruments/pin-grid.json' with { type: 'json' };
import type { Instrument, Result } from '../src/schema/index.js';
import { filled } from './support.js';

interface Args {
  lang: 'fr' | 'en';
  'heading-level'?: number;
  value?: Result;
  previous?: Result;
}

const meta: Meta<Args> = {
  title: 'Elements/Summary',
  component: 'boussole-summary',
  args: { lang: 'fr' },
  render: (args) =>
    html`<boussole-summary lang=${args.lang} heading-level=${ifDefined(args['heading-level'])} .value=${args.value} .previous=${args.previous}></boussole-summary>`,
};
export default meta;
type Story = StoryObj<Args>;

const team = [{ organisation: 'CIUSSS de la Capitale-Nationale', role: 'Coordonnatrice du PIN' }];

/** The synthesis a PIN team files: themes, statuses, actions; and what moved since last year. */
export const PinGrid: Story = {
  args: {
    value: filled(pin as unknown as Instrument, { participants: team, plan: true }),
    previous: filled(pin as unknown as Instrument, { date: '2025-03-04', shift: 1, participants: team, plan: true }),
  },
};

/** The needs grid's synthesis: the ratings, the voices that differ, the conclusion, the actions. */
export const NeedsGrid: Story = { args: { value: filled(needs as unknown as Instrument, { ageBand: 'y6-11', plan: true }) } };

/** A CÉS record against last year's: what improved, what worsened, what is new, per sphere. */
export const Ces: Story = {
  args: {
    value: filled(ces as unknown as Instrument, { ageBand: 'y10-14', plan: true, participants: [{ role: 'worker' }] }),
    previous: filled(ces as unknown as Instrument, { ageBand: 'y10-14', date: '2025-03-04', shift: 1, participants: [{ role: 'worker' }] }),
  },
};

export const InEnglish: Story = { ...Ces, args: { ...Ces.args, lang: 'en' } };
