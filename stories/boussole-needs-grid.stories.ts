import type { Meta, StoryObj } from '@storybook/web-components-vite';
import needs from '../schemas/instruments/needs-grid.json' with { type: 'json' };
import type { BoussoleNeedsGrid } from '../src/elements/needs-grid/boussole-needs-grid.js';
import type { Instrument } from '../src/schema/index.js';
import { ageBandControls, filled, renderForm, type FormArgs } from './support.js';

const instrument = needs as unknown as Instrument;

const meta: Meta<FormArgs> = {
  title: 'Instruments/Fundamental-needs grid',
  component: 'boussole-needs-grid',
  args: { lang: 'fr', layout: 'all', readonly: false, 'age-band': 'y6-11' },
  argTypes: ageBandControls(instrument),
  render: (args) => renderForm('boussole-needs-grid', args),
};
export default meta;
type Story = StoryObj<FormArgs>;

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

export const ReadOnly: Story = { args: { readonly: true, value: filled(instrument, { ageBand: 'y12-17', plan: true }), 'age-band': 'y12-17' } };

export const English: Story = { args: { lang: 'en', value: filled(instrument, { ageBand: 'y3-5', share: 0.5, locale: 'en' }), 'age-band': 'y3-5' } };

export const FirstThousandDays: Story = { args: { 'age-band': 'first-1000-days' } };

export const OneNeedAtATime: Story = { args: { layout: 'sections', value: filled(instrument, { ageBand: 'y6-11', share: 0.4 }) } };

/** At a plan revision, six months on: the ratings beside the last assessment's, its open actions offered again. */
export const AtPlanRevision: Story = {
  args: {
    previous: filled(instrument, { ageBand: 'y6-11', date: '2025-09-15', shift: 2, plan: true }),
    value: filled(instrument, { ageBand: 'y6-11', share: 0.7 }),
  },
};
