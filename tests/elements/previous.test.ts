// Last year's record beside this year's (`previous`), driven as a host and a person would.
import { expect, fixture } from '@open-wc/testing';
import '../../src/define.js';
import ces from '../../schemas/instruments/ces.json' with { type: 'json' };
import pin from '../../schemas/instruments/pin-grid.json' with { type: 'json' };
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import type { BoussoleErrorEvent } from '../../src/elements/events.js';
import { createEngine } from '../../src/engine/index.js';
import type { Instrument } from '../../src/schema/index.js';
import { allByRole, byRole, choose, click, descriptionOf, expectAccessible, group, nameOf, queryByRole, settle, textOf } from './helpers.js';

const CONCERN = /^Dans l'ensemble, cette sphère suscite-t-elle des inquiétudes/;

/** Last year's CÉS: a concern, a dentist visit not done, an open action. */
function lastYear() {
  const engine = createEngine(ces as unknown as Instrument, { ageBand: 'y10-14' });
  engine.setSession({ date: '2025-03-12' });
  engine.setAnswer('ces.health.concern', 'some');
  engine.setAnswer('ces.health.dentist', 'no');
  const o = engine.addObjective('ces.health', 'Suivi dentaire');
  engine.addAction('ces.health', o, { what: 'Prendre rendez-vous chez le dentiste', who: 'Famille d’accueil', status: 'planned' });
  engine.addAction('ces.health', o, { what: 'Trouver un dentiste', status: 'done' });
  return engine.toResult();
}

async function make(attrs = 'age-band="y10-14"', previous: unknown = lastYear()): Promise<BoussoleForm> {
  const el = await fixture<BoussoleForm>(`<boussole-ces ${attrs}></boussole-ces>`);
  el.previous = previous;
  await settle(el);
  return el;
}

describe('previous: last year’s record beside this year’s', () => {
  it('shows last year’s answer with its date beside the question, its direction in words, announced with the options', async () => {
    const el = await make();
    const health = byRole(el, 'region', { name: 'Santé' });
    expect(textOf(health)).to.contain('Précédemment (12 mars 2025) : Quelques inquiétudes — sans réponse cette fois');
    await choose(health, CONCERN, 'Aucune inquiétude');
    await settle(el);
    const option = byRole(group(health, CONCERN), 'radio', { name: 'Aucune inquiétude' });
    expect(descriptionOf(option)).to.contain('Précédemment (12 mars 2025) : Quelques inquiétudes — en progrès');
    await choose(health, CONCERN, 'Inquiétudes importantes');
    await settle(el);
    expect(descriptionOf(option)).to.contain('en recul');
    await choose(health, /^A vu un dentiste/, 'Oui');
    await settle(el);
    expect(textOf(health)).to.contain('Précédemment (12 mars 2025) : Non — en progrès');
    await expectAccessible(el);
  });

  it('in read-only mode too', async () => {
    const engine = createEngine(ces as unknown as Instrument, { ageBand: 'y10-14' });
    engine.setAnswer('ces.health.concern', 'none');
    const el = await make('age-band="y10-14" readonly');
    el.value = engine.toResult();
    await settle(el);
    expect(textOf(byRole(el, 'region', { name: 'Santé' }))).to.contain('Précédemment (12 mars 2025) : Quelques inquiétudes — en progrès');
    await expectAccessible(el);
  });

  it('lists last year’s open actions in the plan; carrying one lands it in this year’s plan and result', async () => {
    const el = await make();
    const health = () => byRole(el, 'region', { name: 'Santé' });
    expect(textOf(health())).to.contain('Actions encore ouvertes de la rencontre précédente (12 mars 2025)');
    expect(textOf(health())).to.not.contain('Trouver un dentiste', 'a done action is not offered');
    await click(byRole(health(), 'button', { name: 'Reprendre « Prendre rendez-vous chez le dentiste » dans ce plan' }));
    await settle(el);
    const plan = el.value!.actionPlans['ces.health']!;
    expect(plan.objectives.map((o) => o.text)).to.deep.equal(['Suivi dentaire']);
    expect(plan.objectives[0]!.actions.map((a) => [a.what, a.who, a.status])).to.deep.equal([['Prendre rendez-vous chez le dentiste', 'Famille d’accueil', 'planned']]);
    expect(queryByRole(health(), 'button', { name: /^Reprendre « Prendre rendez-vous/ }), 'carried once').to.equal(null);
    expect(textOf(health())).to.contain('Reprise dans le plan de cette rencontre');
    await expectAccessible(el);
  });

  it('an action of last year that never said what it was is not offered to carry, as the summaries do not count it open', async () => {
    const engine = createEngine(ces as unknown as Instrument, { ageBand: 'y10-14' });
    engine.load(lastYear());
    const o = engine.actionPlan('ces.health').objectives[0]!.id;
    engine.addAction('ces.health', o, { what: '', status: 'in-progress' });
    const el = await make(undefined, engine.toResult());
    const health = byRole(el, 'region', { name: 'Santé' });
    expect(allByRole(health, 'button', { name: /^Reprendre « / }).map(nameOf)).to.deep.equal(['Reprendre « Prendre rendez-vous chez le dentiste » dans ce plan']);
    await expectAccessible(el);
  });

  it('the summary says, per sphere, what improved, what worsened, what is new', async () => {
    const el = await make();
    const health = byRole(el, 'region', { name: 'Santé' });
    await choose(health, CONCERN, 'Aucune inquiétude');
    await choose(health, /^A vu un dentiste/, 'Oui');
    await choose(health, /^Bouge, joue dehors/, 'Souvent');
    await settle(el);
    const table = byRole(el, 'table', { name: 'Depuis la rencontre précédente (12 mars 2025)' });
    const row = [...table.querySelectorAll('tr')].find((r) => r.querySelector('th')?.textContent === 'Santé')!;
    const [improved, worsened, news] = [...row.querySelectorAll('td')].map((td) => textOf(td));
    expect(improved).to.contain("Dans l'ensemble, cette sphère suscite-t-elle des inquiétudes").and.to.contain('A vu un dentiste');
    expect(worsened).to.equal('Aucune');
    expect(news).to.contain('Bouge, joue dehors');
  });

  for (const [what, bad, code] of [
    ['not JSON', '{"instrument": ', 'unreadable-previous'],
    ['another instrument', () => createEngine(pin as unknown as Instrument).toResult(), 'instrument-mismatch'],
    ['another MAJOR version', () => ({ ...lastYear(), instrument: { id: 'ces', version: '7.0.0' } }), 'version-mismatch'],
  ] as const)
    it(`a previous record that is ${what}: boussole-error, ignored, nothing else changes`, async () => {
      const el = await make('age-band="y10-14"', undefined);
      await choose(byRole(el, 'region', { name: 'Santé' }), CONCERN, 'Aucune inquiétude');
      const before = el.value!;
      const codes: string[] = [];
      el.addEventListener('boussole-error', (e) => codes.push((e as BoussoleErrorEvent).detail.code));
      el.previous = typeof bad === 'function' ? bad() : bad;
      await settle(el);
      expect(codes).to.deep.equal([code]);
      expect(textOf(el)).to.not.contain('Précédemment');
      expect(el.value!.answers).to.deep.equal(before.answers);
    });
});
