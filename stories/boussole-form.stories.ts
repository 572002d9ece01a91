import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { demoInstrument } from './demo-instrument.js';
import { NO_AGE_BANDS, renderForm, type FormArgs } from './support.js';

const meta: Meta<FormArgs> = {
  title: 'Elements/Generic form',
  component: 'boussole-form',
  args: { lang: 'fr', layout: 'all', readonly: false, instrument: demoInstrument },
  // The demo instrument has no age bands (an organisation's instrument with bands takes `age-band` as the CÉS does).
  argTypes: { ...NO_AGE_BANDS, instrument: { control: 'object' } },
  render: (args) => renderForm('boussole-form', args),
};
export default meta;
type Story = StoryObj<FormArgs>;

/** An instrument given as the `instrument` property. */
export const OwnInstrument: Story = {};

export const English: Story = { args: { lang: 'en' } };

/** An instrument given as a child JSON script, for plain HTML pages. */
export const FromJsonScript: Story = {
  render: (args) => {
    const form = document.createElement('boussole-form');
    form.setAttribute('lang', args.lang);
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(demoInstrument);
    form.append(script);
    return form;
  },
};

/** Bad input gets a clear answer: an invalid instrument shows what is wrong and fires boussole-error. */
export const InvalidInstrument: Story = {
  args: { instrument: { ...demoInstrument, version: 'draft', sections: [{ id: 'x', kind: 'theme', title: { fr: 'X' } }] } },
};

/** A saved draft that cannot be read: the form stays usable and says so. */
export const UnreadableDraft: Story = {
  render: (args) =>
    html`<boussole-form lang=${args.lang} .instrument=${args.instrument} value='{"instrument": "oops"'></boussole-form>`,
};
