import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import needs from '../schemas/instruments/needs-grid.json' with { type: 'json' };
import type { BoussoleNeedsGrid } from '../src/elements/needs-grid/boussole-needs-grid.js';
import type { Instrument, Result } from '../src/schema/index.js';
import { filled, LAYOUT_CONTROL, LOCALE_CONTROL } from './support.js';

const instrument = needs as unknown as Instrument;

interface Args {
  lang: 'fr' | 'en';
  layout: 'all' | 'sections';
  readonly: boolean;
  ageBand?: string;
  value?: Result;
  previous?: Result;
}

const meta: Meta<Args> = {
  title: 'Instruments/Fundamental-needs grid',
  component: 'boussole-needs-grid',
  args: { lang: 'fr', layout: 'all', readonly: false, ageBand: 'y6-11' },
  argTypes: {
    lang: LOCALE_CONTROL,
    layout: LAYOUT_CONTROL,
    ageBand: { control: 'select', options: instrument.ageBands!.map((b) => b.id) },
    value: { control: 'object' },
    previous: { control: 'object' },
  },
  render: (args) =>
    html`<boussole-needs-grid lang=${args.lang} layout=${args.layout} age-band=${args.ageBand ?? ''} ?readonly=${args.readonly} .value=${args.value ?? null} .previous=${args.previous}></boussole-needs-grid>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};

export const PartlyFilled: Story = { args: { value: filled(instrument, { ageBand: 'y6-11', share: 0.5 }) } };

export const Complete: Story = { args: { value: filled(instrument, { ageBand: 'y6-11', plan: true }) } };

export const InvalidAfterSubmit: Story = {
  args: { value: filled(instrument, { ageBand: 'y6-11', share: 0.3 }) },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<BoussoleNeedsGrid>('boussole-needs-grid')!;
    await el.updateComplete;
    el.submit();
  },
};

export const ReadOnly: Story = { args: { readonly: true, value: filled(instrument, { ageBand: 'y12-17', plan: true }), ageBand: 'y12-17' } };

export const English: Story = { args: { lang: 'en', value: filled(instrument, { ageBand: 'y3-5', share: 0.5, locale: 'en' }), ageBand: 'y3-5' } };

export const FirstThousandDays: Story = { args: { ageBand: 'first-1000-days' } };

export const OneNeedAtATime: Story = { args: { layout: 'sections', value: filled(instrument, { ageBand: 'y6-11', share: 0.4 }) } };

/** At a plan revision, six months on: the ratings beside the last assessment's, its open actions offered again. */
export const AtPlanRevision: Story = {
  args: {
    previous: filled(instrument, { ageBand: 'y6-11', date: '2025-09-15', shift: 2, plan: true }),
    value: filled(instrument, { ageBand: 'y6-11', share: 0.7 }),
  },
};
