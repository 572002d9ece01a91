import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { BoussoleErrorEvent, BoussoleInvalidEvent, BoussoleSubmitEvent } from '../../src/elements/events.js';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import { createEngine } from '../../src/engine/index.js';
import { demoInstrument } from '../../stories/demo-instrument.js';
import { $, $$, axeViolations, byId, click, expectAccessible, focused, press, root, settle, typeInto } from './helpers.js';

const make = async (template: ReturnType<typeof html>): Promise<BoussoleForm> => {
  const host = await fixture<HTMLElement>(html`<div>${template}</div>`);
  const el = host.querySelector<BoussoleForm>('boussole-form, boussole-pin-grid, boussole-ces, boussole-needs-grid')!;
  await settle(el);
  return el;
};
const form = (attrs: Partial<BoussoleForm> = {}) => make(html`<boussole-form .instrument=${demoInstrument} lang=${attrs.lang ?? 'fr'} layout=${attrs.layout ?? 'all'}></boussole-form>`);
const choose = (el: BoussoleForm, item: string, code: string) => click($(el, `input[name="${item}"][value="${code}"]`).closest('label')!);

describe('the accessibility check itself', () => {
  it('can fail: an empty button is reported', async () => {
    const el = await fixture(html`<div><button></button></div>`);
    expect(await axeViolations(el)).to.include('button-name');
  });
});

describe('<boussole-form> with an organisation’s own instrument', () => {
  it('renders every item type accessibly and submits a valid result', async () => {
    const el = await form();
    await expectAccessible(el);
    byId<HTMLInputElement>(el, 'c-session.date').focus();
    await sendKeys({ type: '03012026' });
    await choose(el, 'heard', 'agree');
    await choose(el, 'clear', 'mixed');
    await choose(el, 'again', 'yes');
    await settle(el);
    const when = byId<HTMLInputElement>(el, 'c-when');
    when.focus();
    await sendKeys({ type: '04152026' });
    const submitted = oneEvent(el, 'boussole-submit') as Promise<BoussoleSubmitEvent>;
    await click($(el, '[part="submit"]'));
    const { detail } = await submitted;
    expect(detail.session.date).to.equal('2026-03-01');
    expect(detail.answers.when).to.deep.equal({ value: '2026-04-15' });
    expect(detail.summaries.tallies.agreement!.sections.climate!.status).to.equal('good');
  });

  it('reads an instrument from a child JSON script, for plain HTML pages', async () => {
    const host = await fixture<HTMLElement>(`<div><boussole-form lang="en"><script type="application/json">${JSON.stringify(demoInstrument)}</script></boussole-form></div>`);
    const el = host.querySelector<BoussoleForm>('boussole-form')!;
    await settle(el);
    expect($(el, 'h2').textContent).to.equal('Meeting follow-up');
  });

  it('says clearly when the JSON script cannot be read, and fires boussole-error', async () => {
    const errors: BoussoleErrorEvent[] = [];
    const host = document.createElement('div');
    host.addEventListener('boussole-error', (e) => errors.push(e as BoussoleErrorEvent));
    host.innerHTML = '<boussole-form><script type="application/json">{"id": "x",</script></boussole-form>';
    document.body.append(host);
    const el = host.querySelector<BoussoleForm>('boussole-form')!;
    await settle(el);
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['invalid-instrument']);
    expect($(el, '[part="error-box"]').textContent).to.contain('n’est pas valide');
    expect($(el, '[part="error-box"] details').textContent).to.contain('JSON');
    await expectAccessible(el);
    host.remove();
  });

  it('names every problem of an invalid instrument, in the element’s language', async () => {
    const el = await make(html`<boussole-form lang="en"></boussole-form>`);
    const error = oneEvent(el, 'boussole-error') as Promise<BoussoleErrorEvent>;
    el.instrument = { ...demoInstrument, version: 'one', sections: [{ id: 'a', kind: 'k', title: { fr: 'A' } }] };
    const { detail } = await error;
    await settle(el);
    expect(detail.message).to.match(/not valid \(2 problem/);
    const problems = $$(el, '[part="error-box"] li').map((li) => li.textContent);
    expect(problems.join('\n')).to.match(/version/).and.to.match(/sections\[0\]\.title\.en/);
    expect(el.checkValidity()).to.equal(false);
  });

  it('shows typing problems when a field is left, and errors everywhere after a submit', async () => {
    const el = await form();
    await typeInto(byId(el, 'c-count'), '40');
    expect(root(el).querySelector('[id="e-count"]')).to.equal(null);
    await press('Tab');
    await settle(el);
    expect(byId(el, 'e-count').textContent).to.contain('égal ou inférieur à 30');
    expect(byId(el, 'c-count').getAttribute('aria-describedby')).to.contain('e-count');
    expect(root(el).querySelector('[id="e-heard"]')).to.equal(null, 'no "required" before a submit');
    const invalid = oneEvent(el, 'boussole-invalid') as Promise<BoussoleInvalidEvent>;
    await click($(el, '[part="submit"]'));
    const { detail } = await invalid;
    expect(detail.issues.map((i) => i.itemId)).to.deep.equal(['session.date', 'heard', 'clear', 'count']);
    await settle(el);
    expect(byId(el, 'e-heard').textContent).to.contain('Choisissez une réponse');
  });

  it('reads numbers the French way', async () => {
    const el = await form();
    await typeInto(byId(el, 'c-count'), '2,5');
    await settle(el);
    expect(el.value!.answers.count!.value).to.equal(2.5);
    await press('Tab');
    await settle(el);
    expect(byId(el, 'e-count').textContent).to.contain('nombre entier');
  });

  it('keeps one answer per voice and says when the voices differ', async () => {
    const el = await form();
    await click($(el, 'input[name="felt--child"][value="agree"]').closest('label')!);
    await click($(el, 'input[name="felt--worker"][value="disagree"]').closest('label')!);
    await settle(el);
    expect(el.value!.answers.felt).to.deep.equal({ perspectives: { child: { value: 'agree' }, worker: { value: 'disagree' } } });
    expect($(el, '[id="q-felt"] [part="disagreement"]').textContent).to.match(/diffèrent/);
    await expectAccessible(el);
  });

  it('offers a comment beside a question', async () => {
    const el = await form();
    await click($(el, '[id="q-clear"] summary'));
    await typeInto(byId(el, 'k-clear'), 'À revoir avec la famille');
    await settle(el);
    expect(el.value!.answers.clear).to.deep.equal({ comment: 'À revoir avec la famille' });
  });

  it('checkValidity() answers without showing anything; reportValidity() shows and focuses the summary', async () => {
    const el = await form();
    let invalidEvents = 0;
    el.addEventListener('boussole-invalid', () => invalidEvents++);
    expect(el.checkValidity()).to.equal(false);
    await settle(el);
    expect(root(el).querySelector('[part="error-summary"]')).to.equal(null);
    expect(el.validity.valid).to.equal(false);
    expect(el.reportValidity()).to.equal(false);
    await settle(el);
    expect(focused(el)).to.equal($(el, '[part="error-summary"]'));
    expect(invalidEvents).to.equal(1);
    expect(el.submit()).to.equal(false);
  });

  it('a disabled host fieldset disables every control', async () => {
    const host = await fixture<HTMLFormElement>(html`<form><fieldset disabled><boussole-form .instrument=${demoInstrument}></boussole-form></fieldset></form>`);
    const el = host.querySelector<BoussoleForm>('boussole-form')!;
    await settle(el);
    expect($$<HTMLInputElement>(el, 'input, textarea, select, button').every((c) => c.disabled)).to.equal(true);
  });
});

