// Wording a new user found wrong, second round (issue 21, finding 11): one test per defect, through the
// text a person reads (or the event a host's developer gets).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import ces from '../../schemas/instruments/ces.json' with { type: 'json' };
import pin from '../../schemas/instruments/pin-grid.json' with { type: 'json' };
import type { BoussoleErrorEvent } from '../../src/elements/events.js';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import type { BoussoleSummary } from '../../src/elements/summary/boussole-summary.js';
import { createEngine } from '../../src/engine/index.js';
import type { Instrument } from '../../src/schema/index.js';
import { fillAll } from '../support/fill.js';
import { allByRole, byRole, click, errorBoxes, expectAccessible, nameOf, settle, submitButton, textOf } from './helpers.js';

/** Last year's CÉS: a concern, one open action and one done. */
function lastYear() {
  const engine = createEngine(ces as unknown as Instrument, { ageBand: 'y10-14' });
  engine.setSession({ date: '2025-03-12' });
  engine.setAnswer('ces.health.concern', 'some');
  const o = engine.addObjective('ces.health', 'Suivi dentaire');
  engine.addAction('ces.health', o, { what: 'Prendre rendez-vous chez le dentiste', status: 'planned' });
  engine.addAction('ces.health', o, { what: 'Trouver un dentiste', status: 'done' });
  return engine.toResult();
}

async function cesForm(lang: 'fr' | 'en', previous: unknown = lastYear()): Promise<BoussoleForm> {
  const el = await fixture<BoussoleForm>(`<boussole-ces lang="${lang}" age-band="y10-14"></boussole-ces>`);
  el.previous = previous;
  await settle(el);
  return el;
}

async function summary(lang: 'fr' | 'en', value: unknown, previous?: unknown): Promise<BoussoleSummary> {
  const el = await fixture<BoussoleSummary>(`<boussole-summary lang="${lang}"></boussole-summary>`);
  el.value = value;
  if (previous) el.previous = previous;
  await el.updateComplete;
  return el;
}

describe('wording', () => {
  it('counts agree with their number: "1 ouverte, 1 terminée ou abandonnée", not "1 ouvertes"', async () => {
    const el = await summary('fr', lastYear());
    const plan = byRole(el, 'table', { name: /^Plan d’action — Santé/ });
    expect(nameOf(plan)).to.contain('1 ouverte, 1 terminée ou abandonnée');
    expect(nameOf(byRole(await summary('en', lastYear()), 'table', { name: /^Action plan — Health/ }))).to.contain('1 open, 1 done or dropped');
  });

  it('in English, the confirmation has no double period after "p.m."', async () => {
    const el = await fixture<BoussoleForm>('<boussole-pin-grid lang="en"></boussole-pin-grid>');
    const engine = createEngine(pin as unknown as Instrument);
    fillAll(engine);
    el.value = engine.toResult();
    await settle(el);
    await click(submitButton(el));
    await settle(el);
    const confirmation = allByRole(el, 'status').find((s) => /^Answers submitted/.test(textOf(s)))!;
    expect(textOf(confirmation)).to.match(/\b[ap]\.m\./);
    expect(textOf(confirmation)).to.not.match(/\.\./);
  });

  it('in English, last meeting’s open actions use an English colon (no space before it)', async () => {
    const el = await cesForm('en');
    const health = textOf(byRole(el, 'region', { name: 'Health' }));
    expect(health).to.contain('Suivi dentaire: Prendre rendez-vous chez le dentiste');
    expect(health).to.not.contain('Suivi dentaire :');
  });

  it('the previous meeting’s date is in words beside each answer (and in the plan and the summary)', async () => {
    const el = await cesForm('fr');
    const text = textOf(el);
    expect(text).to.contain('Précédemment (12 mars 2025) : Quelques inquiétudes');
    expect(text).to.contain('Actions encore ouvertes de la rencontre précédente (12 mars 2025)');
    expect(text).to.not.contain('2025-03-12');
  });

  it('the synthesis names "Depuis la rencontre précédente" once: its heading names the table', async () => {
    const now = createEngine(ces as unknown as Instrument, { ageBand: 'y10-14' });
    now.setSession({ date: '2026-03-12' });
    now.setAnswer('ces.health.concern', 'none');
    const el = await summary('fr', now.toResult(), lastYear());
    expect(textOf(el).split('Depuis la rencontre précédente').length - 1).to.equal(1);
    expect(nameOf(byRole(el, 'heading', { name: /^Depuis la rencontre précédente/ }))).to.equal('Depuis la rencontre précédente (12 mars 2025)');
    expect(allByRole(el, 'table', { name: 'Depuis la rencontre précédente (12 mars 2025)' }).length).to.equal(1);
    await expectAccessible(el);
  });

  it('a page setting for the developer (drafts without draft-id, a wrong layout): the worker reads a neutral message, the event keeps the detail', async () => {
    const messages: string[] = [];
    const host = await fixture<HTMLElement>(html`<div @boussole-error=${(e: BoussoleErrorEvent) => messages.push(e.detail.message)}>
      <boussole-pin-grid drafts="local" layout="grille"></boussole-pin-grid>
    </div>`);
    const el = host.querySelector<BoussoleForm>('boussole-pin-grid')!;
    await settle(el);
    const shown = errorBoxes(el).map((box) => textOf(box)).join(' ');
    expect(shown).to.contain('Ce formulaire est mal configuré');
    expect(shown).to.contain('Avisez le responsable du site');
    expect(shown).to.not.match(/draft-id|grille|« /);
    expect(messages.join(' ')).to.contain('« draft-id »').and.to.contain('« grille »');
    await expectAccessible(el);
  });
});
