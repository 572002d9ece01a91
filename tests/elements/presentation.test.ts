// layout="presentation": a group around one projected screen fills the PIN grid one statement at a
// time, with one key per answer. Driven as the person at the keyboard does it (sendKeys), sizes as a
// projector shows them (setViewport).
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import type { BoussoleSubmitEvent } from '../../src/elements/events.js';
import type { Result } from '../../src/schema/result.js';
import {
  allByRole,
  byRole,
  click,
  clickOption,
  expectAccessible,
  expectFocusOn,
  field,
  focused,
  group,
  nameOf,
  queryByRole,
  settle,
  submitButton,
  textOf,
  typeInto,
} from './helpers.js';

const LEVELS = ['Implanté', 'Partiellement implanté', 'Non implanté', 'Ne sais pas'];
/** The key pressed for each of the 24 statements (the option's number): every level, "ne sais pas" twice. */
const KEYS = [1, 1, 2, 1, 3, 1, 2, 2, 1, 4, 1, 1, 3, 3, 2, 3, 1, 2, 1, 1, 4, 2, 1, 1];

const make = async (tag = 'boussole-pin-grid', attrs = 'layout="presentation"') => {
  const lang = /\blang=/.test(attrs) ? '' : 'lang="fr"';
  const host = await fixture<HTMLElement>(`<div><${tag} ${lang} ${attrs}></${tag}></div>`);
  const el = host.firstElementChild as BoussoleForm;
  await settle(el);
  return el;
};

/** The step's heading, where focus goes on every move ("Énoncé 7 sur 24", "La rencontre"…). */
const stepHeading = (el: BoussoleForm) => el.shadowRoot!.querySelector<HTMLElement>('.present-heading')!;
/** The question on screen: its fieldset (the statement is its legend). */
const statement = (el: BoussoleForm) => allByRole(el, 'group').find((g) => allByRole(g, 'radio').length === 4)!;
/** The part on screen (every step is in the page, for print; one is shown). */
const shownPart = (el: BoussoleForm, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)].find((e) => e.checkVisibility())!;
const withoutTimes = (r: Result) => {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
};

/** Keys pressed, counted one per key (a typed text counts its characters). */
function keyboard(el: BoussoleForm) {
  const counter = {
    presses: 0,
    async press(key: string) {
      counter.presses++;
      await sendKeys({ press: key });
      await settle(el);
    },
    async type(text: string) {
      counter.presses += [...text].length;
      await sendKeys({ type: text });
      await settle(el);
    },
    /** Presses Tab until the focused control has this name (at most 40 times). */
    async tabTo(name: RegExp) {
      for (let i = 0; i < 40; i++) {
        const now = focused(el);
        if (now && name.test(nameOf(now))) return;
        await counter.press('Tab');
      }
      throw new Error(`Tab never reached ${name}`);
    },
  };
  return counter;
}

