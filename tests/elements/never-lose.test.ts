// What a person typed is replaced only by an explicit host action that says so (`value = …`,
// `form.reset()`), never as a side effect of another host action.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import ces from '../../schemas/instruments/ces.json' with { type: 'json' };
import pin from '../../schemas/instruments/pin-grid.json' with { type: 'json' };
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import { allByRole, byRole, click, clickOption, field, group, pick, settle, topSections, typeInto } from './helpers.js';

const errorsOf = (el: Element) => {
  const codes: string[] = [];
  el.addEventListener('boussole-error', (e) => codes.push((e as CustomEvent<{ code: string }>).detail.code));
  return codes;
};

describe('typed data survives host actions that do not ask to replace it', () => {
  it('a new patch version of the pack keeps the session, the participants and the plans, with no answer given', async () => {
    const host = await fixture<HTMLElement>(html`<div><boussole-ces age-band="y10-14"></boussole-ces></div>`);
    const el = host.querySelector<BoussoleForm>('boussole-ces')!;
    await settle(el);
    const errors = errorsOf(el);
    await typeInto(field(el, /^Identifiant pseudonyme/), 'ENF-7F3K');
    await click(byRole(el, 'button', { name: 'Ajouter un participant' }));
    await settle(el);
    pick(field<HTMLSelectElement>(group(el, 'Participant 1'), /^Rôle/), 'worker');
    const health = byRole(el, 'region', { name: 'Santé' });
    await click(byRole(health, 'button', { name: 'Ajouter un objectif' }));
    await settle(el);
    await typeInto(field(byRole(el, 'region', { name: 'Santé' }), /^Objectif visé/), 'Rendez-vous chez le dentiste');
    await settle(el);
    expect(el.value!.answers).to.deep.equal({}, 'no question answered');

    el.instrument = { ...structuredClone(ces), version: '1.0.1' };
    await settle(el);
    const value = el.value!;
    expect(value.instrument.version).to.equal('1.0.1');
    expect(value.session.subjectId).to.equal('ENF-7F3K');
    expect(value.session.participants!.map((p) => p.role)).to.deep.equal(['worker']);
    expect(value.actionPlans['ces.health']!.objectives.map((o) => o.text)).to.deep.equal(['Rendez-vous chez le dentiste']);
    expect(errors).to.deep.equal([]);
    expect(field(el, /^Identifiant pseudonyme/).value, 'and the form still shows it').to.equal('ENF-7F3K');
  });

  it('a pre-fill script applies once: moving the element and re-sending an equal pack keep what the person typed', async () => {
    const prefill = { instrument: { id: 'pin-grid', version: pin.version }, session: { territory: 'RLS de Limoilou' }, answers: {}, actionPlans: {} };
    const host = await fixture<HTMLElement>(
      `<div><boussole-pin-grid><script type="application/json" data-boussole="value">${JSON.stringify(prefill)}</script></boussole-pin-grid></div>`,
    );
    const el = host.querySelector<BoussoleForm>('boussole-pin-grid')!;
    await settle(el);
    expect(field(el, /^Unité territoriale/).value).to.equal('RLS de Limoilou');
    const errors = errorsOf(el);
    const statements = allByRole(topSections(el)[0]!, 'radio').filter((_, i) => i % 4 === 0);
    for (const radio of statements.slice(0, 4)) await clickOption(radio as HTMLInputElement);
    await clickOption(allByRole(topSections(el)[1]!, 'radio')[1] as HTMLInputElement);
    await typeInto(field(el, /^Unité territoriale/), ' Nord');
    await click(byRole(el, 'button', { name: 'Ajouter un participant' }));
    await settle(el);
    await typeInto(field(group(el, 'Participant 1'), /^Organisation/), 'Maison de la famille');
    await click(byRole(topSections(el)[0]!, 'button', { name: 'Ajouter un objectif' }));
    await settle(el);
    await typeInto(field(topSections(el)[0]!, /^Objectif visé/), 'Réunir les partenaires');
    await settle(el);
    const typed = el.value!;
    expect(Object.keys(typed.answers).length).to.equal(5);

    // The host moves the element in its page, then hands it the pack again, fetched anew.
    el.remove();
    host.append(el);
    await settle(el);
    el.instrument = JSON.parse(JSON.stringify(pin));
    await settle(el);
    const after = el.value!;
    expect(after.answers).to.deep.equal(typed.answers);
    expect(after.session).to.deep.equal(typed.session);
    expect(after.session.territory).to.equal('RLS de Limoilou Nord');
    expect(after.actionPlans).to.deep.equal(typed.actionPlans);
    expect(errors).to.deep.equal([]);
  });

  it('the explicit actions still replace: value = … and form.reset()', async () => {
    const prefill = { instrument: { id: 'pin-grid', version: pin.version }, session: { territory: 'RLS Sud' }, answers: {}, actionPlans: {} };
    const form = await fixture<HTMLFormElement>(
      `<form><boussole-pin-grid name="pin"><script type="application/json" data-boussole="value">${JSON.stringify(prefill)}</script></boussole-pin-grid></form>`,
    );
    const el = form.querySelector<BoussoleForm>('boussole-pin-grid')!;
    await settle(el);
    await typeInto(field(el, /^Unité territoriale/), ' et Est');
    await settle(el);
    form.reset();
    await settle(el);
    expect(el.value!.session.territory, 'reset returns to the pre-fill').to.equal('RLS Sud');
    el.value = null;
    await settle(el);
    expect(el.value!.session.territory).to.equal(undefined);
  });
});
