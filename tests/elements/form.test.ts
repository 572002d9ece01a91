import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { BoussoleErrorEvent, BoussoleInvalidEvent, BoussoleSubmitEvent } from '../../src/elements/events.js';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import { createEngine } from '../../src/engine/index.js';
import { demoInstrument } from '../../stories/demo-instrument.js';
import {
  allByRole,
  axeViolations,
  byRole,
  choose,
  click,
  descriptionOf,
  errorBoxes,
  errorSummary,
  expectAccessible,
  expectFocusOn,
  field,
  focused,
  group,
  nameOf,
  press,
  queryByRole,
  settle,
  submitButton,
  textOf,
  topSections,
  typeDate,
  typeInto,
} from './helpers.js';

const make = async (template: ReturnType<typeof html>): Promise<BoussoleForm> => {
  const host = await fixture<HTMLElement>(html`<div>${template}</div>`);
  const el = host.querySelector<BoussoleForm>('boussole-form, boussole-pin-grid, boussole-ces, boussole-needs-grid')!;
  await settle(el);
  return el;
};
const form = (attrs: Partial<BoussoleForm> = {}) => make(html`<boussole-form .instrument=${demoInstrument} lang=${attrs.lang ?? 'fr'} layout=${attrs.layout ?? 'all'}></boussole-form>`);

// The demo instrument's questions, as a person reads them.
const HEARD = /^Chacun a pu s’exprimer/;
const CLEAR = /^Les décisions sont claires/;
const FELT = /^La rencontre était utile/;
const AGAIN = /^Une autre rencontre est prévue/;
const WHEN = /^Date de la prochaine rencontre/;
const COUNT = /^Nombre de personnes présentes/;
const radio = (el: Element, question: RegExp, option: string) => byRole<HTMLInputElement>(group(el, question), 'radio', { name: option });

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
    await typeDate(el, /^Date de la rencontre/, '2026-03-01');
    await choose(el, HEARD, 'D’accord');
    await choose(el, CLEAR, 'Plus ou moins');
    await choose(el, AGAIN, 'Oui');
    await settle(el);
    await typeDate(el, WHEN, '2026-04-15');
    const submitted = oneEvent(el, 'boussole-submit') as Promise<BoussoleSubmitEvent>;
    await click(submitButton(el));
    const { detail } = await submitted;
    expect(detail.session.date).to.equal('2026-03-01');
    expect(detail.answers.when).to.deep.equal({ value: '2026-04-15' });
    expect(detail.summaries.tallies.agreement!.sections.climate!.status).to.equal('good');
  });

  it('reads an instrument from a child JSON script, for plain HTML pages', async () => {
    const host = await fixture<HTMLElement>(`<div><boussole-form lang="en"><script type="application/json">${JSON.stringify(demoInstrument)}</script></boussole-form></div>`);
    const el = host.querySelector<BoussoleForm>('boussole-form')!;
    await settle(el);
    expect(nameOf(byRole(el, 'heading', { level: 2 }))).to.equal('Meeting follow-up');
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
    const box = errorBoxes(el)[0]!;
    expect(box.textContent).to.contain('n’est pas valide');
    await click(byRole(box, 'button', { name: 'Détails techniques' }));
    expect(textOf(box)).to.contain('JSON');
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
    const box = errorBoxes(el)[0]!;
    await click(byRole(box, 'button', { name: 'Technical details' }));
    const problems = allByRole(box, 'listitem').map((li) => li.textContent);
    expect(problems.join('\n')).to.match(/version/).and.to.match(/sections\[0\]\.title\.en/);
    expect(el.checkValidity()).to.equal(false);
  });

  it('shows typing problems when a field is left, and errors everywhere after a submit', async () => {
    const el = await form();
    await typeInto(field(el, COUNT), '40');
    expect(descriptionOf(field(el, COUNT))).to.equal('');
    await press('Tab');
    await settle(el);
    expect(descriptionOf(field(el, COUNT))).to.equal('Erreur : Inscrivez un nombre égal ou inférieur à 30.');
    expect(field(el, COUNT).getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(group(el, HEARD))).to.not.contain('Choisissez une réponse', 'no "required" before a submit');
    const invalid = oneEvent(el, 'boussole-invalid') as Promise<BoussoleInvalidEvent>;
    await click(submitButton(el));
    const { detail } = await invalid;
    expect(detail.issues.map((i) => i.itemId)).to.deep.equal(['session.date', 'heard', 'clear', 'count']);
    expect(Object.keys(detail.issues[0]!)).to.deep.equal(['itemId', 'code', 'message'], 'the documented fields only');
    await settle(el);
    expect(descriptionOf(radio(el, HEARD, 'D’accord'))).to.contain('Erreur : Choisissez une réponse');
  });

  it('reads numbers the French way', async () => {
    const el = await form();
    await typeInto(field(el, COUNT), '2,5');
    await settle(el);
    expect(el.value!.answers.count!.value).to.equal(2.5);
    await press('Tab');
    await settle(el);
    expect(descriptionOf(field(el, COUNT))).to.contain('nombre entier');
  });

  it('keeps one answer per voice and says when the voices differ', async () => {
    const el = await form();
    const felt = group(el, FELT);
    await choose(felt, 'Enfant', 'D’accord');
    await choose(felt, 'Intervenante', 'Pas d’accord');
    await settle(el);
    expect(el.value!.answers.felt).to.deep.equal({ perspectives: { child: { value: 'agree' }, worker: { value: 'disagree' } } });
    expect(textOf(group(el, FELT))).to.match(/Les points de vue diffèrent/);
    await expectAccessible(el);
  });

  it('offers a comment beside a question', async () => {
    const el = await form();
    const question = group(el, CLEAR).closest('[part~="item"]')?.parentElement ?? el;
    await click(byRole(question, 'button', { name: 'Ajouter un commentaire' }));
    await typeInto(field(el, /^Commentaire — Les décisions sont claires/), 'À revoir avec la famille');
    await settle(el);
    expect(el.value!.answers.clear).to.deep.equal({ comment: 'À revoir avec la famille' });
  });

  it('checkValidity() answers without showing anything; reportValidity() shows and focuses the summary', async () => {
    const el = await form();
    let invalidEvents = 0;
    el.addEventListener('boussole-invalid', () => invalidEvents++);
    expect(el.checkValidity()).to.equal(false);
    await settle(el);
    expect(errorSummary(el)).to.equal(null);
    expect(el.validity.valid).to.equal(false);
    expect(el.reportValidity()).to.equal(false);
    await settle(el);
    await expectFocusOn(el, () => errorSummary(el), 'reportValidity() moves focus to the error summary');
    expect(invalidEvents).to.equal(1);
    expect(el.submit()).to.equal(false);
  });

  it('a disabled host fieldset disables every control', async () => {
    const host = await fixture<HTMLFormElement>(html`<form><fieldset disabled><boussole-form .instrument=${demoInstrument}></boussole-form></fieldset></form>`);
    const el = host.querySelector<BoussoleForm>('boussole-form')!;
    await settle(el);
    const controls = ['radio', 'checkbox', 'textbox', 'combobox', 'button'].flatMap((role) => allByRole(el, role)) as HTMLInputElement[];
    expect(controls.length).to.be.greaterThan(10);
    expect(controls.filter((c) => !c.disabled && c.localName !== 'summary').map(nameOf)).to.deep.equal([]);
  });
});

