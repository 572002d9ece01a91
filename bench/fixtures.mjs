// Fixtures of the benchmark (Node side): the generated instruments and the cases measured.
import { readFileSync } from 'node:fs';

const t = (fr, en) => ({ fr, en });
const OPTIONS = [
  ['Jamais', 'Never'],
  ['Parfois', 'Sometimes'],
  ['Souvent', 'Often'],
  ['Toujours', 'Always'],
];

/**
 * A generated instrument: `count` single-choice items, 4 options each (one shared scale), spread as
 * evenly as possible over `sections` sections. No age bands, conditions, required items or tallies:
 * the plainest long form, so the figures compare with the raw-DOM baseline's markup.
 */
export function generatedInstrument(count, sections) {
  let next = 1;
  return {
    id: `bench-${count}`,
    version: '1.0.0',
    title: t(`Questionnaire de ${count} questions`, `${count}-question questionnaire`),
    source: {
      note: t('Questionnaire généré pour la mesure des performances.', 'Questionnaire generated for the performance benchmark.'),
      licence: t('Libre', 'Free'),
      illustrative: true,
    },
    scales: [{ id: 's4', options: OPTIONS.map(([fr, en], i) => ({ code: `o${i + 1}`, label: t(fr, en) })) }],
    sections: Array.from({ length: sections }, (_, s) => {
      // Sizes differ by at most one item: 280 / 7 = 40 each; 1000 / 10 = 100 each.
      const size = Math.floor(count / sections) + (s < count % sections ? 1 : 0);
      const items = Array.from({ length: size }, () => {
        const n = next++;
        return {
          id: `q${n}`,
          type: 'single-choice',
          scale: 's4',
          label: t(`Question ${n} : à quelle fréquence cela se produit-il ?`, `Question ${n}: how often does this happen?`),
        };
      });
      return { id: `sec${s + 1}`, kind: 'section', title: t(`Section ${s + 1}`, `Section ${s + 1}`), items };
    }),
  };
}

/**
 * The skeleton the raw-DOM baseline renders for a generated instrument: its sections, and for each
 * question its label and options (French, as the elements render by default). For the bundled
 * instruments the page reads the same skeleton off what the element rendered (see harness.js).
 */
export function skeletonOf(instrument) {
  const scales = new Map(instrument.scales.map((s) => [s.id, s.options]));
  return {
    title: instrument.title.fr,
    sections: instrument.sections.map((section) => ({
      title: section.title.fr,
      groups: section.items.map((item) => ({
        name: item.id,
        legend: item.label.fr,
        options: scales.get(item.scale).map((o) => ({ value: o.code, label: o.label.fr })),
      })),
    })),
  };
}

export const readInstrument = (root, id) => JSON.parse(readFileSync(new URL(`schemas/instruments/${id}.json`, root), 'utf8'));

/**
 * The follow-up questions of an instrument: items shown when another item's answer is one of a few values
 * (`visibleWhen` with `equals` or `in`), as `{ id, name, values }` (the item, the radio name of the question it
 * follows, the answers that show it), and the instrument with those conditions taken off (every follow-up
 * shown), from which the bench takes the static copy with the same reveals.
 */
export function followUpsOf(instrument) {
  const followUps = [];
  const shown = structuredClone(instrument);
  const walk = (section) => {
    for (const item of section.items ?? []) {
      const c = item.visibleWhen;
      if (!c?.item || (c.op !== 'equals' && c.op !== 'in')) continue;
      followUps.push({ id: item.id, name: `item:${c.item}`, values: (c.op === 'in' ? c.value : [c.value]).map(String) });
      delete item.visibleWhen;
    }
    for (const sub of section.sections ?? []) walk(sub);
  };
  shown.sections.forEach(walk);
  return { followUps, shown };
}

/** What is measured. `attributes` always get layout="all". */
export const CASES = [
  { key: 'pin-grid', label: 'PIN grid', tag: 'boussole-pin-grid', attributes: {} },
  // The needs grid shows its band-specific items only with an age band: 6–11 years, as a worker would pick.
  { key: 'needs-grid', label: 'Needs grid, 6–11 yrs', tag: 'boussole-needs-grid', attributes: { 'age-band': 'y6-11' } },
  { key: 'ces', label: 'CÉS, 10–14 yrs', tag: 'boussole-ces', attributes: { 'age-band': 'y10-14' } },
  { key: 'gen-280', label: 'Generated, 280 items / 7 sections', tag: 'boussole-form', attributes: {}, generated: [280, 7] },
  { key: 'gen-1000', label: 'Generated, 1000 items / 10 sections', tag: 'boussole-form', attributes: {}, generated: [1000, 10] },
];