describe('layout="presentation" of the PIN grid', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('is completed end to end with the keyboard only, in 96 key presses, and submits the same result as layout="all"', async function () {
    // 96 keys and 24 clicks on a loaded machine.
    this.timeout(60_000);
    await setViewport({ width: 1280, height: 720 });
    const el = await make();
    const sent: Result[] = [];
    el.addEventListener('boussole-submit', (e) => sent.push((e as BoussoleSubmitEvent).detail));
    const keys = keyboard(el);
    // The meeting first, on its own step.
    expect(stepHeading(el).textContent!.trim()).to.equal('La rencontre');
    await keys.tabTo(/^Jour$/);
    await keys.type('12');
    await keys.press('Tab');
    await keys.type('3');
    await keys.press('Tab');
    await keys.type('2026');
    await keys.tabTo(/^Unité territoriale/);
    await keys.type('RLS Nord');
    await keys.tabTo(/^Ajouter un participant$/);
    await keys.press('Enter');
    await keys.tabTo(/^Organisation/);
    await keys.type('CLSC');
    await keys.tabTo(/^Rôle/);
    await keys.type('Parent');
    await keys.tabTo(/^Suivant$/);
    await keys.press('Enter');
    await expectAccessible(el);

    const themes: string[] = [];
    for (let i = 0; i < 24; i++) {
      await expectFocusOn(el, () => stepHeading(el), `statement ${i + 1}: focus on its heading`);
      expect(nameOf(stepHeading(el))).to.equal(`Énoncé ${i + 1} sur 24`);
      await keys.press(String(KEYS[i]));
      expect(byRole(statement(el), 'radio', { checked: true }).closest('label')!.textContent!.trim()).to.match(new RegExp(`${LEVELS[KEYS[i]! - 1]}$`));
      await keys.press('Enter');
      if (i % 4 === 3) {
        // A theme's end: its final tally, then on.
        await expectFocusOn(el, () => stepHeading(el), 'the theme’s end: focus on its heading');
        expect(nameOf(stepHeading(el))).to.match(/^Fin de la section : /);
        themes.push(shownPart(el, '[part~="presentation-tally"]').textContent!.replace(/\s+/g, ' ').trim());
        if (i === 3) await expectAccessible(el);
        await keys.press('Enter');
      }
    }
    expect(themes[0], 'theme 1: 1, 1, 2, 1').to.match(/Compte final — Composante écosystémique Implanté 3 · Partiellement implanté 1 · Non implanté 0 · Ne sais pas 0 Statut : Implanté/);
    await expectFocusOn(el, () => stepHeading(el), 'the end: focus on its heading');
    expect(nameOf(stepHeading(el))).to.equal('Fin du questionnaire');
    await keys.tabTo(/^Soumettre$/);
    await keys.press('Enter');
    await settle(el);
    expect(sent.length, 'one boussole-submit').to.equal(1);
    expect(keys.presses, 'key presses from the first Tab to Submit').to.equal(96);
    await expectAccessible(el);

    // The same answers in layout="all", clicked and typed there.
    const all = await make('boussole-pin-grid', 'layout="all"');
    const other: Result[] = [];
    all.addEventListener('boussole-submit', (e) => other.push((e as BoussoleSubmitEvent).detail));
    const date = group(all, /^Date de la rencontre/);
    await typeInto(field(date, 'Jour'), '12');
    await typeInto(field(date, 'Mois'), '3');
    await typeInto(field(date, 'Année'), '2026');
    await typeInto(field(all, /^Unité territoriale/), 'RLS Nord');
    await click(byRole(all, 'button', { name: 'Ajouter un participant' }));
    await settle(all);
    await typeInto(field(all, /^Organisation/), 'CLSC');
    await typeInto(field(all, /^Rôle/), 'Parent');
    const groups = allByRole(all, 'group').filter((g) => allByRole(g, 'radio').length === 4);
    for (const [i, g] of groups.entries()) await clickOption(byRole(g, 'radio', { name: LEVELS[KEYS[i]! - 1]! }));
    await click(submitButton(all));
    await settle(all);
    expect(other.length).to.equal(1);
    expect(withoutTimes(sent[0]!)).to.deep.equal(withoutTimes(other[0]!));
  });

  it('switching layout keeps every answer and the question on screen', async () => {
    const el = await make();
    await click(byRole(el, 'button', { name: 'Suivant' }));
    await settle(el);
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: String(KEYS[i]) });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      if (i === 3) {
        await sendKeys({ press: 'Enter' });
        await settle(el);
      }
    }
    expect(nameOf(stepHeading(el))).to.equal('Énoncé 7 sur 24');
    expect(textOf(el.shadowRoot!.querySelector('[part~="presentation-bar"]')!)).to.match(/^Composante participative/);
    expect(nameOf(byRole(el, 'button', { name: 'Précédent' }))).to.equal('Précédent');

    // To sections: the statement's theme.
    el.layout = 'sections';
    await settle(el);
    const theme = allByRole(el, 'region').find((r) => /^Composante participative$/.test(nameOf(r)));
    expect(theme, 'the second theme is on screen').to.not.equal(undefined);
    expect(queryByRole(el, 'region', { name: 'Composante écosystémique' }), 'the first is not').to.equal(null);
    expect(allByRole(theme!, 'radio', { checked: true }).length, 'its two answers').to.equal(2);
    // To all: the six answers.
    el.layout = 'all';
    await settle(el);
    expect(allByRole(el, 'radio', { checked: true }).map((r) => nameOf(r))).to.deep.equal(KEYS.slice(0, 6).map((k) => LEVELS[k - 1]));
    // Back: the statement last shown.
    el.layout = 'presentation';
    await settle(el);
    expect(nameOf(stepHeading(el))).to.equal('Énoncé 7 sur 24');
    await click(byRole(el, 'button', { name: 'Précédent' }));
    await settle(el);
    expect(nameOf(stepHeading(el))).to.equal('Énoncé 6 sur 24');
    expect(nameOf(byRole(statement(el), 'radio', { checked: true }))).to.equal(LEVELS[KEYS[5]! - 1]);
    await expectAccessible(el);
  });

  it('a new statement is announced politely and takes focus; the theme’s tally follows each answer', async () => {
    const el = await make();
    await click(byRole(el, 'button', { name: 'Suivant' }));
    await settle(el);
    await expectFocusOn(el, () => stepHeading(el), 'focus on the statement’s heading');
    const live = allByRole(el, 'status').find((s) => s.closest('.presentation') && /Énoncé/.test(s.textContent!))!;
    expect(live.textContent!.trim()).to.match(/^Énoncé 1 sur 24\. Composante écosystémique\. Les besoins de l'enfant/);
    const tally = () => textOf(shownPart(el, '[part~="presentation-tally"]'));
    expect(tally()).to.match(/Compte en cours — Composante écosystémique Implanté 0/);
    await sendKeys({ press: '1' });
    await settle(el);
    expect(tally()).to.match(/Implanté 1 ·/);
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(tally()).to.match(/Implanté 0 · Partiellement implanté 1/);
    await sendKeys({ press: 'PageDown' });
    await settle(el);
    expect(live.textContent!.trim()).to.match(/^Énoncé 2 sur 24/);
    await sendKeys({ press: 'PageUp' });
    await settle(el);
    expect(nameOf(stepHeading(el))).to.equal('Énoncé 1 sur 24');
    await expectAccessible(el);
  });

  it('typing in the comment field changes the comment only: digits, arrows and Enter stay text', async () => {
    const el = await make();
    await click(byRole(el, 'button', { name: 'Suivant' }));
    await settle(el);
    await sendKeys({ press: '2' });
    await settle(el);
    const comment = shownPart(el, '.present-question details summary');
    await click(comment);
    await settle(el);
    const box = field<HTMLTextAreaElement>(el, /^Commentaire/);
    await click(box);
    await sendKeys({ type: '3 partenaires sur 4' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'PageDown' });
    await sendKeys({ type: '1' });
    await settle(el);
    expect(nameOf(stepHeading(el)), 'still the first statement').to.equal('Énoncé 1 sur 24');
    expect(nameOf(byRole(statement(el), 'radio', { checked: true })), 'the answer is unchanged').to.equal('Partiellement implanté');
    expect(el.value!.answers['pin.ecosystemic.needs-together']).to.deep.include({ value: 'partial', comment: '3 partenaires sur 4\n1' });
    await expectAccessible(el);
  });
});

