import type { Model } from '../../engine/model.js';
import { itemOf, type FieldRef } from '../../schema/keys.js';
import type { FocusController } from '../controllers/focus.js';
import { topSectionOfField, type FormView } from '../read-model.js';
import {
  PRESENT_HEADING_ID,
  PRESENT_STEP_ID,
  announcementOf,
  answersByKey,
  itemStepKey,
  sectionEndKey,
  stepsOf,
  type PresentationView,
  type Step,
} from '../parts/presentation.js';

/** What the presentation needs from its form. */
export interface PresentationHost {
  readonly focus: FocusController;
  /** The form's shadow root, where the step's options are. */
  root(): ShadowRoot;
  requestUpdate(): void;
  /** The read model last rendered. */
  view(): FormView | undefined;
  /** Review mode: no answer can be given. */
  readonly(): boolean;
  /** The top-level section on screen changed (kept for `layout="sections"`). */
  sectionShown(index: number): void;
}

/** Controls a person types into: keys there are theirs, never shortcuts. */
function isTyping(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(el.type);
  return (el as HTMLElement).isContentEditable;
}

/** Elements whose Enter key does their own thing (a button, a link, a disclosure). */
const ownsEnter = (el: Element | null) => !!el?.closest('button, a[href], summary');

/**
 * The step on screen in `layout="presentation"` and the keys of a projected meeting: the option's
 * number (1–9) or the arrows answer, Enter or Page Down goes on, Page Up goes back. Keys typed in a
 * text field (a comment, the territory) stay text. The step is remembered by what it shows (a
 * question's id), so answers that show or hide questions, and switching layout, keep it.
 */
export class PresentationController {
  private key: string | undefined;
  private index = 0;
  private announcement = '';
  private steps: readonly Step[] = [];

  constructor(private readonly host: PresentationHost) {}

  /** Back to the first step (another instrument or result was loaded). */
  reset(): void {
    this.key = undefined;
    this.index = 0;
    this.announcement = '';
  }

  /** The presentation of a form's read model, on the remembered step; `section` is the section the other layouts show. */
  view(form: FormView, section: number): PresentationView {
    const steps = (this.steps = stepsOf(form));
    let at = this.key === undefined ? -1 : steps.findIndex((s) => s.key === this.key);
    if (at < 0 && this.key === undefined && section > 0) {
      // Arriving from another layout before any question was shown here: that layout's section.
      const id = form.sections[section]?.section.id;
      at = steps.findIndex((s) => (s.kind === 'item' || s.kind === 'section-end') && s.section.section.id === id);
    }
    if (at < 0) at = Math.min(this.index, steps.length - 1);
    this.index = at;
    this.key = steps[at]!.key;
    const questions = steps.filter((s) => s.kind === 'item').length;
    return { form, steps, at, questions, announcement: this.announcement };
  }

  /** Moves to a step, announces it politely and puts focus on its heading. */
  go(index: number, form: FormView | undefined): void {
    const step = this.steps[index];
    if (!step || !form) return;
    this.index = index;
    this.key = step.key;
    const questions = this.steps.filter((s) => s.kind === 'item').length;
    this.announcement = announcementOf(form.ctx, step, questions);
    if (step.kind === 'item' || step.kind === 'section-end') this.host.sectionShown(form.sections.indexOf(step.section));
    this.host.focus.request(PRESENT_HEADING_ID, 'start');
  }

  /** Shows the step where a field is (an error-summary link), without moving focus there. */
  showField(model: Model, field: FieldRef): void {
    const item = itemOf(field);
    const top = topSectionOfField(model, field);
    const key = item !== undefined ? itemStepKey(item) : top !== undefined ? sectionEndKey(top) : field.kind === 'age-band' || field.kind === 'session' || field.kind === 'participant' || field.kind === 'participants' ? 'session' : undefined;
    const at = this.steps.findIndex((s) => s.key === key);
    if (at < 0) return;
    this.index = at;
    this.key = key;
    this.host.requestUpdate();
  }

  readonly onClick = (event: Event): void => {
    const form = this.host.view();
    const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === 'present-next') this.go(this.index + 1, form);
    else if (action === 'present-previous') this.go(this.index - 1, form);
  };

  readonly onKeyDown = (event: KeyboardEvent): void => {
    const form = this.host.view();
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.composedPath()[0] as Element | null;
    if (isTyping(target)) return;
    const step = this.steps[this.index];
    if (event.key === 'PageDown' || (event.key === 'Enter' && !event.shiftKey && !ownsEnter(target))) {
      if (this.index < this.steps.length - 1) {
        event.preventDefault();
        this.go(this.index + 1, form);
      }
      return;
    }
    if (event.key === 'PageUp') {
      if (this.index > 0) {
        event.preventDefault();
        this.go(this.index - 1, form);
      }
      return;
    }
    if (this.host.readonly() || step?.kind !== 'item' || !answersByKey(step.item.item)) return;
    const options = this.options();
    if (/^[1-9]$/.test(event.key)) {
      const option = options[Number(event.key) - 1];
      if (!option || option.disabled) return;
      event.preventDefault();
      this.choose(option);
      return;
    }
    const arrows: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
    const delta = arrows[event.key];
    // On an option the browser's own arrow keys move between options (and choose, for radios).
    if (delta === undefined || options.includes(target as HTMLInputElement) || !options.length) return;
    event.preventDefault();
    const checked = options.findIndex((o) => o.checked);
    const next = checked < 0 ? (delta > 0 ? 0 : options.length - 1) : (checked + delta + options.length) % options.length;
    if (options[next]!.type === 'radio') this.choose(options[next]!);
    else options[next]!.focus();
  };

  /** The options of the question on screen. */
  private options(): HTMLInputElement[] {
    const step = this.host.root().getElementById(PRESENT_STEP_ID);
    return step ? [...step.querySelectorAll<HTMLInputElement>('.present-question input[type="radio"], .present-question input[type="checkbox"]')] : [];
  }

  /** As a click on the option: the same events, the same path to the engine. */
  private choose(option: HTMLInputElement): void {
    option.click();
    option.focus();
  }
}
