import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { Result } from '../../schema/result.js';
import { BoussoleElement } from '../base.js';
import { EngineController } from '../controllers/engine.js';
import { PreviousController } from '../controllers/previous.js';
import { baseStyles } from '../parts/base.styles.js';
import { controlStyles } from '../parts/controls.styles.js';
import { sectionStyles } from '../parts/section.styles.js';
import { noticeStyles } from '../parts/notices.styles.js';
import { summaryStyles } from '../parts/summary.styles.js';
import { tableStyles } from '../parts/tables.styles.js';
import { findInstrument, instrumentIdOf, isBundled } from '../instruments.js';
import { renderNotices } from '../parts/notices.js';
import { renderReport } from '../parts/report.js';
import { buildReport } from './report.js';
import { reportStyles } from './boussole-summary.styles.js';

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
  static override styles = [baseStyles, controlStyles, sectionStyles, noticeStyles, summaryStyles, tableStyles, reportStyles];

  /** The instrument of the result (object or JSON text); by default the bundled one the result names. */
  @property({ attribute: false }) instrument: unknown;

  /** The last `value` the host gave, and whether the engine has it yet (the instrument may change with it). */
  private raw?: { value: unknown; applied: boolean };
  /** The instrument id of a result whose instrument is neither given nor bundled (reported). */
  private unknownId?: string;
  // The form's controllers, read-only: the instrument (property, child script or bundled), the
  // result (property or child script), the previous record.
  private readonly record = new EngineController(this, this.notices, this.localeCtl, {
    readonly: true,
    bundled: () => findInstrument(this.instrumentId(), this),
  });
  private readonly previousCtl = new PreviousController(this, this.notices);

  constructor() {
    super();
    this.adoptEarly('value', 'previous');
  }

  /** The result shown (object or JSON text); reads back as the result the engine recomputed, or null. */
  get value(): Result | null {
    return this.record.hasValue ? this.record.engine!.toResult({ complete: true }) : null;
  }
  set value(value: unknown) {
    this.raw = { value, applied: false };
    this.requestUpdate();
  }

  /** The previous record (object or JSON text), to compare with. */
  get previous(): unknown {
    return this.previousCtl.value;
  }
  set previous(value: unknown) {
    this.previousCtl.value = value;
  }

  /** The instrument id the result names, when no instrument is given (to find a bundled one). */
  private instrumentId(): string | undefined {
    const value = this.raw ? this.raw.value : this.record.script('value');
    return value === undefined || value === null || value === '' ? undefined : instrumentIdOf(value);
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const locale = this.localeCtl.resolve();
    const raw = this.raw;
    // A result of an instrument that is neither given nor bundled (an organisation's own) needs `instrument`: say which.
    const id = this.instrumentId();
    const unknown = this.instrument === undefined && this.record.script('instrument') === undefined && id !== undefined && !isBundled(id) ? id : undefined;
    if (unknown !== this.unknownId) {
      this.unknownId = unknown;
      if (unknown === undefined) this.notices.clear('unknown-instrument');
      else {
        this.notices.raise('unknown-instrument', 'unknown-instrument', { id: unknown });
        this.record.setValue(null);
      }
    }
    this.record.load(this.instrument);
    if (raw && !raw.applied && unknown === undefined) {
      raw.applied = true;
      this.record.setValue(raw.value);
    }
    this.record.engine?.setLocale(locale);
    this.previousCtl.update(this.record.engine?.instrument, this.record.script('previous'));
  }

  protected override render(): TemplateResult {
    const locale = this.localeCtl.locale;
    const notices = renderNotices(this.notices.entries, locale, () => false);
    const engine = this.record.engine;
    if (!engine || !this.record.hasValue) return html`<div @click=${this.onClick}>${notices}<p class="empty">${msg('Aucun résultat à afficher.', { id: 'report.nothing' })}</p></div>`;
    const report = buildReport({ model: engine.model, locale, readonly: true, disabled: false, headingLevel: this.level }, engine, this.previousCtl.engine);
    return html`<div @click=${this.onClick}>${notices}</div>${renderReport(report)}`;
  }

  /** The error box's “close” button. */
  private onClick = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action="dismiss"]');
    if (button) this.notices.clear(button.dataset.target!);
  };
}