describe('layout="presentation" in English, and on paper', () => {
  it('says "Statement 1 of 24", "Previous" and "Next"', async () => {
    const el = await make('boussole-pin-grid', 'layout="presentation" lang="en"');
    expect(nameOf(stepHeading(el))).to.equal('The meeting');
    await click(byRole(el, 'button', { name: 'Next' }));
    await settle(el);
    expect(nameOf(stepHeading(el))).to.equal('Statement 1 of 24');
    expect(nameOf(byRole(el, 'button', { name: 'Previous' }))).to.equal('Previous');
    expect(textOf(shownPart(el, '[part~="presentation-tally"]'))).to.match(/^Running count — Ecosystemic component Implemented 0/);
    expect(textOf(el.shadowRoot!.querySelector('[part~="presentation"]')!), 'no French left').to.not.match(/Précédent|Suivant|Énoncé|Compte|Touches|Entrée|Fin d/);
    await expectAccessible(el);
  });

  it('prints every statement, not only the one on screen', async () => {
    const el = await make();
    await click(byRole(el, 'button', { name: 'Suivant' }));
    await settle(el);
    expect(allByRole(el, 'group').filter((g) => allByRole(g, 'radio').length === 4).length, 'on screen').to.equal(1);
    await emulateMedia({ media: 'print' });
    try {
      expect(allByRole(el, 'group').filter((g) => allByRole(g, 'radio').length === 4).length, 'on paper').to.equal(24);
      expect(queryByRole(el, 'button', { name: 'Suivant' }), 'no buttons on paper').to.equal(null);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});

describe('layout="presentation" sizes', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));
  const legendSize = async (el: BoussoleForm) => {
    await settle(el);
    return parseFloat(getComputedStyle(statement(el).querySelector('legend')!).fontSize);
  };

  it('the statement is at least 24 px at 1280×720, larger at 1920×1080, and fits a 320 px phone', async () => {
    const el = await make();
    await click(byRole(el, 'button', { name: 'Suivant' }));
    await setViewport({ width: 1280, height: 720 });
    const at1280 = await legendSize(el);
    expect(at1280, 'at 1280×720').to.be.at.least(24);
    // Statement 2, as the room sees it after Enter: the bar, the statement, its options and Suivant on one screen.
    await sendKeys({ press: 'PageDown' });
    await settle(el);
    await expectFocusOn(el, () => stepHeading(el), 'focus on the statement’s heading');
    await new Promise((r) => setTimeout(r, 100));
    const bar = shownPart(el, '[part~="presentation-bar"]').getBoundingClientRect();
    const heading = stepHeading(el).getBoundingClientRect();
    const options = allByRole(statement(el), 'radio').map((r) => r.closest('label')!.getBoundingClientRect());
    const next = byRole(el, 'button', { name: 'Suivant' }).getBoundingClientRect();
    expect(
      { bar: bar.top >= 0, notCovered: heading.top >= bar.bottom, options: options.every((o) => o.bottom <= innerHeight), next: next.bottom <= innerHeight },
      `at 1280×720: bar ${Math.round(bar.top)}–${Math.round(bar.bottom)}, heading ${Math.round(heading.top)}, last option ${Math.round(options.at(-1)!.bottom)}, Suivant ${Math.round(next.bottom)}`,
    ).to.deep.equal({ bar: true, notCovered: true, options: true, next: true });
    // Scrolled down to the keys: the bar is still on screen.
    await setViewport({ width: 1280, height: 400 });
    window.scrollTo(0, document.documentElement.scrollHeight);
    await new Promise((r) => requestAnimationFrame(r));
    expect(scrollY, 'the page scrolled').to.be.above(0);
    const stuck = shownPart(el, '[part~="presentation-bar"]').getBoundingClientRect();
    expect([stuck.top >= 0, stuck.bottom <= innerHeight], 'the bar on screen').to.deep.equal([true, true]);
    await setViewport({ width: 1280, height: 720 });
    await setViewport({ width: 1920, height: 1080 });
    const at1920 = await legendSize(el);
    expect(at1920, 'at 1920×1080').to.be.at.least(at1280);
    const box = statement(el).getBoundingClientRect();
    expect(box.right, 'the statement within the screen').to.be.at.most(innerWidth);
    await setViewport({ width: 320, height: 568 });
    const at320 = await legendSize(el);
    expect(at320, 'smaller on a phone').to.be.below(at1280);
    expect(document.documentElement.scrollWidth, 'nothing to scroll sideways').to.be.at.most(document.documentElement.clientWidth);
    await expectAccessible(el);
  });
});

