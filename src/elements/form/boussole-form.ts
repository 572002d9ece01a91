import { html, type PropertyDeclaration, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Engine } from '../../engine/create-engine.js';
import type { Result } from '../../schema/result.js';
import type { DraftStore } from '../../drafts/store.js';
import { EngineController } from '../controllers/engine.js';
import { FocusController } from '../controllers/focus.js';
import { FormAssociationController } from '../controllers/form-association.js';
import { PreviousController } from '../controllers/previous.js';
import { BoussoleElement } from '../base.js';
import { BoussoleInvalidEvent, BoussoleSubmitEvent, handoverOf } from '../events.js';
import { findInstrument } from '../instruments.js';
import { preloadParsers, preloadQuickChecks } from '../parsers.js';
import { adoptLast, onNeed } from '../on-need.js';
import { ERROR_SUMMARY_ID } from '../parts/error-summary.js';
import { CONFIRMATION_ID, HANDOVER_FAILED_ID, renderFormBody } from '../parts/form.js';
import { renderNotices } from '../parts/notices.js';
import { ReadModelBuilder, type FormView } from '../read-model.js';
import { baseStyles } from '../parts/base.styles.js';
import { controlStyles } from '../parts/controls.styles.js';
import { sectionStyles } from '../parts/section.styles.js';
import { itemStyles } from '../parts/item.styles.js';
import { dateInputStyles } from '../parts/date-input.styles.js';
import { formFrameStyles } from '../parts/form.styles.js';
import { sessionStyles } from '../parts/session.styles.js';
import { errorSummaryStyles } from '../parts/error-summary.styles.js';
import { noticeStyles } from '../parts/notices.styles.js';
import { summaryStyles } from '../parts/summary.styles.js';
import { tableStyles } from '../parts/tables.styles.js';
import { DraftsOnNeed } from './drafts.js';
import { FormInput } from './input.js';
import { Interaction } from './interaction.js';
import type { PresentationController } from './presentation.js';
import { invalidIssues, invalidityOf } from './validity.js';

export const LAYOUTS = ['all', 'sections', 'presentation'] as const;
export type Layout = (typeof LAYOUTS)[number];

/**
 * The layouts other than `all` are chunks of their own (their parts and stylesheet), loaded the first time
 * a form is shown in that layout; until one is there the form shows its frame only, and `updateComplete`
 * waits. Their stylesheet is adopted after the element's own.
 */
const layoutChunks = {
  sections: onNeed('sections-chunk', () => import('./sections-chunk.js')),
  presentation: onNeed('presentation-chunk', () => import('./presentation-chunk.js')),
};

/** What the form shows of a previous record, loaded the first time a host gives one (the summary has its own). */
const previousParts = onNeed('previous-chunk', () => import('./previous-chunk.js'));