describe('layout="sections"', () => {
  it('shows one section at a time with a navigator giving each section’s progress', async () => {
    const el = await make(html`<boussole-pin-grid layout="sections"></boussole-pin-grid>`);
    expect($$(el, 'section.top').length).to.equal(1);
    const buttons = $$(el, '[part="nav"] button');
    expect(buttons.length).to.equal(6);
    expect(buttons[0]!.getAttribute('aria-current')).to.equal('step');
    expect(buttons[0]!.textContent).to.contain('Questions répondues : 0 sur 4');
    await click($(el, 'fieldset.item label.option'));
    await settle(el);
    expect($$(el, '[part="nav"] button')[0]!.textContent).to.contain('Questions répondues : 1 sur 4');
    await click(buttons[2]!);
    await settle(el);
    expect($(el, 'section.top h3').textContent).to.match(/partenariat/i);
    expect(focused(el)).to.equal($(el, 'section.top h3'));
    await click($$(el, '.stepper button').at(-1)!);
    await settle(el);
    expect($(el, 'section.top h3').textContent).to.match(/enfants/i);
    await expectAccessible(el);
  });

  it('an error-summary link opens the section of the field and focuses it', async () => {
    const el = await make(html`<boussole-pin-grid layout="sections"></boussole-pin-grid>`);
    await click($(el, '[part="submit"]'));
    await settle(el);
    const link = $$<HTMLAnchorElement>(el, '[part="error-summary"] a').find((a) => a.getAttribute('href')!.includes('pin.structures'))!;
    await click(link);
    await settle(el);
    expect($(el, 'section.top h3').textContent).to.match(/structures/i);
    expect(focused(el)?.id).to.equal(link.getAttribute('href')!.slice(1));
  });
});

