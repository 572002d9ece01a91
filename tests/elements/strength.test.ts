// Single-line bugs that once survived the whole suite (issue 21, finding 13), each caught here
// through what a person or a host sees: a cascade of conditions, a read-only form inside a host
// <form>, progress one answer short of the end, and focus on the error summary after a failed submit.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import type { Result } from '../../src/schema/result.js';
import { byRole, choose, click, errorSummary, expectAccessible, expectFocusOn, nameOf, queryField, settle, submitButton, textOf } from './helpers.js';

const t = (fr: string, en = fr) => ({ fr, en });
const source = { note: t('Note'), licence: t('Libre'), illustrative: true };

/** A shows B, B shows C (required). */
const cascade = {
  id: 'cascade',
  version: '1.0.0',
  title: t('Cascade'),
  source,
  sections: [
    {
      id: 's',
      kind: 'k',
      title: t('Suivi'),
      items: [
        { id: 'a', type: 'yes-no', label: t('Un suivi est-il en cours ?') },
        { id: 'b', type: 'yes-no', label: t('Le suivi a-t-il changé ?'), visibleWhen: { item: 'a', op: 'equals', value: 'yes' } },
        { id: 'c', type: 'short-text', label: t('Décrivez le changement'), required: true, visibleWhen: { item: 'b', op: 'equals', value: 'yes' } },
      ],
    },
  ],
};

describe('a cascade of conditions hides whole', () => {
  it('A shows B, B shows C; answering A otherwise hides B and C, and Submit goes through', async () => {
    const el = await fixture<BoussoleForm>(html`<boussole-form .instrument=${cascade}></boussole-form>`);
    await settle(el);
    const submits: Result[] = [];
    el.addEventListener('boussole-submit', (e) => submits.push(e.detail));
    await choose(el, /^Un suivi est-il en cours/, 'Oui');
    await settle(el);
    await choose(el, /^Le suivi a-t-il changé/, 'Oui');
    await settle(el);
    // Elements are compared as booleans: chai describing a Lit element in a failure message can take minutes.
    expect(queryField(el, /^Décrivez le changement/) !== null, 'C is shown once B says yes').to.equal(true);
    await choose(el, /^Un suivi est-il en cours/, 'Non');
    await settle(el);
    expect(textOf(el)).to.not.contain('Le suivi a-t-il changé');
    expect(queryField(el, /^Décrivez le changement/) === null, 'C hides with B').to.equal(true);
    await expectAccessible(el);
    await click(submitButton(el));
    await settle(el);
    expect(errorSummary(el) === null, 'the hidden required question blocks nothing').to.equal(true);
    expect(submits.length).to.equal(1);
    expect(submits[0]!.status).to.equal('complete');
  });
});

describe('a read-only form is always valid', () => {
  it('with required questions unanswered, it never blocks its host <form>', async () => {
    const host = await fixture<HTMLFormElement>(html`<form>
      <boussole-form readonly .instrument=${cascade}></boussole-form>
      <button>Envoyer</button>
    </form>`);
    const el = host.querySelector<BoussoleForm>('boussole-form')!;
    el.value = { instrument: { id: 'cascade', version: '1.0.0' }, session: {}, answers: { a: { value: 'yes' }, b: { value: 'yes' } }, actionPlans: {} } as unknown as Result;
    await settle(el);
    await expectAccessible(el);
    expect(el.validity.valid, 'element.validity.valid').to.equal(true);
    expect(el.checkValidity(), 'element.checkValidity()').to.equal(true);
    expect(host.checkValidity(), 'form.checkValidity()').to.equal(true);
    let submitted = 0;
    host.addEventListener('submit', (e) => (e.preventDefault(), submitted++));
    await click(byRole(host, 'button', { name: 'Envoyer' }));
    await settle(el);
    expect(submitted, 'the host form submits').to.equal(1);
    expect(errorSummary(el) === null, 'no error summary').to.equal(true);
  });
});

describe('progress never reads 100 % before the last answer', () => {
  const long = (completion: 'all' | 'required') => ({
    id: 'long',
    version: '1.0.0',
    title: t('Long'),
    source,
    sections: [{ id: 's', kind: 'k', title: t('Questions'), items: Array.from({ length: 200 }, (_, i) => ({ id: `q${i}`, type: 'yes-no', label: t(`Question ${i + 1}`), required: true })) }],
    summary: { completion },
  });
  const answered = (count: number) =>
    ({ instrument: { id: 'long', version: '1.0.0' }, session: {}, answers: Object.fromEntries(Array.from({ length: count }, (_, i) => [`q${i}`, { value: 'no' }])), actionPlans: {} }) as unknown as Result;

  for (const [completion, expected] of [
    ['all', 'Réponses données : 199 sur 200 (99 %).'],
    ['required', 'Questions obligatoires répondues : 199 sur 200 (99 %).'],
  ] as const)
    it(`199 of 200 reads 99 % (completion: ${completion})`, async () => {
      const el = await fixture<BoussoleForm>(html`<boussole-form .instrument=${long(completion)}></boussole-form>`);
      el.value = answered(199);
      await settle(el);
      const summary = byRole(el, 'region', { name: 'Sommaire' });
      expect(textOf(summary).replace(/\u202f|\u00a0/g, ' ')).to.contain(expected);
    });
});

describe('a failed Submit puts focus on the error summary', () => {
  it('after a click on Submit, focus is on the summary, asserted within a second', async () => {
    const el = await fixture<BoussoleForm>(html`<boussole-form .instrument=${cascade}></boussole-form>`);
    await settle(el);
    await choose(el, /^Un suivi est-il en cours/, 'Oui');
    await choose(el, /^Le suivi a-t-il changé/, 'Oui');
    await settle(el);
    await click(submitButton(el));
    await expectFocusOn(el, () => errorSummary(el), 'focus moves to the error summary after a failed Submit');
    expect(nameOf(errorSummary(el)!)).to.equal('Il y a un problème');
  });

  it('after reportValidity(), the same', async () => {
    const el = await fixture<BoussoleForm>(html`<boussole-form .instrument=${cascade}></boussole-form>`);
    await settle(el);
    await choose(el, /^Un suivi est-il en cours/, 'Oui');
    await choose(el, /^Le suivi a-t-il changé/, 'Oui');
    await settle(el);
    expect(el.reportValidity()).to.equal(false);
    await expectFocusOn(el, () => errorSummary(el), 'reportValidity() moves focus to the error summary');
  });
});
