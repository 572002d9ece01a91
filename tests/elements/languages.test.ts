// Every element, in every state a person meets, speaks one language: rendered in English, its shadow
// root (text and ARIA attributes) holds no French of the interface (xliff/en.xlf) nor of the
// instrument, and in French no English. The words come from the translation file and the
// instruments themselves, so a new message or item is checked without touching this test.
import { expect, fixture } from '@open-wc/testing';
import '../../src/define.js';
import ces from '../../schemas/instruments/ces.json' with { type: 'json' };
import needs from '../../schemas/instruments/needs-grid.json' with { type: 'json' };
import pin from '../../schemas/instruments/pin-grid.json' with { type: 'json' };
import { demoInstrument } from '../../stories/demo-instrument.js';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import { createEngine } from '../../src/engine/index.js';
import type { Instrument, Result } from '../../src/schema/index.js';
import { fillAll } from '../support/fill.js';
import { formatNumber } from '../../src/localize/format.js';
import { intlTag } from '../../src/localize/locale.js';
import { allByRole, byRole, click, settle } from './helpers.js';

type Lang = 'fr' | 'en';
const other = (lang: Lang): Lang => (lang === 'fr' ? 'en' : 'fr');
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The interface's messages, French and English, cut at their placeholders. */
async function interfaceText(): Promise<Record<Lang, string[]>> {
  const xliff = await (await fetch('/xliff/en.xlf')).text();
  const out: Record<Lang, string[]> = { fr: [], en: [] };
  for (const unit of xliff.matchAll(/<trans-unit[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    const part = (tag: 'source' | 'target') => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(unit[1]!)?.[1] ?? '';
    const pieces = (text: string) =>
      text
        .split(/<x [^>]*\/>/)
        .map((p) => normalise(p.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')))
        .filter((p) => /\p{L}{2}/u.test(p));
    out.fr.push(...pieces(part('source')));
    out.en.push(...pieces(part('target')));
  }
  return out;
}

/** Every text of an instrument, per language. */
function instrumentText(instrument: unknown): Record<Lang, string[]> {
  const out: Record<Lang, string[]> = { fr: [], en: [] };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.fr === 'string' && typeof o.en === 'string' && Object.keys(o).length === 2) {
        out.fr.push(normalise(o.fr));
        out.en.push(normalise(o.en));
      } else Object.values(o).forEach(walk);
    }
  };
  walk(instrument);
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A fragment found as whole words (not inside a longer word). */
const wordsIn = (fragment: string, text: string) => new RegExp(`(^|[^\\p{L}])${escape(fragment)}($|[^\\p{L}])`, 'u').test(text);

/** What a person (or a screen reader) gets from the element: its text nodes and ARIA texts. */
function perceived(el: Element): string[] {
  const root = el.shadowRoot!;
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent!.trim()) texts.push(normalise(n.textContent!));
  for (const node of root.querySelectorAll('*'))
    for (const name of ['aria-label', 'aria-description', 'title', 'placeholder', 'alt'])
      if (node.getAttribute(name)) texts.push(normalise(node.getAttribute(name)!));
  return texts;
}

let words: Record<Lang, string[]>;
let foreign: Record<Lang, string[]>;

/** Builds, for each language, the fragments that belong only to the other one. */
async function prepare(): Promise<void> {
  const ui = await interfaceText();
  const content = [ces, needs, pin, demoInstrument].map(instrumentText);
  words = {
    fr: [...ui.fr, ...content.flatMap((c) => c.fr)],
    en: [...ui.en, ...content.flatMap((c) => c.en)],
  };
  const only = (lang: Lang) => {
    const mine = [...new Set(words[lang])];
    const theirs = words[other(lang)].join('\n');
    return mine.filter((f) => !wordsIn(f, theirs));
  };
  foreign = { en: only('fr'), fr: only('en') };
}

/** Fails with every text of the other language the element shows, and with any ".:" left by a joined sentence. */
function expectOnly(el: Element, lang: Lang, state: string): void {
  const texts = perceived(el);
  const all = texts.join('\n');
  const found = foreign[lang].filter((f) => wordsIn(f, all));
  const where = found.slice(0, 12).map((f) => `"${f}" in "${texts.find((t) => wordsIn(f, t))}"`);
  expect(found.length, `${state}: ${lang === 'en' ? 'French' : 'English'} text shown in ${lang}: ${where.join('; ')}`).to.equal(0);
  const joined = texts.filter((t) => /[.?!]\s?:\s\p{Lu}/u.test(t));
  expect(joined.length, `${state}: a sentence joined to another by a colon: ${joined.slice(0, 5).join('; ')}`).to.equal(0);
}

interface Case {
  tag: string;
  instrument: Instrument;
  attributes: string;
}
const CASES: Case[] = [
  { tag: 'boussole-pin-grid', instrument: pin as unknown as Instrument, attributes: '' },
  { tag: 'boussole-needs-grid', instrument: needs as unknown as Instrument, attributes: 'age-band="y6-11"' },
  { tag: 'boussole-ces', instrument: ces as unknown as Instrument, attributes: 'age-band="y10-14"' },
  { tag: 'boussole-form', instrument: demoInstrument, attributes: '' },
];

/** A filled result with participants and a plan, made by the engine. */
function filledResult(instrument: Instrument, lang: Lang, ageBand?: string): Result {
  const engine = createEngine(instrument, { locale: lang, ageBand });
  // What people type is theirs, in any language: neutral codes here, so only the interface is checked.
  const roles = instrument.session?.participants?.roles;
  fillAll(engine, { varied: true, text: 'TXT-1', participants: instrument.session?.participants ? [{ name: 'P-1', organisation: 'ORG-1', role: roles?.[0]?.id ?? 'R-1' }] : [] });
  const section = engine.model.sections.find((s) => s.actionPlan);
  if (section) {
    const o = engine.addObjective(section.id, 'OBJ-1');
    engine.addAction(section.id, o, { what: 'ACT-1', who: 'WHO-1', due: '2026-05-01', review: '2026-06-01', status: 'in-progress' });
  }
  return engine.toResult();
}

describe('each element speaks one language, in every state', () => {
  before(prepare);

  for (const c of CASES)
    for (const lang of ['en', 'fr'] as const) {
      it(`<${c.tag}> in ${lang}: empty, failed submit, rows added, filled, read-only, one section at a time, switched`, async () => {
        const make = async (extra = '', langAttr: Lang = lang) => {
          const el = await fixture<BoussoleForm>(`<${c.tag} lang="${langAttr}" ${c.attributes} ${extra}></${c.tag}>`);
          if (c.tag === 'boussole-form') el.instrument = c.instrument;
          await settle(el);
          return el;
        };
        const band = /age-band="([^"]+)"/.exec(c.attributes)?.[1];
        const el = await make();
        expectOnly(el, lang, 'empty');
        await click(byRole(el, 'button', { name: lang === 'en' ? 'Submit' : 'Soumettre' }));
        await settle(el);
        expectOnly(el, lang, 'after a failed submit');
        const add = (name: RegExp) => allByRole(el, 'button', { name })[0];
        for (const name of [/^(Add a participant|Ajouter un participant)$/, /^(Add an objective|Ajouter un objectif)$/]) {
          const button = add(name);
          if (button) await click(button);
          await settle(el);
        }
        const action = add(/^(Add an action|Ajouter une action)/);
        if (action) await click(action);
        await settle(el);
        expectOnly(el, lang, 'with a participant, an objective and an action, errors shown');
        el.value = filledResult(c.instrument, lang, band);
        await settle(el);
        expectOnly(el, lang, 'filled');
        const engine = createEngine(c.instrument, { ageBand: band });
        fillAll(engine, { share: 0.5, text: 'TXT-0' });
        const o = engine.model.sections.find((s) => s.actionPlan);
        if (o) engine.addAction(o.id, engine.addObjective(o.id, 'OBJ-0'), { what: 'ACT-0', status: 'planned' });
        el.previous = engine.toResult();
        await settle(el);
        expectOnly(el, lang, 'with the previous record beside');
        const review = await make('readonly');
        review.previous = el.previous;
        review.value = el.value;
        await settle(review);
        expectOnly(review, lang, 'read-only');
        const steps = await make('layout="sections"');
        steps.value = el.value;
        await settle(steps);
        expectOnly(steps, lang, 'one section at a time');
        const switched = await make('', other(lang));
        switched.value = el.value;
        switched.reportValidity();
        await settle(switched);
        switched.setAttribute('lang', lang);
        await settle(switched);
        expectOnly(switched, lang, `switched from ${other(lang)}`);
      });
    }

  for (const c of CASES.filter((x) => x.tag !== 'boussole-form'))
    for (const lang of ['en', 'fr'] as const)
      it(`<boussole-summary> of ${c.instrument.id} in ${lang}, with its previous record`, async () => {
        const band = /age-band="([^"]+)"/.exec(c.attributes)?.[1];
        const el = await fixture<HTMLElement & { value: unknown; previous: unknown; updateComplete: Promise<unknown> }>(`<boussole-summary lang="${lang}"></boussole-summary>`);
        el.value = filledResult(c.instrument, lang, band);
        await el.updateComplete;
        expectOnly(el, lang, 'the synthesis');
        const engine = createEngine(c.instrument, { ageBand: band });
        fillAll(engine, { share: 0.5, text: 'TXT-0' });
        el.previous = engine.toResult();
        await el.updateComplete;
        expectOnly(el, lang, 'the synthesis with its comparison');
      });

  for (const c of CASES.filter((x) => x.tag !== 'boussole-form'))
    for (const lang of ['en', 'fr'] as const)
      it(`<boussole-dashboard> of ${c.instrument.id} in ${lang}: two territories, filtered, a bad result`, async () => {
        const band = /age-band="([^"]+)"/.exec(c.attributes)?.[1];
        const first = filledResult(c.instrument, lang, band);
        const second = { ...first, session: { ...first.session, date: '2025-02-03', territory: first.session.territory ? 'T-2' : undefined } };
        const el = await fixture<HTMLElement & { results: unknown; updateComplete: Promise<unknown> }>(`<boussole-dashboard lang="${lang}"></boussole-dashboard>`);
        // (A result of another instrument: the browser's own JSON error text, in its language, is only in folded technical details.)
        el.results = [first, second, { ...first, instrument: { id: 'X-1', version: '1.0.0' } }];
        await el.updateComplete;
        expectOnly(el, lang, 'the dashboard');
        const filter = el.shadowRoot!.querySelector('select');
        if (filter) {
          filter.value = 'T-2';
          filter.dispatchEvent(new Event('change'));
          await el.updateComplete;
          expectOnly(el, lang, 'the dashboard, one territory');
        }
      });

  it('the check itself fails on a French word in an English form', async () => {
    const el = await fixture<BoussoleForm>('<boussole-pin-grid lang="en"></boussole-pin-grid>');
    await settle(el);
    el.shadowRoot!.querySelector('h2')!.append(' Soumettre');
    expect(() => expectOnly(el, 'en', 'tampered')).to.throw(/Soumettre/);
  });
});

describe('numbers in this browser', () => {
  it('whole numbers are written as this browser’s Intl writes them in fr-CA and en-CA (formatNumber spares Intl for them)', () => {
    for (const locale of ['fr', 'en'] as const)
      for (let exponent = 0; exponent <= 15; exponent++)
        for (const value of [10 ** exponent, 10 ** exponent - 1, -(10 ** exponent) + 7, 1234567])
          expect(formatNumber(value, locale), `${value} in ${locale}`).to.equal(new Intl.NumberFormat(intlTag(locale)).format(value));
  });
});
