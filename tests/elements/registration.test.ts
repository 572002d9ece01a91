import { expect } from '@open-wc/testing';
import pin from '../../schemas/instruments/pin-grid.json' with { type: 'json' };
import * as library from '../../src/index.js';
import { errorSummary, expectFocusOn, submitButton } from './helpers.js';

describe('registration', () => {
  it('importing the library defines no tag', () => {
    expect(typeof library.BoussoleForm).to.equal('function');
    for (const tag of ['boussole-form', 'boussole-ces', 'boussole-needs-grid', 'boussole-pin-grid', 'boussole-summary', 'boussole-dashboard'])
      expect(customElements.get(tag), tag).to.equal(undefined);
  });

  it('src/define.ts registers every element, and elements already in the page upgrade in their language', async () => {
    const early = document.createElement('boussole-pin-grid');
    early.setAttribute('lang', 'en');
    document.body.append(early);
    // A dashboard whose results a framework set before the tag was defined.
    const board = document.createElement('boussole-dashboard');
    board.setAttribute('lang', 'en');
    const engine = library.createEngine(pin as unknown as library.Instrument);
    engine.setSession({ date: '2026-04-15', territory: 'RLS Nord' });
    (board as unknown as { results: unknown }).results = [engine.toResult()];
    document.body.append(board);
    await import('../../src/define.js');
    for (const tag of ['boussole-form', 'boussole-ces', 'boussole-needs-grid', 'boussole-pin-grid', 'boussole-summary', 'boussole-dashboard'])
      expect(customElements.get(tag), tag).to.not.equal(undefined);
    await (early as library.BoussoleForm).updateComplete;
    expect(submitButton(early).textContent!.trim()).to.equal('Submit');
    early.setAttribute('lang', 'fr');
    await (early as library.BoussoleForm).updateComplete;
    expect(submitButton(early).textContent!.trim()).to.equal('Soumettre');
    early.remove();
    await (board as library.BoussoleDashboard).updateComplete;
    expect(board.shadowRoot!.textContent).to.contain('April 15, 2026');
    board.remove();
  });
});

describe('embedding details', () => {
  it('a value set by a framework before the tag is defined is kept', async () => {
    const { BoussoleCes } = await import('../../src/elements/ces/boussole-ces.js');
    const draft = new BoussoleCes();
    draft.setAttribute('age-band', 'y5-9');
    document.body.append(draft);
    await draft.updateComplete;
    const value = { ...draft.value!, ageBand: undefined, answers: { 'ces.health.concern': { value: 'some' } } };
    draft.remove();
    // An element whose tag is not defined yet, given a value as React or Vue would, then defined.
    const early = document.createElement('boussole-ces-late') as HTMLElement & { value: unknown };
    early.setAttribute('age-band', 'y5-9');
    early.value = value;
    document.body.append(early);
    customElements.define('boussole-ces-late', class extends BoussoleCes {});
    const el = early as unknown as library.BoussoleForm;
    await el.updateComplete;
    expect(el.errors).to.deep.equal([]);
    expect(el.value!.answers['ces.health.concern']).to.deep.equal({ value: 'some' });
    expect(el.value!.ageBand, 'a draft without a band takes the attribute’s').to.equal('y5-9');
    el.remove();
  });

  it('session-date is the meeting date, also when age-band chooses the band', async () => {
    await import('../../src/define.js');
    const el = document.createElement('boussole-ces') as library.BoussoleForm;
    el.setAttribute('age-band', 'y3-4');
    el.setAttribute('session-date', '2026-03-02');
    document.body.append(el);
    await el.updateComplete;
    expect(el.value!.session.date).to.equal('2026-03-02');
    expect(el.value!.ageBand).to.equal('y3-4');
    el.remove();
  });

  it('a blocked host-form submit shows the error summary, focused, and fires boussole-invalid', async () => {
    await import('../../src/define.js');
    const form = document.createElement('form');
    form.innerHTML = '<boussole-pin-grid name="pin"></boussole-pin-grid><button>Envoyer</button>';
    document.body.append(form);
    const el = form.querySelector('boussole-pin-grid') as library.BoussoleForm;
    await el.updateComplete;
    let invalid = 0;
    let submitted = 0;
    el.addEventListener('boussole-invalid', () => invalid++);
    form.addEventListener('submit', (e) => (e.preventDefault(), submitted++));
    expect(form.checkValidity()).to.equal(false);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement, 'a silent check moves no focus').to.equal(null);
    form.requestSubmit();
    await new Promise((r) => requestAnimationFrame(r));
    await el.updateComplete;
    expect(submitted).to.equal(0);
    expect(invalid).to.be.greaterThan(0);
    await expectFocusOn(el, () => errorSummary(el), 'a blocked host-form submit moves focus to the error summary');
    form.remove();
  });
});