/**
 * Renders any Boussole instrument as an accessible form and emits validated results as events.
 *
 * @summary A schema-driven assessment form: give it an instrument (property or child JSON script),
 * get `boussole-submit` with a result valid against schemas/result.schema.json.
 *
 * @attr lang - `fr` or `en`; by default the nearest ancestor's `lang`, else `fr`.
 *
 * @fires boussole-change - A person changed an answer or a field: `{itemId, value, perspective?, comment?}`. Not fired for programmatic `value` sets.
 * @fires boussole-submit - Submit succeeded; `detail` is the complete result. A listener may pass its save to `event.waitUntil(promise)`: the form shows it is sending, then the confirmation, or a failure to retry.
 * @fires boussole-invalid - Submit or reportValidity found problems; `detail.issues` (with localized messages).
 * @fires boussole-error - Bad input (invalid instrument, unreadable value or draft, wrong attribute); `detail.code`, `detail.message`.
 * @fires boussole-draft - When drafts are on: `{type: saved | restored | discarded | expired | failed | waiting, savedAt?, reason?}`; never the answers.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - Title, description and source note.
 * @csspart title - The instrument title.
 * @csspart error-box - A message about bad input (invalid instrument, unreadable value, wrong attribute).
 * @csspart error-summary - The list of problems shown after a failed submit.
 * @csspart session - Session details (date, subject id, territory, participants).
 * @csspart participants - The participants list.
 * @csspart participant - One participant row.
 * @csspart age-band - The age band selector.
 * @csspart nav - The section navigator (layout="sections").
 * @csspart presentation - The step on screen in layout="presentation", with its bar, heading and buttons.
 * @csspart presentation-bar - The section and the progress, always on screen (layout="presentation").
 * @csspart presentation-tally - The live tally of the section on screen (layout="presentation").
 * @csspart presentation-nav - The Previous / Next buttons (layout="presentation").
 * @csspart presentation-keys - The keys a person can use (layout="presentation").
 * @csspart section - A section (sphere, need, theme…).
 * @csspart section-title - A section heading.
 * @csspart item - One question.
 * @csspart label - A question's text.
 * @csspart help - A question's help text.
 * @csspart error - A field's error message.
 * @csspart option - One choice (radio or checkbox with its label).
 * @csspart control - A text, number or date control.
 * @csspart comment - The optional comment of a question.
 * @csspart previous - Last time's answer beside a question, with how it moved (when `previous` is set).
 * @csspart disagreement - The note shown when voices differ.
 * @csspart tally - Counts and status under a tallied section.
 * @csspart plan - A section's action plan.
 * @csspart summary - The summary panel (progress, tallies, open actions).
 * @csspart progress-table - The progress table of the summary.
 * @csspart tally-table - A tally table of the summary.
 * @csspart comparison-table - What moved since the previous record, in the summary (when `previous` is set).
 * @csspart submit - The submit button.
 *
 * @cssproperty [--boussole-font-family=inherit] - Font of the whole form.
 * @cssproperty [--boussole-font-size=1rem] - Base font size.
 * @cssproperty [--boussole-color-text=#1b1f24] - Text.
 * @cssproperty [--boussole-color-muted=#4b5259] - Help, descriptions, secondary text.
 * @cssproperty [--boussole-color-background=#ffffff] - Controls, options and secondary buttons.
 * @cssproperty [--boussole-color-accent=#0b5cad] - Selected options, buttons, links.
 * @cssproperty [--boussole-color-on-accent=#ffffff] - Text on the accent colour.
 * @cssproperty [--boussole-color-error=#b3261e] - Error messages, error summary, required marks.
 * @cssproperty [--boussole-color-border=#6b7178] - Borders of controls.
 * @cssproperty [--boussole-color-focus=#0b5cad] - Focus ring.
 * @cssproperty [--boussole-color-selected=#e8f1fb] - Background of tallies, border of nested sections. (A chosen option is filled with the accent colour and its text with the on-accent colour, to read on a projector.)
 * @cssproperty [--boussole-color-separator=#d0d4d9] - Lines between questions and around tables.
 * @cssproperty [--boussole-color-panel=#f5f7f9] - Background of action plans.
 * @cssproperty [--boussole-radius=6px] - Corner radius.
 * @cssproperty [--boussole-space=1rem] - Base spacing unit.
 * @cssproperty [--boussole-max-width=60rem] - Maximum width of the form.
 * @cssproperty [--boussole-presentation-font-size=clamp(1.25rem, 0.5rem + 2.2vw, 2.75rem)] - Size of the question in layout="presentation" (about 36 px on a 1280 px screen).
 * @cssproperty [--boussole-presentation-text-size=clamp(1rem, 0.5rem + 1.3vw, 2rem)] - Size of the options, buttons and bar in layout="presentation".
 * @cssproperty [--boussole-presentation-max-width=100rem] - Maximum width of the form in layout="presentation".
 */
export class BoussoleForm extends BoussoleElement {
  // The sheets of the parts it renders, in the cascade order of src/elements/parts/base.styles.ts.
  static override styles = [
    baseStyles,
    controlStyles,
    sectionStyles,
    itemStyles,
    dateInputStyles,
    formFrameStyles,
    sessionStyles,
    errorSummaryStyles,
    noticeStyles,
    summaryStyles,
    tableStyles,
    // then navigationStyles or presentationStyles, adopted with their layout's chunk (adoptLast)
  ];
  static formAssociated = true;

  /** The instrument to render: an object or JSON text, validated against the instrument format. */
  @property({ attribute: false }) instrument: unknown;

  /** Review mode: answers are shown as text and cannot be changed. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Name of the form field: inside a `<form>`, FormData carries the result as JSON under this name. */
  @property({ reflect: true }) name = '';

  /** `all` (every section on one page, the default), `sections` (one section at a time with a navigator) or `presentation` (one question at a time in large type, for a projected screen; keys 1–9, arrows, Enter, Page Up/Down). */
  @property({ reflect: true }) layout: string = 'all';

  /** Age band id, for instruments with age bands (the CÉS, the needs grid); wins over birth-date. */
  @property({ attribute: 'age-band' }) ageBand?: string;

  /** Birth date (YYYY-MM-DD); with session-date it selects the age band. Never stored in the result. */
  @property({ attribute: 'birth-date' }) birthDate?: string;

