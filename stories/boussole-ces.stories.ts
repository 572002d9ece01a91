import type { Meta, StoryObj } from '@storybook/web-components-vite';
import ces from '../schemas/instruments/ces.json' with { type: 'json' };
import type { BoussoleCes } from '../src/elements/ces/boussole-ces.js';
import { createEngine } from '../src/engine/index.js';
import type { Instrument } from '../src/schema/index.js';
import { ageBandControls, filled, renderForm, type FormArgs } from './support.js';

const instrument = ces as unknown as Instrument;

const meta: Meta<FormArgs> = {
  title: 'Instruments/CÉS',
  component: 'boussole-ces',
  args: { lang: 'fr', layout: 'all', readonly: false, 'age-band': 'y10-14' },
  argTypes: ageBandControls(instrument),
  render: (args) => renderForm('boussole-ces', args),
};
export default meta;
type Story = StoryObj<FormArgs>;

const participants = [
  { role: 'child', name: 'Léa' },
  { role: 'foster-family' },
  { role: 'worker', name: 'Martin' },
];

export const Empty: Story = {};

export const ChooseTheAgeBand: Story = { args: { 'age-band': undefined } };

export const FromBirthDate: Story = {
  name: 'Band from birth date and session date',
  args: { 'age-band': undefined, 'birth-date': '2019-05-20', 'session-date': '2026-03-02' },
};

export const Band0To12Months: Story = { name: 'Band 0–12 months', args: { 'age-band': 'm0-12' } };
export const Band1To2: Story = { name: 'Band 1–2 years', args: { 'age-band': 'y1-2' } };
export const Band3To4: Story = { name: 'Band 3–4 years', args: { 'age-band': 'y3-4' } };
export const Band5To9: Story = { name: 'Band 5–9 years', args: { 'age-band': 'y5-9' } };
export const Band10To14: Story = { name: 'Band 10–14 years', args: { 'age-band': 'y10-14' } };
export const Band15To17: Story = { name: 'Band 15–17 years', args: { 'age-band': 'y15-17' } };
export const Band18To21: Story = { name: 'Band 18–21 years', args: { 'age-band': 'y18-21' } };

export const PartlyFilled: Story = {
  args: { value: filled(instrument, { ageBand: 'y10-14', share: 0.5, participants }) },
};

export const WithActionPlan: Story = {
  args: { value: filled(instrument, { ageBand: 'y5-9', participants, plan: true }) },
};

export const InvalidAfterSubmit: Story = {
  args: { value: filled(instrument, { ageBand: 'y10-14', share: 0.3 }) },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<BoussoleCes>('boussole-ces')!;
    await el.updateComplete;
    el.submit();
  },
};

export const ReadOnly: Story = {
  args: { readonly: true, value: filled(instrument, { ageBand: 'y15-17', participants, plan: true }) },
};

export const English: Story = {
  args: { lang: 'en', 'age-band': 'y3-4', value: filled(instrument, { ageBand: 'y3-4', share: 0.5, locale: 'en', participants }) },
};

export const OneSphereAtATime: Story = {
  args: { layout: 'sections', value: filled(instrument, { ageBand: 'y10-14', share: 0.4 }) },
};

/** This year's record beside last year's: each answer shows last year's with its direction; last year's open actions can be carried over. */
export const WithLastYearsRecord: Story = {
  args: {
    'age-band': 'y10-14',
    previous: filled(instrument, { ageBand: 'y10-14', date: '2025-03-04', shift: 1, plan: true, participants }),
    value: filled(instrument, { ageBand: 'y10-14', share: 0.6, participants }),
  },
};

/** What a child of 12 said at the table, in the child's voice of the questions asked in the child's words. */
function childSaid() {
  const engine = createEngine(instrument, { ageBand: 'y10-14', now: () => new Date('2026-03-02T14:00:00Z') });
  engine.setSession({ date: '2026-03-02', subjectId: 'ENF-2026-0042' });
  engine.setAnswer('ces.education.likes-school', 'somewhat-agree', { perspective: 'child' });
  engine.setAnswer('ces.identity.belong', 'agree', { perspective: 'child' });
  engine.setAnswer('ces.strengths.talents', 'Le soccer et dessiner des mangas', { perspective: 'child' });
  return engine.toResult();
}

/**
 * The CÉS filled with the child: the child's voice of a question reads it in the child's own words
 * (`labelFor`), in larger type with larger options; the question keeps its standard wording for the
 * adults, and the answers stored are the same codes.
 */
export const InTheChildsVoice: Story = {
  name: "In the child's voice",
  args: { 'age-band': 'y10-14', value: childSaid() },
};
