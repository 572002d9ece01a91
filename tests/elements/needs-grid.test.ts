import { expect, fixture } from '@open-wc/testing';
import '../../src/elements/needs-grid/define.js';
import type { BoussoleNeedsGrid } from '../../src/elements/needs-grid/boussole-needs-grid.js';
import { conformance } from './conformance.js';
import { allByRole, byRole, choose, click, expectAccessible, field, focused, group, nameOf, queryField, settle, topSections, typeInto } from './helpers.js';

conformance('boussole-needs-grid');

const RATING = /^Dans quelle mesure ce besoin est-il satisfait/;

describe('<boussole-needs-grid>', () => {
  const make = async (attrs = 'age-band="y6-11"') => {
    const el = await fixture<BoussoleNeedsGrid>(`<boussole-needs-grid ${attrs}></boussole-needs-grid>`);
    await settle(el);
    return el;
  };
  const need = (el: Element, title: string | RegExp) => byRole(el, 'region', { name: title });
  const rate = (el: Element, title: string | RegExp, level: string) => choose(need(el, title), RATING, level);

  it('groups the first three needs under the meta-need of safety, then the other four', async () => {
    const el = await make();
    const safety = need(el, 'Méta-besoin de sécurité');
    expect(allByRole(safety, 'heading', { level: 4 }).map(nameOf)).to.deep.equal([
      'Besoins physiologiques et de santé',
      'Besoins de protection',
      'Besoins affectifs et relationnels',
    ]);
    expect(topSections(el).length).to.equal(6); // safety, four needs, conclusion
    expect(allByRole(el, 'group', { name: RATING }).length).to.equal(7);
  });

  it('keeps the voices of the child, the parents and the professionals apart', async () => {
    const el = await make();
    const voices = group(need(el, 'Besoins physiologiques et de santé'), /^Ce qu'en disent l'enfant/);
    await typeInto(field(voices, "L'enfant"), 'Je dors bien.');
    await typeInto(field(voices, 'Les parents'), 'Il se couche tard.');
    await settle(el);
    expect(el.value!.answers['needs.physiological.voices']).to.deep.equal({
      perspectives: { child: { value: 'Je dors bien.' }, parents: { value: 'Il se couche tard.' } },
    });
    expect(field(voices, 'Les professionnels')).to.exist;
  });

  it('shows the needs overview and the status of safety while filling', async () => {
    const el = await make();
    await rate(el, 'Besoins physiologiques et de santé', 'Satisfait');
    await rate(el, 'Besoins de protection', 'Satisfait');
    await rate(el, 'Besoins affectifs et relationnels', 'Partiellement satisfait');
    await settle(el);
    const tallies = el.value!.summaries.tallies;
    expect(tallies.safety!.sections['needs.safety']!.status).to.equal('fragile');
    expect(tallies.needs!.sections['needs.affective']!.status).to.equal('partly-met');
    const safetyLine = () => need(el, 'Méta-besoin de sécurité').querySelector(':scope > [part="tally"]')!.textContent!;
    expect(safetyLine()).to.match(/Sécurité fragile/);
    expect(allByRole(el, 'table').map(nameOf)).to.include('Aperçu des besoins');
    await rate(el, 'Besoins affectifs et relationnels', 'Satisfait');
    await settle(el);
    expect(safetyLine()).to.match(/Sécurité assurée/);
  });

  it('asks what could help only when a need is not fully met, and keeps the answer when hidden again', async () => {
    const el = await make();
    const rules = () => need(el, "Besoin d'un cadre de règles et de limites");
    const support = /^Quels soutiens pourraient aider/;
    expect(queryField(rules(), support)).to.equal(null);
    await rate(el, "Besoin d'un cadre de règles et de limites", 'Non satisfait');
    await settle(el);
    await typeInto(field(rules(), support), 'Soutien éducatif à domicile');
    await rate(el, "Besoin d'un cadre de règles et de limites", 'Satisfait');
    await settle(el);
    expect(queryField(rules(), support)).to.equal(null);
    expect(el.value!.answers['needs.rules.support']!.value).to.equal('Soutien éducatif à domicile');
    expect(el.value!.summaries.outOfScope).to.deep.equal(['needs.rules.support']);
  });

  it('concludes on danger with its reasoning and immediate measures', async () => {
    const el = await make();
    const conclusion = /^Au terme de l'évaluation/;
    await choose(el, conclusion, 'Danger');
    await settle(el);
    expect(field(el, /^Mesures de protection à prendre sans attendre/)).to.exist;
    expect(allByRole(group(el, conclusion), 'radio').map(nameOf)).to.deep.equal(['Pas de danger', 'Risque de danger', 'Danger']);
  });

  it('builds an action plan: objective, then actions with who, by when and status', async () => {
    const el = await make();
    const esteem = () => need(el, "Besoin d'estime de soi et de valorisation");
    await click(byRole(esteem(), 'button', { name: 'Ajouter un objectif' }));
    await settle(el);
    const text = field(esteem(), /^Objectif visé/);
    expect(focused(el)).to.equal(text);
    await typeInto(text, 'Valoriser ses réussites');
    await click(byRole(esteem(), 'button', { name: 'Ajouter une action à l’objectif 1' }));
    await settle(el);
    const action = group(esteem(), 'Action 1');
    expect(focused(el)).to.equal(field(action, /^Quoi/));
    await typeInto(field(action, /^Quoi/), 'Tableau des réussites');
    await typeInto(field(action, 'Qui'), 'Famille');
    await settle(el);
    const [objective] = el.value!.actionPlans['needs.esteem']!.objectives;
    expect(el.value!.actionPlans['needs.esteem']).to.deep.equal({
      objectives: [{ id: objective!.id, text: 'Valoriser ses réussites', actions: [{ id: objective!.actions[0]!.id, what: 'Tableau des réussites', who: 'Famille', status: 'planned' }] }],
    });
    expect(el.value!.summaries.actions['needs.esteem']).to.deep.equal({ objectives: 1, actions: 1, open: 1 });
    await expectAccessible(el);
  });
});
