// <boussole-summary>: the synthesis of a result (and its previous record), read-only, accessible,
// localized; its figures are the engine's.
import { expect, fixture } from '@open-wc/testing';
import '../../src/define.js';
import ces from '../../schemas/instruments/ces.json' with { type: 'json' };
import needs from '../../schemas/instruments/needs-grid.json' with { type: 'json' };
import pin from '../../schemas/instruments/pin-grid.json' with { type: 'json' };
import { compareResults } from '../../src/analysis/index.js';
import type { BoussoleErrorEvent } from '../../src/elements/events.js';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import type { BoussoleSummary } from '../../src/elements/summary/boussole-summary.js';
import { createEngine } from '../../src/engine/index.js';
import type { Instrument, Result } from '../../src/schema/index.js';
import { demoInstrument } from '../../stories/demo-instrument.js';
import { fillAll } from '../support/fill.js';
import { allByRole, byRole, errorBoxes, expectAccessible, nameOf, textOf } from './helpers.js';

const CASES = [
  { instrument: pin as unknown as Instrument, ageBand: undefined },
  { instrument: needs as unknown as Instrument, ageBand: 'y6-11' },
  { instrument: ces as unknown as Instrument, ageBand: 'y10-14' },
];

function result(instrument: Instrument, ageBand: string | undefined, date: string, share: number, variant = false): Result {
  const engine = createEngine(instrument, { ageBand });
  fillAll(engine, { share, varied: variant, session: { date } });
  const section = engine.model.sections.find((s) => s.actionPlan);
  if (section) {
    const o = engine.addObjective(section.id, 'Consolider le suivi');
    engine.addAction(section.id, o, { what: 'Rencontre mensuelle', who: 'Équipe', due: '2026-06-01', status: 'in-progress' });
    engine.addAction(section.id, o, { what: 'Appel aux partenaires', status: 'done' });
  }
  return engine.toResult();
}

async function make(value: unknown, extra = '', previous?: unknown): Promise<BoussoleSummary> {
  const el = await fixture<BoussoleSummary>(`<boussole-summary ${extra}></boussole-summary>`);
  el.value = value;
  if (previous) el.previous = previous;
  await el.updateComplete;
  return el;
}

