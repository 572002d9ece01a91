// What a new user found trying the elements at 1280, 768 and 320 px, by keyboard, printed and in
// English (issue 11): one test per defect, through what a person sees. (English completeness is in
// languages.test.ts.)
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import needs from '../../schemas/instruments/needs-grid.json' with { type: 'json' };
import pin from '../../schemas/instruments/pin-grid.json' with { type: 'json' };
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import { createEngine } from '../../src/engine/index.js';
import type { Instrument } from '../../src/schema/index.js';
import { fillAll } from '../support/fill.js';
import {
  allByRole,
  byRole,
  choose,
  click,
  clickOption,
  dateFields,
  descriptionOf,
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
  typeInto,
} from './helpers.js';

const make = async (html: string): Promise<BoussoleForm> => {
  const host = await fixture<HTMLElement>(`<div>${html}</div>`);
  const el = host.querySelector<BoussoleForm>('boussole-form, boussole-pin-grid, boussole-ces, boussole-needs-grid')!;
  await settle(el);
  return el;
};
const t = (fr: string, en = fr) => ({ fr, en });
const filled = (instrument: unknown, ageBand?: string) => {
  const engine = createEngine(instrument as Instrument, { ageBand });
  fillAll(engine);
  return engine.toResult();
};

/** WCAG relative luminance contrast of two CSS colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** A live region (role status) showing this text now. */
const statusWith = (el: Element, text: RegExp) => allByRole(el, 'status').find((s) => text.test(textOf(s)));

afterEach(async () => {
  await setViewport({ width: 1280, height: 800 });
  await emulateMedia({ media: 'screen' });
});

describe('2 — the error summary opens at its top, short, and says which participant', () => {
  for (const [width, height] of [[1280, 800], [320, 640]] as const)
    it(`after an empty submit of the PIN grid at ${width} px: the heading is on screen and read first`, async () => {
      await setViewport({ width, height });
      const el = await make('<boussole-pin-grid></boussole-pin-grid>');
      await click(submitButton(el));
      await settle(el);
      await new Promise((r) => setTimeout(r, 50));
      const summary = errorSummary(el)!;
      await expectFocusOn(el, () => summary, 'a failed Submit moves focus to the error summary');
      expect(summary.getAttribute('role')).to.equal('alert');
      expect(nameOf(summary)).to.equal('Il y a 27 problèmes');
      const box = summary.getBoundingClientRect();
      expect(box.top, 'its top is on screen').to.be.within(-1, 40);
      expect(box.height, 'it fits on one screen').to.be.at.most(height);
      const links = allByRole(summary, 'link');
      expect(links.length).to.be.at.most(8);
      expect(textOf(summary)).to.not.contain('(s)');
    });

  it('names each participant at fault, once each', async () => {
    const instrument = {
      id: 'mini',
      version: '1.0.0',
      title: t('Mini'),
      source: { note: t('Note'), licence: t('Libre'), illustrative: true },
      session: { participants: { min: 2, organisation: 'required' } },
      sections: [{ id: 's', kind: 'k', title: t('Section'), items: [{ id: 'q', type: 'yes-no', label: t('Question') }] }],
    };
    const el = await make('<boussole-form></boussole-form>');
    el.instrument = instrument;
    await settle(el);
    await click(byRole(el, 'button', { name: 'Ajouter un participant' }));
    await settle(el);
    await click(submitButton(el));
    await settle(el);
    const links = allByRole(errorSummary(el)!, 'link').map(nameOf);
    expect(links).to.deep.equal([
      'Participants — Ajoutez au moins 2 participants.',
      'Participant 1 — Organisation — Inscrivez l’organisation.',
    ]);
    await click(byRole(el, 'button', { name: 'Ajouter un participant' }));
    await settle(el);
    await click(submitButton(el));
    await settle(el);
    expect(allByRole(errorSummary(el)!, 'link').map(nameOf)).to.deep.equal([
      'Participant 1 — Organisation — Inscrivez l’organisation.',
      'Participant 2 — Organisation — Inscrivez l’organisation.',
    ]);
  });
});

