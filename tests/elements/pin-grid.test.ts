import { expect, fixture } from '@open-wc/testing';
import '../../src/elements/pin-grid/define.js';
import type { BoussolePinGrid } from '../../src/elements/pin-grid/boussole-pin-grid.js';
import { conformance } from './conformance.js';
import { $, $$, byId, click, expectAccessible, settle, typeInto } from './helpers.js';

conformance('boussole-pin-grid');

describe('<boussole-pin-grid>', () => {
  const make = async (attrs = '') => {
    const el = await fixture<BoussolePinGrid>(`<boussole-pin-grid ${attrs}></boussole-pin-grid>`);
    await settle(el);
    return el;
  };

  it('shows 24 statements in six themes, each with the four levels', async () => {
    const el = await make();
    expect($$(el, 'section.top').length).to.equal(6);
    expect($$(el, 'fieldset.item').length).to.equal(24);
    const labels = $$(el, 'fieldset.item')[0]!.querySelectorAll('.option span');
    expect([...labels].map((l) => l.textContent)).to.deep.equal(['Implanté', 'Partiellement implanté', 'Non implanté', 'Ne sais pas']);
  });

  it('tallies each theme while filling, leaving "ne sais pas" out of the status', async () => {
    const el = await make();
    const theme = $(el, '[id="s-pin.ecosystemic"]');
    const groups = [...theme.querySelectorAll<HTMLFieldSetElement>('fieldset.item')];
    const choose = (group: HTMLFieldSetElement, index: number) => click(group.querySelectorAll('label.option')[index]!);
    await choose(groups[0]!, 0);
    await choose(groups[1]!, 0);
    await choose(groups[2]!, 0);
    await choose(groups[3]!, 3); // ne sais pas
    await settle(el);
    const tally = theme.querySelector('[part="tally"]')!.textContent!;
    expect(tally).to.match(/Implanté 3/);
    expect(tally).to.match(/Ne sais pas 1/);
    expect(tally).to.match(/Statut : Implanté/);
    const row = [...$$(el, '[part="tally-table"] tbody tr')][0]!;
    expect(row.textContent).to.match(/Implanté/);
    expect(el.value!.summaries.tallies.implementation!.sections['pin.ecosystemic']).to.include({ counted: 3, missing: 1, status: 'implemented' });
  });

  it('records the session: date, territorial unit, participants with organisation, role and parent-partner', async () => {
    const el = await make();
    await typeInto($(el, '[data-session="territory"]'), 'RLS de Limoilou');
    await click($(el, '[data-action="add-participant"]'));
    await settle(el);
    const [pid] = el.value!.session.participants!.map((p) => p.id);
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.participant).to.equal(pid);
    await typeInto(byId(el, `c-session.participants.${pid}.organisation`), 'Maison de la famille');
    await typeInto(byId(el, `c-session.participants.${pid}.role`), 'Parent-partenaire');
    await click($(el, `[data-participant="${pid}"][data-field="parentPartner"]`));
    await click($(el, '[data-action="add-participant"]'));
    await settle(el);
    expect(el.value!.session.participants!.length).to.equal(2);
    await click($$(el, '[data-action="remove-participant"]')[1]!);
    await settle(el);
    expect(el.value!.session).to.deep.include({
      territory: 'RLS de Limoilou',
      participants: [{ id: pid, organisation: 'Maison de la famille', role: 'Parent-partenaire', parentPartner: true }],
    });
    await expectAccessible(el);
  });

  it('after a submit, shows the session and plan errors and takes each away once it is fixed, without touching the rest', async () => {
    const el = await make();
    await click($(el, '[data-action="submit"]'));
    await settle(el);
    const territory = $<HTMLInputElement>(el, '[data-session="territory"]');
    expect(territory.getAttribute('aria-invalid')).to.equal('true');
    expect(byId(el, 'e-session.territory').textContent).to.not.equal('');
    const date = $<HTMLInputElement>(el, '[data-session="date"]');
    expect(date.getAttribute('aria-invalid')).to.equal('true');

    await typeInto(territory, 'RLS de Limoilou');
    await settle(el);
    expect(territory.hasAttribute('aria-invalid')).to.equal(false);
    expect(el.shadowRoot!.getElementById('e-session.territory')).to.equal(null);
    expect(date.getAttribute('aria-invalid')).to.equal('true');

    const plan = $(el, '[data-action="add-objective"]');
    const sid = plan.dataset.plan!;
    await click(plan);
    await settle(el);
    const [objective] = el.value!.actionPlans![sid]!.objectives;
    const text = byId<HTMLTextAreaElement>(el, `c-plan.${sid}.${objective!.id}.text`);
    expect(text.getAttribute('aria-invalid')).to.equal('true');
    await typeInto(text, 'Rejoindre les familles isolées');
    await settle(el);
    expect(text.hasAttribute('aria-invalid')).to.equal(false);
    expect(territory.value).to.equal('RLS de Limoilou');
    await expectAccessible(el);
  });
});
