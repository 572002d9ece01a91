import type { Instrument } from '../src/schema/index.js';

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
