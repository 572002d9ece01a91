// Finds and drives what a person sees in an element: controls by role and accessible name (as a
// screen reader announces them, computed by dom-accessibility-api), never by internal ids, data
// attributes or class names; real mouse clicks and keystrokes through the test runner. Compare
// material-web's testing/harness.ts and Testing Library's *ByRole queries.
import { computeAccessibleDescription, computeAccessibleName, getRole } from 'dom-accessibility-api';
import { sendKeys, sendMouse } from '@web/test-runner-commands';

export type Scope = Element | ShadowRoot;
export type NameMatch = string | RegExp;

export interface RoleQuery {
  /** The accessible name: a string is matched whole (spaces normalised), a RegExp anywhere. */
  name?: NameMatch;
  /** Radios and checkboxes: only checked (true) or unchecked (false) ones. */
  checked?: boolean;
  /** Headings: only this level. */
  level?: number;
}

/** The shadow root of an element (where its controls are), or the scope itself. */
const rootOf = (scope: Scope): Scope => (scope instanceof Element && scope.shadowRoot ? scope.shadowRoot : scope);

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

export const nameOf = (el: Element): string => normalise(computeAccessibleName(el));
export const descriptionOf = (el: Element): string => normalise(computeAccessibleDescription(el));

const matches = (text: string, match: NameMatch | undefined) =>
  match === undefined || (typeof match === 'string' ? text === normalise(match) : match.test(text));

/** Roles the way Chromium exposes them where dom-accessibility-api has none (date inputs are text fields to type in). */
function roleOf(el: Element): string | null {
  if (el instanceof HTMLInputElement && el.type === 'date') return 'textbox';
  return getRole(el);
}

/** Shown on screen: rendered, not in a closed disclosure, not hidden from assistive technology. */
const isShown = (el: Element) => (el as HTMLElement).checkVisibility?.({ visibilityProperty: true } as CheckVisibilityOptions) !== false && !el.closest('[aria-hidden="true"]');

/** Every shown element of `role` under the scope (an element's shadow root), optionally by name. */
export function allByRole(scope: Scope, role: string, query: RoleQuery = {}): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const el of rootOf(scope).querySelectorAll<HTMLElement>('*')) {
    if (roleOf(el) !== role || !isShown(el)) continue;
    if (query.level !== undefined && el.localName !== `h${query.level}` && el.getAttribute('aria-level') !== String(query.level)) continue;
    if (query.checked !== undefined && (el as HTMLInputElement).checked !== query.checked) continue;
    if (!matches(nameOf(el), query.name)) continue;
    found.push(el);
  }
  return found;
}

/** The one shown element of `role` (with that name); throws, listing what there is, otherwise. */
export function byRole<T extends HTMLElement = HTMLElement>(scope: Scope, role: string, query: RoleQuery = {}): T {
  const found = allByRole(scope, role, query);
  if (found.length === 1) return found[0] as T;
  const names = allByRole(scope, role).map((el) => JSON.stringify(nameOf(el)));
  throw new Error(
    `${found.length ? `${found.length} elements` : 'no element'} of role ${role} named ${String(query.name ?? '(any)')}; ` +
      `there are: ${names.slice(0, 40).join(', ') || 'none'}`,
  );
}

/** Like byRole, or null when there is none. */
export function queryByRole<T extends HTMLElement = HTMLElement>(scope: Scope, role: string, query: RoleQuery = {}): T | null {
  const found = allByRole(scope, role, query);
  if (found.length > 1) throw new Error(`${found.length} elements of role ${role} named ${String(query.name ?? '(any)')}`);
  return (found[0] as T | undefined) ?? null;
}

const FIELD_ROLES = ['textbox', 'combobox', 'listbox', 'spinbutton', 'checkbox', 'radio'];

/** A form control by its label (its accessible name), whatever its role. */
export function field<T extends HTMLElement = HTMLInputElement>(scope: Scope, name: NameMatch): T {
  const found = FIELD_ROLES.flatMap((role) => allByRole(scope, role, { name }));
  if (found.length === 1) return found[0] as T;
  const names = FIELD_ROLES.flatMap((role) => allByRole(scope, role)).map((el) => JSON.stringify(nameOf(el)));
  throw new Error(`${found.length || 'no'} field(s) named ${String(name)}; there are: ${names.slice(0, 40).join(', ') || 'none'}`);
}

