import { expect, fixture, oneEvent } from '@open-wc/testing';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import type { BoussoleChangeEvent, BoussoleErrorEvent, BoussoleInvalidEvent, BoussoleSubmitEvent } from '../../src/elements/events.js';
import { $, $$, click, itemOf, expectAccessible, fillEverything, focused, press, root, settle, validateResult } from './helpers.js';
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
      expect($(fr, 'h2').textContent).to.not.equal('');
      expect($(fr, '[part="submit"]').textContent!.trim()).to.equal('Soumettre');
      await expectAccessible(fr);
      const en = await make('lang="en"');
      expect($(en, '[part="submit"]').textContent!.trim()).to.equal('Submit');
      await expectAccessible(en);
    });

    it('a person fills everything and submits: boussole-submit carries a valid, complete result', async () => {
      const el = await make();
      const changes: BoussoleChangeEvent[] = [];
      el.addEventListener('boussole-change', (e) => changes.push(e));
      await fillEverything(el);
      await expectAccessible(el);
      const submitted = oneEvent(el, 'boussole-submit') as Promise<BoussoleSubmitEvent>;
      await click($(el, '[part="submit"]'));
      const { detail } = await submitted;
      expect(detail.status).to.equal('complete');
      expect(detail.locale).to.equal('fr');
      const check = await validateResult(detail);
      expect(check.errors).to.deep.equal([]);
      expect(check.valid).to.equal(true);
      expect(changes.length).to.be.greaterThan(5);
      expect(root(el).querySelector('.error-summary')).to.equal(null);
    });

    it('missing answers: boussole-invalid, a focused error summary linking to each problem, no submit', async () => {
      const el = await make();
      let submits = 0;
      el.addEventListener('boussole-submit', () => submits++);
      const invalid = oneEvent(el, 'boussole-invalid') as Promise<BoussoleInvalidEvent>;
      await click($(el, '[part="submit"]'));
      const { detail } = await invalid;
      await settle(el);
      expect(detail.issues.length).to.be.greaterThan(0);
      expect(detail.issues.every((i) => typeof i.message === 'string' && i.message.length > 0)).to.equal(true);
      const summary = $(el, '[part="error-summary"]');
      expect(focused(el)).to.equal(summary);
      expect($$(el, '[part="error-summary"] a').length).to.equal(detail.issues.length);
      expect($$(el, '[part="error"]').length).to.be.greaterThan(0);
      expect(submits).to.equal(0);
      await expectAccessible(el);

      // Following a link moves focus to the field it names.
      const link = $$<HTMLAnchorElement>(el, '[part="error-summary"] a').at(-1)!;
      await click(link);
      await settle(el);
      expect(focused(el)?.id).to.equal(link.getAttribute('href')!.slice(1));
    });

    it('fires boussole-change for a click, and not for a programmatic value', async () => {
      const el = await make();
      const changes: BoussoleChangeEvent[] = [];
      el.addEventListener('boussole-change', (e) => changes.push(e));
      const radio = $<HTMLInputElement>(el, '.options[data-item] input[type="radio"]');
      await click(radio.closest('label')!);
      expect(changes.length).to.equal(1);
      expect(changes[0]!.detail).to.include({ itemId: itemOf(radio), value: radio.value });
      expect(changes[0]!.bubbles && changes[0]!.composed).to.equal(true);
      const value = el.value!;
      changes.length = 0;
      const other = await make();
      other.addEventListener('boussole-change', (e) => changes.push(e));
      other.value = value;
      await settle(other);
      expect(changes).to.deep.equal([]);
      expect($<HTMLInputElement>(other, `input[name="${CSS.escape(radio.name)}"][value="${radio.value}"]`).checked).to.equal(true);
    });

    it('inside a host <form>: FormData carries the result as JSON, validity blocks the form, reset restores', async () => {
      const form = await fixture<HTMLFormElement>(`<form><${tag} ${attrs} name="assessment"></${tag}></form>`);
      const el = form.querySelector<BoussoleForm>(tag)!;
      await settle(el);
      expect(form.checkValidity()).to.equal(false);
      expect(el.checkValidity()).to.equal(false);
      await fillEverything(el);
      await settle(el);
      const data = new FormData(form);
      const result = JSON.parse(String(data.get('assessment')));
      expect(result.instrument.id).to.equal(el.value!.instrument.id);
      expect(result.status).to.equal('complete');
      expect(form.checkValidity()).to.equal(true);
      expect((await validateResult(result)).valid).to.equal(true);
      form.reset();
      await settle(el);
      expect(JSON.parse(String(new FormData(form).get('assessment'))).answers).to.deep.equal({});
    });

    it('changing lang re-renders in place, keeping the answers', async () => {
      const el = await make();
      const radio = $<HTMLInputElement>(el, '.options[data-item] input[type="radio"]');
      await click(radio.closest('label')!);
      el.setAttribute('lang', 'en');
      await settle(el);
      expect($(el, '[part="submit"]').textContent!.trim()).to.equal('Submit');
      expect($<HTMLInputElement>(el, `[id="${radio.id}"]`).checked).to.equal(true);
      expect(el.value!.locale).to.equal('en');
    });

    it('an invalid instrument: a visible, localized message and boussole-error; answers kept', async () => {
      const el = await make();
      const radio = $<HTMLInputElement>(el, '.options[data-item] input[type="radio"]');
      await click(radio.closest('label')!);
      const error = oneEvent(el, 'boussole-error') as Promise<BoussoleErrorEvent>;
      el.instrument = { id: 'broken', sections: 'none' };
      const { detail } = await error;
      await settle(el);
      expect(detail.code).to.equal('invalid-instrument');
      expect(detail.message).to.match(/questionnaire/);
      expect($(el, '[part="error-box"]').textContent).to.contain(detail.message);
      expect(el.value!.answers[itemOf(radio)!]).to.deep.equal({ value: radio.value });
      await expectAccessible(el);
    });

    it('read-only shows the answers as text, with no control, and passes axe', async () => {
      const el = await make();
      await fillEverything(el);
      const value = el.value;
      const ro = await make('readonly lang="en"');
      ro.value = value;
      await settle(ro);
      expect($$(ro, 'input, textarea, select').length).to.equal(0);
      expect(root(ro).querySelector('[part="submit"]')).to.equal(null);
      expect($(ro, '.review .answer').textContent).to.not.equal('');
      await expectAccessible(ro);
    });

    it('can be completed with the keyboard only', async () => {
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
        const group = f.type === 'radio' ? $$<HTMLInputElement>(el, `input[name="${CSS.escape(f.name)}"]`) : [];
        if (f.type === 'radio' && !group.some((r) => r.checked)) await press('Space');
        else if (f.tagName === 'SELECT' && !(f as unknown as HTMLSelectElement).value) await press('ArrowDown');
        else if (f.dataset.action === 'add-participant' && !root(el).querySelector('[data-participant]')) await press('Enter');
        else if (f.type === 'date' && !f.value) await sendKeys({ type: '03012026' });
        else if ((f.tagName === 'TEXTAREA' || f.type === 'text') && !f.value && !f.dataset.role && !f.dataset.plan)
          await sendKeys({ type: f.getAttribute('inputmode') ? '2' : 'Bien' });
        else if (f.dataset.action === 'submit') {
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

