// The child's own words (issue 17, §2): a voice the instrument gives its own wording (`labelFor`) is
// asked with it, in larger type with larger targets; the question's heading, the other voices, the
// stored codes, read-only review and the summary keep the standard wording.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define.js';
import ces from '../../schemas/instruments/ces.json' with { type: 'json' };
import type { BoussoleChangeEvent } from '../../src/elements/events.js';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import type { BoussoleSummary } from '../../src/elements/summary/boussole-summary.js';
import type { Instrument } from '../../src/schema/index.js';
import { allByRole, byRole, choose, expectAccessible, field, group, nameOf, settle, textOf, typeInto } from './helpers.js';

const LIKES_SCHOOL = /^Aime aller à l'école\./;
const CHILD = "L'enfant ou le jeune";
const CHILD_WORDS = "J'aime aller à l'école.";

/** The bundled CÉS with every voice wording taken out: what the form shows without them. */
function withoutWordings(): Instrument {
  const copy = structuredClone(ces) as unknown as Instrument;
  const strip = (sections: Instrument['sections']): void =>
    sections.forEach((s) => {
      s.items?.forEach((item) => delete item.labelFor);
      strip(s.sections ?? []);
    });
  strip(copy.sections);
  return copy;
}

async function make(template: ReturnType<typeof html>): Promise<BoussoleForm> {
  const host = await fixture<HTMLElement>(html`<div>${template}</div>`);
  const el = host.querySelector<BoussoleForm>('boussole-ces, boussole-form')!;
  await settle(el);
  return el;
}
const withWords = (lang = 'fr', band = 'y10-14') => make(html`<boussole-ces lang=${lang} age-band=${band}></boussole-ces>`);
const standard = (lang = 'fr', band = 'y10-14') => make(html`<boussole-form .instrument=${withoutWordings()} lang=${lang} age-band=${band}></boussole-form>`);

/** A voice's group inside a question's group. */
const voiceGroup = (el: Element, question: RegExp, voice: string | RegExp) => group(group(el, question), voice);

/** The size of an option's box (its label, what a finger or a pointer hits) and its text. */
function optionBox(voice: HTMLElement): { width: number; height: number; font: number } {
  const option = allByRole(voice, 'radio')[0]!.closest('label')!;
  const box = option.getBoundingClientRect();
  return { width: box.width, height: box.height, font: parseFloat(getComputedStyle(option).fontSize) };
}

/** Chooses an option in the child's voice of "likes school" and returns what the host heard and kept. */
async function answerAsChild(el: BoussoleForm, voice: RegExp | string, option: string) {
  const changed = oneEvent(el, 'boussole-change') as Promise<BoussoleChangeEvent>;
  await choose(group(el, LIKES_SCHOOL), voice, option);
  const { detail } = await changed;
  await settle(el);
  return { detail, stored: el.value!.answers['ces.education.likes-school'] };
}

describe("the child's own words", () => {
  it("asks the child's voice in the child's words, the question and the other voices keep the standard wording", async () => {
    const el = await withWords();
    const question = group(el, LIKES_SCHOOL);
    expect(nameOf(question)).to.equal("Aime aller à l'école.");
    const child = voiceGroup(el, LIKES_SCHOOL, `${CHILD} ${CHILD_WORDS}`);
    expect(textOf(child)).to.contain(CHILD_WORDS);
    expect(nameOf(voiceGroup(el, LIKES_SCHOOL, "La famille d'accueil"))).to.equal("La famille d'accueil");
    expect(textOf(group(el, LIKES_SCHOOL)).match(/J'aime aller à l'école/g)).to.have.length(1, 'only the child is asked in the child\'s words');
    await expectAccessible(el);
  });

  it("gives the child's voice larger text and options of at least 44 × 44 px, larger than the others'", async () => {
    const el = await withWords();
    const child = optionBox(voiceGroup(el, LIKES_SCHOOL, new RegExp(`^${CHILD}`)));
    const family = optionBox(voiceGroup(el, LIKES_SCHOOL, "La famille d'accueil"));
    expect(child.height).to.be.at.least(44);
    expect(child.width).to.be.at.least(44);
    expect(child.height).to.be.above(family.height);
    expect(child.font).to.be.above(family.font);
  });

  it('stores the same code, and tells the host the same thing, as the standard wording does', async () => {
    const words = await answerAsChild(await withWords(), new RegExp(`^${CHILD} ${CHILD_WORDS}$`), "D'accord");
    const plain = await answerAsChild(await standard(), CHILD, "D'accord");
    expect(words.detail).to.deep.equal({ itemId: 'ces.education.likes-school', value: 'agree', perspective: 'child' });
    expect(words.detail).to.deep.equal(plain.detail);
    expect(words.stored).to.deep.equal({ perspectives: { child: { value: 'agree' } } });
    expect(words.stored).to.deep.equal(plain.stored);
  });

  it("takes the child's typed words in the child's own question", async () => {
    const el = await withWords('fr', 'y5-9');
    const talents = field(group(el, /^Ses talents, ses passions/), `${CHILD} Qu'est-ce que tu aimes le plus faire ?`);
    await typeInto(talents, 'Dessiner des chevaux');
    await settle(el);
    expect(el.value!.answers['ces.strengths.talents']).to.deep.equal({ perspectives: { child: { value: 'Dessiner des chevaux' } } });
    await expectAccessible(el);
  });

  it('falls back to the standard wording when the instrument gives the voice none', async () => {
    const el = await standard();
    const child = voiceGroup(el, LIKES_SCHOOL, CHILD);
    expect(nameOf(child)).to.equal(CHILD);
    expect(textOf(el)).to.not.contain(CHILD_WORDS);
    // In the CÉS, the worker has no wording of its own beside the child's: the voice's name, under the question.
    const story = voiceGroup(await withWords(), /^Comprend pourquoi il ou elle ne vit pas/, /^(?!L'enfant)/);
    expect(textOf(story)).to.not.contain('Je comprends');
    await expectAccessible(el);
  });

  it('in English, the child is asked in English', async () => {
    const el = await withWords('en');
    const question = /^Likes going to school\./;
    expect(nameOf(group(el, question))).to.equal('Likes going to school.');
    const child = voiceGroup(el, question, 'The child or young person I like going to school.');
    expect(textOf(child)).to.not.match(/aime|école/);
    await expectAccessible(el);
  });

  it('prints the standard wording: the child\'s voice by its name, under the question', async () => {
    const el = await withWords();
    try {
      await emulateMedia({ media: 'print' });
      const child = voiceGroup(el, LIKES_SCHOOL, CHILD);
      expect(child.querySelector('legend')!.innerText).to.not.contain(CHILD_WORDS);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('review and the summary keep the standard wording', async () => {
    const filled = await withWords();
    await answerAsChild(filled, new RegExp(`^${CHILD}`), "D'accord");
    const review = await make(html`<boussole-ces age-band="y10-14" readonly></boussole-ces>`);
    review.value = filled.value;
    await settle(review);
    expect(textOf(review)).to.contain("Aime aller à l'école.");
    expect(textOf(review)).to.not.contain(CHILD_WORDS);
    const summary = await fixture<BoussoleSummary>(html`<boussole-summary lang="fr"></boussole-summary>`);
    summary.value = filled.value;
    await summary.updateComplete;
    expect(textOf(summary)).to.not.contain(CHILD_WORDS);
    expect(byRole(summary, 'table', { name: /Éducation/ })).to.exist;
  });
});
