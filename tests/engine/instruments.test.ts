import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createEngine } from '../../src/engine/index.js';
import { parseInstrument } from '../../src/engine/index.js';
import type { Instrument, Item, Section } from '../../src/schema/index.js';
import { fillAll } from '../support/fill.js';

const load = (id: string): Instrument => {
  const parsed = parseInstrument(JSON.parse(readFileSync(new URL(`../../schemas/instruments/${id}.json`, import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(`${id}: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
};
const itemsOf = (section: Section): Item[] => [...(section.items ?? []), ...(section.sections ?? []).flatMap(itemsOf)];
const allTexts = (value: unknown, path = '$', out: [string, unknown][] = []): [string, unknown][] => {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.includes('fr') && keys.includes('en')) out.push([path, value]);
    else for (const [k, v] of Object.entries(value)) allTexts(v, `${path}.${k}`, out);
  } else if (Array.isArray(value)) value.forEach((v, i) => allTexts(v, `${path}[${i}]`, out));
  return out;
};

describe('bundled instruments', () => {
  for (const id of ['ces', 'needs-grid', 'pin-grid']) {
    it(`${id}: marked as illustrative, every text in French and English, different in each`, () => {
      const instrument = load(id);
      assert.equal(instrument.source.illustrative, true);
      const texts = allTexts(instrument);
      assert.ok(texts.length > 50);
      const same = texts.filter(([, t]) => {
        const { fr, en } = t as { fr: string; en: string };
        return fr === en && fr.length > 12;
      });
      assert.deepEqual(same.map(([p]) => p), [], 'French and English texts should not be identical');
    });

    it(`${id}: filling every visible question gives a complete, valid result`, () => {
      const engine = createEngine(load(id));
      fillAll(engine);
      assert.deepEqual(engine.validate(), []);
      const result = engine.toResult({ complete: true });
      assert.equal(result.status, 'complete');
      assert.equal(result.summaries.progress.overall.percent, 100);
    });
  }

  it('PIN grid: exactly 24 statements in six themes, on the implanté scale with "ne sais pas" left out', () => {
    const pin = load('pin-grid');
    const themes = pin.sections.filter((s) => s.kind === 'theme');
    assert.equal(themes.length, 6);
    const statements = themes.flatMap(itemsOf).filter((i) => i.type === 'single-choice');
    assert.equal(statements.length, 24);
    const scale = pin.scales!.find((s) => s.id === (statements[0] as { scale: string }).scale)!;
    assert.deepEqual(
      scale.options.map((o) => [o.code, Boolean(o.missing)]),
      [['implemented', false], ['partial', false], ['not-implemented', false], ['unknown', true]],
    );
    assert.ok(pin.session?.territory && pin.session.participants?.parentPartner && pin.session.participants.organisation);
  });

  it('CÉS: seven spheres with an action plan, the seven age bands in months, a strengths section', () => {
    const ces = load('ces');
    const spheres = ces.sections.filter((s) => s.kind === 'sphere');
    assert.deepEqual(
      spheres.map((s) => s.title.fr),
      [
        'Santé',
        'Éducation',
        'Identité',
        'Relations familiales et sociales',
        'Présentation de soi',
        'Développement affectif et comportemental',
        'Habiletés à prendre soin de soi',
      ],
    );
    assert.ok(spheres.every((s) => s.actionPlan));
    assert.deepEqual(
      ces.ageBands!.map((b) => [b.id, b.minMonths, b.maxMonths]),
      [
        ['m0-12', 0, 11],
        ['y1-2', 12, 35],
        ['y3-4', 36, 59],
        ['y5-9', 60, 119],
        ['y10-14', 120, 179],
        ['y15-17', 180, 215],
        ['y18-21', 216, 263],
      ],
    );
    const strengths = ces.sections.find((s) => s.kind === 'strengths')!;
    assert.match(strengths.title.fr, /forces.*talents.*rêve de vie/i);
  });

  it('CÉS: every band shows at least five questions in every sphere, without any answer needed', () => {
    const ces = load('ces');
    for (const band of ces.ageBands!) {
      const engine = createEngine(ces);
      engine.setAgeBand(band.id);
      for (const sphere of ces.sections.filter((s) => s.kind === 'sphere')) {
        const shown = itemsOf(sphere).filter((i) => engine.isVisible(i.id));
        assert.ok(shown.length >= 5, `${band.id} ${sphere.id}: ${shown.length}`);
      }
    }
  });

  it('needs grid: seven needs, the first three under the meta-need of safety, each rated on met → not assessed', () => {
    const grid = load('needs-grid');
    const safety = grid.sections[0]!;
    assert.equal(safety.sections?.length, 3);
    const needs = [...safety.sections!, ...grid.sections.slice(1)].filter((s) => s.kind === 'need');
    assert.equal(needs.length, 7);
    for (const need of needs) {
      const items = itemsOf(need);
      const rating = items.find((i) => i.type === 'single-choice' && i.required);
      assert.ok(rating, `${need.id} has a required rating`);
      assert.ok(items.some((i) => i.perspectives?.length === 3), `${need.id} hears three voices`);
      assert.ok(need.actionPlan, `${need.id} has actions`);
    }
    const conclusion = grid.sections.at(-1)!;
    const overall = itemsOf(conclusion).find((i) => i.type === 'single-choice')!;
    const scale = grid.scales!.find((s) => s.id === (overall as { scale: string }).scale)!;
    assert.equal(scale.options.length >= 3, true);
    assert.ok(itemsOf(conclusion).some((i) => i.type === 'long-text'), 'the conclusion gives its reasoning');
  });
});
