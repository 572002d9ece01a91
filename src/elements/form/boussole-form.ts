import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { msg } from '@lit/localize';
import { createEngine, type Engine, type EngineChange } from '../../engine/create-engine.js';
import { EngineError } from '../../engine/errors.js';
import { topSectionOf } from '../../engine/model.js';
import type { Issue } from '../../engine/validation.js';
import type { Locale } from '../../schema/enums.js';
import type { Instrument, Item, Section } from '../../schema/instrument.js';
import { parseInstrument } from '../../schema/parse.js';
import type { Result } from '../../schema/result.js';
import { tx } from '../../localize/format.js';
import { inLocale, toLocale } from '../../localize/locale.js';
import { errorMessage, fieldName, issueMessage, type ErrorCode } from '../../localize/messages.js';
import {
  BoussoleChangeEvent,
  BoussoleErrorEvent,
  BoussoleInvalidEvent,
  BoussoleSubmitEvent,
  type ChangeDetail,
  type ErrorDetail,
} from '../events.js';
import { renderActionPlan } from '../parts/action-plan.js';
import { renderErrorSummary } from '../parts/error-summary.js';
import { renderItem } from '../parts/item.js';
import { renderNavigator, renderStepper, sectionOf } from '../parts/navigation.js';
import { renderAgeBand, renderSession } from '../parts/session.js';
import { renderSectionTally, renderSummary } from '../parts/summary.js';
import { controlId, issueKey, messagesOf, type FormView } from '../parts/view.js';
import { formStyles } from './boussole-form.styles.js';

export const LAYOUTS = ['all', 'sections'] as const;
export type Layout = (typeof LAYOUTS)[number];

type Notice = { code: ErrorCode; params: Record<string, unknown> };

/**
 * The data attributes that say what a control feeds: its own, or for a radio or checkbox those of its
 * options group (`data-item`, `data-perspective`), which carries them once for all its options.
 */
const dataOf = (el: HTMLElement): DOMStringMap => el.closest<HTMLElement>('.options[data-item]')?.dataset ?? el.dataset;

/** Dispatches one of our typed events (documented with @fires above the class, not inferred by the analyzer). */
const fire = (host: HTMLElement, event: Event): boolean => host.dispatchEvent(event);

/**
 * Renders any Boussole instrument as an accessible form and emits validated results as events.
 *
 * @summary A schema-driven assessment form: give it an instrument (property or child JSON script),
 * get `boussole-submit` with a result valid against schemas/result.schema.json.
 *
 * @attr lang - `fr` or `en`; by default the nearest ancestor's `lang`, else `fr`.
 *
 * @fires boussole-change - A person changed an answer or a field: `{itemId, value, perspective?, comment?}`. Not fired for programmatic `value` sets.
 * @fires boussole-submit - Submit succeeded; `detail` is the complete result.
 * @fires boussole-invalid - Submit or reportValidity found problems; `detail.issues` (with localized messages).
 * @fires boussole-error - Bad input (invalid instrument, unreadable value, wrong attribute); `detail.code`, `detail.message`.
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
 * @csspart section - A section (sphere, need, theme…).
 * @csspart section-title - A section heading.
 * @csspart item - One question.
 * @csspart label - A question's text.
 * @csspart help - A question's help text.
 * @csspart error - A field's error message.
 * @csspart option - One choice (radio or checkbox with its label).
 * @csspart control - A text, number or date control.
 * @csspart comment - The optional comment of a question.
 * @csspart disagreement - The note shown when voices differ.
 * @csspart tally - Counts and status under a tallied section.
 * @csspart plan - A section's action plan.
 * @csspart summary - The summary panel (progress, tallies, open actions).
 * @csspart progress-table - The progress table of the summary.
 * @csspart tally-table - A tally table of the summary.
 * @csspart submit - The submit button.
 *
 * @cssproperty --boussole-font-family - Font of the form (default: inherited).
 * @cssproperty --boussole-font-size - Base font size (default: 1rem).
 * @cssproperty --boussole-color-text - Text colour.
 * @cssproperty --boussole-color-muted - Colour of help and secondary text.
 * @cssproperty --boussole-color-background - Background of controls and panels.
 * @cssproperty --boussole-color-accent - Accent: selected options, buttons, links.
 * @cssproperty --boussole-color-on-accent - Text on the accent colour.
 * @cssproperty --boussole-color-error - Errors.
 * @cssproperty --boussole-color-border - Borders of controls.
 * @cssproperty --boussole-color-focus - Focus ring.
 * @cssproperty --boussole-color-selected - Background of a selected option.
 * @cssproperty --boussole-color-separator - Lines between questions and around tables (default: #d0d4d9).
 * @cssproperty --boussole-color-panel - Background of action plans (default: #f5f7f9).
 * @cssproperty --boussole-radius - Corner radius.
 * @cssproperty --boussole-space - Base spacing unit.
 * @cssproperty --boussole-max-width - Maximum width of the form.
 */
