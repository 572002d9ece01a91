// Dates as three fields (day, month, year) in the form's language, whatever the browser's language:
// typed with the keyboard, refused with one message for the group when they are not a date or not a
// plausible one, never stored wrong (issue 21, finding 2).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { BoussoleChangeEvent, BoussoleSubmitEvent } from '../../src/elements/events.js';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import { demoInstrument } from '../../stories/demo-instrument.js';
import {
  allByRole,
  byRole,
  choose,
  click,
  dateFields,
  descriptionOf,
  errorSummary,
  expectAccessible,
  focused,
  group,
  nameOf,
  settle,
  submitButton,
  textOf,
  typeDate,
  typeInto,
} from './helpers.js';

const make = async (template: ReturnType<typeof html>): Promise<BoussoleForm> => {
  const host = await fixture<HTMLElement>(html`<div>${template}</div>`);
  const el = host.querySelector<BoussoleForm>('boussole-form, boussole-pin-grid')!;
  await settle(el);
  return el;
};
const demo = (lang = 'fr') => make(html`<boussole-form .instrument=${demoInstrument} lang=${lang}></boussole-form>`);
const MEETING = /^Date de la rencontre/;

/** The questions of the demo form that must be answered besides the date. */
async function answerTheRest(el: BoussoleForm): Promise<void> {
  await choose(el, /^Chacun a pu s’exprimer/, 'D’accord');
  await choose(el, /^Les décisions sont claires/, 'Plus ou moins');
  await settle(el);
}

/** The messages shown in a group (its error lines), as read. */
const errorsIn = (box: HTMLElement): string[] => [...box.querySelectorAll('[part~="error"]')].map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim());