  /** Session date (YYYY-MM-DD): the date of the meeting, and the date the age is computed at. */
  @property({ attribute: 'session-date' }) sessionDate?: string;

  /** A result as JSON text, to resume or review (the `value` property takes an object or JSON text). */
  @property({ attribute: 'value' }) valueText?: string;

  /** Drafts: `none` (the default: nothing is stored) or `local` (the browser's localStorage). */
  @property({ reflect: true }) drafts?: string;

  /** Scopes the draft (for example the subject's pseudonymous id); drafts need one. */
  @property({ attribute: 'draft-id' }) draftId?: string;

  /** Minutes a draft lives after its last save (default 720, 12 hours). */
  @property({ attribute: 'draft-ttl', type: Number }) draftTtl?: number;

  /** The host's own draft store `{ get, set, remove }` (each may be async); turns drafts on unless `drafts="none"`. */
  @property({ attribute: false }) draftStore?: DraftStore;

  /** An AES-GCM `CryptoKey`: drafts are then stored only as ciphertext. Without one, as plain JSON. */
  @property({ attribute: false }) draftEncryptionKey?: CryptoKey;

  /** The previous record (last year's result: object or JSON text): shown beside each answer, compared. */
  get previous(): unknown {
    return this.previousCtl.value;
  }
  set previous(value: unknown) {
    this.previousCtl.value = value;
  }

  @state() private current = 0;
  /** The section navigator's menu is open (it folds on a narrow screen). */
  @state() private navOpen = false;
  /** The last successful submit, while nothing changed since: when, and what was sent. */
  @state() private sent?: { at: string; content: string };
  /** A hand-over the host is still doing (`waitUntil`), or that failed: the result it was for. */
  @state() private handover?: { state: 'sending' | 'failed'; content: string };

  private readonly focusCtl = new FocusController(this);
  private readonly interaction = new Interaction();
  private readonly readModel = new ReadModelBuilder();
  private readonly record = new EngineController(this, this.notices, this.localeCtl, {
    bundled: () => findInstrument(this.bundledInstrumentId(), this),
    ageAttributes: () => ({ ageBand: this.ageBand, birthDate: this.birthDate, sessionDate: this.sessionDate }),
    onValueLoaded: () => {
      this.interaction.reset();
      this.sent = undefined;
      this.handover = undefined;
    },
  });
  private readonly association = new FormAssociationController(this, {
    value: () => (this.record.engine ? JSON.stringify(this.record.engine.toResult({ complete: true })) : null),
    invalidity: () =>
      this.readonly ? undefined : this.localeCtl.run(() => invalidityOf(this.record.engine, this.renderRoot as ShadowRoot, this.localeCtl.locale)),
    // The host form's submit or reportValidity() found the element invalid: show every problem, as
    // our own submit does; the summary takes focus when the browser moved focus here.
    onReported: (focused) => {
      if (!this.validateAndShow(false)) this.focusCtl.requestIfFocused(ERROR_SUMMARY_ID, focused, 'start');
    },
    onReset: () => this.record.reset(),
    onRestore: (state) => this.record.restore(state),
  });
  private readonly draftsCtl = new DraftsOnNeed(this, this.notices, {
    settings: () => ({ mode: this.drafts, draftId: this.draftId, ttlMinutes: this.draftTtl, store: this.draftStore, key: this.draftEncryptionKey }),
    engine: () => this.record.engine,
    restore: (result) => this.record.restore(result),
  });
  private readonly previousCtl = new PreviousController(this, this.notices);
  private view?: FormView;
  private shownEngine?: Engine;
  private readonly input = new FormInput({
    engine: () => this.record.engine,
    readonly: () => this.readonly,
    view: () => this.view,
    interaction: this.interaction,
    focus: this.focusCtl,
    notices: this.notices,
    requestUpdate: () => this.requestUpdate(),
    dispatch: (event) => this.dispatchEvent(event),
    submit: () => this.submit(),
    showSection: (index) => {
      if (this.layout === 'sections' || this.layout === 'presentation') this.current = index;
      this.navOpen = false;
    },
    toggleNav: () => {
      this.navOpen = !this.navOpen;
    },
    changed: () => {
      this.sent = undefined;
    },
    drafts: this.draftsCtl,
    previous: () => this.previousCtl.engine,
    showField: (field) => {
      if (this.layout === 'presentation' && this.record.engine) this.presentation?.showField(this.record.engine.model, field);
    },
  });
  /** Made once the presentation's chunk is there and the form is shown in that layout. */
  private presentation?: PresentationController;
  /** Whether this element's shadow root has adopted layout="sections"' stylesheet. */
  private navigationAdopted = false;
  private presentationHost = {
    focus: this.focusCtl,
    root: () => this.renderRoot as ShadowRoot,
    requestUpdate: () => this.requestUpdate(),
    view: () => this.view,
    readonly: () => this.readonly,
    sectionShown: (index: number) => {
      this.current = index;
    },
  };