describe('layout="sections"', () => {
  it('shows one section at a time with a navigator giving each section’s progress', async () => {
    const el = await make(html`<boussole-pin-grid layout="sections"></boussole-pin-grid>`);
    expect(topSections(el).length).to.equal(1);
    const nav = byRole(el, 'navigation', { name: 'Sections du questionnaire' });
    const buttons = allByRole(nav, 'button');
    expect(buttons.length).to.equal(6);
    expect(buttons[0]!.getAttribute('aria-current')).to.equal('step');
    expect(nameOf(buttons[0]!)).to.contain('Questions répondues : 0 sur 4');
    await click(allByRole(topSections(el)[0]!, 'radio')[0]!.closest('label')!);
    await settle(el);
    expect(nameOf(allByRole(nav, 'button')[0]!)).to.contain('Questions répondues : 1 sur 4');
    await click(buttons[2]!);
    await settle(el);
    const heading = byRole(topSections(el)[0]!, 'heading', { level: 3 });
    expect(nameOf(heading)).to.match(/partenariat/i);
    await expectFocusOn(el, () => heading, 'a section chosen in the navigator puts focus on its heading');
    await click(byRole(el, 'button', { name: 'Section suivante' }));
    await settle(el);
    expect(nameOf(topSections(el)[0]!)).to.match(/enfants/i);
    await expectAccessible(el);
  });

  it('an error-summary link opens the section of the field and focuses it', async () => {
    const el = await make(html`<boussole-pin-grid layout="sections"></boussole-pin-grid>`);
    await click(submitButton(el));
    await settle(el);
    const links = allByRole(errorSummary(el)!, 'link');
    // 27 problems: one link per part of the form, each to its first problem.
    const link = links.find((a) => /^Structures de soutien \(dimension transversale\) — 4 problèmes$/.test(nameOf(a)))!;
    await click(link);
    await settle(el);
    expect(nameOf(topSections(el)[0]!)).to.match(/structures/i);
    expect(focused(el)?.id).to.equal(link.getAttribute('href')!.slice(1));
    expect(nameOf(focused(el)!)).to.equal('Implanté');
  });
});

