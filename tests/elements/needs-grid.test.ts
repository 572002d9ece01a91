import { expect, fixture } from '@open-wc/testing';
import '../../src/elements/needs-grid/define.js';
import type { BoussoleNeedsGrid } from '../../src/elements/needs-grid/boussole-needs-grid.js';
import { conformance } from './conformance.js';
import { $, $$, byId, click, expectAccessible, focused, settle, typeInto } from './helpers.js';

conformance('boussole-needs-grid');

describe('<boussole-needs-grid>', () => {
  const make = async (attrs = 'age-band="y6-11"') => {
    const el = await fixture<BoussoleNeedsGrid>(`<boussole-needs-grid ${attrs}></boussole-needs-grid>`);
    await settle(el);
    return el;
  };
  const rate = async (el: BoussoleNeedsGrid, need: string, code: string) =>
    click($(el, `input[name="needs.${need}.rating"][value="${code}"]`).closest('label')!);

  it('groups the first three needs under the meta-need of safety, then the other four', async () => {
    const el = await make();
    const safety = $(el, '[id="s-needs.safety"]');
    expect(safety.querySelector('h3')!.textContent).to.match(/sécurité/i);
    expect([...safety.querySelectorAll('section.nested h4')].length).to.equal(3);
    expect($$(el, 'section.top').length).to.equal(6); // safety, four needs, conclusion
    expect($$(el, 'input[name$=".rating"][value="met"]').length).to.equal(7);
  });

  it('keeps the voices of the child, the parents and the professionals apart', async () => {
    const el = await make();
    await typeInto(byId(el, 'c-needs.physiological.voices--child'), 'Je dors bien.');
    await typeInto(byId(el, 'c-needs.physiological.voices--parents'), 'Il se couche tard.');
    await settle(el);
    expect(el.value!.answers['needs.physiological.voices']).to.deep.equal({
      perspectives: { child: { value: 'Je dors bien.' }, parents: { value: 'Il se couche tard.' } },
    });
    expect($(el, '[for="c-needs.physiological.voices--professionals"]').textContent).to.match(/professionnels/i);
  });

  it('shows the needs overview and the status of safety while filling', async () => {
    const el = await make();
    await rate(el, 'physiological', 'met');
    await rate(el, 'protection', 'met');
    await rate(el, 'affective', 'partly-met');
    await settle(el);
    const tallies = el.value!.summaries.tallies;
    expect(tallies.safety!.sections['needs.safety']!.status).to.equal('fragile');
    expect(tallies.needs!.sections['needs.affective']!.status).to.equal('partly-met');
    const safetyLine = $(el, '[id="s-needs.safety"] [part="tally"]').textContent!;
    expect(safetyLine).to.match(/Sécurité fragile/);
    const overview = $$(el, '[part="tally-table"]').map((t) => t.textContent).join(' ');
    expect(overview).to.match(/Aperçu des besoins/);
    await rate(el, 'affective', 'met');
    await settle(el);
    expect($(el, '[id="s-needs.safety"] [part="tally"]').textContent).to.match(/Sécurité assurée/);
  });

  it('asks what could help only when a need is not fully met, and keeps the answer when hidden again', async () => {
    const el = await make();
    expect(el.shadowRoot!.querySelector('[id="c-needs.rules.support"]')).to.equal(null);
    await rate(el, 'rules', 'not-met');
    await settle(el);
    await typeInto(byId(el, 'c-needs.rules.support'), 'Soutien éducatif à domicile');
    await rate(el, 'rules', 'met');
    await settle(el);
    expect(el.shadowRoot!.querySelector('[id="c-needs.rules.support"]')).to.equal(null);
    expect(el.value!.answers['needs.rules.support']!.value).to.equal('Soutien éducatif à domicile');
    expect(el.value!.summaries.outOfScope).to.deep.equal(['needs.rules.support']);
  });

  it('concludes on danger with its reasoning and immediate measures', async () => {
    const el = await make();
    await click($(el, 'input[name="needs.conclusion.level"][value="danger"]').closest('label')!);
    await settle(el);
    expect(byId(el, 'c-needs.conclusion.immediate-measures')).to.exist;
    expect($$(el, 'input[name="needs.conclusion.level"]').map((r) => r.closest('label')!.textContent!.trim())).to.deep.equal([
      'Pas de danger',
      'Risque de danger',
      'Danger',
    ]);
  });

  it('builds an action plan: objective, then actions with who, by when and status', async () => {
    const el = await make();
    await click($(el, '[data-action="add-objective"][data-plan="needs.esteem"]'));
    await settle(el);
    const objective = el.value!.actionPlans['needs.esteem']!.objectives[0]!;
    expect(focused(el)?.id).to.equal(`c-plan.needs.esteem.${objective.id}.text`);
    await typeInto(byId(el, `c-plan.needs.esteem.${objective.id}.text`), 'Valoriser ses réussites');
    await click($(el, `[data-action="add-action"][data-objective="${objective.id}"]`));
    await settle(el);
    const action = el.value!.actionPlans['needs.esteem']!.objectives[0]!.actions[0]!;
    expect(focused(el)?.id).to.equal(`c-plan.needs.esteem.${objective.id}.${action.id}.what`);
    await typeInto(byId(el, `c-plan.needs.esteem.${objective.id}.${action.id}.what`), 'Tableau des réussites');
    await typeInto(byId(el, `c-plan.needs.esteem.${objective.id}.${action.id}.who`), 'Famille');
    await settle(el);
    expect(el.value!.actionPlans['needs.esteem']).to.deep.equal({
      objectives: [{ id: objective.id, text: 'Valoriser ses réussites', actions: [{ id: action.id, what: 'Tableau des réussites', who: 'Famille', status: 'planned' }] }],
    });
    expect(el.value!.summaries.actions['needs.esteem']).to.deep.equal({ objectives: 1, actions: 1, open: 1 });
    await expectAccessible(el);
  });
});
