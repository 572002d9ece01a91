import 'axe-core/axe.min.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import type { Result } from '../../src/schema/result.js';

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

export const root = (el: Element): ShadowRoot => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T => {
  const found = root(el).querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [
  ...root(el).querySelectorAll<T>(selector),
];
/** The item a radio or checkbox answers: its options group carries `data-item`. */
export const itemOf = (input: HTMLInputElement): string => input.closest<HTMLElement>('.options[data-item]')!.dataset.item!;
export const byId = <T extends Element = HTMLElement>(el: Element, id: string): T => $<T>(el, `[id="${CSS.escape(id)}"]`);

/** A real mouse click in the middle of an element, as a person would. */
export async function click(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

/** Clicks a field and types into it. */
export async function typeInto(target: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  await click(target);
  await sendKeys({ type: text });
}

/** Picks a date (what the native date picker does) or a select option. */
export function pick(target: HTMLInputElement | HTMLSelectElement, value: string): void {
  target.focus();
  target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  target.dispatchEvent(new Event('change', { bubbles: true }));
}

export const press = (key: string) => sendKeys({ press: key });

/** Validates a result against schemas/result.schema.json with Ajv, on the test server. */
export async function validateResult(result: Result): Promise<{ valid: boolean; errors: unknown[] }> {
  return (await executeServerCommand('validate-result', result)) as { valid: boolean; errors: unknown[] };
}

export const settle = async (el: BoussoleForm): Promise<void> => {
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
};

/** The shadow root's focused element. */
export const focused = (el: Element): Element | null => root(el).activeElement;

/**
 * Fills a whole form as a person would: session details, participants, the age band, then every
 * visible question (the first counted choice, short text, a number, a date), repeating while answers
 * reveal follow-up questions.
 */
export async function fillEverything(el: BoussoleForm): Promise<void> {
  const r = root(el);
  const date = r.querySelector<HTMLInputElement>('[data-session="date"]');
  if (date) pick(date, '2026-03-01');
  await settle(el);
  for (const field of ['subjectId', 'territory']) {
    const input = r.querySelector<HTMLInputElement>(`[data-session="${field}"]`);
    if (input) await typeInto(input, field === 'subjectId' ? 'ENF-0042' : 'RLS de la Vieille-Capitale');
    await settle(el);
  }
  const add = r.querySelector<HTMLButtonElement>('[data-action="add-participant"]');
  if (add && !r.querySelector('[data-participant]')) {
    await click(add);
    await settle(el);
    for (const input of r.querySelectorAll<HTMLInputElement>('input[data-participant]:not([type="checkbox"])'))
      await typeInto(input, input.dataset.field === 'name' ? 'Lou' : 'CLSC Limoilou');
    for (const select of r.querySelectorAll<HTMLSelectElement>('select[data-participant]')) pick(select, select.options[1]!.value);
  }
  const band = r.querySelector<HTMLSelectElement>('[data-role="age-band"]');
  if (band && !band.value) pick(band, band.options[1]!.value);
  await settle(el);
  for (let pass = 0; pass < 4; pass++) {
    let acted = false;
    const groups = new Map<string, HTMLInputElement[]>();
    for (const input of r.querySelectorAll<HTMLInputElement>('.options[data-item] input'))
      groups.set(input.name, [...(groups.get(input.name) ?? []), input]);
    for (const inputs of groups.values()) {
      if (inputs.some((i) => i.checked)) continue;
      await click(inputs[0]!.closest('label')!);
      acted = true;
    }
    for (const input of r.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[data-item]:not([type="radio"], [type="checkbox"]), textarea[data-item]:not([data-role])')) {
      if (input.value) continue;
      if (input.type === 'date') pick(input as HTMLInputElement, '2026-02-15');
      else await typeInto(input, input.getAttribute('inputmode') ? '2' : 'Bien');
      acted = true;
    }
    await settle(el);
    if (!acted) break;
  }
}
