import type { Issue } from '../../engine/validation.js';
import { encodeKey, type FieldRef } from '../../schema/keys.js';

/**
 * When a person is shown the issues the engine finds: interaction state, not a rule of the
 * instrument, so it lives beside the element (as Lion's InteractionStateMixin keeps it in the UI
 * layer). Before a submit is tried, only problems with what was typed are shown, and only once the
 * person has left the field; after it, every issue. Plain TypeScript: no DOM, no Lit.
 */
export class Interaction {
  private readonly touched = new Set<string>();
  private submittedOnce = false;

  /** True once a submit (button, `submit()`, `reportValidity()`, a host form's submit) was tried. */
  get submitted(): boolean {
    return this.submittedOnce;
  }

  /**
   * The person left a field. Returns true when that changes what is shown: the field has a typing
   * problem that was not shown yet.
   */
  touch(field: FieldRef, issues: readonly Issue[]): boolean {
    const key = encodeKey(field);
    if (this.touched.has(key)) return false;
    this.touched.add(key);
    return !this.submittedOnce && issues.some((i) => i.code !== 'required' && encodeKey(i.field) === key);
  }

  /** A submit was tried. Returns true when this is the first time (every issue is shown from now on). */
  attemptSubmit(): boolean {
    if (this.submittedOnce) return false;
    this.submittedOnce = true;
    return true;
  }

  /** Back to a form nobody touched: a new value was given, or the host form was reset. */
  reset(): void {
    this.touched.clear();
    this.submittedOnce = false;
  }

  /** The issues to show now, out of every issue the engine found. */
  shown(issues: readonly Issue[]): readonly Issue[] {
    if (this.submittedOnce) return issues;
    if (this.touched.size === 0) return [];
    return issues.filter((i) => i.code !== 'required' && this.touched.has(encodeKey(i.field)));
  }
}
