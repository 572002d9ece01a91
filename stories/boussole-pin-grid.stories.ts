import type { Meta, StoryObj } from '@storybook/web-components-vite';
import pin from '../schemas/instruments/pin-grid.json' with { type: 'json' };
import type { BoussolePinGrid } from '../src/elements/pin-grid/boussole-pin-grid.js';
import type { Instrument } from '../src/schema/index.js';
import { filled, NO_AGE_BANDS, renderForm, type FormArgs } from './support.js';

const instrument = pin as unknown as Instrument;

const meta: Meta<FormArgs> = {
  title: 'Instruments/PIN grid',
  component: 'boussole-pin-grid',
  args: { lang: 'fr', layout: 'all', readonly: false },
  argTypes: NO_AGE_BANDS,
  render: (args) => renderForm('boussole-pin-grid', args),
};
export default meta;
type Story = StoryObj<FormArgs>;

export const Empty: Story = {};

export const PartlyFilled: Story = {
  args: { value: filled(instrument, { share: 0.5, participants: [{ organisation: 'CIUSSS', role: 'Coordonnatrice' }] }) },
};

export const SessionWithParticipants: Story = {
  args: {
    value: filled(instrument, {
      share: 0,
      participants: [
        { organisation: 'CIUSSS de la Capitale-Nationale', role: 'Coordonnatrice du PIN' },
        { organisation: 'Maison de la famille', role: 'Intervenante communautaire' },
        { organisation: 'Comité de parents', role: 'Parent-partenaire', parentPartner: true },
        { organisation: 'Centre de pédiatrie sociale', role: 'Travailleur social', name: 'Samuel' },
      ],
    }),
  },
};

export const Complete: Story = {
  args: { value: filled(instrument, { participants: [{ organisation: 'CIUSSS', role: 'Gestionnaire' }], plan: true }) },
};

export const InvalidAfterSubmit: Story = {
  args: { value: filled(instrument, { share: 0.3 }) },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<BoussolePinGrid>('boussole-pin-grid')!;
    await el.updateComplete;
    el.submit();
  },
};

export const ReadOnly: Story = {
  args: { readonly: true, value: filled(instrument, { participants: [{ organisation: 'CIUSSS', role: 'Gestionnaire' }], plan: true }) },
};

export const English: Story = { args: { lang: 'en', value: filled(instrument, { share: 0.5, locale: 'en' }) } };

export const OneThemeAtATime: Story = { args: { layout: 'sections', value: filled(instrument, { share: 0.4 }) } };

/** The team around one projected screen: one statement at a time in large type, answered with keys 1–4. */
export const PinSessionProjected: Story = {
  name: 'PIN session projected',
  args: {
    layout: 'presentation',
    value: filled(instrument, { share: 0.25, participants: [{ organisation: 'CIUSSS', role: 'Coordonnatrice du PIN' }, { organisation: 'Comité de parents', role: 'Parent-partenaire', parentPartner: true }] }),
  },
  play: async ({ canvasElement }) => {
    // Past the meeting's step, on the first statement.
    const el = canvasElement.querySelector<BoussolePinGrid>('boussole-pin-grid')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="present-next"]')?.click();
    await el.updateComplete;
  },
};
