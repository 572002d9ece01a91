// How a question and the form are laid out as a person sees them: every kind of question reads in
// the same order (question, help, last time's answer, error, then the answer), and at 320 px wide
// (a phone held upright) nothing is hidden sideways and the first question is on the first screen.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import needs from '../../schemas/instruments/needs-grid.json' with { type: 'json' };
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import type { BoussoleSummary } from '../../src/elements/summary/boussole-summary.js';
import { createEngine } from '../../src/engine/index.js';
import type { Instrument } from '../../src/schema/index.js';
import { fillAll } from '../support/fill.js';
import { allByRole, byRole, click, errorSummary, expectAccessible, field, focused, group, nameOf, press, queryByRole, settle, submitButton } from './helpers.js';

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

/** The needs grid filled twice, a year apart: the form shows this year with last year beside it. */
function needsYears() {
  const instrument = needs as unknown as Instrument;
  const before = createEngine(instrument, { ageBand: 'y6-11' });
  fillAll(before, { varied: true, session: { date: '2025-03-12' } });
  const now = createEngine(instrument, { ageBand: 'y6-11' });
  fillAll(now, { session: { date: '2026-03-12' } });
  return { previous: before.toResult(), value: now.toResult() };
}

describe('at 320 px wide', () => {
  before(() => setViewport({ width: 320, height: 568 }));
  after(() => setViewport({ width: 800, height: 600 }));

  it('the needs overview shows every status without scrolling sideways', async () => {
    const host = await fixture<HTMLElement>(html`<div><boussole-needs-grid age-band="y6-11"></boussole-needs-grid></div>`);
    const el = host.querySelector<BoussoleForm>('boussole-needs-grid')!;
    el.value = needsYears().value;
    await settle(el);
    const table = byRole(el, 'table', { name: 'Aperçu des besoins' });
    const rows = allByRole(table, 'row').filter((row) => allByRole(row, 'cell').length > 0);
    expect(rows.length, 'one row per need').to.be.greaterThan(3);
    for (const row of rows) {
      const status = allByRole(row, 'cell').at(-1)!;
      const r = status.getBoundingClientRect();
      expect([r.left >= 0, r.right <= innerWidth, r.width > 0], `status of ${row.textContent!.trim().slice(0, 40)} within the screen`).to.deep.equal([true, true, true]);
    }
    const region = table.closest('[role="region"]')!;
    expect(region.scrollWidth, 'nothing to scroll to').to.be.at.most(region.clientWidth);
    await expectAccessible(el);
  });

  it('a table’s caption is read whole, even when the table scrolls', async () => {
    const years = needsYears();
    const host = await fixture<HTMLElement>(html`<div><boussole-needs-grid age-band="y6-11"></boussole-needs-grid><boussole-summary></boussole-summary></div>`);
    const form = host.querySelector<BoussoleForm>('boussole-needs-grid')!;
    const summary = host.querySelector<BoussoleSummary>('boussole-summary')!;
    form.previous = years.previous;
    form.value = years.value;
    summary.previous = years.previous;
    summary.value = years.value;
    await settle(form);
    await summary.updateComplete;
    const clipped: string[] = [];
    for (const el of [form, summary])
      for (const table of allByRole(el, 'table')) {
        const caption = table.querySelector('caption');
        if (!caption) continue;
        const region = table.closest('[role="region"]')!;
        region.scrollLeft = 0;
        const seen = region.getBoundingClientRect();
        const words = document.createRange();
        words.selectNodeContents(caption);
        const right = Math.max(...[...words.getClientRects()].map((r) => r.right));
        if (right > seen.right + 0.5 || caption.scrollWidth > region.clientWidth) clipped.push(`${nameOf(table)}: text to ${right}, box ${caption.scrollWidth}, seen ${region.clientWidth}`);
      }
    expect(clipped).to.deep.equal([]);
    await expectAccessible(summary);
  });

  it('each error-summary bullet sits on the first line of its link', async () => {
    const long: Instrument = {
      ...instrument,
      sections: [
        {
          id: 'only',
          kind: 'theme',
          title: t('Le climat', 'The climate'),
          items: [
            { id: 'a', type: 'yes-no', required: true, label: t('Les parents ont pris part au choix des actions proposées à la famille cette année.', 'The parents took part.') },
            { id: 'b', type: 'short-text', required: true, label: t('Organismes partenaires présents à la rencontre de planification', 'Partners present.') },
          ],
        },
      ],
    };
    const host = await fixture<HTMLElement>(html`<div><boussole-form .instrument=${long} lang="fr"></boussole-form></div>`);
    const el = host.querySelector<BoussoleForm>('boussole-form')!;
    await settle(el);
    await click(submitButton(el));
    await settle(el);
    const links = allByRole(errorSummary(el)!, 'link');
    expect(links.length).to.equal(2);
    for (const link of links) {
      const lines = document.createRange();
      lines.selectNodeContents(link);
      const rects = [...lines.getClientRects()].filter((r) => r.width > 0);
      const first = rects[0]!;
      expect(rects.at(-1)!.top, `"${nameOf(link)}" wraps at 320 px`).to.be.greaterThan(first.bottom - 1);
      // The bullet is drawn on the list item's first line: a zero-width mark put at the item's start sits on that line.
      const mark = document.createElement('span');
      mark.textContent = '\u200b';
      link.parentElement!.prepend(mark);
      const bullet = mark.getBoundingClientRect();
      mark.remove();
      expect(Math.abs(bullet.bottom - first.bottom), `the bullet of "${nameOf(link)}" on its first line`).to.be.below(2);
    }
    await expectAccessible(el);
  });

  it('layout="sections": the navigator folds into "Section 1 sur 9", the first question is on the first screen, the menu works by keyboard', async () => {
    const names = ['Accueil', 'Santé', 'Éducation', 'Identité', 'Famille', 'Amitiés', 'Présentation', 'Émotions', 'Autonomie'];
    const nine: Instrument = {
      ...instrument,
      sections: names.map((name, i) => ({
        id: `s${i}`,
        kind: 'theme',
        title: t(`${name} et ce qui l’entoure au quotidien`, name),
        items: [{ id: `q${i}`, type: 'yes-no' as const, label: t(`Question ${i + 1} sur ${name.toLowerCase()}`, `Question ${i + 1}`) }],
      })),
    };
    const host = await fixture<HTMLElement>(html`<div><boussole-form .instrument=${nine} lang="fr" layout="sections"></boussole-form></div>`);
    const el = host.querySelector<BoussoleForm>('boussole-form')!;
    await settle(el);
    window.scrollTo(0, 0);
    const first = group(el, /^Question 1 sur accueil/);
    expect(first.getBoundingClientRect().top, 'the first question within the first screen').to.be.below(568 - 44);
    const menu = byRole(el, 'button', { name: /^Section 1 sur 9/ });
    expect(menu.getAttribute('aria-expanded')).to.equal('false');
    expect(queryByRole(el, 'button', { name: /^Santé et ce qui/ }), 'the sections are folded').to.equal(null);

    menu.focus();
    await press('Enter');
    await settle(el);
    expect(menu.getAttribute('aria-expanded')).to.equal('true');
    expect(allByRole(el.shadowRoot!.querySelector('nav')!, 'button').length, 'the menu lists the nine sections').to.equal(10);
    await press('Tab');
    await press('Tab');
    await press('Tab');
    expect(nameOf(focused(el)!)).to.match(/^Éducation et ce qui/);
    await press('Enter');
    await settle(el);
    expect(group(el, /^Question 3 sur éducation/)).to.exist;
    const folded = byRole(el, 'button', { name: /^Section 3 sur 9/ });
    expect(folded.getAttribute('aria-expanded'), 'the menu closes once a section is chosen').to.equal('false');
    expect(nameOf(focused(el)!), 'focus on the chosen section’s title').to.match(/^Éducation et ce qui/);
    await expectAccessible(el);
  });
});
