// Hostile text (tests/fixtures/hostile/strings.json) fed through every text the elements render —
// instrument texts, help, options, units, voices, roles, tallies, participant names, answers,
// comments, plan texts — in edit and read-only modes, in the summary and the error summary: all of it
// shows as inert text, and no node appears that the same form with plain text does not have.
import { expect, fixture } from '@open-wc/testing';
import '../../src/define.js';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import { createEngine } from '../../src/engine/index.js';
import type { Instrument, Result } from '../../src/schema/index.js';
import { demoInstrument } from '../../stories/demo-instrument.js';
import { allByRole, byRole, click, errorBoxes, settle, submitButton, textOf } from './helpers.js';

const strings: string[] = (await (await fetch('/tests/fixtures/hostile/strings.json')).json()).strings;
/** Instrument texts are at most 20 000 characters (longer is refused, see tests/engine/hostile.test.ts). */
const shortStrings = strings.filter((s) => s.length <= 20_000);

type Draft = Record<string, any>;

/** The demo instrument with every text replaced, in turn, by `text(i)`; plus a unit, roles and a tally status. */
function instrumentWith(text: (i: number) => string): Instrument {
  const draft = structuredClone(demoInstrument) as Draft;
  draft.session = { date: 'required', subject: 'optional', participants: { min: 1, name: 'optional', role: 'required', roles: [{ id: 'r1', label: { fr: 'R', en: 'R' } }] } };
  draft.sections[0].items.find((i: Draft) => i.id === 'count').unit = { fr: 'u', en: 'u' };
  draft.sections[0].items.find((i: Draft) => i.id === 'heard').help = { fr: 'h', en: 'h' };
  let i = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Draft;
      for (const [k, v] of Object.entries(o)) {
        if (v && typeof v === 'object' && 'fr' in v && 'en' in v && Object.keys(v).length === 2) o[k] = { fr: text(i), en: text(i++) };
        else walk(v);
      }
    }
  };
  walk(draft);
  return draft as Instrument;
}

/** A result with every free text of a person set to `text(i)`: participants, answers, comments, plans. */
function resultWith(instrument: Instrument, text: (i: number) => string): Result {
  const engine = createEngine(instrument);
  engine.setSession({ date: '2026-03-12', subjectId: text(0) });
  engine.addParticipant({ name: text(1), role: 'r1' });
  engine.setAnswer('heard', 'agree');
  engine.setComment('clear', text(2));
  engine.setAnswer('felt', 'agree', { perspective: 'child' });
  engine.setAnswer('note', text(3));
  const o = engine.addObjective('climate', text(4));
  engine.addAction('climate', o, { what: text(5), who: text(6), status: 'planned' });
  return engine.toResult();
}

/** The shape of a shadow tree: every element with its attribute names, in order. */
const shape = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('*')].map((n) => `${n.localName}[${[...n.attributes].map((a) => a.name).sort().join(',')}]`).join('\n');

async function render(instrument: Instrument, value: Result, extra = ''): Promise<BoussoleForm> {
  const host = await fixture<HTMLElement>(`<div><boussole-form lang="fr" ${extra}></boussole-form></div>`);
  const el = host.querySelector<BoussoleForm>('boussole-form')!;
  el.instrument = instrument;
  el.value = value;
  await settle(el);
  return el;
}

