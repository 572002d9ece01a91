import { expect, fixture, oneEvent } from '@open-wc/testing';
import '../../src/elements/ces/define.js';
import type { BoussoleCes } from '../../src/elements/ces/boussole-ces.js';
import type { BoussoleChangeEvent, BoussoleErrorEvent } from '../../src/elements/events.js';
import { conformance } from './conformance.js';
import {
  allByRole,
  byRole,
  choose,
  click,
  errorBoxes,
  expectAccessible,
  field,
  group,
  nameOf,
  pick,
  queryByRole,
  settle,
  textOf,
  topSections,
  typeInto,
} from './helpers.js';

conformance('boussole-ces', { attributes: 'age-band="y10-14"' });

const SPHERES = [
  'Santé',
  'Éducation',
  'Identité',
  'Relations familiales et sociales',
  'Présentation de soi',
  'Développement affectif et comportemental',
  'Habiletés à prendre soin de soi',
];
const BANDS = ['m0-12', 'y1-2', 'y3-4', 'y5-9', 'y10-14', 'y15-17', 'y18-21'];
const FEEDING = /^Les boires et les repas se passent dans le calme/;
const CONCERN = /^Dans l'ensemble, cette sphère suscite-t-elle des inquiétudes/;
const SELF_HARM = /^Des gestes pour se faire du mal/;
const SELF_HARM_CARE = /^Un suivi professionnel est en place à ce sujet/;

