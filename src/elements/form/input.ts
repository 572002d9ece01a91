import type { Engine } from '../../engine/create-engine.js';
import { EngineError } from '../../engine/errors.js';
import { domId, sectionTitleId, type FieldRef } from '../../schema/keys.js';
import type { FocusController } from '../controllers/focus.js';
import { FORM_TITLE_ID } from '../parts/header.js';
import type { NoticesController } from '../controllers/notices.js';
import { BoussoleChangeEvent } from '../events.js';
import { topSectionOfField, type FormView, type RemovedParticipant } from '../read-model.js';
import { applyInput, applyRowAction, ROW_ACTIONS, type RowAction } from './commands.js';
import { controlValue, fieldOf, isToggle } from './controls.js';
import type { Interaction } from './interaction.js';

/** What the form's delegated handlers work with. */
export interface InputHost {
  engine(): Engine | undefined;
  /** Review mode: nothing can be changed. */
  readonly(): boolean;
  /** The read model last rendered. */
  view(): FormView | undefined;
  readonly interaction: Interaction;
  readonly focus: FocusController;
  readonly notices: NoticesController;
  requestUpdate(): void;
  dispatch(event: Event): void;
  submit(): void;
  /** Shows the top-level section at this index (`layout="sections"`); closes the navigator's menu. */
  showSection(index: number): void;
  /** Opens or closes the navigator's menu (narrow screens). */
  toggleNav(): void;
  /** A person changed something (the confirmation of a submit no longer holds). */
  changed(): void;
  readonly drafts: { restore(): Promise<void>; discard(): Promise<void> };
  /** The previous record, when the host gave one. */
  previous(): Engine | undefined;
  /** Shows the step where a field is (`layout="presentation"`). */
  showField?(field: FieldRef): void;
}

/**
 * What a person does in the form, turned into engine commands and events. The form binds these
 * handlers once, on its base element; controls carry their field's key, buttons a `data-action`.
 */
export class FormInput {
  /** The participant last removed, until the next row is added or removed (it can be put back). */
  removed: RemovedParticipant | undefined;

  constructor(private readonly host: InputHost) {}

  readonly onInput = (event: Event): void => {
    if (!isToggle(event.target as Element)) this.fromControl(event.target as HTMLInputElement);
  };

  readonly onChange = (event: Event): void => {
    if (isToggle(event.target as Element)) this.fromControl(event.target as HTMLInputElement);
  };

  /** A person left a field: its typing problems may now be shown. */
  readonly onFocusOut = (event: FocusEvent): void => {
    // Moving between a date's day, month and year is not leaving the date.
    const date = (event.target as HTMLElement).closest('.date-parts');
    if (date && event.relatedTarget instanceof Node && date.contains(event.relatedTarget)) return;
    const field = fieldOf(event.target as HTMLElement);
    const engine = this.host.engine();
    if (field && engine && this.host.interaction.touch(field, engine.validate())) this.host.requestUpdate();
  };

  readonly onClick = (event: Event): void => {
    const button = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
    const host = this.host;
    const engine = host.engine();
    if (!button || !engine) return;
    const action = button.dataset.action!;
    if (action === 'submit') host.submit();
    else if (action === 'focus-issue') {
      // An error-summary link: show the field's section and move focus to its control.
      event.preventDefault();
      const field = fieldOf(button);
      if (!field) return;
      const top = topSectionOfField(engine.model, field);
      const index = host.view()?.sections.findIndex((s) => s.section.id === top) ?? -1;
      if (index >= 0) host.showSection(index);
      host.showField?.(field);
      host.focus.request(domId('control', field));
    } else if (action === 'dismiss') host.notices.clear(button.dataset.target!);
    else if (action === 'restore-draft' || action === 'discard-draft') {
      // The offer goes away with its buttons: focus goes to the top of the form, not to <body>.
      const chosen = action === 'restore-draft' ? host.drafts.restore() : host.drafts.discard();
      void chosen.then(() => host.focus.request(FORM_TITLE_ID, 'start'));
    }
    else if (action === 'toggle-nav') host.toggleNav();
    else if (action === 'goto') {
      const index = Number(button.dataset.index);
      const section = host.view()?.sections[index]?.section;
      host.showSection(index);
      if (section) host.focus.request(sectionTitleId(section.id));
    } else if (!host.readonly() && (ROW_ACTIONS as readonly string[]).includes(action)) {
      const done = applyRowAction(engine, action as RowAction, fieldOf(button), { removed: this.removed, previous: host.previous() });
      if (!done) return;
      this.removed = done.removed;
      host.changed();
      host.focus.request(done.focus);
      host.dispatch(new BoussoleChangeEvent(done.change));
    }
  };

  /** A person changed a control: update the engine, then tell the host. */
  private fromControl(el: HTMLInputElement): void {
    const engine = this.host.engine();
    const field = fieldOf(el);
    if (!engine || !field || this.host.readonly()) return;
    try {
      const detail = applyInput(engine, field, controlValue(el, field));
      if (!detail) return;
      this.host.changed();
      this.host.dispatch(new BoussoleChangeEvent(detail));
    } catch (error) {
      // Anything the engine refuses is left as typed (dates never are: a typed date that is not one is an issue).
      if (!(error instanceof EngineError)) throw error;
    }
  }
}