describe('3 — print keeps everything', () => {
  it('a folded comment, every section of layout="sections", whole questions, no empty date mask', async () => {
    const el = await make('<boussole-pin-grid layout="sections"></boussole-pin-grid>');
    const first = topSections(el)[0]!;
    await click(allByRole(first, 'button', { name: /commentaire/i })[0]!);
    await typeInto(field(first, /^Commentaire — /), 'Vu avec la direction');
    await click(allByRole(first, 'button', { name: /commentaire/i })[0]!); // folded again
    await settle(el);
    await emulateMedia({ media: 'print' });
    await settle(el);
    expect(topSections(el).length, 'every theme prints').to.equal(6);
    const comment = field<HTMLTextAreaElement>(first, /^Commentaire — /);
    expect([comment.value, comment.checkVisibility()], 'the folded comment prints').to.deep.equal(['Vu avec la direction', true]);
    const question = allByRole(first, 'group').find((g) => g.matches('fieldset[part~="item"]'))!;
    expect(getComputedStyle(question).breakInside).to.equal('avoid');
    // Dates are day, month and year text fields now (no native date input, whose mask followed the
    // browser's language): an empty date prints three empty boxes to write in, with no mask.
    expect(el.shadowRoot!.querySelectorAll('input[type="date"]').length).to.equal(0);
    for (const date of Object.values(dateFields(group(el, /^Date de la rencontre/)))) {
      expect(date.value).to.equal('');
      expect([date.type, date.placeholder, date.checkVisibility()], 'an empty date field prints no mm/dd/yyyy mask').to.deep.equal(['text', '', true]);
    }
  });
});

describe('4 — tables at 320 px', () => {
  it('scroll inside a focusable, named region, with axe clean', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await make('<boussole-needs-grid age-band="y6-11"></boussole-needs-grid>');
    el.value = filled(needs, 'y6-11');
    await settle(el);
    for (const table of allByRole(el, 'table')) {
      const region = table.parentElement!;
      expect(region.getAttribute('role'), nameOf(table)).to.equal('region');
      expect(region.tabIndex).to.equal(0);
      expect(nameOf(region)).to.equal(`Tableau : ${nameOf(table)}`);
      expect(region.getBoundingClientRect().right).to.be.at.most(320);
    }
    await expectAccessible(el);
  });
});

describe('5 — a submit is confirmed, once', () => {
  it('shows a confirmation and does not fire again for the same result until something changes', async () => {
    const el = await make('<boussole-pin-grid></boussole-pin-grid>');
    el.value = filled(pin);
    await settle(el);
    let submits = 0;
    el.addEventListener('boussole-submit', () => submits++);
    await click(submitButton(el));
    await settle(el);
    expect(submits).to.equal(1);
    const confirmation = statusWith(el, /^Réponses soumises/);
    expect(confirmation?.checkVisibility()).to.equal(true);
    await expectFocusOn(el, () => confirmation, 'a submit moves focus to its confirmation');
    expect(textOf(confirmation!)).to.match(/ont été transmises/);
    await click(submitButton(el));
    await settle(el);
    expect(submits, 'the same result is not sent twice').to.equal(1);
    await clickOption(byRole(group(el, /^1\. /), 'radio', { name: 'Partiellement implanté' }) as HTMLInputElement);
    await settle(el);
    expect(statusWith(el, /^Réponses soumises/), 'a change ends the confirmation').to.equal(undefined);
    await click(submitButton(el));
    expect(submits).to.equal(2);
  });
});

describe('6 — dates follow the form’s language', () => {
  // The hint was "Format : AAAA-MM-JJ" over a native date input; it is now an example over day, month and year fields.
  for (const [lang, format, words] of [['fr', /Par exemple : 12 3 2026/, '12 mars 2026'], ['en', /For example, 12 3 2026/, 'March 12, 2026']] as const)
    it(`in ${lang}: the expected format as a hint, the date in words beside it`, async () => {
      const el = await make(`<boussole-pin-grid lang="${lang}" session-date="2026-03-12"></boussole-pin-grid>`);
      const date = group(el, lang === 'fr' ? /^Date de la rencontre/ : /^Date of the meeting/);
      expect(descriptionOf(date)).to.match(format);
      expect(descriptionOf(date)).to.contain(words);
      expect(textOf(date)).to.contain(words);
    });
});