describe('layout="presentation" in every element', () => {
  for (const [tag, attrs] of [
    ['boussole-ces', 'age-band="y5-9"'],
    ['boussole-needs-grid', 'age-band="y6-11"'],
  ] as const) {
    it(`<${tag}>: one question at a time, answered with its number`, async () => {
      const el = await make(tag, `layout="presentation" ${attrs}`);
      await click(byRole(el, 'button', { name: 'Suivant' }));
      await settle(el);
      expect(nameOf(stepHeading(el))).to.match(/^Question 1 sur \d+$/);
      expect(allByRole(el, 'button', { name: /^(Précédent|Suivant)$/ }).length).to.equal(2);
      const options = allByRole(shownPart(el, '.present-question'), 'radio');
      if (options.length) {
        await sendKeys({ press: '1' });
        await settle(el);
        expect((options[0] as HTMLInputElement).checked).to.equal(true);
      }
      await expectAccessible(el);
    });
  }

  it('<boussole-form> with its own instrument: a text question, Suivant and Précédent, the end step’s Submit', async () => {
    const t = (fr: string, en: string) => ({ fr, en });
    const host = await fixture<HTMLElement>(html`<div>
      <boussole-form
        lang="fr"
        layout="presentation"
        .instrument=${{
          id: 'presentation-check',
          version: '1.0.0',
          title: t('Vérification', 'Check'),
          source: { note: t('Exemple de test.', 'Test example.'), licence: t('Libre', 'Free'), illustrative: true },
          sections: [
            { id: 'a', kind: 'theme', title: t('Premier thème', 'First theme'), items: [{ id: 'name', type: 'short-text', label: t('Nom de l’équipe', 'Team name') }] },
            { id: 'b', kind: 'theme', title: t('Second thème', 'Second theme'), items: [{ id: 'ok', type: 'yes-no', label: t('Tout va bien?', 'All well?') }] },
          ],
        }}
      ></boussole-form>
    </div>`);
    const el = host.querySelector<BoussoleForm>('boussole-form')!;
    await settle(el);
    expect(nameOf(stepHeading(el)), 'no session asked: the first question first').to.equal('Question 1 sur 2');
    await typeInto(field(el, 'Nom de l’équipe'), 'Nord 2');
    await settle(el);
    expect(nameOf(stepHeading(el)), 'digits typed in the answer are text').to.equal('Question 1 sur 2');
    await click(byRole(el, 'button', { name: 'Suivant' }));
    await settle(el);
    await sendKeys({ press: '2' });
    await settle(el);
    expect(nameOf(byRole(el, 'radio', { checked: true }))).to.equal('Non');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(nameOf(stepHeading(el))).to.equal('Fin du questionnaire');
    expect(queryByRole(el, 'button', { name: 'Suivant' }), 'no Next on the last step').to.equal(null);
    await expectAccessible(el);
    await click(submitButton(el));
    await settle(el);
    expect(el.value).to.deep.include({ status: 'complete' });
    expect(el.value!.answers).to.deep.equal({ name: { value: 'Nord 2' }, ok: { value: 'no' } });
  });

  it('an error-summary link shows the statement it names, and moves focus to it', async () => {
    const el = await make();
    await click(byRole(el, 'button', { name: 'Suivant' }));
    await settle(el);
    for (let i = 0; i < 3; i++) {
      await sendKeys({ press: '1' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
    }
    await click(byRole(el, 'button', { name: 'Précédent' }));
    await settle(el);
    expect(nameOf(stepHeading(el))).to.equal('Énoncé 3 sur 24');
    el.submit();
    await settle(el);
    const link = allByRole(el, 'link').find((a) => /Composante écosystémique/.test(nameOf(a)))!;
    await click(link);
    await settle(el);
    expect(nameOf(stepHeading(el))).to.equal('Énoncé 4 sur 24');
    await expectFocusOn(el, () => allByRole(statement(el), 'radio')[0], 'focus on the statement’s first option');
    await expectAccessible(el);
  });

  it('in review mode (readonly) the keys move between steps and never answer', async () => {
    const el = await make();
    await click(byRole(el, 'button', { name: 'Suivant' }));
    await sendKeys({ press: '2' });
    await settle(el);
    el.readonly = true;
    await settle(el);
    // Focus was on the option, gone with the controls: back into the form by its buttons.
    await click(byRole(el, 'button', { name: 'Suivant' }));
    await click(byRole(el, 'button', { name: 'Précédent' }));
    await settle(el);
    await expectFocusOn(el, () => stepHeading(el), 'focus on the heading');
    expect(nameOf(stepHeading(el))).to.equal('Énoncé 1 sur 24');
    expect(textOf(shownPart(el, '.present-question'))).to.match(/Partiellement implanté/);
    await sendKeys({ press: '1' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(el.value!.answers['pin.ecosystemic.needs-together']!.value).to.equal('partial');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(nameOf(stepHeading(el))).to.equal('Énoncé 2 sur 24');
    await expectAccessible(el);
  });

  it('an invalid layout is still reported; presentation is accepted', async () => {
    const el = await make('boussole-pin-grid', 'layout="slides"');
    expect(el.errors.map((e) => e.code)).to.deep.equal(['invalid-layout']);
    el.layout = 'presentation';
    await settle(el);
    expect(el.errors).to.deep.equal([]);
    expect(nameOf(stepHeading(el))).to.equal('La rencontre');
  });
});
