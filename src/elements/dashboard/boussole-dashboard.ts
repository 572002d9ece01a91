import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { formatDate, formatNumber, tx } from '../../localize/format.js';
import type { Locale } from '../../schema/enums.js';
import type { Instrument } from '../../schema/instrument.js';
import { BoussoleElement } from '../base.js';
import { EngineController } from '../controllers/engine.js';
import { jsonOf } from '../../schema/json.js';
import { baseStyles } from '../parts/base.styles.js';
import { controlStyles } from '../parts/controls.styles.js';
import { noticeStyles } from '../parts/notices.styles.js';
import { tableStyles } from '../parts/tables.styles.js';
import { findInstrument, instrumentIdOf, isBundled } from '../instruments.js';
import { parsers } from '../parsers.js';
import { renderNotices } from '../parts/notices.js';
import { scrolling } from '../parts/summary.js';
import { tallyChart, type ChartRow } from './chart.js';
import { toCsv, type Cell } from './csv.js';
import { buildFigures, readResults, territoriesOf, type ChangeFigure, type DashboardRecord, type Figure, type TallyFigure } from './model.js';
import { dashboardStyles } from './boussole-dashboard.styles.js';


/** The results given as one value: an array (or JSON text of one); a single result counts as one. */
const listOf = (raw: unknown): unknown[] => {
  if (raw === undefined || raw === null || raw === '') return [];
  const parsed = jsonOf(raw);
  // Text that is not JSON stays one (unreadable) result, so that it is reported with its index.
  if (!parsed.ok) return [raw];
  return Array.isArray(parsed.data) ? parsed.data : [parsed.data];
};


