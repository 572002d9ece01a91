import { parseInstrument } from '../../src/engine/index.js';
import type { Instrument } from '../../src/schema/index.js';

export const t = (fr: string, en = fr) => ({ fr, en });

/**
 * A small instrument that uses every feature of the format: age bands, perspectives, a scale with a
 * missing level, every item type, conditions, nested sections, action plans, session details, tallies.
 */
export const sample = {
  id: 'sample',
  version: '1.2.0',
  title: t('Exemple', 'Sample'),
  source: { note: t('Note'), licence: t('Licence'), illustrative: true },
  ageBands: [
    { id: 'baby', label: t('0–11 mois'), minMonths: 0, maxMonths: 11 },
    { id: 'child', label: t('1–5 ans'), minMonths: 12, maxMonths: 71 },
    { id: 'teen', label: t('6–17 ans'), minMonths: 72, maxMonths: 215 },
  ],
  perspectives: [
    { id: 'child', label: t('Enfant', 'Child') },
    { id: 'worker', label: t('Intervenant', 'Worker') },
  ],
  scales: [
    {
      id: 'level',
      options: [
        { code: 'high', label: t('Élevé', 'High') },
        { code: 'mid', label: t('Moyen', 'Medium') },
        { code: 'low', label: t('Faible', 'Low') },
        { code: 'na', label: t('Ne sais pas', "Don't know"), missing: true },
      ],
    },
  ],
  session: {
    date: 'required',
    subject: 'optional',
    territory: 'required',
    participants: { min: 1, organisation: 'required', name: 'optional', parentPartner: true },
  },
  sections: [
    {
      id: 'a',
      kind: 'theme',
      title: t('A'),
      actionPlan: {},
      items: [
        { id: 'a1', type: 'single-choice', scale: 'level', label: t('A1'), required: true },
        { id: 'a2', type: 'single-choice', scale: 'level', label: t('A2'), required: true },
        { id: 'a3', type: 'yes-no', label: t('A3') },
        { id: 'a4', type: 'long-text', label: t('A4'), visibleWhen: { item: 'a3', op: 'equals', value: 'yes' }, required: true },
        { id: 'a5', type: 'number', label: t('A5'), min: 0, max: 10, integer: true },
        { id: 'a6', type: 'date', label: t('A6'), min: '2020-01-01', max: '2030-12-31' },
        { id: 'a7', type: 'short-text', label: t('A7'), maxLength: 5 },
        { id: 'a8', type: 'multiple-choice', scale: 'level', label: t('A8'), minSelected: 1, maxSelected: 2 },
        { id: 'a9', type: 'single-choice', scale: 'level', label: t('A9'), perspectives: ['child', 'worker'], labelFor: { child: t('A9, dit à l’enfant', 'A9, as said to the child') } },
        { id: 'a10', type: 'yes-no', label: t('A10'), allowUnknown: false },
      ],
    },
    {
      id: 'b',
      kind: 'group',
      title: t('B'),
      sections: [
        {
          id: 'b.x',
          kind: 'theme',
          title: t('BX'),
          items: [
            { id: 'bx1', type: 'single-choice', scale: 'level', label: t('BX1'), ageBands: ['teen'] },
            { id: 'bx2', type: 'single-choice', scale: 'level', label: t('BX2'), ageBands: ['child', 'teen'] },
          ],
        },
      ],
      items: [{ id: 'b1', type: 'long-text', label: t('B1'), visibleWhen: { ageBand: ['baby'] } }],
    },
  ],
  summary: {
    tallies: [
      {
        id: 'level',
        sectionKind: 'theme',
        scale: 'level',
        statuses: [
          { id: 'none', label: t('Aucun'), when: [{ maxCount: 0 }] },
          { id: 'strong', label: t('Fort'), when: [{ level: 'high', minShare: 0.75 }] },
          { id: 'weak', label: t('Faible'), when: [{ level: 'low', minShare: 0.5 }] },
          { id: 'mixed', label: t('Mixte') },
        ],
      },
    ],
  },
};

export function sampleInstrument(): Instrument {
  const parsed = parseInstrument(structuredClone(sample));
  if (!parsed.ok) throw new Error(`fixture invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

/** A fixed clock for deterministic timestamps. */
export const clock = (iso = '2026-03-01T10:00:00.000Z') => () => new Date(iso);