/** Like field, or null. */
export function queryField<T extends HTMLElement = HTMLInputElement>(scope: Scope, name: NameMatch): T | null {
  const found = FIELD_ROLES.flatMap((role) => allByRole(scope, role, { name }));
  return (found[0] as T | undefined) ?? null;
}

/** A question, a voice, a participant or an action: the group (fieldset) with that name. */
export const group = (scope: Scope, name: NameMatch): HTMLElement => byRole(scope, 'group', { name });

/** The text a person reads in a scope (hidden parts left out by the browser). */
export const textOf = (scope: Scope): string => normalise((rootOf(scope) as HTMLElement).textContent ?? '');

/** The focused element inside an element's shadow root. */
export const focused = (el: Element): Element | null => el.shadowRoot!.activeElement;

// ——— what a person does ———

/** A real mouse click in the middle of an element, after scrolling it into view. */
export async function click(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

/** Clicks an option (radio or checkbox) on its label, as a person does. */
export const clickOption = (input: HTMLInputElement): Promise<void> => click(input.closest('label') ?? input);

/** In the question (or voice) group named `question`, chooses the option named `option`. */
export async function choose(scope: Scope, question: NameMatch, option: NameMatch): Promise<void> {
  const box = group(scope, question);
  const input = allByRole(box, 'radio', { name: option }).concat(allByRole(box, 'checkbox', { name: option }));
  if (input.length !== 1) throw new Error(`${input.length} options named ${String(option)} in ${nameOf(box)}`);
  await clickOption(input[0] as HTMLInputElement);
}

/** Clicks a field and types into it. */
export async function typeInto(target: HTMLElement, text: string): Promise<void> {
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

/** The day, month and year fields of a date group, named in French or English. */
export function dateFields(box: HTMLElement): { day: HTMLInputElement; month: HTMLInputElement; year: HTMLInputElement } {
  return {
    day: field(box, /^(Jour|Day)$/),
    month: field(box, /^(Mois|Month)$/),
    year: field(box, /^(Année|Year)$/),
  };
}

const partsOf = (iso: string) => {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: day.replace(/^0/, ''), month: month.replace(/^0/, ''), year };
};

/**
 * Types a date (`YYYY-MM-DD`, or the three texts) into the date group named `name`, field by field
 * with the keyboard, replacing what the fields held.
 */
export async function typeDate(scope: Scope, name: NameMatch, date: string | { day: string; month: string; year: string }): Promise<void> {
  const fields = dateFields(group(scope, name));
  const parts = typeof date === 'string' ? partsOf(date) : date;
  for (const part of ['day', 'month', 'year'] as const) {
    await click(fields[part]);
    await sendKeys({ press: 'Control+A' });
    await sendKeys({ press: 'Backspace' });
    if (parts[part]) await sendKeys({ type: parts[part] });
  }
}

/** Fills a date group at once (for fixtures; tests of typing use typeDate). */
export function pickDate(box: HTMLElement, iso: string): void {
  const fields = dateFields(box);
  const parts = partsOf(iso);
  for (const part of ['day', 'month', 'year'] as const) pick(fields[part], parts[part]);
}

/**
 * The options of each choice question or voice, as a person sees them grouped (one fieldset per
 * group): radios, and checkboxes of multiple-choice questions (in a question's `item` part).
 */
export function choiceGroups(scope: Scope): HTMLInputElement[][] {
  const groups = new Map<Element, HTMLInputElement[]>();
  const options = [...allByRole(scope, 'radio'), ...allByRole(scope, 'checkbox').filter((box) => box.closest('[part~="item"]'))];
  for (const input of options as HTMLInputElement[]) {
    const box = input.closest('fieldset') ?? input;
    groups.set(box, [...(groups.get(box) ?? []), input]);
  }
  return [...groups.values()];
}
