import { expect, fixture } from '@open-wc/testing';
import '../../src/elements/pin-grid/define.js';
import type { BoussolePinGrid } from '../../src/elements/pin-grid/boussole-pin-grid.js';
import { conformance } from './conformance.js';
import {
  allByRole,
  byRole,
  click,
  clickOption,
  dateFields,
  descriptionOf,
  expectAccessible,
  field,
  focused,
  group,
  nameOf,
  settle,
  submitButton,
  topSections,
  typeInto,
} from './helpers.js';

conformance('boussole-pin-grid');

describe('<boussole-pin-grid>', () => {
  const make = async (attrs = '') => {
    const el = await fixture<BoussolePinGrid>(`<boussole-pin-grid ${attrs}></boussole-pin-grid>`);
    await settle(el);
    return el;
  };
  const statements = (scope: Element) => allByRole(scope, 'group').filter((g) => allByRole(g, 'radio').length === 4);

  it('shows 24 statements in six themes, each with the four levels', async () => {
    const el = await make();
    expect(topSections(el).length).to.equal(6);
    expect(statements(el).length).to.equal(24);
    const levels = allByRole(statements(el)[0]!, 'radio').map(nameOf);
    expect(levels).to.deep.equal(['Implanté', 'Partiellement implanté', 'Non implanté', 'Ne sais pas']);
  });

  it('tallies each theme while filling, leaving "ne sais pas" out of the status', async () => {
    const el = await make();
    const theme = byRole(el, 'region', { name: 'Composante écosystémique' });
    const groups = statements(theme);
    const choose = (g: HTMLElement, level: string) => clickOption(byRole(g, 'radio', { name: level }));
    await choose(groups[0]!, 'Implanté');
    await choose(groups[1]!, 'Implanté');
    await choose(groups[2]!, 'Implanté');
    await choose(groups[3]!, 'Ne sais pas');
    await settle(el);
    const tally = theme.querySelector('[part="tally"]')!.textContent!;
    expect(tally).to.match(/Implanté 3/);
    expect(tally).to.match(/Ne sais pas 1/);
    expect(tally).to.match(/Statut : Implanté/);
    const table = byRole(el, 'table', { name: 'Implantation par thème' });
    const row = allByRole(table, 'row').find((r) => /écosystémique/.test(r.textContent!))!;
    expect(row.textContent).to.match(/Implanté/);
    expect(el.value!.summaries.tallies.implementation!.sections['pin.ecosystemic']).to.include({ counted: 3, missing: 1, status: 'implemented' });
  });

  it('records the session: date, territorial unit, participants with organisation, role and parent-partner', async () => {
    const el = await make();
    await typeInto(field(el, /^Unité territoriale/), 'RLS de Limoilou');
    await click(byRole(el, 'button', { name: 'Ajouter un participant' }));
    await settle(el);
    const first = group(el, 'Participant 1');
    expect(focused(el)).to.equal(field(first, 'Nom'), 'the new participant’s first field takes focus');
    await typeInto(field(first, /^Organisation/), 'Maison de la famille');
    await typeInto(field(first, /^Rôle/), 'Parent-partenaire');
    await click(field(first, 'Parent-partenaire'));
    await click(byRole(el, 'button', { name: 'Ajouter un participant' }));
    await settle(el);
    expect(el.value!.session.participants!.length).to.equal(2);
    await click(byRole(el, 'button', { name: 'Retirer le participant 2' }));
    await settle(el);
    const [person] = el.value!.session.participants!;
    expect(el.value!.session).to.deep.include({
      territory: 'RLS de Limoilou',
      participants: [{ id: person!.id, organisation: 'Maison de la famille', role: 'Parent-partenaire', parentPartner: true }],
    });
    await expectAccessible(el);
  });

  it('after a submit, shows the session and plan errors and takes each away once it is fixed, without touching the rest', async () => {
    const el = await make();
    await click(submitButton(el));
    await settle(el);
    const territory = field(el, /^Unité territoriale/);
    expect(territory.getAttribute('aria-invalid')).to.equal('true');
    expect(descriptionOf(territory)).to.match(/^Erreur : Inscrivez l’unité territoriale/);
    // The date is a group of three fields, all marked while the date is missing.
    const date = dateFields(group(el, /^Date de la rencontre/)).day;
    expect(date.getAttribute('aria-invalid')).to.equal('true');

    await typeInto(territory, 'RLS de Limoilou');
    await settle(el);
    expect(territory.hasAttribute('aria-invalid')).to.equal(false);
    expect(descriptionOf(territory)).to.equal('');
    expect(date.getAttribute('aria-invalid')).to.equal('true');

    const theme = byRole(el, 'region', { name: 'Composante écosystémique' });
    await click(byRole(theme, 'button', { name: 'Ajouter un objectif' }));
    await settle(el);
    const text = field<HTMLTextAreaElement>(theme, /^Objectif visé/);
    expect(focused(el)).to.equal(text);
    expect(text.getAttribute('aria-invalid')).to.equal('true');
    expect(descriptionOf(text)).to.match(/^Erreur : Décrivez l’objectif/);
    await typeInto(text, 'Rejoindre les familles isolées');
    await settle(el);
    expect(text.hasAttribute('aria-invalid')).to.equal(false);
    expect(territory.value).to.equal('RLS de Limoilou');
    await expectAccessible(el);
  });
});
