import { expect, fixture, oneEvent } from '@open-wc/testing';
import '../../src/elements/ces/define.js';
import type { BoussoleCes } from '../../src/elements/ces/boussole-ces.js';
import type { BoussoleChangeEvent, BoussoleErrorEvent } from '../../src/elements/events.js';
import { conformance } from './conformance.js';
import { $, $$, byId, click, expectAccessible, pick, root, settle, typeInto } from './helpers.js';

conformance('boussole-ces', { attributes: 'age-band="y10-14"' });

const SPHERES = [
  'ces.health',
  'ces.education',
  'ces.identity',
  'ces.relationships',
  'ces.self-presentation',
  'ces.emotional-behavioural',
  'ces.self-care',
];
const BANDS = ['m0-12', 'y1-2', 'y3-4', 'y5-9', 'y10-14', 'y15-17', 'y18-21'];

describe('<boussole-ces>', () => {
  const make = async (attrs = 'age-band="y5-9"') => {
    const el = await fixture<BoussoleCes>(`<boussole-ces ${attrs}></boussole-ces>`);
    await settle(el);
    return el;
  };
  const questions = (el: BoussoleCes, sphere: string) => $$(el, `[id="s-${sphere}"] [id^="q-"]`);

  for (const band of BANDS) {
    it(`age band ${band}: seven spheres of at least five questions, each with its action plan`, async () => {
      const el = await make(`age-band="${band}"`);
      for (const sphere of SPHERES) {
        expect(questions(el, sphere).length, sphere).to.be.at.least(5);
        expect($(el, `[id="s-${sphere}"] [data-action="add-objective"]`)).to.exist;
      }
      expect($(el, '[id="s-ces.strengths"] h3').textContent).to.match(/rêve de vie/);
    });
  }

  it('without a band, asks for one and shows only the questions common to every band', async () => {
    const el = await make('');
    expect(root(el).querySelector('[id="q-ces.health.vaccines"]')).to.equal(null);
    expect(byId(el, 'q-ces.health.concern')).to.exist;
    const select = $<HTMLSelectElement>(el, '[data-role="age-band"]');
    expect(select.options.length).to.equal(8);
    pick(select, 'y3-4');
    await settle(el);
    expect(questions(el, 'ces.health').length).to.be.at.least(5);
    expect(el.value!.ageBand).to.equal('y3-4');
    await expectAccessible(el);
  });

  it('takes the band from the birth date and the session date, on the boundary included', async () => {
    const el = await make('birth-date="2020-03-15" session-date="2025-03-15"');
    expect(el.value!.ageBand).to.equal('y5-9');
    expect($<HTMLSelectElement>(el, '[data-role="age-band"]').value).to.equal('y5-9');
    const day = await make('birth-date="2020-03-15" session-date="2025-03-14"');
    expect(day.value!.ageBand).to.equal('y3-4');
    expect(JSON.stringify(day.value)).to.not.contain('2020-03-15', 'the birth date is never stored');
  });

  it('changing the band keeps answers given for the other band and reports them out of scope', async () => {
    const el = await make('age-band="m0-12"');
    await click($(el, 'input[name="ces.health.feeding"][value="often"]').closest('label')!);
    await click($(el, 'input[name="ces.health.concern"][value="none"]').closest('label')!);
    await settle(el);
    const changes: BoussoleChangeEvent[] = [];
    el.addEventListener('boussole-change', (e) => changes.push(e));
    pick($<HTMLSelectElement>(el, '[data-role="age-band"]'), 'y15-17');
    await settle(el);
    expect(changes.map((c) => c.detail)).to.deep.equal([{ itemId: 'ageBand', value: 'y15-17' }]);
    expect(root(el).querySelector('[name="ces.health.feeding"]')).to.equal(null);
    expect(el.value!.answers['ces.health.feeding']).to.deep.equal({ value: 'often' });
    expect(el.value!.summaries.outOfScope).to.include('ces.health.feeding');
    expect($<HTMLInputElement>(el, 'input[name="ces.health.concern"][value="none"]').checked).to.equal(true);
    pick($<HTMLSelectElement>(el, '[data-role="age-band"]'), 'm0-12');
    await settle(el);
    expect($<HTMLInputElement>(el, 'input[name="ces.health.feeding"][value="often"]').checked).to.equal(true);
  });

  it('shows progress per sphere while filling', async () => {
    const el = await make('age-band="y10-14"');
    const before = $(el, '[part="progress-table"]').textContent!;
    await click($(el, 'input[name="ces.health.concern"][value="some"]').closest('label')!);
    await settle(el);
    const after = $(el, '[part="progress-table"]').textContent!;
    expect(after).to.not.equal(before);
    expect(el.value!.summaries.progress.sections['ces.health']!.answered).to.equal(1);
  });

  it('asks a follow-up only when it applies, and keeps its answer when hidden again', async () => {
    const el = await make('age-band="y10-14"');
    expect(root(el).querySelector('[id="q-ces.emotional-behavioural.self-harm-care"]')).to.equal(null);
    await click($(el, 'input[name="ces.emotional-behavioural.self-harm"][value="yes"]').closest('label')!);
    await settle(el);
    await click($(el, 'input[name="ces.emotional-behavioural.self-harm-care"][value="yes"]').closest('label')!);
    await click($(el, 'input[name="ces.emotional-behavioural.self-harm"][value="no"]').closest('label')!);
    await settle(el);
    expect(root(el).querySelector('[id="q-ces.emotional-behavioural.self-harm-care"]')).to.equal(null);
    expect(el.value!.answers['ces.emotional-behavioural.self-harm-care']).to.deep.equal({ value: 'yes' });
  });

  it('builds a sphere action plan: objective, then action with who, by when and status', async () => {
    const el = await make('age-band="y10-14"');
    await click($(el, '[id="s-ces.education"] [data-action="add-objective"]'));
    await settle(el);
    const objective = $<HTMLTextAreaElement>(el, '[id="s-ces.education"] textarea[data-field="text"]');
    await typeInto(objective, 'Reprendre le goût de lire');
    await click($(el, '[id="s-ces.education"] [data-action="add-action"]'));
    await settle(el);
    await typeInto($(el, '[id="s-ces.education"] [data-field="what"]'), 'Inscription à la bibliothèque');
    await typeInto($(el, '[id="s-ces.education"] [data-field="who"]'), "Famille d'accueil");
    await settle(el);
    const plan = el.value!.actionPlans!['ces.education']!;
    expect(plan.objectives[0]!.text).to.equal('Reprendre le goût de lire');
    expect(plan.objectives[0]!.actions[0]!).to.include({ what: 'Inscription à la bibliothèque', who: "Famille d'accueil" });
    expect(el.value!.summaries.actions['ces.education']!.open).to.equal(1);
    await expectAccessible(el);
  });

  it('hears the child, the foster family, the worker and the birth parents on strengths and the life dream', async () => {
    const el = await make('age-band="y15-17"');
    await typeInto(byId(el, 'c-ces.strengths.dream--child'), 'Devenir ébéniste');
    await typeInto(byId(el, 'c-ces.strengths.qualities--birth-parent'), 'Généreux');
    await settle(el);
    expect(el.value!.answers['ces.strengths.dream']).to.deep.equal({ perspectives: { child: { value: 'Devenir ébéniste' } } });
    expect($(el, '[for="c-ces.strengths.qualities--birth-parent"]').textContent).to.match(/parents d’origine|parents d'origine/i);
  });

  it('an unknown age band: a visible, localized message and boussole-error; nothing typed is lost', async () => {
    const el = await make('age-band="y5-9"');
    await click($(el, 'input[name="ces.health.concern"][value="serious"]').closest('label')!);
    await settle(el);
    const error = oneEvent(el, 'boussole-error') as Promise<BoussoleErrorEvent>;
    el.setAttribute('age-band', 'y99');
    const { detail } = await error;
    await settle(el);
    expect(detail.code).to.equal('unknown-age-band');
    expect($(el, '[role="alert"]').textContent).to.contain('y99');
    expect(el.value!.answers['ces.health.concern']).to.deep.equal({ value: 'serious' });
    el.setAttribute('lang', 'en');
    await settle(el);
    expect($(el, '[role="alert"]').textContent).to.match(/age band/i);
  });

  it('passes axe in English, read-only, with answers', async () => {
    const filled = await make('age-band="y1-2" lang="en"');
    await click($(filled, 'input[name="ces.health.concern"][value="none"]').closest('label')!);
    await settle(filled);
    const el = await make('age-band="y1-2" lang="en" readonly');
    el.value = filled.value;
    await settle(el);
    expect($$(el, 'input[type="radio"]').length).to.equal(0);
    expect(root(el).textContent).to.contain('No concern');
    await expectAccessible(el);
  });
});