  constructor() {
    super();
    this.adoptEarly('value', 'previous');
  }

  // ——— public API ———

  /** The current result (`status: complete` when valid), or null without an instrument. Setting it resumes. */
  get value(): Result | null {
    return this.record.engine?.toResult({ complete: true }) ?? null;
  }
  set value(value: unknown) {
    this.record.setValue(value);
  }

  /** The form the element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.association.form;
  }

  get validity(): ValidityState {
    return this.association.internals.validity;
  }

  get validationMessage(): string {
    return this.association.internals.validationMessage;
  }

  /** True when every answer is valid; otherwise fires `invalid` (as native controls do) and returns false. */
  checkValidity(): boolean {
    return this.association.checkValidity();
  }

  /** Like a submit without submitting: shows every problem in the error summary, which takes focus. */
  reportValidity(): boolean {
    return this.validateAndShow();
  }

  /**
   * Same as the submit button: validates, then fires `boussole-submit` (and shows a confirmation) or
   * `boussole-invalid`. The same unchanged result is not sent twice: true, no new event. While a
   * listener's `waitUntil` promise runs, a submit does nothing (true); after it rejected, a submit
   * sends the result again.
   */
  submit(): boolean {
    if (this.handover?.state === 'sending') return true;
    if (!this.validateAndShow()) return false;
    const result = this.record.engine!.toResult({ complete: true });
    const { createdAt: _c, updatedAt: _u, ...rest } = result;
    const content = JSON.stringify(rest);
    const same = this.sent?.content === content;
    if (same) {
      this.focusCtl.request(CONFIRMATION_ID);
      void this.draftsCtl.submitted();
      return true;
    }
    const sent = (this.sent = { at: new Date().toISOString(), content });
    const event = new BoussoleSubmitEvent(result);
    this.handover = undefined;
    this.dispatchEvent(event);
    const saving = handoverOf(event);
    if (!saving) {
      this.focusCtl.request(CONFIRMATION_ID);
      void this.draftsCtl.submitted();
      return true;
    }
    // The host saves the result: sending until its promise settles; confirmed (and the draft deleted)
    // only when it resolves. A newer value or submit makes this hand-over stale.
    if (this.sent === sent) this.sent = undefined;
    const handover = (this.handover = { state: 'sending', content });
    saving.then(
      () => {
        if (this.handover !== handover) return;
        this.handover = undefined;
        this.sent = { at: new Date().toISOString(), content };
        this.focusCtl.request(CONFIRMATION_ID);
        void this.draftsCtl.submitted();
      },
      () => {
        if (this.handover !== handover) return;
        this.handover = { state: 'failed', content };
        this.focusCtl.request(HANDOVER_FAILED_ID);
      },
    );
    return true;
  }

  /** Deletes this form's draft, and any copy of it set aside as unreadable. */
  purgeDraft(): Promise<void> {
    return this.draftsCtl.purge();
  }

  // ——— form association (forwarded to the controller) ———

  formAssociatedCallback(): void {
    this.association.formAssociated();
  }
  formResetCallback(): void {
    this.association.reset();
  }
  formDisabledCallback(disabled: boolean): void {
    this.association.disabledChanged(disabled);
  }
  formStateRestoreCallback(state: unknown): void {
    this.association.restore(state);
  }

  // ——— lifecycle ———