describe('<boussole-summary>', () => {
  for (const { instrument, ageBand } of CASES)
    for (const lang of ['fr', 'en'] as const)
      it(`${instrument.id} in ${lang}: headings, tables with headers, no control, axe clean`, async () => {
        const el = await make(result(instrument, ageBand, '2026-03-12', 1), `lang="${lang}"`);
        expect(nameOf(byRole(el, 'heading', { level: 2 }))).to.equal(instrument.title[lang]);
        for (const section of instrument.sections) expect(allByRole(el, 'heading').map(nameOf)).to.include(section.title[lang]);
        const tables = allByRole(el, 'table');
        expect(tables.length).to.be.greaterThan(instrument.sections.length - 1);
        for (const table of tables) expect(allByRole(table, 'columnheader').length, nameOf(table)).to.be.greaterThan(1);
        for (const role of ['radio', 'checkbox', 'textbox', 'combobox', 'button']) expect(allByRole(el, role), role).to.deep.equal([]);
        expect(textOf(el)).to.contain(lang === 'fr' ? '12 mars 2026' : 'March 12, 2026');
        expect(textOf(el)).to.contain('Rencontre mensuelle');
        await expectAccessible(el);
      });

  it('with the previous record: its counts of what improved, worsened and is new are the engine’s', async () => {
    const before = result(pin as unknown as Instrument, undefined, '2025-03-10', 0.6);
    const after = result(pin as unknown as Instrument, undefined, '2026-03-12', 1, true);
    const el = await make(after, 'lang="fr"', before);
    const c = compareResults(pin as unknown as Instrument, [before, after]);
    const table = byRole(el, 'table', { name: 'Depuis la rencontre précédente (10 mars 2025)' });
    for (const section of (pin as unknown as Instrument).sections) {
      const row = [...table.querySelectorAll('tbody tr')].find((r) => r.querySelector('th')!.textContent === section.title.fr)!;
      const counts = c.sections.find((s) => s.sectionId === section.id)!.counts;
      expect([...row.querySelectorAll('td')].map((td) => Number(td.textContent)), section.id).to.deep.equal([counts.improved, counts.worsened, counts['newly-answered']]);
    }
    expect(textOf(el)).to.contain('Évolution');
    await expectAccessible(el);
  });

  it('counts the open actions the form’s summary counts, for the same result (an action without its “what” is not open)', async () => {
    const instrument = pin as unknown as Instrument;
    const engine = createEngine(instrument);
    engine.setSession({ date: '2026-03-12' });
    const section = instrument.sections.find((s) => s.actionPlan)!;
    const o = engine.addObjective(section.id, 'Consolider le suivi');
    engine.addAction(section.id, o, { what: 'Rencontre mensuelle', status: 'planned' });
    engine.addAction(section.id, o, { what: '', status: 'in-progress' });
    engine.addAction(section.id, o, { what: 'Appel aux partenaires', status: 'done' });
    const value = engine.toResult();
    const form = await fixture<BoussoleForm>('<boussole-form lang="fr" readonly></boussole-form>');
    form.instrument = instrument;
    form.value = value;
    await form.updateComplete;
    const progress = byRole(form, 'table', { name: 'Progression par section' });
    const row = [...progress.querySelectorAll('tbody tr')].find((r) => r.querySelector('th')!.textContent === section.title.fr)!;
    const inForm = Number(row.querySelector('td:last-child')!.textContent);
    const el = await make(value, 'lang="fr"');
    const plan = byRole(el, 'table', { name: new RegExp(`^Plan d’action — ${section.title.fr}`) });
    const inSummary = Number(/(\d+) ouvertes?/.exec(nameOf(plan))![1]);
    expect(inForm).to.equal(1);
    expect(inSummary, nameOf(plan)).to.equal(inForm);
    await expectAccessible(el);
  });

  it('reads its instrument, result and previous record from child scripts, for plain pages', async () => {
    const value = result(pin as unknown as Instrument, undefined, '2026-03-12', 1);
    const host = await fixture<HTMLElement>(
      `<div><boussole-summary lang="en"><script type="application/json" data-boussole="value">${JSON.stringify(value)}</script></boussole-summary></div>`,
    );
    const el = host.querySelector<BoussoleSummary>('boussole-summary')!;
    await el.updateComplete;
    expect(nameOf(byRole(el, 'heading', { level: 2 }))).to.equal('PIN implementation self-assessment grid');
  });

  it('a result of an organisation’s own instrument without `instrument`: a visible message naming it, and boussole-error', async () => {
    for (const [lang, named] of [['fr', '« demo-suivi »'], ['en', '“demo-suivi”']] as const) {
      const errors: BoussoleErrorEvent['detail'][] = [];
      const el = await fixture<BoussoleSummary>(`<boussole-summary lang="${lang}"></boussole-summary>`);
      el.addEventListener('boussole-error', (e) => errors.push((e as BoussoleErrorEvent).detail));
      el.value = createEngine(demoInstrument).toResult();
      await el.updateComplete;
      expect(errors.map((e) => [e.code, e.params?.id])).to.deep.equal([['unknown-instrument', 'demo-suivi']]);
      expect(errorBoxes(el).length).to.equal(1);
      expect(textOf(errorBoxes(el)[0]!)).to.contain(named);
      expect(textOf(errorBoxes(el)[0]!)).to.contain(errors[0]!.message);
      await expectAccessible(el);
    }
  });

  it('an unreadable result: a visible message and boussole-error', async () => {
    const codes: string[] = [];
    const el = await fixture<BoussoleSummary>('<boussole-summary></boussole-summary>');
    el.addEventListener('boussole-error', (e) => codes.push((e as BoussoleErrorEvent).detail.code));
    el.value = { instrument: { id: 'pin-grid', version: (pin as unknown as Instrument).version }, answers: 'none' };
    await el.updateComplete;
    expect(codes).to.deep.equal(['unreadable-value']);
    expect(errorBoxes(el).length).to.equal(1);
    await expectAccessible(el);
  });

  it('its error box closes with its “Fermer ce message” button, as the form’s does', async () => {
    const el = await fixture<BoussoleSummary>('<boussole-summary></boussole-summary>');
    el.value = { instrument: { id: 'pin-grid', version: (pin as unknown as Instrument).version }, answers: 'none' };
    await el.updateComplete;
    expect(errorBoxes(el).length).to.equal(1);
    byRole(el, 'button', { name: 'Fermer ce message' }).click();
    await el.updateComplete;
    expect(errorBoxes(el).length, 'the box is gone').to.equal(0);
    expect(textOf(el)).to.contain('Aucun résultat à afficher.');
  });
});