describe('bad attributes and values get a clear answer and lose nothing', () => {
  it('an unknown layout: message, boussole-error, every section shown', async () => {
    const errors: string[] = [];
    const messages: string[] = [];
    const host = await fixture<HTMLElement>(html`<div @boussole-error=${(e: BoussoleErrorEvent) => (errors.push(e.detail.code), messages.push(e.detail.message))}>
      <boussole-pin-grid layout="grid"></boussole-pin-grid>
    </div>`);
    const el = host.querySelector<BoussoleForm>('boussole-pin-grid')!;
    await settle(el);
    expect(errors).to.deep.equal(['invalid-layout']);
    expect(errorBoxes(el).length).to.equal(1);
    expect(messages.join(' '), 'the detail is the developer’s, in the event').to.contain('« grid »');
    expect(topSections(el).length).to.equal(6);
  });

  it('an unsupported language: French, with a message', async () => {
    const errors: string[] = [];
    const host = await fixture<HTMLElement>(html`<div @boussole-error=${(e: BoussoleErrorEvent) => errors.push(e.detail.code)}>
      <boussole-pin-grid lang="de"></boussole-pin-grid>
    </div>`);
    const el = host.querySelector<BoussoleForm>('boussole-pin-grid')!;
    await settle(el);
    expect(errors).to.deep.equal(['unsupported-locale']);
    expect(submitButton(el).textContent!.trim()).to.equal('Soumettre');
  });

  it('an unknown age band: message, and the band can still be chosen', async () => {
    const errors: string[] = [];
    const host = await fixture<HTMLElement>(html`<div @boussole-error=${(e: BoussoleErrorEvent) => errors.push(e.detail.code)}>
      <boussole-needs-grid age-band="y99"></boussole-needs-grid>
    </div>`);
    const el = host.querySelector<BoussoleForm>('boussole-needs-grid')!;
    await settle(el);
    expect(errors).to.deep.equal(['unknown-age-band']);
    expect(errorBoxes(el)[0]!.textContent).to.contain('y99');
    expect(field<HTMLSelectElement>(el, /^Tranche d’âge/).value).to.equal('');
  });

  it('a corrupt saved value: message, boussole-error, and the answers typed are kept', async () => {
    const el = await form();
    await choose(el, HEARD, 'D’accord');
    const error = oneEvent(el, 'boussole-error') as Promise<BoussoleErrorEvent>;
    el.value = '{"instrument": {"id": "demo-suivi"';
    const { detail } = await error;
    await settle(el);
    expect(detail.code).to.equal('unreadable-value');
    expect(errorBoxes(el)[0]!.textContent).to.contain('conservées');
    expect(el.value!.answers.heard).to.deep.equal({ value: 'agree' });
    expect(radio(el, HEARD, 'D’accord').checked).to.equal(true);
    await click(byRole(errorBoxes(el)[0]!, 'button', { name: 'Fermer ce message' }));
    await settle(el);
    expect(errorBoxes(el)).to.deep.equal([]);
  });

  it('a result of another version: version-mismatch, answers kept', async () => {
    const el = await form();
    await choose(el, HEARD, 'D’accord');
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
    expect(radio(el, HEARD, 'Plus ou moins').checked).to.equal(true);
  });
});

describe('languages', () => {
  it('follows the nearest ancestor’s lang, and the page’s when it changes', async () => {
    const el = await make(html`<section lang="en-CA"><boussole-pin-grid></boussole-pin-grid></section>`);
    expect(submitButton(el).textContent!.trim()).to.equal('Submit');
    const plain = await make(html`<boussole-pin-grid></boussole-pin-grid>`);
    const before = document.documentElement.lang;
    document.documentElement.lang = 'en';
    await new Promise((r) => setTimeout(r, 0));
    await settle(plain);
    expect(submitButton(plain).textContent!.trim()).to.equal('Submit');
    document.documentElement.lang = before;
  });

  it('two elements of one page can speak different languages', async () => {
    const host = await fixture<HTMLElement>(html`<div>
      <boussole-pin-grid lang="fr"></boussole-pin-grid><boussole-pin-grid lang="en"></boussole-pin-grid>
    </div>`);
    const [fr, en] = [...host.querySelectorAll<BoussoleForm>('boussole-pin-grid')];
    await settle(fr!);
    await settle(en!);
    expect(submitButton(fr!).textContent!.trim()).to.equal('Soumettre');
    expect(submitButton(en!).textContent!.trim()).to.equal('Submit');
    expect(nameOf(allByRole(en!, 'radio')[0]!)).to.equal('Implemented');
    expect(queryByRole(en!, 'button', { name: 'Soumettre' })).to.equal(null);
  });
});