describe('<boussole-ces>', () => {
  const make = async (attrs = 'age-band="y5-9"') => {
    const el = await fixture<BoussoleCes>(`<boussole-ces ${attrs}></boussole-ces>`);
    await settle(el);
    return el;
  };
  const sphere = (el: Element, name: string) => byRole(el, 'region', { name });
  /** The questions of a sphere: its groups with options, and its labelled text fields. */
  const questions = (scope: Element) => scope.querySelectorAll('[part~="item"]').length;
  const band = (el: Element) => field<HTMLSelectElement>(el, /^Tranche d’âge/);

  for (const id of BANDS) {
    it(`age band ${id}: seven spheres of at least five questions, each with its action plan`, async () => {
      const el = await make(`age-band="${id}"`);
      for (const name of SPHERES) {
        expect(questions(sphere(el, name)), name).to.be.at.least(5);
        expect(byRole(sphere(el, name), 'button', { name: 'Ajouter un objectif' })).to.exist;
      }
      expect(nameOf(topSections(el).at(-1)!)).to.match(/rêve de vie/);
    });
  }

  it('without a band, asks for one and shows only the questions common to every band', async () => {
    const el = await make('');
    expect(queryByRole(el, 'group', { name: /^Les vaccins prévus pour son âge/ })).to.equal(null);
    expect(group(sphere(el, 'Santé'), CONCERN)).to.exist;
    expect(band(el).options.length).to.equal(8);
    pick(band(el), 'y3-4');
    await settle(el);
    expect(questions(sphere(el, 'Santé'))).to.be.at.least(5);
    expect(el.value!.ageBand).to.equal('y3-4');
    await expectAccessible(el);
  });

  it('takes the band from the birth date and the session date, on the boundary included', async () => {
    const el = await make('birth-date="2020-03-15" session-date="2025-03-15"');
    expect(el.value!.ageBand).to.equal('y5-9');
    expect(band(el).value).to.equal('y5-9');
    const day = await make('birth-date="2020-03-15" session-date="2025-03-14"');
    expect(day.value!.ageBand).to.equal('y3-4');
    expect(JSON.stringify(day.value)).to.not.contain('2020-03-15', 'the birth date is never stored');
  });

  it('changing the band keeps answers given for the other band and reports them out of scope', async () => {
    const el = await make('age-band="m0-12"');
    await choose(sphere(el, 'Santé'), FEEDING, 'Souvent');
    await choose(sphere(el, 'Santé'), CONCERN, 'Aucune inquiétude');
    await settle(el);
    const changes: BoussoleChangeEvent[] = [];
    el.addEventListener('boussole-change', (e) => changes.push(e));
    pick(band(el), 'y15-17');
    await settle(el);
    expect(changes.map((c) => c.detail)).to.deep.equal([{ itemId: 'ageBand', value: 'y15-17' }]);
    expect(queryByRole(el, 'group', { name: FEEDING })).to.equal(null);
    expect(el.value!.answers['ces.health.feeding']).to.deep.equal({ value: 'often' });
    expect(el.value!.summaries.outOfScope).to.include('ces.health.feeding');
    expect(byRole(group(sphere(el, 'Santé'), CONCERN), 'radio', { name: 'Aucune inquiétude' })).to.have.property('checked', true);
    pick(band(el), 'm0-12');
    await settle(el);
    expect(byRole(group(el, FEEDING), 'radio', { name: 'Souvent' })).to.have.property('checked', true);
  });

  it('shows progress per sphere while filling', async () => {
    const el = await make('age-band="y10-14"');
    const table = () => byRole(el, 'table', { name: 'Progression par section' });
    const before = table().textContent!;
    await choose(sphere(el, 'Santé'), CONCERN, 'Quelques inquiétudes');
    await settle(el);
    expect(table().textContent).to.not.equal(before);
    const row = allByRole(table(), 'row').find((r) => nameOf(r).startsWith('Santé'))!;
    expect(textOf(row)).to.contain('Questions répondues : 1 sur');
    expect(el.value!.summaries.progress.sections['ces.health']!.answered).to.equal(1);
  });

  it('asks a follow-up only when it applies, and keeps its answer when hidden again', async () => {
    const el = await make('age-band="y10-14"');
    expect(queryByRole(el, 'group', { name: SELF_HARM_CARE })).to.equal(null);
    await choose(el, SELF_HARM, 'Oui');
    await settle(el);
    await choose(el, SELF_HARM_CARE, 'Oui');
    await choose(el, SELF_HARM, 'Non');
    await settle(el);
    expect(queryByRole(el, 'group', { name: SELF_HARM_CARE })).to.equal(null);
    expect(el.value!.answers['ces.emotional-behavioural.self-harm-care']).to.deep.equal({ value: 'yes' });
  });

  it('builds a sphere action plan: objective, then action with who, by when and status', async () => {
    const el = await make('age-band="y10-14"');
    const education = () => sphere(el, 'Éducation');
    await click(byRole(education(), 'button', { name: 'Ajouter un objectif' }));
    await settle(el);
    await typeInto(field(education(), /^Objectif visé/), 'Reprendre le goût de lire');
    await click(byRole(education(), 'button', { name: 'Ajouter une action à l’objectif 1' }));
    await settle(el);
    await typeInto(field(education(), /^Quoi/), 'Inscription à la bibliothèque');
    await typeInto(field(education(), 'Qui'), "Famille d'accueil");
    await settle(el);
    const plan = el.value!.actionPlans!['ces.education']!;
    expect(plan.objectives[0]!.text).to.equal('Reprendre le goût de lire');
    expect(plan.objectives[0]!.actions[0]!).to.include({ what: 'Inscription à la bibliothèque', who: "Famille d'accueil" });
    expect(el.value!.summaries.actions['ces.education']!.open).to.equal(1);
    await expectAccessible(el);
  });

  it('hears the child, the foster family, the worker and the birth parents on strengths and the life dream', async () => {
    const el = await make('age-band="y15-17"');
    const strengths = topSections(el).at(-1)!;
    await typeInto(field(group(strengths, /^Son rêve de vie/), /^L'enfant ou le jeune/), 'Devenir ébéniste');
    const qualities = group(strengths, /^Ses forces et ses qualités/);
    await typeInto(field(qualities, "Les parents d'origine"), 'Généreux');
    await settle(el);
    expect(el.value!.answers['ces.strengths.dream']).to.deep.equal({ perspectives: { child: { value: 'Devenir ébéniste' } } });
    expect(el.value!.answers['ces.strengths.qualities']).to.deep.equal({ perspectives: { 'birth-parent': { value: 'Généreux' } } });
  });

  it('an unknown age band: a visible, localized message and boussole-error; nothing typed is lost', async () => {
    const el = await make('age-band="y5-9"');
    await choose(sphere(el, 'Santé'), CONCERN, 'Inquiétudes importantes');
    await settle(el);
    const error = oneEvent(el, 'boussole-error') as Promise<BoussoleErrorEvent>;
    el.setAttribute('age-band', 'y99');
    const { detail } = await error;
    await settle(el);
    expect(detail.code).to.equal('unknown-age-band');
    expect(errorBoxes(el)[0]!.textContent).to.contain('y99');
    expect(el.value!.answers['ces.health.concern']).to.deep.equal({ value: 'serious' });
    el.setAttribute('lang', 'en');
    await settle(el);
    expect(errorBoxes(el)[0]!.textContent).to.match(/age band/i);
  });

  it('passes axe in English, read-only, with answers', async () => {
    const filled = await make('age-band="y1-2" lang="en"');
    await choose(sphere(filled, 'Health'), /^Overall, does this sphere raise any concern/, 'No concern');
    await settle(filled);
    const el = await make('age-band="y1-2" lang="en" readonly');
    el.value = filled.value;
    await settle(el);
    expect(allByRole(el, 'radio')).to.deep.equal([]);
    expect(textOf(el)).to.contain('No concern');
    await expectAccessible(el);
  });
});
