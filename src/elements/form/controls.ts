import { decodeKey, type FieldRef } from '../../schema/keys.js';
import type { ControlValue } from './commands.js';
import { DATE_PARTS, type DateParts } from '../../engine/dates.js';

/**
 * Reading the controls a person used: the field a control (or a row button) feeds, from its own
 * `data-key` or, for a radio or checkbox, its options group's; and what it now holds.
 */
export function fieldOf(el: Element): FieldRef | undefined {
  const key = el.closest<HTMLElement>('[data-key]')?.dataset.key;
  return key === undefined ? undefined : decodeKey(key);
}

/** Controls whose value is final on `change` (the others report each keystroke on `input`). */
export const isToggle = (el: Element): boolean =>
  el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox'));

/** What the control gives its field: the codes checked in a group, a checkbox's state, a date's three fields, or its text. */
export function controlValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, field: FieldRef): ControlValue {
  if (el.dataset.part) {
    const group = el.closest('.date-parts')!;
    const text = (part: string) => group.querySelector<HTMLInputElement>(`input[data-part="${part}"]`)?.value ?? '';
    return Object.fromEntries(DATE_PARTS.map((part) => [part, text(part)])) as unknown as DateParts;
  }
  if (!(el instanceof HTMLInputElement) || el.type !== 'checkbox') return el.value;
  if (field.kind !== 'item' && field.kind !== 'voice') return el.checked;
  return [...el.closest('.options')!.querySelectorAll('input')].filter((box) => box.checked).map((box) => box.value);
}