describe('bad attributes and values get a clear answer and lose nothing', () => {
  it('an unknown layout: message, boussole-error, every section shown', async () => {
    const errors: string[] = [];
    const host = await fixture<HTMLElement>(html`<div @boussole-error=${(e: BoussoleErrorEvent) => errors.push(e.detail.code)}>
      <boussole-pin-grid layout="grid"></boussole-pin-grid>
    </div>`);
    const el = host.querySelector<BoussoleForm>('boussole-pin-grid')!;
    await settle(el);
    expect(errors).to.deep.equal(['invalid-layout']);
    expect($(el, '[part="error-box"]').textContent).to.contain('« grid »');
    expect($$(el, 'section.top').length).to.equal(6);
  });

  it('an unsupported language: French, with a message', async () => {
    const errors: string[] = [];
    const host = await fixture<HTMLElement>(html`<div @boussole-error=${(e: BoussoleErrorEvent) => errors.push(e.detail.code)}>
      <boussole-pin-grid lang="de"></boussole-pin-grid>
    </div>`);
    const el = host.querySelector<BoussoleForm>('boussole-pin-grid')!;
    await settle(el);
    expect(errors).to.deep.equal(['unsupported-locale']);
    expect($(el, '[part="submit"]').textContent!.trim()).to.equal('Soumettre');
  });

  it('an unknown age band: message, and the band can still be chosen', async () => {
    const errors: string[] = [];
    const host = await fixture<HTMLElement>(html`<div @boussole-error=${(e: BoussoleErrorEvent) => errors.push(e.detail.code)}>
      <boussole-needs-grid age-band="y99"></boussole-needs-grid>
    </div>`);
    const el = host.querySelector<BoussoleForm>('boussole-needs-grid')!;
    await settle(el);
    expect(errors).to.deep.equal(['unknown-age-band']);
    expect($(el, '[part="error-box"]').textContent).to.contain('y99');
    expect(byId<HTMLSelectElement>(el, 'c-ageBand').value).to.equal('');
  });

  it('a corrupt saved value: message, boussole-error, and the answers typed are kept', async () => {
    const el = await form();
    await choose(el, 'heard', 'agree');
    const error = oneEvent(el, 'boussole-error') as Promise<BoussoleErrorEvent>;
    el.value = '{"instrument": {"id": "demo-suivi"';
    const { detail } = await error;
    await settle(el);
    expect(detail.code).to.equal('unreadable-value');
    expect($(el, '[part="error-box"]').textContent).to.contain('conservées');
    expect(el.value!.answers.heard).to.deep.equal({ value: 'agree' });
    expect($<HTMLInputElement>(el, 'input[name="heard"][value="agree"]').checked).to.equal(true);
    await click($(el, '[part="error-box"] button'));
    await settle(el);
    expect(root(el).querySelector('[part="error-box"]')).to.equal(null);
  });

  it('a result of another version: version-mismatch, answers kept', async () => {
    const el = await form();
    await choose(el, 'heard', 'agree');
    const other = { ...el.value!, instrument: { id: 'demo-suivi', version: '0.9.0' } };
    const error = oneEvent(el, 'boussole-error') as Promise<BoussoleErrorEvent>;
    el.value = other;
    expect((await error).detail).to.include({ code: 'version-mismatch' });
    expect(el.value!.answers.heard).to.deep.equal({ value: 'agree' });
  });

  it('resumes from a value attribute holding JSON', async () => {
    const engine = createEngine(demoInstrument);
    engine.setAnswer('heard', 'mixed');
    const el = await make(html`<boussole-form .instrument=${demoInstrument} value=${JSON.stringify(engine.toResult())}></boussole-form>`);
    expect($<HTMLInputElement>(el, 'input[name="heard"][value="mixed"]').checked).to.equal(true);
  });
});

describe('languages', () => {
  it('follows the nearest ancestor’s lang, and the page’s when it changes', async () => {
    const el = await make(html`<section lang="en-CA"><boussole-pin-grid></boussole-pin-grid></section>`);
    expect($(el, '[part="submit"]').textContent!.trim()).to.equal('Submit');
    const plain = await make(html`<boussole-pin-grid></boussole-pin-grid>`);
    const before = document.documentElement.lang;
    document.documentElement.lang = 'en';
    await new Promise((r) => setTimeout(r, 0));
    await settle(plain);
    expect($(plain, '[part="submit"]').textContent!.trim()).to.equal('Submit');
    document.documentElement.lang = before;
  });

  it('two elements of one page can speak different languages', async () => {
    const host = await fixture<HTMLElement>(html`<div>
      <boussole-pin-grid lang="fr"></boussole-pin-grid><boussole-pin-grid lang="en"></boussole-pin-grid>
    </div>`);
    const [fr, en] = [...host.querySelectorAll<BoussoleForm>('boussole-pin-grid')];
    await settle(fr!);
    await settle(en!);
    expect($(fr!, '[part="submit"]').textContent!.trim()).to.equal('Soumettre');
    expect($(en!, '[part="submit"]').textContent!.trim()).to.equal('Submit');
    expect($(en!, 'fieldset.item .option span').textContent).to.equal('Implemented');
  });
});
