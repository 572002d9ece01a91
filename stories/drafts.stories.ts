import type { Meta, StoryObj } from '@storybook/web-components-vite';
import pin from '../schemas/instruments/pin-grid.json' with { type: 'json' };
import type { Instrument } from '../src/schema/index.js';
import { filled, NO_AGE_BANDS, renderForm, type FormArgs } from './support.js';

const instrument = pin as unknown as Instrument;

type Args = FormArgs & { 'draft-id': string };

/** Puts a draft in the browser's storage, as a form with `drafts="local"` would have left it. */
function leaveDraft(draftId: string, data: string): void {
  const now = Date.now();
  localStorage.setItem(
    `boussole-draft:${instrument.id}:${draftId}`,
    JSON.stringify({ boussoleDraft: 1, instrument: { id: instrument.id, version: instrument.version }, savedAt: new Date(now - 20 * 60_000).toISOString(), expiresAt: new Date(now + 3_600_000).toISOString(), data }),
  );
}

const meta: Meta<Args> = {
  title: 'Features/Drafts',
  component: 'boussole-pin-grid',
  args: { lang: 'fr', drafts: 'local', 'draft-id': 'equipe-limoilou-2026' },
  argTypes: NO_AGE_BANDS,
  render: (args) => renderForm('boussole-pin-grid', args),
};
export default meta;
type Story = StoryObj<Args>;

/** A draft left by an earlier meeting is offered, not applied: the person resumes or deletes it. */
export const DraftOffered: Story = {
  loaders: [
    async ({ args }) => {
      leaveDraft(args['draft-id'], JSON.stringify(filled(instrument, { share: 0.4, participants: [{ organisation: 'CIUSSS', role: 'Coordonnatrice' }] })));
      return {};
    },
  ],
};

/** A draft that cannot be read (here, cut short) is set aside, not deleted, and the person is told; the form stays usable. */
export const UnreadableDraft: Story = {
  args: { 'draft-id': 'equipe-vanier-2026' },
  loaders: [
    async ({ args }) => {
      leaveDraft(args['draft-id'], '{"instrument": {"id": "pin-grid"');
      return {};
    },
  ],
};

export const DraftOfferedInEnglish: Story = { ...DraftOffered, args: { lang: 'en', drafts: 'local', 'draft-id': 'team-limoilou-2026' } };