export class BoussoleForm extends LitElement {
  static override styles = formStyles;
  static formAssociated = true;

  /** The instrument to render: an object or JSON text, validated against the instrument format. */
  @property({ attribute: false }) instrument: unknown;

  /** Review mode: answers are shown as text and cannot be changed. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Name of the form field: inside a `<form>`, FormData carries the result as JSON under this name. */
  @property({ reflect: true }) name = '';

  /** `all` (every section on one page, the default) or `sections` (one section at a time with a navigator). */
  @property({ reflect: true }) layout: string = 'all';

  /** Age band id, for instruments with age bands (the CÉS, the needs grid); wins over birth-date. */
  @property({ attribute: 'age-band' }) ageBand?: string;

  /** Birth date (YYYY-MM-DD); with session-date it selects the age band. Never stored in the result. */
  @property({ attribute: 'birth-date' }) birthDate?: string;

  /** Session date (YYYY-MM-DD): the date of the meeting, and the date the age is computed at. */
  @property({ attribute: 'session-date' }) sessionDate?: string;

  /** A result as JSON text, to resume or review (the `value` property takes an object or JSON text). */
  @property({ attribute: 'value' }) valueText?: string;

  @state() private revision = 0;
  /**
   * What the sections' templates depend on beyond the view: a revision for all of them, bumped by
   * any change that can reach several sections, and one per top-level section, bumped by an answer
   * or an action plan inside it. A section whose revisions did not move is not re-rendered at all.
   */
  private sectionsRevision = 0;
  private sectionRevision = new Map<string, number>();
  @state() private current = 0;
  @state() private notices: ReadonlyMap<string, Notice> = new Map();
  @state() private statusText = '';
  @state() private formDisabled = false;

  protected engine?: Engine;
  protected locale: Locale = 'fr';
  private readonly internals: ElementInternals;
  private unsubscribe?: () => void;
  private pendingValue?: { value: unknown };
  private initialValue: unknown = null;
  private scriptInstrument: unknown;
  private loadedInstrument: unknown;
  private reportedLang?: string;
  private focusTarget?: string;
  private checking = false;
  private pageObserver?: MutationObserver;

  constructor() {
    super();
    this.internals = this.attachInternals();
    // The host form's submit or reportValidity() found this element invalid: show every problem.
    // The host form's submit or reportValidity() found this element invalid: show every problem, as
    // our own submit does (error summary focused, boussole-invalid).
    // The summary takes focus only when the browser moved focus here (submit, reportValidity), not for
    // a silent form.checkValidity().
    this.addEventListener('invalid', () => {
      if (this.checking || this.validateAndShow(false)) return;
      requestAnimationFrame(() => {
        if (!this.matches(':focus-within')) return;
        this.focusTarget = 'summary';
        this.requestUpdate();
      });
    });
    // A `value` set before the tag was defined (a framework rendering first) shadows the accessor: take it over.
    if (Object.prototype.hasOwnProperty.call(this, 'value')) {
      const early = (this as unknown as { value: unknown }).value;
      delete (this as unknown as { value?: unknown }).value;
      this.value = early;
    }
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readScripts();
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', () => (this.readScripts(), this.requestUpdate()), { once: true });
    this.pageObserver = new MutationObserver(() => this.requestUpdate());
    this.pageObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pageObserver?.disconnect();
  }