describe('hostile text is inert everywhere it is shown', () => {
  for (let start = 0; start < strings.length; start += 7) {
    it(`strings ${start + 1}–${Math.min(strings.length, start + 7)}: same nodes as plain text, in edit, read-only and after a failed submit`, async () => {
      const pick = (list: string[]) => (i: number) => list[(start + i) % list.length]!;
      const hostile = instrumentWith(pick(shortStrings));
      const plain = instrumentWith((i) => `Texte ${i}`);
      const nodesBefore = document.querySelectorAll('*').length;
      for (const extra of ['', 'readonly']) {
        const bad = await render(hostile, resultWith(hostile, pick(strings)), extra);
        const good = await render(plain, resultWith(plain, (i) => `Texte ${i}`), extra);
        if (!extra) {
          bad.setAttribute('lang', 'en');
          await settle(bad);
          await click(submitButton(bad));
          bad.value = resultWith(hostile, pick(strings)); // errors of the plan and of required questions remain
          bad.reportValidity();
          good.setAttribute('lang', 'en');
          await settle(good);
          good.value = resultWith(plain, (i) => `Texte ${i}`);
          good.reportValidity();
          await settle(bad);
          await settle(good);
        }
        expect(errorBoxes(bad).length, `the instrument and the value were accepted: ${errorBoxes(bad).map((b) => textOf(b).slice(0, 300)).join(' | ')}`).to.equal(0);
        expect(shape(bad)).to.equal(shape(good));
        const text = textOf(bad);
        expect(text).to.contain(pick(shortStrings)(0).replace(/\s+/g, ' ').trim().slice(0, 60));
        for (const n of bad.shadowRoot!.querySelectorAll('a[href]')) expect(n.getAttribute('href')).to.match(/^#/);
      }
      await new Promise((r) => setTimeout(r, 50));
      expect((window as unknown as { __pwned?: unknown }).__pwned, 'no payload ran').to.equal(undefined);
      expect(document.querySelectorAll('script[src*="example"], img, svg, iframe').length).to.equal(0);
      expect(document.querySelectorAll('*').length, 'nothing was added outside the elements').to.be.at.most(nodesBefore + 20);
    });
  }

  it('the check itself fails when a label becomes markup', async () => {
    const plain = instrumentWith((i) => `Texte ${i}`);
    const good = await render(plain, resultWith(plain, (i) => `Texte ${i}`));
    const bad = await render(plain, resultWith(plain, (i) => `Texte ${i}`));
    bad.shadowRoot!.querySelector('legend')!.insertAdjacentHTML('beforeend', '<img src="x">');
    expect(shape(bad)).to.not.equal(shape(good));
  });
});

describe('ids named like what every object inherits', () => {
  it('render, validate and submit: sections, plans and tallies named constructor, toString, valueOf', async () => {
    const draft = structuredClone(demoInstrument) as Draft;
    const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];
    draft.sections = names.map((name) => ({
      id: name,
      kind: 'theme',
      title: { fr: `Section ${name}`, en: `Section ${name}` },
      actionPlan: {},
      items: [{ id: `${name}.q`, type: 'single-choice', scale: 'agreement', label: { fr: `Question ${name}`, en: `Question ${name}` }, required: true }],
    }));
    draft.summary.tallies[0].statuses = [
      { id: 'toString', label: { fr: 'Statut toString', en: 'Status toString' }, when: [{ level: 'agree', minCount: 1 }] },
      { id: 'constructor', label: { fr: 'Statut constructor', en: 'Status constructor' } },
    ];
    draft.session = { date: 'optional' };
    const host = await fixture<HTMLElement>('<form><boussole-form name="x"></boussole-form></form>');
    const el = host.querySelector<BoussoleForm>('boussole-form')!;
    const errors: string[] = [];
    el.addEventListener('boussole-error', (e) => errors.push((e as CustomEvent).detail.code));
    el.instrument = draft;
    await settle(el);
    expect(errors).to.deep.equal([]);
    expect(allByRole(el, 'region').map((r) => r.getAttribute('aria-labelledby') && textOf(r).slice(0, 19))).to.include('Section constructor');
    expect(el.checkValidity(), 'four required questions are unanswered').to.equal(false);
    expect((host as HTMLFormElement).checkValidity()).to.equal(false);
    for (const name of names) {
      const group = byRole(el, 'group', { name: new RegExp(`^Question ${name}\\b`) });
      await click(allByRole(group, 'radio')[0]!.closest('label')!);
    }
    await settle(el);
    expect(el.value!.status).to.equal('complete');
    const entry = Object.entries(el.value!.summaries.tallies.agreement!.sections).find(([id]) => id === 'constructor')?.[1];
    expect(entry?.status).to.equal('toString');
    expect(textOf(byRole(el, 'table', { name: 'Accord' }))).to.contain('Statut toString');
    expect(el.checkValidity()).to.equal(true);
  });
});

describe('a broken instrument given to a form', () => {
  for (const [what, breakIt, path] of [
    ['a section that contains itself', (d: Draft) => (d.sections[0].sections = [d.sections[0]]), 'sections[0].sections[0]'],
    ['a property whose getter throws', (d: Draft) => Object.defineProperty(d.sections[0], 'title', { enumerable: true, get: () => { throw new Error('piège'); } }), 'sections[0].title'],
    ['sections nested 2 100 levels deep', (d: Draft) => {
      let s: Draft = d.sections[0];
      for (let i = 0; i < 2100; i++) s = { id: `n${i}`, kind: 'k', title: { fr: 'N', en: 'N' }, sections: [s] };
      d.sections = [s];
    }, 'sections'],
  ] as const)
    it(`${what}: a visible error with the path, boussole-error, the answers kept`, async () => {
      const el = await render(demoInstrument, resultWith(demoInstrument, (i) => `Texte ${i}`));
      const before = el.value!;
      const codes: string[] = [];
      el.addEventListener('boussole-error', (e) => codes.push((e as CustomEvent).detail.code));
      const broken = structuredClone(demoInstrument) as Draft;
      breakIt(broken);
      el.instrument = broken;
      await settle(el);
      expect(codes).to.deep.equal(['invalid-instrument']);
      const box = errorBoxes(el)[0]!;
      await click(byRole(box, 'button', { name: 'Détails techniques' }));
      expect(textOf(box)).to.contain(path);
      expect(el.value!.answers).to.deep.equal(before.answers);
    });
});
