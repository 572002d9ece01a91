import 'axe-core/axe.min.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import type { Result } from '../../src/schema/result.js';
import { allByRole, byRole, click, clickOption, group, nameOf, pick, pickDate, queryByRole, queryField, choiceGroups, typeInto } from '../harness.js';

export * from '../harness.js';

declare const axe: {
  run(context: Element, options: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
};

/** WCAG 2.2 A and AA rules. */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on an element (its shadow tree included) and fails on any violation. */
export async function expectAccessible(el: Element): Promise<void> {
  const { violations } = await axe.run(el, { runOnly: { type: 'tag', values: WCAG }, resultTypes: ['violations'] });
  const found = violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  expect(found, 'axe violations').to.deep.equal([]);
}

/** Runs axe and returns the ids of the rules violated (to prove the check can fail). */
export async function axeViolations(el: Element): Promise<string[]> {
  const { violations } = await axe.run(el, { runOnly: { type: 'tag', values: WCAG }, resultTypes: ['violations'] });
  return violations.map((v) => v.id);
}

/** Validates a result against schemas/result.schema.json with Ajv, on the test server. */
export async function validateResult(result: Result): Promise<{ valid: boolean; errors: unknown[] }> {
  return (await executeServerCommand('validate-result', result)) as { valid: boolean; errors: unknown[] };
}

export const settle = async (el: BoussoleForm): Promise<void> => {
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
};

/** The Submit button, by its name in either language. */
export const submitButton = (el: Element): HTMLButtonElement => byRole(el, 'button', { name: /^(Soumettre|Submit)$/ });

/** The error summary, once shown: the alert titled "Il y a un problème" / "Il y a 3 problèmes" (or in English). */
export function errorSummary(el: Element): HTMLElement | null {
  return queryByRole(el, 'alert', { name: /^(Il y a (un|\d+) problèmes?|There (is a problem|are \d+ problems))$/ });
}

/** The error boxes about bad input from the host (alerts; the error summary is the other kind of alert). */
export const errorBoxes = (el: Element): HTMLElement[] => allByRole(el, 'alert').filter((a) => a !== errorSummary(el));

/** The form's top-level sections (themes, spheres, needs) as a person finds them: regions titled by a level-3 heading, the summary aside. */
export const topSections = (el: Element): HTMLElement[] =>
  allByRole(el, 'region').filter((r) => {
    const heading = r.querySelector(':scope > h3');
    return heading !== null && nameOf(heading) === nameOf(r) && !/^(Sommaire|Summary)$/.test(nameOf(r));
  });

/** The first question's first option, as a person sees them: a radio of the form. */
export const firstRadio = (el: Element): HTMLInputElement => allByRole(el, 'radio')[0] as HTMLInputElement;

/** The question (group) a radio belongs to. */
export const questionOf = (radio: HTMLInputElement): HTMLElement => radio.closest('fieldset')!;

/**
 * Fills a whole form as a person would: session details, participants, the age band, then every
 * visible question (the first choice, short text, a number, a date), repeating while answers reveal
 * follow-up questions.
 */
export async function fillEverything(el: BoussoleForm): Promise<void> {
  const date = queryByRole(el, 'group', { name: /^Date de la rencontre/ });
  if (date) pickDate(date, '2026-03-01');
  await settle(el);
  const subject = queryField(el, /^Identifiant pseudonyme/);
  if (subject && !subject.value) await typeInto(subject, 'ENF-0042');
  const territory = queryField(el, /^Unité territoriale/);
  if (territory && !territory.value) await typeInto(territory, 'RLS de la Vieille-Capitale');
  await settle(el);
  const add = queryByRole(el, 'button', { name: 'Ajouter un participant' });
  if (add && !queryByRole(el, 'group', { name: 'Participant 1' })) {
    await click(add);
    await settle(el);
    const person = group(el, 'Participant 1');
    for (const input of allByRole(person, 'textbox') as HTMLInputElement[])
      await typeInto(input, /^Nom/.test(nameOf(input)) ? 'Lou' : 'CLSC Limoilou');
    for (const select of allByRole(person, 'combobox') as HTMLSelectElement[]) pick(select, select.options[1]!.value);
  }
  const band = queryField<HTMLSelectElement>(el, /^Tranche d’âge/);
  if (band && !band.value) pick(band, band.options[1]!.value);
  await settle(el);
  for (let pass = 0; pass < 4; pass++) {
    let acted = false;
    for (const radios of choiceGroups(el)) {
      if (radios.some((r) => r.checked)) continue;
      await clickOption(radios[0]!);
      acted = true;
    }
    // The answer fields of questions: the text boxes inside the questions (not the session, plans or comments).
    for (const input of allByRole(el, 'textbox') as (HTMLInputElement | HTMLTextAreaElement)[]) {
      if (input.value || !input.closest('[part~="item"]') || input.closest('[part~="comment"]')) continue;
      if (/^(Jour|Day)$/.test(nameOf(input))) pickDate(input.closest('fieldset')!, '2026-02-15');
      else await typeInto(input, input.getAttribute('inputmode') ? '2' : 'Bien');
      acted = true;
    }
    await settle(el);
    if (!acted) break;
  }
}

/**
 * Asserts where focus is inside an element, waiting up to a second for it to move (it moves after
 * the next render). Fails at once with where focus is instead: chai describing two Lit elements in a
 * failure message can take minutes, so a lost focus would otherwise show only as the runner's timeout.
 */
export async function expectFocusOn(el: Element, target: () => Element | null | undefined, what: string): Promise<void> {
  const inside = () => el.shadowRoot!.activeElement;
  const deadline = performance.now() + 1000;
  while (inside() !== target() && performance.now() < deadline) await new Promise((r) => requestAnimationFrame(r));
  const now = inside();
  const where = now ? `${now.localName} "${nameOf(now)}"` : 'nothing inside the element';
  expect(now !== null && now === target(), `${what}; focus is on ${where}`).to.equal(true);
}
