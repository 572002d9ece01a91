import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { createEngine, type Engine } from '../../engine/create-engine.js';
import { EngineError, errorCodeOf } from '../../engine/errors.js';
import type { Instrument } from '../../schema/instrument.js';
import type { Result } from '../../schema/result.js';
import { BoussoleElement } from '../base.js';
import { instrumentFrom } from '../controllers/engine.js';
import { PreviousController } from '../controllers/previous.js';
import { formStyles } from '../form/boussole-form.styles.js';
import { findInstrument } from '../instruments.js';
import { renderNotices } from '../parts/notices.js';
import { renderReport } from '../parts/report.js';
import { buildReport } from './report.js';
import { reportStyles } from './boussole-summary.styles.js';

/** The instrument id a result names, whatever shape it comes in (for finding a bundled instrument). */
function instrumentIdOf(raw: unknown): string | undefined {
  try {
    const data = typeof raw === 'string' ? JSON.parse(raw) : raw;
    const id = (data as { instrument?: { id?: unknown } } | null)?.instrument?.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The synthesis of one result, for the case file and the meeting: who and when, progress, the
 * answers, ratings, tallies and statuses of each section, where voices differ, the actions open and
 * done, and — with `previous` — what moved since the previous record. Read-only and printable.
 *
 * @summary The printable synthesis of a result (and of its comparison with the previous one).
 *
 * @attr lang - `fr` or `en`; by default the nearest ancestor's `lang`, else `fr`.
 *
 * @fires boussole-error - Bad input (an invalid instrument, a result whose instrument is neither given nor bundled, an unreadable result or previous record); `detail.code`, `detail.message`.
 *
 * @csspart base - The synthesis.
 * @csspart header - Title, meeting and progress.
 * @csspart title - The instrument title.
 * @csspart error-box - A message about bad input.
 * @csspart section - A section of the synthesis.
 * @csspart section-title - A section heading.
 * @csspart tally - The status of a section.
 * @csspart comparison-table - What moved since the previous record.
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
 */
export class BoussoleSummary extends BoussoleElement {
  static override styles = [formStyles, reportStyles];

  /** The instrument of the result (object or JSON text); by default the bundled one the result names. */
  @property({ attribute: false }) instrument: unknown;

  /** Level of the title's heading, 1 to 6 (default 2); the others follow it. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  private raw: unknown;
  private scripts: { instrument?: string; value?: string; previous?: string } = {};
  private scriptsRead = false;
  private engine?: Engine;
  private readFrom?: { instrument: unknown; value: unknown };
  private readonly previousCtl = new PreviousController(this, this.notices);

  constructor() {
    super();
    this.adoptEarly('value', 'previous');
  }

  /** The result shown (object or JSON text); reads back as the result the engine recomputed, or null. */
  get value(): Result | null {
    return this.engine?.toResult({ complete: true }) ?? null;
  }
  set value(value: unknown) {
    this.raw = value;
    this.requestUpdate();
  }

  /** The previous record (object or JSON text), to compare with. */
  get previous(): unknown {
    return this.previousCtl.value;
  }
  set previous(value: unknown) {
    this.previousCtl.value = value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.scriptsRead) return;
    this.scriptsRead = true;
    // Child JSON scripts, for plain pages: the instrument, the result and the previous record.
    for (const script of this.querySelectorAll<HTMLScriptElement>(':scope > script[type="application/json"]')) {
      const role = (script.dataset.boussole ?? 'instrument') as 'instrument' | 'value' | 'previous';
      this.scripts[role] ??= script.textContent ?? '';
    }
    if (this.scripts.previous !== undefined && this.previous === undefined) this.previous = this.scripts.previous;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.localeCtl.resolve();
    const value = this.raw ?? this.scripts.value;
    const given = this.instrument ?? this.scripts.instrument;
    if (this.readFrom?.instrument !== given || this.readFrom?.value !== value) {
      this.readFrom = { instrument: given, value };
      this.read(given, value);
    }
    this.previousCtl.update(this.engine?.instrument);
  }

  /** Reads the instrument and the result; bad input is reported and shows nothing of it. */
  private read(given: unknown, value: unknown): void {
    this.notices.clear('instrument');
    this.notices.clear('value');
    this.engine = undefined;
    const empty = value === undefined || value === null || value === '';
    const id = given === undefined && !empty ? instrumentIdOf(value) : undefined;
    const instrument: Instrument | undefined = given !== undefined ? instrumentFrom(given, this.notices) : findInstrument(id);
    // A result of an instrument that is not bundled (an organisation's own) needs `instrument`: say which.
    if (!instrument && id !== undefined) this.notices.raise('instrument', 'unknown-instrument', { id });
    if (!instrument || empty) return;
    const engine = createEngine(instrument, { locale: this.localeCtl.locale });
    try {
      engine.load(typeof value === 'string' ? JSON.parse(value) : value);
      this.engine = engine;
    } catch (error) {
      const code = error instanceof EngineError ? errorCodeOf(error.code) : error instanceof SyntaxError ? 'unreadable-value' : undefined;
      if (!code) throw error;
      this.notices.raise('value', code, error instanceof EngineError ? { ...error.params } : { problems: [{ path: '(JSON)', message: String(error) }] });
    }
  }

  protected override render(): TemplateResult {
    const locale = this.localeCtl.locale;
    const notices = renderNotices(this.notices.entries, locale, () => false);
    const engine = this.engine;
    if (!engine) return html`${notices}<p class="empty">${msg('Aucun résultat à afficher.', { id: 'report.nothing' })}</p>`;
    engine.setLocale(locale);
    const level = [1, 2, 3, 4, 5, 6].includes(this.headingLevel) ? this.headingLevel : 2;
    const report = buildReport({ model: engine.model, locale, readonly: true, disabled: false, headingLevel: level }, engine, this.previousCtl.engine);
    return html`${notices}${renderReport(report)}`;
  }
}
