import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { demoInstrument } from './demo-instrument.js';
import { LAYOUT_CONTROL, LOCALE_CONTROL } from './support.js';

interface Args {
  lang: 'fr' | 'en';
  layout: 'all' | 'sections';
  readonly: boolean;
  instrument: unknown;
}

const meta: Meta<Args> = {
  title: 'Elements/Generic form',
  component: 'boussole-form',
  args: { lang: 'fr', layout: 'all', readonly: false, instrument: demoInstrument },
  argTypes: { lang: LOCALE_CONTROL, layout: LAYOUT_CONTROL, instrument: { control: 'object' } },
  render: (args) =>
    html`<boussole-form lang=${args.lang} layout=${args.layout} ?readonly=${args.readonly} .instrument=${args.instrument}></boussole-form>`,
};
export default meta;
type Story = StoryObj<Args>;

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