describe('7 — the needs grid says both counts', () => {
  it('answered out of all questions, and required answered out of required, each with its own figure', async () => {
    const el = await make('<boussole-needs-grid age-band="y6-11"></boussole-needs-grid>');
    await choose(byRole(el, 'region', { name: 'Besoins de protection' }), /^Dans quelle mesure/, 'Satisfait');
    await typeInto(field(byRole(el, 'region', { name: 'Besoins de protection' }), /^Points de vigilance/), 'Rien');
    await settle(el);
    const { overall } = el.value!.summaries.progress;
    const summary = textOf(byRole(el, 'region', { name: 'Sommaire' }));
    expect(summary).to.contain(`Réponses données : ${overall.answered} sur ${overall.total}`);
    expect(summary).to.contain(`Questions obligatoires répondues : ${overall.requiredAnswered} sur ${overall.required} (${overall.percent} %)`);
  });
});

describe('8 — the smaller ones', () => {
  it('a comment is a disclosure with its state, and says when one is folded away', async () => {
    const el = await make('<boussole-pin-grid></boussole-pin-grid>');
    const toggle = allByRole(topSections(el)[0]!, 'button', { name: 'Ajouter un commentaire' })[0]!;
    expect(getComputedStyle(toggle).textDecorationLine).to.equal('none');
    await click(toggle);
    await typeInto(field(topSections(el)[0]!, /^Commentaire — /), 'À suivre');
    await click(toggle);
    await settle(el);
    expect(nameOf(toggle)).to.equal('1 commentaire');
    expect((toggle.parentElement as HTMLDetailsElement).open).to.equal(false);
  });

  it('removing a participant is announced and can be undone', async () => {
    const el = await make('<boussole-pin-grid></boussole-pin-grid>');
    for (const org of ['CLSC', 'Maison de la famille']) {
      await click(byRole(el, 'button', { name: 'Ajouter un participant' }));
      await settle(el);
      const rows = allByRole(el, 'group', { name: /^Participant \d/ });
      await typeInto(field(rows.at(-1)!, /^Organisation/), org);
    }
    await click(byRole(el, 'button', { name: /^Retirer le participant 1/ }));
    await settle(el);
    const status = statusWith(el, /retiré/)!;
    expect(textOf(status)).to.contain('CLSC');
    expect(el.value!.session.participants!.map((p) => p.organisation)).to.deep.equal(['Maison de la famille']);
    await click(byRole(status, 'button', { name: 'Annuler le retrait' }));
    await settle(el);
    expect(el.value!.session.participants!.map((p) => p.organisation)).to.deep.equal(['CLSC', 'Maison de la famille']);
  });

  it('PIN statements are numbered 1 to 24', async () => {
    const el = await make('<boussole-pin-grid></boussole-pin-grid>');
    const statements = allByRole(el, 'group').filter((g) => allByRole(g, 'radio').length === 4);
    expect(statements.map((g) => /^(\d+)\. /.exec(nameOf(g))?.[1])).to.deep.equal(Array.from({ length: 24 }, (_, i) => String(i + 1)));
  });

  it('the Submit button’s focus ring stands out from the button', async () => {
    const el = await make('<boussole-pin-grid></boussole-pin-grid>');
    const button = submitButton(el);
    button.focus();
    await press('Shift+Tab');
    await press('Tab');
    expect(focused(el)).to.equal(button);
    const style = getComputedStyle(button);
    // The ring stands apart from the button (an offset of page background between them) and is
    // neither the button's colour nor faint against the page.
    expect(parseFloat(style.outlineOffset)).to.be.at.least(2);
    expect(style.outlineColor).to.not.equal(style.backgroundColor);
    expect(contrast(style.outlineColor, 'rgb(255, 255, 255)'), 'ring against the page').to.be.at.least(7);
  });

  it('a chosen option stands out on a projector', async () => {
    const el = await make('<boussole-pin-grid></boussole-pin-grid>');
    const radio = allByRole(el, 'radio')[0] as HTMLInputElement;
    await clickOption(radio);
    await settle(el);
    const label = getComputedStyle(radio.closest('label')!);
    expect(contrast(label.backgroundColor, 'rgb(255, 255, 255)'), 'chosen against the page').to.be.at.least(3);
    expect(contrast(label.color, label.backgroundColor), 'its text').to.be.at.least(4.5);
  });

  it('the CÉS asks its overall questions after the questions they sum up', async () => {
    const el = await make('<boussole-ces age-band="y10-14"></boussole-ces>');
    for (const sphere of topSections(el).slice(0, 7)) {
      const questions = [...sphere.querySelectorAll('[part~="item"]')].map((q) => nameOf(q.matches('fieldset') ? q : q.querySelector('input, textarea')!));
      const concern = questions.findIndex((q) => /^Dans l'ensemble/.test(q));
      const specific = questions.filter((q, i) => i !== concern && !/^(Depuis le cahier|Dans ses mots|Ce que chacun)/.test(q));
      expect(concern, `${nameOf(sphere)}: ${questions.join(' | ')}`).to.be.greaterThan(questions.indexOf(specific.at(-1)!));
    }
  });

  it('the needs grid keeps "Non évalué" for the answer only', async () => {
    const el = await make('<boussole-needs-grid age-band="y6-11"></boussole-needs-grid>');
    // The last cell of each row of the overview is the need's status.
    const statuses = () =>
      allByRole(byRole(el, 'table', { name: 'Aperçu des besoins' }), 'row')
        .slice(1)
        .map((row) => row.lastElementChild!.textContent!.trim());
    expect(statuses()).to.not.include('Non évalué');
    expect(new Set(statuses())).to.deep.equal(new Set(['À évaluer']));
    await choose(byRole(el, 'region', { name: 'Besoins de protection' }), /^Dans quelle mesure/, 'Non évalué');
    await settle(el);
    expect(statuses()[1]).to.equal('Éléments insuffisants');
    expect(textOf(byRole(el, 'region', { name: 'Méta-besoin de sécurité' }))).to.not.contain('Évaluation incomplète');
  });

  it('"Actions ouvertes" counts only actions that say what they are', async () => {
    const el = await make('<boussole-pin-grid></boussole-pin-grid>');
    const theme = topSections(el)[0]!;
    await click(byRole(theme, 'button', { name: 'Ajouter un objectif' }));
    await settle(el);
    await click(byRole(topSections(el)[0]!, 'button', { name: 'Ajouter une action à l’objectif 1' }));
    await settle(el);
    expect(el.value!.summaries.actions['pin.ecosystemic']!.open).to.equal(0);
    await typeInto(field(topSections(el)[0]!, /^Quoi/), 'Rencontre');
    await settle(el);
    expect(el.value!.summaries.actions['pin.ecosystemic']!.open).to.equal(1);
  });

  it('the host chooses the title’s heading level; the rest follows', async () => {
    const el = await make('<boussole-pin-grid heading-level="3"></boussole-pin-grid>');
    expect(nameOf(byRole(el, 'heading', { level: 3 }))).to.match(/PIN/);
    expect(allByRole(el, 'heading', { level: 2 })).to.deep.equal([]);
    expect(allByRole(el, 'heading', { level: 4 }).map(nameOf)).to.include('Composante écosystémique');
    await click(submitButton(el));
    await settle(el);
    expect(byRole(el, 'heading', { name: /^Il y a/ }).localName).to.equal('h3');
  });
});

describe('keyboard-only completion of the PIN grid', () => {
  it('takes a counted number of keys', async () => {
    // The meeting date in its day, month and year fields: 1, Tab, 3, Tab, 2026 (as many keys as 03012026 was).
    const DATE_KEYS: Record<string, string> = { Jour: '1', Mois: '3', Année: '2026' };
    const el = await make('<boussole-pin-grid></boussole-pin-grid>');
    const before = document.createElement('button');
    before.textContent = 'Avant';
    el.before(before);
    before.focus();
    let keys = 0;
    const key = async (k: string) => (keys++, press(k));
    const type = async (text: string) => ((keys += text.length), sendKeys({ type: text }));
    const submitted = oneEvent(el, 'boussole-submit');
    for (let step = 0; step < 400; step++) {
      await key('Tab');
      const f = focused(el) as HTMLInputElement | null;
      if (!f) continue;
      const name = nameOf(f);
      if (f.type === 'radio' && !f.checked) await key('Space');
      else if (DATE_KEYS[name] && !f.value) await type(DATE_KEYS[name]!);
      else if (/^Unité territoriale/.test(name) && !f.value) await type('RLS');
      else if (name === 'Ajouter un participant' && !queryByRole(el, 'group', { name: /^Participant 1/ })) await key('Enter');
      else if (/^(Organisation|Rôle)/.test(name) && !f.value) await type('CLSC');
      else if (f === submitButton(el)) {
        await key('Enter');
        break;
      }
      await settle(el);
    }
    expect((await submitted).type).to.equal('boussole-submit');
    // 111 keys with these answers (session date, territory, one participant, 24 statements), typing included.
    expect(keys).to.be.at.most(111);
  });
});
