import type { Engine } from '../../engine/create-engine.js';
import type { Locale } from '../../schema/enums.js';
import type { Summaries } from '../../schema/result.js';

/**
 * What the parts read to render. Parts are template functions rendered into the form's own shadow
 * root, so labels, help, errors and the error summary can reference each other by id. They hold no
 * state and bind no listeners: controls carry data attributes and the form handles their events.
 */
export interface FormView {
  readonly engine: Engine;
  readonly locale: Locale;
  /** Review mode: answers shown as text, no controls. */
  readonly readonly: boolean;
  /** The host form disabled the element (fieldset disabled): controls are disabled. */
  readonly disabled: boolean;
  /** Messages of the issues shown now, keyed by `issueKey`. */
  readonly messages: ReadonlyMap<string, string>;
  readonly summaries: Summaries;
}

/** Key of an issue, and suffix of the ids of the control it is about. */
export const issueKey = (itemId: string, perspective?: string): string =>
  perspective ? `${itemId}--${perspective}` : itemId;

/** Id of the (first) control of a field; the error summary links to it. */
export const controlId = (key: string): string => `c-${key}`;
export const errorId = (key: string): string => `e-${key}`;
export const helpId = (key: string): string => `h-${key}`;

/** `aria-describedby` for a control: its help and its error when present. */
export function describedBy(view: FormView, key: string, helpKey?: string): string | undefined {
  const ids = [helpKey ? helpId(helpKey) : '', view.messages.has(key) ? errorId(key) : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The shown messages whose keys start with `prefix`, as one string: a dependency for `guard`. */
export function messagesOf(view: FormView, prefix: string): string {
  let out = '';
  for (const [key, message] of view.messages) if (key.startsWith(prefix)) out += `${key}\u0000${message}\u0000`;
  return out;
}
