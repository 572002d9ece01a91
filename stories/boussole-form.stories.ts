import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Instrument } from '../src/schema/index.js';
import { LAYOUT_CONTROL, LOCALE_CONTROL } from './support.js';

const t = (fr: string, en: string) => ({ fr, en });

/** A small instrument an organisation could write: every item type, a condition, a tally. */
export const demoInstrument: Instrument = {
  id: 'demo-suivi',
  version: '1.0.0',
  title: t('Suivi de la rencontre', 'Meeting follow-up'),
  description: t('Un court questionnaire écrit dans le format Boussole.', 'A short questionnaire written in the Boussole format.'),
  source: { note: t('Exemple de Boussole.', 'Boussole example.'), licence: t('Libre', 'Free'), illustrative: true },
  perspectives: [
    { id: 'child', label: t('Enfant', 'Child') },
    { id: 'worker', label: t('Intervenante', 'Worker') },
  ],
  scales: [
    {
      id: 'agreement',
      options: [
        { code: 'agree', label: t('D’accord', 'Agree') },
        { code: 'mixed', label: t('Plus ou moins', 'Somewhat') },
        { code: 'disagree', label: t('Pas d’accord', 'Disagree') },
        { code: 'na', label: t('Sans objet', 'Not applicable'), missing: true },
      ],
    },
  ],
  session: { date: 'required' },
  sections: [
    {
      id: 'climate',
      kind: 'theme',
      title: t('Le climat de la rencontre', 'How the meeting went'),
      actionPlan: {},
      items: [
        { id: 'heard', type: 'single-choice', scale: 'agreement', label: t('Chacun a pu s’exprimer.', 'Everyone could speak.'), required: true },
        { id: 'clear', type: 'single-choice', scale: 'agreement', label: t('Les décisions sont claires.', 'The decisions are clear.'), required: true, comment: true },
        { id: 'felt', type: 'single-choice', scale: 'agreement', label: t('La rencontre était utile.', 'The meeting was useful.'), perspectives: ['child', 'worker'] },
        { id: 'again', type: 'yes-no', label: t('Une autre rencontre est prévue.', 'Another meeting is planned.') },
        { id: 'when', type: 'date', label: t('Date de la prochaine rencontre', 'Date of the next meeting'), visibleWhen: { item: 'again', op: 'equals', value: 'yes' }, required: true },
        { id: 'count', type: 'number', label: t('Nombre de personnes présentes', 'Number of people present'), min: 1, max: 30, integer: true },
        { id: 'topics', type: 'multiple-choice', scale: 'agreement', label: t('Réponses possibles (plusieurs choix)', 'Possible answers (several choices)'), maxSelected: 2 },
        { id: 'note', type: 'long-text', label: t('Notes', 'Notes'), help: t('Aucun renseignement identificatoire.', 'No identifying information.') },
      ],
    },
  ],
  summary: {
    tallies: [
      {
        id: 'agreement',
        label: t('Accord', 'Agreement'),
        sectionKind: 'theme',
        scale: 'agreement',
        statuses: [
          { id: 'none', label: t('Non évalué', 'Not assessed'), when: [{ maxCount: 0 }] },
          { id: 'good', label: t('Favorable', 'Positive'), when: [{ level: 'agree', minShare: 0.5 }] },
          { id: 'mixed', label: t('Mitigé', 'Mixed') },
        ],
      },
    ],
  },
};

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