  // ——— public API ———

  /** The current result (`status: complete` when valid), or null without an instrument. Setting it resumes. */
  get value(): Result | null {
    return this.engine ? this.engine.toResult({ complete: true }) : null;
  }
  set value(value: unknown) {
    this.initialValue = value;
    this.applyValue(value);
    this.requestUpdate();
  }

  /** The problems currently shown in the element's error box, as sent with `boussole-error`. */
  get errors(): ErrorDetail[] {
    return [...this.notices.values()].map((n) => this.errorDetail(n));
  }

  /** The form the element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** True when every answer is valid; otherwise fires `invalid` (as native controls do) and returns false. */
  checkValidity(): boolean {
    this.syncValidity();
    this.checking = true;
    try {
      return this.internals.checkValidity();
    } finally {
      this.checking = false;
    }
  }

  /** Like a submit without submitting: shows every problem in the error summary, which takes focus. */
  reportValidity(): boolean {
    return this.validateAndShow();
  }

  /** Same as the submit button: validates, then fires `boussole-submit` or `boussole-invalid`. */
  submit(): boolean {
    if (!this.validateAndShow()) return false;
    const result = this.engine!.toResult({ complete: true });
    this.statusText = inLocale(this.locale, () => msg('Vos réponses ont été soumises.', { id: 'submitted' }));
    fire(this, new BoussoleSubmitEvent(result));
    return true;
  }

  // ——— form association ———

  formAssociatedCallback(): void {
    this.requestUpdate();
  }