/**
 * A territory's or a child's results over the years: per tallied section (the PIN themes, the
 * needs), each session's count at each level and its status, as a chart and its table; for
 * instruments without tallies (the CÉS), per section, what was answered in each record and what
 * improved or worsened since the one before. A filter by territory, a CSV download of the table
 * built in the page, and a print layout. Read-only.
 *
 * @summary Results of one instrument over the years: charts, tables and a CSV download.
 *
 * @attr lang - `fr` or `en`; by default the nearest ancestor's `lang`, else `fr`.
 *
 * @fires boussole-error - Bad input: an invalid or unknown instrument, or a result that is unreadable, of another instrument or of another MAJOR version (`detail.params.index` is its position in `results`, from 0); the other results are still shown.
 *
 * @csspart base - The dashboard.
 * @csspart title - The instrument title.
 * @csspart error-box - A message about bad input.
 * @csspart controls - The territory filter and the download button.
 * @csspart figure - A section: its chart, its description and its table.
 * @csspart chart - The SVG chart of a tallied section.
 * @csspart table - The table of a section.
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
export class BoussoleDashboard extends BoussoleElement {
  static override styles = [baseStyles, controlStyles, noticeStyles, tableStyles, dashboardStyles];

  /** The instrument (object or JSON text), or the id of a bundled one; by default the bundled one the results name. */
  @property({ attribute: false }) instrument: unknown;

  /** The results of the instrument (an array of objects, or JSON text of one), in any order. */
  @property({ attribute: false }) results: unknown;

  /** The territory shown ('' for all). */
  @state() private territory = '';

  /**
   * The instrument, as the form and the summary get theirs: the property (object or JSON text), else
   * a child script, else the bundled one named by an id or by the results; and the child scripts.
   */
  private readonly record = new EngineController(this, this.notices, this.localeCtl, {
    readonly: true,
    bundled: () => findInstrument(this.wantedId, this),
  });
  /** The bundled instrument asked for: the `instrument` property when it is an id, else the one the results name. */
  private wantedId?: string;
  private readFrom?: { instrument: unknown; results: unknown };
  private shownInstrument?: Instrument;
  private records: DashboardRecord[] = [];

  constructor() {
    super();
    this.adoptEarly('instrument', 'results');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.localeCtl.resolve();
    this.reportHeadingLevel(changed);
    const scripts = this.record.scriptsOf('results');
    const results = this.results ?? (scripts.length ? scripts : undefined);
    const inputs = results === scripts ? scripts.flatMap(listOf) : Array.isArray(results) ? results : listOf(results);
    const given = this.instrument;
    const isId = typeof given === 'string' && !given.trim().startsWith('{');
    this.wantedId = isId ? given.trim() : given === undefined && this.record.script('instrument') === undefined ? inputs.map(instrumentIdOf).find(Boolean) : undefined;
    let instrument: Instrument | undefined;
    if (this.wantedId !== undefined && !isBundled(this.wantedId)) {
      if (this.notices.entries.get('instrument')?.code !== 'unknown-instrument') this.notices.raise('instrument', 'unknown-instrument', { id: this.wantedId });
    } else {
      if (this.notices.entries.get('instrument')?.code === 'unknown-instrument') this.notices.clear('instrument');
      this.record.load(isId ? undefined : given);
      instrument = this.record.engine?.instrument;
    }
    if (this.readFrom?.instrument === instrument && this.readFrom?.results === results) return;
    this.readFrom = { instrument, results };
    this.read(instrument, inputs);
  }

  /** Reads every result with the instrument; each bad one is reported with its index, the others are kept. */
  private read(instrument: Instrument | undefined, inputs: readonly unknown[]): void {
    for (const key of this.notices.entries.keys()) if (key.startsWith('result-')) this.notices.clear(key);
    this.records = [];
    this.shownInstrument = instrument;
    if (!instrument) return;
    if (inputs.length && !parsers(this)) {
      this.readFrom = undefined; // read at the update once the parsers are there
      return;
    }
    const { records, rejected } = readResults(instrument, inputs);
    this.records = records;
    for (const bad of rejected) this.notices.raise(`result-${bad.index}`, bad.code, { ...bad.params, index: bad.index });
    if (this.territory && !records.some((r) => r.territory === this.territory)) this.territory = '';
  }

  /** The records the filter keeps. */
  private get shown(): DashboardRecord[] {
    return this.territory ? this.records.filter((r) => r.territory === this.territory) : this.records;
  }

  protected override render(): TemplateResult {
    const locale = this.localeCtl.locale;
    const notices = renderNotices(this.notices.entries, locale, () => false);
    const instrument = this.shownInstrument;
    const records = this.shown;
    if (!instrument || records.length === 0)
      return html`<div class="base" part="base" @click=${this.onClick}>
        ${notices}
        <p class="empty">${msg('Aucun résultat à afficher.', { id: 'report.nothing' })}</p>
      </div>`;
    for (const r of records) r.engine.setLocale(locale);
    const level = this.level;
    const figures = buildFigures(instrument, records);
    const labels = sessionLabels(records, locale, !this.territory && territoriesOf(records).length > 1);
    return html`<div class="base" part="base" @click=${this.onClick}>
      ${notices}
      ${heading(level, 'title', tx(instrument.title, locale), 'title')}
      <p class="lead">${this.leadText(records, locale)}</p>
      ${this.renderControls()}
      ${figures.map((figure, i) => this.renderFigure(figure, i, level + 1, labels, locale))}
    </div>`;
  }

  private leadText(records: readonly DashboardRecord[], locale: Locale): string {
    const count = formatNumber(records.length, locale);
    return records.length === 1
      ? msg('Tableau de bord : 1 résultat.', { id: 'dashboard.lead-one' })
      : msg(str`Tableau de bord : ${count} résultats, du plus ancien au plus récent.`, { id: 'dashboard.lead' });
  }

  private renderControls(): TemplateResult {
    const territories = territoriesOf(this.records);
    return html`<div class="controls" part="controls">
      ${territories.length > 1
        ? html`<div class="filter">
            <label for="territory">${msg('Territoire', { id: 'dashboard.territory' })}</label>
            <select id="territory" @change=${(e: Event) => (this.territory = (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${this.territory === ''}>${msg('Tous les territoires', { id: 'dashboard.all-territories' })}</option>
              ${territories.map((t) => html`<option value=${t} ?selected=${this.territory === t}>${t}</option>`)}
            </select>
          </div>`
        : nothing}
      <button type="button" data-action="csv">${msg('Télécharger le tableau (CSV)', { id: 'dashboard.download' })}</button>
    </div>`;
  }

  private renderFigure(figure: Figure, index: number, level: number, labels: Labels, locale: Locale): TemplateResult {
    const title = tx(figure.title, locale);
    const id = `figure-${index}`;
    return html`<section class="figure" part="figure" aria-labelledby="${id}-heading">
      ${heading(Math.min(level, 6), `${id}-heading`, figure.kind === 'tally' && this.ruleCount() > 1 ? `${title} — ${tx(figure.rule.label, locale)}` : title, 'section-title')}
      ${figure.kind === 'tally' ? this.renderTally(figure, id, title, labels, locale) : this.renderChange(figure, title, labels, locale)}
    </section>`;
  }

  private ruleCount(): number {
    return this.shownInstrument?.summary?.tallies?.length ?? 0;
  }

  private renderTally(figure: TallyFigure, id: string, title: string, labels: Labels, locale: Locale): TemplateResult {
    const trend = trendText(figure, title, labels, locale);
    const statusOf = (status: string | null) => (status ? tx(figure.rule.statuses?.find((s) => s.id === status)?.label, locale) || status : '—');
    const rows: ChartRow[] = figure.rows.map((row) => ({
      key: String(row.record.index),
      label: labels.text(row.record),
      counts: figure.levels.map((l) => row.counts[l.code] ?? 0),
      items: row.items,
      status: statusOf(row.status),
    }));
    const chartTitle = msg(str`${title} : ${tx(figure.rule.label, locale)}, par séance`, { id: 'dashboard.chart-title' });
    const header = this.tableHeader(locale, [...figure.levels.map((l) => tx(l.label, locale)), msg('Sans réponse', { id: 'dashboard.unanswered' }), msg('Statut', { id: 'dashboard.status' })]);
    const table = html`<table class="stack" part="table">
      <caption>${title}</caption>
      <thead>${header}</thead>
      <tbody>
        ${figure.rows.map(
          (row) => html`<tr data-row=${row.record.index}>
            ${this.sessionCells(row.record, locale)}
            ${figure.levels.map((l) => html`<td data-level=${l.code} data-label=${tx(l.label, locale)}>${formatNumber(row.counts[l.code] ?? 0, locale)}</td>`)}
            <td data-label=${msg('Sans réponse', { id: 'dashboard.unanswered' })}>${formatNumber(row.unanswered, locale)}</td>
            <td data-label=${msg('Statut', { id: 'dashboard.status' })}>${statusOf(row.status)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
    return html`<div class="chart-box" part="chart">${tallyChart(id, chartTitle, trend, figure.levels.map((l) => ({ code: l.code, label: tx(l.label, locale) })), rows)}</div>
      <p class="trend" id="${id}-desc">${trend}</p>
      ${scrolling(title, table)}`;
  }

  private renderChange(figure: ChangeFigure, title: string, _labels: Labels, locale: Locale): TemplateResult {
    const cols = [msg('Questions répondues', { id: 'dashboard.answered' }), msg('Améliorées depuis la précédente', { id: 'dashboard.improved' }), msg('Détériorées depuis la précédente', { id: 'dashboard.worsened' })];
    const table = html`<table class="stack" part="table">
      <caption>${title}</caption>
      <thead>${this.tableHeader(locale, cols)}</thead>
      <tbody>
        ${figure.rows.map(
          (row) => html`<tr data-row=${row.record.index}>
            ${this.sessionCells(row.record, locale)}
            <td data-label=${cols[0]!}>${msg(str`${formatNumber(row.answered, locale)} sur ${formatNumber(row.total, locale)}`, { id: 'dashboard.of' })}</td>
            <td data-label=${cols[1]!}>${row.improved === undefined ? '—' : formatNumber(row.improved, locale)}</td>
            <td data-label=${cols[2]!}>${row.worsened === undefined ? '—' : formatNumber(row.worsened, locale)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
    return html`<p class="trend">${changeText(figure, title, _labels, locale)}</p>${scrolling(title, table)}`;
  }

  /** Whether the shown records cover several territories (then a column says which). */
  private get severalTerritories(): boolean {
    return territoriesOf(this.shown).length > 1;
  }

  private tableHeader(_locale: Locale, columns: readonly string[]): TemplateResult {
    return html`<tr>
      <th scope="col">${msg('Séance', { id: 'dashboard.session' })}</th>
      ${this.severalTerritories ? html`<th scope="col">${msg('Territoire', { id: 'dashboard.territory' })}</th>` : nothing}
      ${columns.map((c) => html`<th scope="col">${c}</th>`)}
    </tr>`;
  }

  private sessionCells(record: DashboardRecord, locale: Locale): TemplateResult {
    return html`<th scope="row">${record.date ? formatDate(record.date, locale) : msg('Sans date', { id: 'dashboard.no-date' })}</th>
      ${this.severalTerritories ? html`<td data-label=${msg('Territoire', { id: 'dashboard.territory' })}>${record.territory ?? '—'}</td>` : nothing}`;
  }

  /** The rows of the tables shown, as CSV text (what the download holds). */
  csv(): string {
    const instrument = this.shownInstrument;
    if (!instrument) return '';
    return this.localeCtl.run(() => {
      const locale = this.localeCtl.locale;
      const figures = buildFigures(instrument, this.shown);
      const several = this.severalTerritories;
      const session = (r: DashboardRecord): Cell[] => [r.date ?? '', ...(several ? [r.territory ?? ''] : [])];
      const head = [msg('Section', { id: 'dashboard.section' }), msg('Séance', { id: 'dashboard.session' }), ...(several ? [msg('Territoire', { id: 'dashboard.territory' })] : [])];
      const rows: Cell[][] = [];
      const tally = figures.filter((f): f is TallyFigure => f.kind === 'tally');
      if (tally.length) {
        const levels = tally[0]!.levels;
        rows.push([...head, ...(this.ruleCount() > 1 ? [msg('Décompte', { id: 'dashboard.rule' })] : []), ...levels.map((l) => tx(l.label, locale)), msg('Sans réponse', { id: 'dashboard.unanswered' }), msg('Statut', { id: 'dashboard.status' })]);
        for (const f of tally)
          for (const row of f.rows)
            rows.push([
              tx(f.title, locale),
              ...session(row.record),
              ...(this.ruleCount() > 1 ? [tx(f.rule.label, locale)] : []),
              ...f.levels.map((l) => row.counts[l.code] ?? 0),
              row.unanswered,
              row.status ? tx(f.rule.statuses?.find((s) => s.id === row.status)?.label, locale) || row.status : '',
            ]);
      } else {
        rows.push([...head, msg('Questions répondues', { id: 'dashboard.answered' }), msg('Questions posées', { id: 'dashboard.total' }), msg('Améliorées depuis la précédente', { id: 'dashboard.improved' }), msg('Détériorées depuis la précédente', { id: 'dashboard.worsened' })]);
        for (const f of figures as ChangeFigure[])
          for (const row of f.rows) rows.push([tx(f.title, locale), ...session(row.record), row.answered, row.total, row.improved, row.worsened]);
      }
      return toCsv(rows);
    });
  }

  /** Builds the CSV in the page and hands it to the browser as a download: no request. */
  private download(): void {
    const blob = new Blob(['\uFEFF', this.csv()], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${this.shownInstrument?.id ?? 'boussole'}${this.territory ? `-${this.territory.replace(/[^\p{L}\p{N}]+/gu, '-')}` : ''}.csv`;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  private onClick = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    if (button?.dataset.action === 'csv') this.download();
    else if (button?.dataset.action === 'dismiss') this.notices.clear(button.dataset.target!);
  };
}

function heading(level: number, id: string, text: string, cls: string): TemplateResult {
  switch (level) {
    case 1:
      return html`<h1 id=${id} class=${cls} part=${cls === 'title' ? 'title' : nothing}>${text}</h1>`;
    case 2:
      return html`<h2 id=${id} class=${cls} part=${cls === 'title' ? 'title' : nothing}>${text}</h2>`;
    case 3:
      return html`<h3 id=${id} class=${cls} part=${cls === 'title' ? 'title' : nothing}>${text}</h3>`;
    case 4:
      return html`<h4 id=${id} class=${cls} part=${cls === 'title' ? 'title' : nothing}>${text}</h4>`;
    case 5:
      return html`<h5 id=${id} class=${cls} part=${cls === 'title' ? 'title' : nothing}>${text}</h5>`;
    default:
      return html`<h6 id=${id} class=${cls} part=${cls === 'title' ? 'title' : nothing}>${text}</h6>`;
  }
}

/**
 * How each session is named in charts and sentences: its year when the years differ, else its date;
 * with its territory when several are shown.
 */
function sessionLabels(records: readonly DashboardRecord[], locale: Locale, withTerritory: boolean): Labels {
  const years = records.map((r) => r.date?.slice(0, 4));
  const byYear = new Set(years).size === years.length && years.every(Boolean);
  const texts = new Map(
    records.map((r) => {
      const when = r.date ? (byYear ? r.date.slice(0, 4) : formatDate(r.date, locale)) : msg('sans date', { id: 'dashboard.no-date-lower' });
      return [r, withTerritory && r.territory ? `${when} (${r.territory})` : when];
    }),
  );
  return { byYear, text: (r) => texts.get(r)! };
}

/** How sessions are named: by year ("en 2024") or by date ("le 10 avril 2024"). */
interface Labels {
  byYear: boolean;
  text: (record: DashboardRecord) => string;
}

/** "en 2024" or "le 10 avril 2024". */
const at = (labels: Labels, record: DashboardRecord): string =>
  labels.byYear ? msg(str`en ${labels.text(record)}`, { id: 'dashboard.in-year' }) : msg(str`le ${labels.text(record)}`, { id: 'dashboard.on-date' });

/** "Composante écosystémique : « Implanté » pour 1 énoncé sur 4 en 2024, 3 sur 4 en 2026." */
function trendText(figure: TallyFigure, title: string, labels: Labels, locale: Locale): string {
  const level = figure.trendLevel;
  if (!level) return title;
  const parts = figure.rows.map((row) =>
    msg(str`${formatNumber(row.counts[level.code] ?? 0, locale)} sur ${formatNumber(row.items, locale)} ${at(labels, row.record)}`, { id: 'dashboard.trend-part' }),
  );
  const list = new Intl.ListFormat(locale === 'en' ? 'en-CA' : 'fr-CA', { type: 'conjunction' }).format(parts);
  return msg(str`${title} : « ${tx(level.label, locale)} » pour ${list}.`, { id: 'dashboard.trend' });
}

/** "Santé : 12 questions répondues en 2024, 15 en 2026; 3 améliorées et 1 détériorée depuis la précédente." */
function changeText(figure: ChangeFigure, title: string, labels: Labels, locale: Locale): string {
  const answered = new Intl.ListFormat(locale === 'en' ? 'en-CA' : 'fr-CA', { type: 'conjunction' }).format(
    figure.rows.map((row) => `${formatNumber(row.answered, locale)} ${at(labels, row.record)}`),
  );
  const last = figure.rows.at(-1)!;
  const moved =
    last.improved === undefined
      ? ''
      : msg(str` Depuis le résultat précédent : améliorées ${formatNumber(last.improved, locale)}, détériorées ${formatNumber(last.worsened ?? 0, locale)}.`, { id: 'dashboard.change-last' });
  return msg(str`${title} : questions répondues, ${answered}.`, { id: 'dashboard.change' }) + moved;
}