  /**
   * The id of the instrument shipped with a ready element (CÉS, needs grid, PIN grid); none for the
   * generic form. Its text is a module of its own, loaded on first need: until it is there, the
   * element shows its loading state, and `updateComplete` waits for it.
   */
  protected bundledInstrumentId(): string | undefined {
    return undefined;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    // The draft controller's chunk, when drafts were just turned on: then the update it asks for.
    const drafts = this.draftsCtl.loading();
    if (drafts) {
      await drafts;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The generic form always checks the instrument its host gives: its check (5 KB) is fetched as soon as the
    // form is in a page, while the host fetches its instrument, not after (issue 19, decision 0018).
    if (this.bundledInstrumentId() === undefined) preloadQuickChecks();
  }

  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    // An instrument from the host needs its quick check, a value the format's parsers, at the next update:
    // fetching them starts now, while the element sets itself up, rather than when that update asks (issue 19).
    if (name === 'instrument' && this.instrument !== undefined) preloadQuickChecks();
    if (name === 'valueText' && this.valueText) preloadParsers();
    super.requestUpdate(name, oldValue, options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const locale = this.localeCtl.resolve();
    if (changed.has('instrument') || !this.record.engine) this.record.load(this.instrument);
    if (this.hasUpdated && (changed.has('ageBand') || changed.has('birthDate') || changed.has('sessionDate'))) this.record.applyAgeAttributes();
    if (changed.has('valueText') && this.valueText !== undefined) this.record.setValue(this.valueText);
    this.reportHeadingLevel(changed);
    if (changed.has('layout')) {
      if ((LAYOUTS as readonly string[]).includes(this.layout)) this.notices.clear('layout');
      else this.notices.raise('layout', 'invalid-layout', { layout: this.layout });
    }
    const engine = this.record.engine;
    engine?.setLocale(locale);
    this.previousCtl.update(engine?.instrument);
    if (engine !== this.shownEngine) {
      this.shownEngine = engine;
      this.current = 0;
      this.presentation?.reset();
    }
    if (this.layout === 'sections' && !this.navigationAdopted) {
      const sections = layoutChunks.sections.get(this);
      if (sections) {
        adoptLast(this.renderRoot as ShadowRoot, sections.navigationStyles);
        this.navigationAdopted = true;
      }
    }
    if (this.layout === 'presentation' && !this.presentation) {
      const presentation = layoutChunks.presentation.get(this);
      if (presentation) {
        this.presentation = new presentation.PresentationController(this.presentationHost);
        adoptLast(this.renderRoot as ShadowRoot, presentation.presentationStyles);
      }
    }
  }

  protected override render(): TemplateResult {
    const engine = this.record.engine;
    const locale = this.localeCtl.locale;
    const notices = renderNotices(this.notices.entries, locale, (key) => !!engine && key !== 'instrument');
    // The frame alone (and its error box): before there is an instrument, and while a layout's chunk loads.
    const frame = html`<div class="base" part="base">${notices}</div>`;
    if (!engine) return frame;
    const view = (this.view = this.readModel.build({
      engine,
      shown: this.interaction.shown(engine.validate()),
      submitted: this.interaction.submitted,
      locale,
      readonly: this.readonly,
      disabled: this.association.disabled,
      headingLevel: this.level,
      removed: this.input.removed,
      submittedAt: this.sent?.at,
      handover: this.handover?.state,
      draftOffer: this.draftsCtl.offer,
      previous: this.previousCtl.engine,
      previousParts: this.previousCtl.engine ? previousParts.get(this) : undefined,
      stepwise: this.layout === 'sections',
      current: this.current,
      navOpen: this.navOpen,
    }));
    const input = this.input;
    if (this.layout === 'presentation') {
      const presentation = this.presentation;
      const chunk = layoutChunks.presentation.loaded();
      if (!presentation || !chunk) return frame;
      const { renderPresentation } = chunk;
      return html`<div class="base presenting" part="base" @input=${input.onInput} @change=${input.onChange} @click=${input.onClick} @focusout=${input.onFocusOut}>
        ${notices}
        <div @click=${presentation.onClick} @keydown=${presentation.onKeyDown}>
          ${renderPresentation(presentation.view(view, this.current))}
        </div>
      </div>`;
    }
    const sections = this.layout === 'sections' ? layoutChunks.sections.loaded() : undefined;
    if (this.layout === 'sections' && !sections) return frame;
    return html`<div class="base" part="base" @input=${input.onInput} @change=${input.onChange} @click=${input.onClick} @focusout=${input.onFocusOut}>
      ${notices} ${renderFormBody(view, sections)}
    </div>`;
  }

  // ——— validity ———

  /** Tries a submit: every problem is shown from now on; fires `boussole-invalid` when there is one. */
  private validateAndShow(focus = true): boolean {
    const engine = this.record.engine;
    if (!engine) return false;
    if (this.interaction.attemptSubmit()) this.requestUpdate();
    const issues = engine.validate();
    if (issues.length === 0) return true;
    if (focus) this.focusCtl.request(ERROR_SUMMARY_ID, 'start');
    this.dispatchEvent(new BoussoleInvalidEvent(this.localeCtl.run(() => invalidIssues(engine, this.localeCtl.locale))));
    return false;
  }
}