  formResetCallback(): void {
    this.applyValue(this.initialValue);
    this.statusText = '';
    this.requestUpdate();
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(state: unknown): void {
    if (typeof state === 'string' && state) this.applyValue(state);
  }

  // ——— lifecycle ———

  /** The instrument shipped with a ready element (CÉS, needs grid, PIN grid); none for the generic form. */
  protected bundledInstrument(): Instrument | undefined {
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.resolveLocale();
    if (changed.has('instrument') || !this.engine) this.loadInstrument();
    if (this.engine && (changed.has('ageBand') || changed.has('birthDate') || changed.has('sessionDate')) && this.hasUpdated)
      this.applyAgeAttributes();
    if (changed.has('valueText') && this.valueText !== undefined) {
      this.initialValue = this.valueText;
      this.applyValue(this.valueText);
    }
    if (changed.has('layout')) {
      if ((LAYOUTS as readonly string[]).includes(this.layout)) this.clearNotice('layout');
      else this.raise('layout', 'invalid-layout', { layout: this.layout });
    }
    this.engine?.setLocale(this.locale);
  }

  protected override render(): TemplateResult {
    return inLocale(this.locale, () => this.renderForm());
  }

  protected override updated(): void {
    this.syncValidity();
    if (this.internals.form && this.engine) this.internals.setFormValue(JSON.stringify(this.engine.toResult({ complete: true })));
    else if (this.internals.form) this.internals.setFormValue(null);
    const target = this.focusTarget;
    this.focusTarget = undefined;
    if (target) {
      const el = this.renderRoot.querySelector<HTMLElement>(target === 'summary' ? '.error-summary' : `[id="${CSS.escape(target)}"]`);
      el?.focus();
      el?.scrollIntoView?.({ block: 'center' });
    }
  }

  // ——— rendering ———

  private renderForm(): TemplateResult {
    const notices = this.renderNotices();
    const engine = this.engine;
    if (!engine) return html`<div class="base" part="base">${notices}</div>`;
    const view = this.view(engine);
    const inst = engine.instrument;
    const sections = inst.sections.filter((s) => engine.isVisible(s.id));
    const stepwise = this.layout === 'sections' && sections.length > 1;
    const current = Math.min(this.current, sections.length - 1);
    const shown = stepwise ? sections.slice(current, current + 1) : sections;
    const issues = engine.submitted
      ? engine.shownIssues().map((i) => {
          const key = issueKey(i.itemId, i.perspective);
          return { key, field: this.fieldLabel(engine, i), message: view.messages.get(key) ?? '' };
        })
      : [];
    return html`<div
      class="base"
      part="base"
      @input=${this.onInput}
      @change=${this.onChange}
      @click=${this.onClick}
      @focusout=${this.onFocusOut}
    >
      ${notices}
      ${guard([inst, view.locale, view.readonly], () => this.renderHeader(engine))} ${renderErrorSummary(issues)}
      ${guard([inst, engine.session, messagesOf(view, 'session.'), view.locale, view.readonly, view.disabled], () => renderSession(view))}
      ${guard([inst, engine.ageBand, messagesOf(view, 'ageBand'), view.locale, view.readonly, view.disabled], () => renderAgeBand(view))}
      ${stepwise ? renderNavigator(view, sections, current) : nothing}
      ${shown.map((s) =>
        guard(
          [engine, s, view.locale, view.readonly, view.disabled, this.sectionsRevision, this.sectionRevision.get(s.id) ?? 0],
          () => this.renderSection(view, s, true),
        ),
      )}
      ${stepwise ? renderStepper(sections.length, current) : nothing} ${renderSummary(view)}
      ${this.readonly
        ? nothing
        : html`<div class="actions">
            <button type="button" class="primary" part="submit" data-action="submit" ?disabled=${view.disabled}>
              ${msg('Soumettre', { id: 'submit' })}
            </button>
          </div>`}
      <p class="sr-only" role="status">${this.statusText}</p>
    </div>`;
  }

  private renderHeader(engine: Engine): TemplateResult {
    const inst = engine.instrument;
    const hasRequired = !!inst.session || engine.model.items.some((i) => i.required);
    return html`<header part="header">
      <h2 part="title">${tx(inst.title, this.locale)}</h2>
      ${inst.description ? html`<p class="description">${tx(inst.description, this.locale)}</p>` : nothing}
      ${inst.source.illustrative ? html`<p class="source">${tx(inst.source.note, this.locale)}</p>` : nothing}
      ${hasRequired && !this.readonly
        ? html`<p class="hint">${msg('Les champs marqués d’un astérisque (*) sont obligatoires.', { id: 'required-hint' })}</p>`
        : nothing}
    </header>`;
  }

  private renderSection(view: FormView, section: Section, top: boolean): TemplateResult | typeof nothing {
    const engine = view.engine;
    if (!engine.isVisible(section.id)) return nothing;
    const title = tx(section.title, view.locale);
    const disagreements = new Set(view.summaries.disagreements);
    return html`<section class="section ${top ? 'top' : 'nested'}" part="section" id=${`s-${section.id}`} aria-labelledby=${`t-${section.id}`}>
      ${top
        ? html`<h3 id=${`t-${section.id}`} part="section-title" tabindex="-1">${title}</h3>`
        : html`<h4 id=${`t-${section.id}`} part="section-title">${title}</h4>`}
      ${section.description ? html`<p class="description">${tx(section.description, view.locale)}</p>` : nothing}
      ${(section.items ?? []).map((item) =>
        engine.isVisible(item.id)
          ? guard(this.itemDeps(view, item, disagreements.has(item.id)), () => renderItem(view, item, disagreements.has(item.id)))
          : nothing,
      )}
      ${(section.sections ?? []).map((sub) => this.renderSection(view, sub, false))} ${renderSectionTally(view, section)}
      ${section.actionPlan
        ? guard([section, engine.actionPlan(section.id), messagesOf(view, `plan.${section.id}.`), view.locale, view.readonly, view.disabled], () =>
            renderActionPlan(view, section),
          )
        : nothing}
    </section>`;
  }

  /** Bumps the revisions of the sections a change of the engine can reach, then asks for an update. */
  private onEngineChange(engine: Engine, change: EngineChange): void {
    const model = engine.model;
    const node = change.type === 'answer' && !model.conditionSources.has(change.itemId) ? change.itemId : change.type === 'plan' ? change.sectionId : undefined;
    if (node === undefined) this.sectionsRevision++;
    else {
      const top = topSectionOf(model, node);
      this.sectionRevision.set(top, (this.sectionRevision.get(top) ?? 0) + 1);
    }
    this.revision++;
  }

  /** What an item's template depends on: when none changed, Lit skips the item entirely. */
  private itemDeps(view: FormView, item: Item, disagreement: boolean): unknown[] {
    const messages = (item.perspectives ?? [undefined]).map((p) => view.messages.get(issueKey(item.id, p)) ?? '').join('\u0000');
    return [item, view.engine.answer(item.id), messages, view.locale, view.readonly, view.disabled, disagreement];
  }

  private renderNotices(): TemplateResult | typeof nothing {
    if (this.notices.size === 0) return nothing;
    return html`${[...this.notices].map(([key, notice]) => {
      const problems = (notice.params.problems as { path: string; message: string }[] | undefined) ?? [];
      return html`<div class="notice" part="error-box" role="alert">
        <p>${errorMessage(notice.code, notice.params, this.locale)}</p>
        ${this.engine && key !== 'instrument'
          ? html`<p>${msg('Les réponses déjà données sont conservées.', { id: 'notice.kept' })}</p>`
          : nothing}
        ${problems.length
          ? html`<details>
              <summary>${msg('Détails techniques', { id: 'notice.details' })}</summary>
              <ul>
                ${problems.slice(0, 20).map((p) => html`<li><code>${p.path}</code> — ${p.message}</li>`)}
              </ul>
            </details>`
          : nothing}
        <button type="button" class="link" data-action="dismiss" data-target=${key}>${msg('Fermer ce message', { id: 'notice.close' })}</button>
      </div>`;
    })}`;
  }

  private view(engine: Engine): FormView {
    const messages = new Map<string, string>();
    for (const issue of engine.shownIssues()) {
      const key = issueKey(issue.itemId, issue.perspective);
      if (!messages.has(key)) messages.set(key, issueMessage(issue, engine, this.locale));
    }
    return {
      engine,
      locale: this.locale,
      readonly: this.readonly,
      disabled: this.formDisabled,
      messages,
      summaries: engine.summaries(),
    };
  }

  private fieldLabel(engine: Engine, issue: Issue): string {
    const name = fieldName(issue.itemId, engine, this.locale);
    const voice = issue.perspective ? tx(engine.model.perspective.get(issue.perspective)?.label, this.locale) : '';
    return voice ? `${name} (${voice})` : name;
  }

  // ——— events from the controls (delegated) ———

  private onInput = (event: Event): void => {
    const el = event.target as HTMLInputElement;
    if (el.type === 'radio' || el.type === 'checkbox' || el.tagName === 'SELECT') return;
    this.fromControl(el);
  };

  private onChange = (event: Event): void => {
    const el = event.target as HTMLInputElement;
    if (el.type === 'radio' || el.type === 'checkbox' || el.tagName === 'SELECT') this.fromControl(el);
  };

  private onFocusOut = (event: FocusEvent): void => {
    const key = this.keyOf(event.target as HTMLElement);
    if (key && this.engine) this.engine.touch(key);
  };

  /** The issue itemId a control feeds (without the perspective). */
  private keyOf(el: HTMLElement): string | undefined {
    const d = dataOf(el);
    if (d.item && d.role !== 'comment') return d.item;
    if (d.session) return `session.${d.session}`;
    if (d.participant) return `session.participants.${d.participant}.${d.field}`;
    if (d.plan) return `plan.${d.plan}.${d.objective}${d.action ? `.${d.action}` : ''}.${d.field}`;
    if (d.role === 'age-band') return 'ageBand';
    return undefined;
  }

  /** A person changed a control: update the engine, then tell the host. */
  private fromControl(el: HTMLInputElement): void {
    const engine = this.engine;
    const key = this.keyOf(el);
    if (!engine || this.readonly) return;
    const d = dataOf(el);
    let detail: ChangeDetail | undefined;
    try {
      if (d.item && d.role === 'comment') {
        engine.setComment(d.item, el.value);
        detail = { itemId: d.item, value: engine.answer(d.item)?.value, comment: el.value };
      } else if (d.item) {
        const perspective = d.perspective;
        let value: string | string[] = el.value;
        if (el.type === 'checkbox')
          value = [...this.renderRoot.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(el.name)}"]`)]
            .filter((box) => box.checked)
            .map((box) => box.value);
        engine.setAnswer(d.item, value, { perspective });
        const answer = engine.answer(d.item);
        const stored = perspective ? answer?.perspectives?.[perspective]?.value : answer?.value;
        detail = { itemId: d.item, value: stored, ...(perspective ? { perspective } : {}) };
      } else if (d.session) {
        engine.setSession({ [d.session]: el.value });
        detail = { itemId: key!, value: el.value || undefined };
      } else if (d.participant && d.field) {
        const value = d.field === 'parentPartner' ? el.checked : el.value;
        engine.updateParticipant(d.participant, { [d.field]: value });
        detail = { itemId: key!, value: typeof value === 'boolean' ? String(value) : value || undefined };
      } else if (d.plan && d.objective && d.field) {
        if (d.action) engine.updateAction(d.plan, d.objective, d.action, { [d.field]: el.value || undefined });
        else engine.updateObjective(d.plan, d.objective, el.value);
        detail = { itemId: key!, value: el.value || undefined };
      } else if (d.role === 'age-band') {
        engine.setAgeBand(el.value || undefined);
        detail = { itemId: 'ageBand', value: el.value || undefined };
      }
    } catch (error) {
      // Browsers only hand over valid dates; anything else the engine refuses is left as typed.
      if (!(error instanceof EngineError)) throw error;
    }
    if (detail) {
      this.statusText = '';
      fire(this, new BoussoleChangeEvent(detail));
    }
  }

  private onClick = (event: Event): void => {
    const button = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
    const engine = this.engine;
    if (!button || !engine) return;
    const d = button.dataset;
    switch (d.action) {
      case 'submit':
        this.submit();
        return;
      case 'focus-issue':
        event.preventDefault();
        this.focusIssue(d.target!);
        return;
      case 'dismiss':
        this.clearNotice(d.target!);
        return;
      case 'goto':
        this.current = Number(d.index);
        this.focusTarget = `t-${engine.instrument.sections.filter((s) => engine.isVisible(s.id))[this.current]?.id}`;
        return;
    }
    if (this.readonly) return;
    const spec = engine.instrument.session?.participants;
    const firstParticipantField = (['name', 'organisation', 'role'] as const).find((f) => spec?.[f] && spec[f] !== 'hidden') ?? 'name';
    let itemId: string | undefined;
    switch (d.action) {
      case 'add-participant': {
        const id = engine.addParticipant();
        this.focusTarget = controlId(`session.participants.${id}.${firstParticipantField}`);
        itemId = 'session.participants';
        break;
      }
      case 'remove-participant':
        engine.removeParticipant(d.participant!);
        this.focusTarget = controlId('session.participants');
        itemId = 'session.participants';
        break;
      case 'add-objective': {
        const id = engine.addObjective(d.plan!);
        this.focusTarget = controlId(`plan.${d.plan}.${id}.text`);
        itemId = `plan.${d.plan}`;
        break;
      }
      case 'remove-objective':
        engine.removeObjective(d.plan!, d.objective!);
        this.focusTarget = `t-${d.plan}`;
        itemId = `plan.${d.plan}`;
        break;
      case 'add-action': {
        const id = engine.addAction(d.plan!, d.objective!);
        this.focusTarget = controlId(`plan.${d.plan}.${d.objective}.${id}.what`);
        itemId = `plan.${d.plan}`;
        break;
      }
      case 'remove-action':
        engine.removeAction(d.plan!, d.objective!, d.target!);
        this.focusTarget = controlId(`plan.${d.plan}.${d.objective}.text`);
        itemId = `plan.${d.plan}`;
        break;
    }
    if (itemId) fire(this, new BoussoleChangeEvent({ itemId, value: undefined }));
  };

  /** Follows an error-summary link: shows the field's section and moves focus to its control. */
  private focusIssue(key: string): void {
    const engine = this.engine!;
    if (this.layout === 'sections') {
      const top = sectionOf(this.view(engine), key);
      const index = engine.instrument.sections.filter((s) => engine.isVisible(s.id)).findIndex((s) => s.id === top);
      if (index >= 0) this.current = index;
    }
    this.focusTarget = controlId(key);
    this.requestUpdate();
  }

  // ——— instrument, value, attributes ———

  private readScripts(): void {
    for (const script of this.querySelectorAll<HTMLScriptElement>(':scope > script[type="application/json"]')) {
      const role = script.dataset.boussole ?? 'instrument';
      if (role === 'instrument' && this.scriptInstrument === undefined) this.scriptInstrument = script.textContent ?? '';
      if (role === 'value' && this.pendingValue === undefined && this.valueText === undefined) {
        this.initialValue = script.textContent ?? '';
        this.pendingValue = { value: this.initialValue };
      }
    }
  }

  private loadInstrument(): void {
    const bundled = this.bundledInstrument();
    const raw = this.instrument ?? this.scriptInstrument ?? bundled;
    if (raw === undefined || raw === this.loadedInstrument) return;
    this.loadedInstrument = raw;
    let instrument: Instrument;
    if (raw === bundled) instrument = bundled;
    else {
      let input = raw;
      if (typeof raw === 'string') {
        try {
          input = JSON.parse(raw);
        } catch (error) {
          this.raise('instrument', 'invalid-instrument', { count: 1, problems: [{ path: '(JSON)', message: String(error) }] });
          return;
        }
      }
      const parsed = parseInstrument(input);
      if (!parsed.ok) {
        this.raise('instrument', 'invalid-instrument', { count: parsed.problems.length, problems: parsed.problems });
        return;
      }
      instrument = parsed.value;
    }
    this.clearNotice('instrument');
    this.useEngine(instrument);
  }

  /** A new engine for the instrument; answers already given are carried over, never dropped. */
  private useEngine(instrument: Instrument): void {
    const previous = this.engine;
    const engine = createEngine(instrument, { locale: this.locale });
    if (previous && Object.keys(previous.answers).length) {
      const carried = previous.toResult();
      const ageBand = instrument.ageBands?.some((b) => b.id === carried.ageBand) ? carried.ageBand : undefined;
      try {
        engine.load({ ...carried, ageBand, instrument: { id: instrument.id, version: instrument.version } });
      } catch {
        // Only data the new instrument cannot hold fails here; the previous answers remain in `previous`.
      }
    }
    this.unsubscribe?.();
    this.engine = engine;
    this.unsubscribe = engine.subscribe((change) => this.onEngineChange(engine, change));
    this.current = 0;
    this.applyAgeAttributes();
    if (this.pendingValue) {
      const { value } = this.pendingValue;
      this.pendingValue = undefined;
      this.applyValue(value);
    }
  }

  /** Applies age-band, or birth-date with session-date; and session-date as the meeting date (unless `bandOnly`). */
  private applyAgeAttributes(bandOnly = false): void {
    const engine = this.engine;
    if (!engine) return;
    this.clearNotice('age');
    try {
      if (this.sessionDate && engine.instrument.session?.date && !bandOnly) engine.setSession({ date: this.sessionDate });
      if (this.ageBand) engine.setAgeBand(this.ageBand);
      else if (this.birthDate && this.sessionDate && engine.instrument.ageBands)
        engine.setAgeFromDates(this.birthDate, this.sessionDate);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      this.raise('age', error.code as ErrorCode, { ...error.params });
    }
  }

  /** Resumes from a result (object or JSON text); on failure keeps every current answer and says why. */
  private applyValue(value: unknown): void {
    const engine = this.engine;
    if (!engine) {
      this.pendingValue = { value };
      return;
    }
    if (value === null || value === undefined || value === '') {
      this.clearNotice('value');
      this.useFreshEngine(engine.instrument);
      return;
    }
    let data = value;
    if (typeof value === 'string') {
      try {
        data = JSON.parse(value);
      } catch (error) {
        this.raise('value', 'unreadable-value', { problems: [{ path: '(JSON)', message: String(error) }] });
        return;
      }
    }
    try {
      engine.load(data);
      this.clearNotice('value');
      // A saved draft without an age band takes the one the attributes give.
      if (!engine.ageBand && engine.instrument.ageBands) this.applyAgeAttributes(true);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      const code: ErrorCode = error.code === 'invalid-result' ? 'unreadable-value' : (error.code as ErrorCode);
      this.raise('value', code, { ...error.params });
    }
  }

  private useFreshEngine(instrument: Instrument): void {
    this.engine = undefined;
    this.useEngine(instrument);
  }

  private resolveLocale(): void {
    const own = this.getAttribute('lang');
    if (own) {
      const locale = toLocale(own);
      if (!locale && this.reportedLang !== own) this.raise('lang', 'unsupported-locale', { lang: own });
      if (locale) this.clearNotice('lang');
      this.reportedLang = own;
      this.locale = locale ?? 'fr';
      return;
    }
    this.clearNotice('lang');
    this.reportedLang = undefined;
    this.locale = toLocale(inheritedLang(this)) ?? 'fr';
  }

  // ——— validity and errors ———

  private validateAndShow(focus = true): boolean {
    const engine = this.engine;
    if (!engine) return false;
    const issues = engine.attemptSubmit();
    if (issues.length === 0) return true;
    if (focus) this.focusTarget = 'summary';
    this.requestUpdate();
    fire(this, 
      new BoussoleInvalidEvent(
        inLocale(this.locale, () => issues.map((issue) => ({ ...issue, message: issueMessage(issue, engine, this.locale) }))),
      ),
    );
    return false;
  }

  private syncValidity(): void {
    const engine = this.engine;
    if (this.readonly || (engine && engine.valid)) {
      this.internals.setValidity({});
      return;
    }
    const first = engine?.validate()[0];
    const anchor =
      (first && (this.renderRoot as ShadowRoot).getElementById(controlId(issueKey(first.itemId, first.perspective)))) ||
      this.renderRoot.querySelector<HTMLElement>('[data-action="submit"]') ||
      undefined;
    const message = inLocale(this.locale, () =>
      engine && first
        ? `${this.fieldLabel(engine, first)} — ${issueMessage(first, engine, this.locale)}`
        : msg('Ce questionnaire ne peut pas être rempli.', { id: 'validity.unavailable' }),
    );
    this.internals.setValidity(first?.code === 'required' ? { valueMissing: true } : { customError: true }, message, anchor);
  }

  private errorDetail(notice: Notice): ErrorDetail {
    return {
      code: notice.code,
      message: inLocale(this.locale, () => errorMessage(notice.code, notice.params, this.locale)),
      params: notice.params,
    };
  }

  /** Shows a problem with the input and fires `boussole-error`; nothing typed is lost. */
  private raise(key: string, code: ErrorCode, params: Record<string, unknown>): void {
    const notice = { code, params };
    this.notices = new Map(this.notices).set(key, notice);
    fire(this, new BoussoleErrorEvent(this.errorDetail(notice)));
  }

  private clearNotice(key: string): void {
    if (!this.notices.has(key)) return;
    const next = new Map(this.notices);
    next.delete(key);
    this.notices = next;
  }
}

/** The `lang` of the nearest ancestor, across shadow roots. */
function inheritedLang(el: Element): string | undefined {
  let node: Element | null = el;
  while (node) {
    const found: Element | null | undefined = node.parentElement?.closest('[lang]');
    if (found) return found.getAttribute('lang') ?? undefined;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
    if (node?.hasAttribute('lang')) return node.getAttribute('lang') ?? undefined;
  }
  return undefined;
}
