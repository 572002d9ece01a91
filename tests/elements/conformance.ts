import { expect, fixture, oneEvent } from '@open-wc/testing';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import type { BoussoleChangeEvent, BoussoleErrorEvent, BoussoleInvalidEvent, BoussoleSubmitEvent } from '../../src/elements/events.js';
import {
  allByRole,
  byRole,
  click,
  clickOption,
  errorBoxes,
  errorSummary,
  expectAccessible,
  expectFocusOn,
  fillEverything,
  firstRadio,
  focused,
  nameOf,
  press,
  questionOf,
  settle,
  submitButton,
  textOf,
  validateResult,
} from './helpers.js';
import { sendKeys } from '@web/test-runner-commands';

type Tag = 'boussole-ces' | 'boussole-needs-grid' | 'boussole-pin-grid';

/** Attributes a fixture needs to show questions (the CÉS needs an age band). */
export interface ConformanceOptions {
  attributes?: string;
}

/**
 * The contract every ready element keeps, driven as a person would: a suite shared by the three
 * elements (and usable for an organisation's own content pack).
 */
export function conformance(tag: Tag, options: ConformanceOptions = {}): void {
  const attrs = options.attributes ?? '';
  const make = async (extra = ''): Promise<BoussoleForm> => {
    const wrapper = await fixture<HTMLElement>(`<div><${tag} ${attrs} ${extra}></${tag}></div>`);
    const el = wrapper.querySelector<BoussoleForm>(tag)!;
    await settle(el);
    return el;
  };

  describe(`<${tag}> contract`, () => {
    it('renders the instrument and passes axe, empty, in French and in English', async () => {
      const fr = await make();
      expect(nameOf(byRole(fr, 'heading', { level: 2 }))).to.not.equal('');
      expect(submitButton(fr).textContent!.trim()).to.equal('Soumettre');
      await expectAccessible(fr);
      const en = await make('lang="en"');
      expect(submitButton(en).textContent!.trim()).to.equal('Submit');
      await expectAccessible(en);
    });

    // Filling a whole instrument by hand is the slowest thing the suite does: it is done once, inside a host form
    // (where a portal puts it), and the read-only test below shows that same result.
    let filled: BoussoleForm['value'] | undefined;
    it('a person fills everything inside a host <form> and submits: FormData carries the result as JSON, validity gates the form, boussole-submit carries a valid, complete result; reset restores', async () => {
      const form = await fixture<HTMLFormElement>(`<form><${tag} ${attrs} name="assessment"></${tag}></form>`);
      const el = form.querySelector<BoussoleForm>(tag)!;
      await settle(el);
      expect(form.checkValidity()).to.equal(false);
      expect(el.checkValidity()).to.equal(false);
      const changes: BoussoleChangeEvent[] = [];
      el.addEventListener('boussole-change', (e) => changes.push(e));
      await fillEverything(el);
      await settle(el);
      await expectAccessible(el);
      // The host form's view of it.
      const data = new FormData(form);
      const result = JSON.parse(String(data.get('assessment')));
      expect(result.instrument.id).to.equal(el.value!.instrument.id);
      expect(result.status).to.equal('complete');
      expect(form.checkValidity()).to.equal(true);
      expect((await validateResult(result)).valid).to.equal(true);
      // The element's own Submit.
      const submitted = oneEvent(el, 'boussole-submit') as Promise<BoussoleSubmitEvent>;
      await click(submitButton(el));
      const { detail } = await submitted;
      expect(detail.status).to.equal('complete');
      expect(detail.locale).to.equal('fr');
      const check = await validateResult(detail);
      expect(check.errors).to.deep.equal([]);
      expect(check.valid).to.equal(true);
      expect(changes.length).to.be.greaterThan(5);
      expect(errorSummary(el)).to.equal(null);
      filled = structuredClone(el.value);
      form.reset();
      await settle(el);
      expect(JSON.parse(String(new FormData(form).get('assessment'))).answers).to.deep.equal({});
    });

    it('missing answers: boussole-invalid, a focused error summary linking to each problem, no submit', async () => {
      const el = await make();
      let submits = 0;
      el.addEventListener('boussole-submit', () => submits++);
      const invalid = oneEvent(el, 'boussole-invalid') as Promise<BoussoleInvalidEvent>;
      await click(submitButton(el));
      const { detail } = await invalid;
      await settle(el);
      expect(detail.issues.length).to.be.greaterThan(0);
      expect(detail.issues.every((i) => typeof i.message === 'string' && i.message.length > 0)).to.equal(true);
      const summary = errorSummary(el)!;
      await expectFocusOn(el, () => summary, 'a failed Submit moves focus to the error summary');
      expect(nameOf(summary)).to.match(new RegExp(`^Il y a (un problème|${detail.issues.length} problèmes)$`));
      const links = allByRole(summary, 'link');
      // One link per problem when there are few; otherwise one per part of the form, with its count.
      if (detail.issues.length <= 5) expect(links.length).to.equal(detail.issues.length);
      else {
        expect(links.length).to.be.within(1, detail.issues.length - 1);
        const counted = links.map((a) => Number(/— (\d+|1) problèmes?$/.exec(nameOf(a))?.[1] ?? NaN));
        expect(counted.reduce((a, b) => a + b, 0)).to.equal(detail.issues.length);
      }
      expect(textOf(el)).to.contain(detail.issues[0]!.message);
      expect(submits).to.equal(0);
      await expectAccessible(el);

      // Following a link moves focus to the field it names.
      const link = links.at(-1)!;
      await click(link);
      await settle(el);
      expect(focused(el)?.id).to.equal(link.getAttribute('href')!.slice(1));
    });

    it('fires boussole-change for a click, and not for a programmatic value', async () => {
      const el = await make();
      const changes: BoussoleChangeEvent[] = [];
      el.addEventListener('boussole-change', (e) => changes.push(e));
      const radio = firstRadio(el);
      // Where a person finds it again: the section, the question, the option.
      const where = [nameOf(radio.closest('section')!), nameOf(questionOf(radio)), nameOf(radio)];
      await clickOption(radio);
      expect(changes.length).to.equal(1);
      expect(changes[0]!.detail.value).to.equal(radio.value);
      expect(changes[0]!.bubbles && changes[0]!.composed).to.equal(true);
      const itemId = changes[0]!.detail.itemId;
      expect(el.value!.answers[itemId]).to.deep.equal({ value: radio.value });
      const value = el.value!;
      changes.length = 0;
      const other = await make();
      other.addEventListener('boussole-change', (e) => changes.push(e));
      other.value = value;
      await settle(other);
      expect(changes).to.deep.equal([]);
      const [section, question, option] = where;
      const again = byRole(byRole(byRole(other, 'region', { name: section }), 'group', { name: question }), 'radio', { name: option });
      expect(again).to.have.property('checked', true);
    });

    it('changing lang re-renders in place, keeping the answers', async () => {
      const el = await make();
      const radio = firstRadio(el);
      await clickOption(radio);
      el.setAttribute('lang', 'en');
      await settle(el);
      expect(submitButton(el).textContent!.trim()).to.equal('Submit');
      expect(firstRadio(el).checked).to.equal(true);
      expect(el.value!.locale).to.equal('en');
    });

    it('an invalid instrument: a visible, localized message and boussole-error; answers kept', async () => {
      const el = await make();
      const radio = firstRadio(el);
      const changed = oneEvent(el, 'boussole-change') as Promise<BoussoleChangeEvent>;
      await clickOption(radio);
      const { itemId } = (await changed).detail;
      const error = oneEvent(el, 'boussole-error') as Promise<BoussoleErrorEvent>;
      el.instrument = { id: 'broken', sections: 'none' };
      const { detail } = await error;
      await settle(el);
      expect(detail.code).to.equal('invalid-instrument');
      expect(detail.message).to.match(/questionnaire/);
      expect(errorBoxes(el)[0]!.textContent).to.contain(detail.message);
      expect(el.value!.answers[itemId]).to.deep.equal({ value: radio.value });
      expect(firstRadio(el).checked, 'the form still shows the answer').to.equal(true);
      await expectAccessible(el);
    });

    it('read-only shows the answers as text, with no control, and passes axe', async () => {
      // The result filled by hand above (filled here when this test runs alone).
      if (!filled) {
        const el = await make();
        await fillEverything(el);
        filled = structuredClone(el.value);
      }
      const value = filled;
      const ro = await make('readonly lang="en"');
      ro.value = value;
      await settle(ro);
      for (const role of ['radio', 'checkbox', 'textbox', 'combobox']) expect(allByRole(ro, role), role).to.deep.equal([]);
      expect(() => submitButton(ro)).to.throw();
      expect(textOf(ro)).to.not.contain('No answer');
      await expectAccessible(ro);
    });

    it('can be completed with the keyboard only', async () => {
      // A date's day, month and year fields: 1 March 2026.
      const DATE_KEYS: Record<string, string> = { Jour: '1', Day: '1', Mois: '3', Month: '3', Année: '2026', Year: '2026' };
      const el = await make();
      const before = document.createElement('button');
      before.textContent = 'Avant';
      el.before(before);
      before.focus();
      const submitted = oneEvent(el, 'boussole-submit') as Promise<BoussoleSubmitEvent>;
      for (let step = 0; step < 600; step++) {
        await press('Tab');
        const f = focused(el) as HTMLInputElement | null;
        if (!f) continue;
        const name = nameOf(f);
        const inGroup = f.type === 'radio' ? allByRole(questionOf(f), 'radio') as HTMLInputElement[] : [];
        if (f.type === 'radio' && !inGroup.some((r) => r.checked)) await press('Space');
        else if (f.tagName === 'SELECT' && !(f as unknown as HTMLSelectElement).value) await press('ArrowDown');
        else if (name === 'Ajouter un participant' && !allByRole(el, 'group', { name: 'Participant 1' }).length) await press('Enter');
        else if (DATE_KEYS[name] && !f.value) await sendKeys({ type: DATE_KEYS[name]! });
        else if ((f.tagName === 'TEXTAREA' || f.type === 'text') && !f.value && !f.closest('[part~="plan"], [part~="comment"]'))
          await sendKeys({ type: f.getAttribute('inputmode') ? '2' : 'Bien' });
        else if (f === submitButton(el)) {
          await press('Enter');
          break;
        }
        await settle(el);
      }
      const { detail } = await submitted;
      expect(detail.status).to.equal('complete');
    });
  });
}
