// How a question and the form are laid out as a person sees them: every kind of question reads in
// the same order (question, help, last time's answer, error, then the answer), and at 320 px wide
// (a phone held upright) nothing is hidden sideways and the first question is on the first screen.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import { createEngine } from '../../src/engine/index.js';
import type { Instrument } from '../../src/schema/index.js';
import { byRole, click, expectAccessible, field, group, settle, submitButton } from './helpers.js';

const t = (fr: string, en: string) => ({ fr, en });

/** Two required questions, a choice and a text, each with help, answered last time. */
const instrument: Instrument = {
  id: 'layout-check',
  version: '1.0.0',
  title: t('Vérification de la mise en page', 'Layout check'),
  source: { note: t('Exemple de test.', 'Test example.'), licence: t('Libre', 'Free'), illustrative: true },
  scales: [{ id: 'agreement', options: [{ code: 'agree', label: t('D’accord', 'Agree') }, { code: 'disagree', label: t('Pas d’accord', 'Disagree') }] }],
  sections: [
    {
      id: 'only',
      kind: 'theme',
      title: t('Le climat', 'The climate'),
      items: [
        { id: 'heard', type: 'single-choice', scale: 'agreement', required: true, label: t('Chacun a pu s’exprimer.', 'Everyone could speak.'), help: t('Pensez aux enfants aussi.', 'Think of the children too.') },
        { id: 'name', type: 'short-text', required: true, label: t('Nom de l’équipe', 'Team name'), help: t('Le nom usuel suffit.', 'The usual name is enough.') },
      ],
    },
  ],
};

function lastTime() {
  const engine = createEngine(instrument);
  engine.setAnswer('heard', 'agree');
  engine.setAnswer('name', 'Équipe Nord');
  return engine.toResult();
}

/** The elements that describe a control, in the order its `aria-describedby` names them. */
function descriptions(control: HTMLElement): HTMLElement[] {
  const root = control.getRootNode() as ShadowRoot;
  return (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map((id) => root.getElementById(id)!);
}

const top = (el: Element) => el.getBoundingClientRect().top;

describe('every kind of question reads in the same order', () => {
  it('a choice question, like a text one: question, help, last time’s answer, error, then the options — inside the error bar', async () => {
    const host = await fixture<HTMLElement>(html`<div><boussole-form .instrument=${instrument} lang="fr"></boussole-form></div>`);
    const el = host.querySelector<BoussoleForm>('boussole-form')!;
    el.previous = lastTime();
    await settle(el);
    await click(submitButton(el));
    await settle(el);

    const check = (question: HTMLElement, control: HTMLElement, box: HTMLElement) => {
      const described = descriptions(control);
      const help = described.find((d) => /^Pensez aux enfants|^Le nom usuel/.test(d.textContent!.trim()));
      const previous = described.find((d) => d.textContent!.includes('Précédemment'));
      const error = described.find((d) => d.textContent!.trim().startsWith('Erreur'));
      expect([help, previous, error].map(Boolean), 'help, last time’s answer and the error describe the control').to.deep.equal([true, true, true]);
      const order = [question, help!, previous!, error!, control].map(top);
      expect(order, 'top to bottom: question, help, previous, error, control').to.deep.equal([...order].sort((a, b) => a - b));
      expect(new Set(order).size, 'each on its own line').to.equal(5);
      // The red bar is the question's left border: what explains the question sits beside it.
      const bar = box.getBoundingClientRect();
      for (const part of [help!, previous!, error!]) {
        const r = part.getBoundingClientRect();
        expect(r.top >= bar.top && r.bottom <= bar.bottom, `"${part.textContent!.trim()}" beside the error bar`).to.equal(true);
      }
      expect(getComputedStyle(box).borderLeftStyle, 'the question has its error bar').to.equal('solid');
    };

    const choice = group(el, /^Chacun a pu s’exprimer/);
    check(choice.querySelector('legend')!, byRole(choice, 'radio', { name: 'D’accord' }), choice);
    const text = field(el, /^Nom de l’équipe/);
    const label = el.shadowRoot!.querySelector<HTMLElement>(`label[for="${text.id}"]`)!;
    check(label, text, label.parentElement!);
    await expectAccessible(el);
  });
});