describe('dates: day, month and year in the form’s language', () => {
  it('in a browser whose language is English, a French form has no native date input, and a date typed as “2026-03-12” in the year is refused, never stored as year 6031', async () => {
    // The test browser runs in en-US: a native date input would show mm/dd/yyyy here.
    expect(navigator.language).to.match(/^en/);
    const el = await demo();
    expect(el.shadowRoot!.querySelectorAll('input[type="date"]').length).to.equal(0);
    const box = group(el, MEETING);
    const { day, month, year } = dateFields(box);
    expect([nameOf(day), nameOf(month), nameOf(year)]).to.deep.equal(['Jour', 'Mois', 'Année']);
    expect(descriptionOf(box)).to.contain('Par exemple : 12 3 2026');
    await typeDate(el, MEETING, { day: '12', month: '3', year: '2026-03-12' });
    await answerTheRest(el);
    let submits = 0;
    el.addEventListener('boussole-submit', () => submits++);
    await click(submitButton(el));
    await settle(el);
    expect(submits).to.equal(0);
    expect(year.value).to.equal('2026-03-12', 'what was typed stays');
    expect(el.value!.session.date).to.equal(undefined);
    expect(JSON.stringify(el.value)).to.not.match(/6031|60312/);
    expect(errorsIn(box)).to.deep.equal(['Erreur : Inscrivez une date qui existe, en chiffres : par exemple 12 pour le jour, 3 pour le mois et 2026 pour l’année.']);
    expect(year.getAttribute('aria-invalid')).to.equal('true');
    expect(day.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('a date typed with the keyboard is stored, reported and submitted as YYYY-MM-DD', async () => {
    const el = await demo();
    const changes: (string | undefined)[] = [];
    el.addEventListener('boussole-change', (e: BoussoleChangeEvent) => {
      if (e.detail.itemId === 'session.date') changes.push(e.detail.value as string | undefined);
    });
    await typeDate(el, MEETING, '2026-03-12');
    await settle(el);
    expect(changes.at(-1)).to.equal('2026-03-12');
    expect(changes.filter((c) => c !== undefined && c !== '2026-03-12')).to.deep.equal([], 'no other date on the way');
    expect(el.value!.session.date).to.equal('2026-03-12');
    expect(descriptionOf(group(el, MEETING))).to.contain('Date inscrite : 12 mars 2026');
    await answerTheRest(el);
    const submitted = oneEvent(el, 'boussole-submit') as Promise<BoussoleSubmitEvent>;
    await click(submitButton(el));
    expect((await submitted).detail.session.date).to.equal('2026-03-12');
  });

  it('31 February: one message for the date, Submit blocked, and the summary’s link lands on the day', async () => {
    const el = await demo();
    await typeDate(el, MEETING, { day: '31', month: '2', year: '2026' });
    await answerTheRest(el);
    const invalid = oneEvent(el, 'boussole-invalid');
    let submits = 0;
    el.addEventListener('boussole-submit', () => submits++);
    await click(submitButton(el));
    await invalid;
    await settle(el);
    expect(submits).to.equal(0);
    const box = group(el, MEETING);
    const { day, month, year } = dateFields(box);
    expect(errorsIn(box).length).to.equal(1);
    expect(errorsIn(box)[0]).to.match(/une date qui existe/);
    expect(descriptionOf(box)).to.match(/Erreur : Inscrivez une date qui existe/);
    expect([day, month, year].map((f) => f.getAttribute('aria-invalid'))).to.deep.equal(['true', null, null]);
    expect([day.value, month.value, year.value]).to.deep.equal(['31', '2', '2026']);
    expect(el.value!.session.date).to.equal(undefined);
    const link = byRole(errorSummary(el)!, 'link', { name: /^Date de la rencontre/ });
    await click(link);
    await settle(el);
    expect(focused(el)).to.equal(day);
    await expectAccessible(el);
  });

  it('a missing month is named, and only the month is marked', async () => {
    const el = await demo('en');
    const when = /^Date of the meeting/;
    await typeDate(el, when, { day: '12', month: '', year: '2026' });
    await click(submitButton(el));
    await settle(el);
    const box = group(el, when);
    expect(errorsIn(box)).to.deep.equal(['Error: The date must include a month.']);
    const { day, month } = dateFields(box);
    expect(month.getAttribute('aria-invalid')).to.equal('true');
    expect(day.hasAttribute('aria-invalid')).to.equal(false);
    const link = byRole(errorSummary(el)!, 'link', { name: /^Date of the meeting/ });
    await click(link);
    await settle(el);
    expect(focused(el)).to.equal(month);
  });

  for (const year of ['6031', '1850'])
    it(`year ${year} is refused with the range the format states`, async () => {
      const el = await demo();
      await typeDate(el, MEETING, { day: '2', month: '2', year });
      await answerTheRest(el);
      let submits = 0;
      el.addEventListener('boussole-submit', () => submits++);
      await click(submitButton(el));
      await settle(el);
      expect(submits).to.equal(0);
      const box = group(el, MEETING);
      expect(errorsIn(box)).to.deep.equal(['Erreur : L’année doit être comprise entre 1900 et 2100.']);
      expect(dateFields(box).year.getAttribute('aria-invalid')).to.equal('true');
      expect(el.value!.session.date).to.equal(undefined);
    });

  it('a two-digit year is refused, not read as year 26', async () => {
    const el = await demo();
    await typeDate(el, MEETING, { day: '12', month: '3', year: '26' });
    await click(submitButton(el));
    await settle(el);
    expect(errorsIn(group(el, MEETING))).to.deep.equal(['Erreur : L’année doit compter quatre chiffres, par exemple 2026.']);
    expect(el.value!.session.date).to.equal(undefined);
  });

  it('an action due more than a year before the meeting is refused; a later one is kept', async () => {
    const el = await make(html`<boussole-pin-grid session-date="2026-03-12"></boussole-pin-grid>`);
    const theme = byRole(el, 'region', { name: 'Composante écosystémique' });
    await click(byRole(theme, 'button', { name: 'Ajouter un objectif' }));
    await settle(el);
    await typeInto(allByRole(theme, 'textbox', { name: /^Objectif visé/ })[0]!, 'Rejoindre les familles');
    await click(byRole(theme, 'button', { name: 'Ajouter une action à l’objectif 1' }));
    await settle(el);
    const action = group(theme, 'Action 1');
    await typeInto(allByRole(action, 'textbox', { name: /^Quoi/ })[0]!, 'Appeler la famille');
    await typeDate(action, /^Échéance/, '2024-11-30');
    await click(submitButton(el));
    await settle(el);
    const due = group(action, /^Échéance/);
    expect(errorsIn(due)).to.deep.equal(['Erreur : L’échéance ne peut pas précéder de plus d’un an la date de la rencontre (12 mars 2026).']);
    expect(el.value!.actionPlans!['pin.ecosystemic']?.objectives[0]?.actions[0]?.due).to.equal('2024-11-30', 'a real date, kept and shown wrong');
    await typeDate(action, /^Échéance/, '2026-06-01');
    await settle(el);
    expect(errorsIn(group(action, /^Échéance/))).to.deep.equal([]);
    await expectAccessible(el);
  });

  it('a value with 2026-03-12 shows 12 / 3 / 2026, and the date in words', async () => {
    const el = await demo();
    const errors: unknown[] = [];
    el.addEventListener('boussole-error', (e) => errors.push((e as CustomEvent).detail));
    el.value = { instrument: { id: demoInstrument.id, version: demoInstrument.version }, session: { date: '2026-03-12' }, answers: {}, actionPlans: {} } as never;
    await settle(el);
    expect(errors).to.deep.equal([]);
    const box = group(el, MEETING);
    const { day, month, year } = dateFields(box);
    expect([day.value, month.value, year.value]).to.deep.equal(['12', '3', '2026']);
    expect(textOf(box)).to.contain('12 mars 2026');
    await expectAccessible(el);
  });

  it('a date question and an English form: Day, Month, Year and an English example', async () => {
    const el = await demo('en');
    await choose(el, /^Another meeting is planned/, 'Yes');
    await settle(el);
    const box = group(el, /^Date of the next meeting/);
    const { day, month, year } = dateFields(box);
    expect([nameOf(day), nameOf(month), nameOf(year)]).to.deep.equal(['Day', 'Month', 'Year']);
    expect(day.getAttribute('inputmode')).to.equal('numeric');
    expect(descriptionOf(box)).to.contain('For example, 12 3 2026');
    await typeDate(el, /^Date of the next meeting/, '2026-04-15');
    await settle(el);
    expect(el.value!.answers.when).to.deep.equal({ value: '2026-04-15' });
    expect(textOf(box)).to.contain('April 15, 2026');
    await expectAccessible(el);
  });
});
