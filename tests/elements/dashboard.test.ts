// <boussole-dashboard>: a territory's or a child's results over the years, as a person reads them (the
// tables, the charts' labels, the trend sentences, the CSV they download) and as a host feeds them
// (results in any order, bad ones among them). Every figure is checked against the engine's own.
import { expect, fixture } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define.js';
import ces from '../../schemas/instruments/ces.json' with { type: 'json' };
import needs from '../../schemas/instruments/needs-grid.json' with { type: 'json' };
import pinJson from '../../schemas/instruments/pin-grid.json' with { type: 'json' };
import { compareResults } from '../../src/analysis/index.js';
import type { BoussoleDashboard } from '../../src/elements/dashboard/boussole-dashboard.js';
import { SERIES_STYLES } from '../../src/elements/dashboard/chart.js';
import type { BoussoleErrorEvent } from '../../src/elements/events.js';
import { createEngine } from '../../src/engine/index.js';
import type { Instrument, Result } from '../../src/schema/index.js';
import { fillAll } from '../support/fill.js';
import { allByRole, byRole, click, descriptionOf, errorBoxes, expectAccessible, nameOf, pick, queryByRole, textOf } from './helpers.js';

const pin = pinJson as unknown as Instrument;
const LEVELS = ['implemented', 'partial', 'not-implemented', 'unknown'];

/**
 * A PIN session: in theme t (0-based), `implemented[t]` statements implemented, then one partial,
 * one "don't know", the rest unanswered.
 */
function pinSession(date: string, territory: string, implemented: readonly number[]): Result {
  const engine = createEngine(pin);
  engine.setSession({ date, territory });
  pin.sections.forEach((theme, t) => {
    const codes = [...Array(implemented[t] ?? 0).fill('implemented'), 'partial', 'unknown'];
    theme.items!.forEach((item, i) => {
      if (codes[i]) engine.setAnswer(item.id, codes[i]);
    });
  });
  return engine.toResult();
}

const tallyOf = (result: Result) => {
  const engine = createEngine(pin);
  engine.load(result);
  return engine.summaries().tallies.implementation!.sections;
};

const Y2024 = pinSession('2024-04-10', 'RLS Nord', [0, 1, 2, 0, 1, 2]);
const Y2025 = pinSession('2025-04-09', 'RLS Nord', [1, 2, 2, 1, 1, 2]);
const Y2026 = pinSession('2026-04-15', 'RLS Nord', [2, 3, 2, 2, 1, 1]);

async function make(results: unknown, attrs = 'lang="fr"', instrument?: unknown): Promise<BoussoleDashboard> {
  const el = await fixture<BoussoleDashboard>(`<boussole-dashboard ${attrs}></boussole-dashboard>`);
  if (instrument !== undefined) el.instrument = instrument;
  el.results = results;
  await el.updateComplete;
  return el;
}

/** The figure (section) titled `title`. */
const figure = (el: Element, title: string) => byRole(el, 'region', { name: title });
const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim());
const bodyRows = (table: Element) => [...table.querySelectorAll('tbody tr')];

/** What a person gets when clicking "Download": the CSV's text, from the Blob the page built. */
async function downloadCsv(el: BoussoleDashboard, name: RegExp): Promise<{ text: string; file: string }> {
  const blobs: Blob[] = [];
  const files: string[] = [];
  const create = URL.createObjectURL;
  const clickLink = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (blob: Blob | MediaSource) => (blobs.push(blob as Blob), 'blob:captured');
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    files.push(this.download);
  };
  try {
    await click(byRole(el, 'button', { name }));
  } finally {
    URL.createObjectURL = create;
    HTMLAnchorElement.prototype.click = clickLink;
  }
  expect(blobs.length).to.equal(1);
  return { text: (await blobs[0]!.text()).replace(/^\uFEFF/, ''), file: files[0]! };
}

/** RFC 4180 fields of a CSV line (quoted fields may hold commas and doubled quotes). */
const csvFields = (line: string) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

describe('<boussole-dashboard>', () => {
  it('three PIN sessions given out of order: per theme, a table in date order whose figures are the engine’s tallies, axe clean', async () => {
    const el = await make([Y2026, Y2024, Y2025]);
    expect(nameOf(byRole(el, 'heading', { level: 2 }))).to.equal(pin.title.fr);
    for (const theme of pin.sections) {
      const table = byRole(figure(el, theme.title.fr), 'table', { name: theme.title.fr });
      expect([...table.querySelectorAll('thead th')].map(nameOf)).to.deep.equal(['Séance', 'Implanté', 'Partiellement implanté', 'Non implanté', 'Ne sais pas', 'Sans réponse', 'Statut']);
      const rows = bodyRows(table);
      expect(rows.map((r) => cells(r)[0])).to.deep.equal(['10 avril 2024', '9 avril 2025', '15 avril 2026']);
      [Y2024, Y2025, Y2026].forEach((result, i) => {
        const tally = tallyOf(result)[theme.id]!;
        const label = pin.summary!.tallies![0]!.statuses!.find((s) => s.id === tally.status)!.label.fr;
        expect(cells(rows[i]!).slice(1), `${theme.id} ${i}`).to.deep.equal([...LEVELS.map((l) => String(tally.counts[l])), String(tally.unanswered), label]);
      });
    }
    await expectAccessible(el);
  });

  it('each chart is an image named by its title, its marks match the table, and its description states the trend', async () => {
    const el = await make([Y2025, Y2026, Y2024]);
    for (const theme of pin.sections) {
      const box = figure(el, theme.title.fr);
      const chart = byRole(box, 'img');
      expect(nameOf(chart)).to.equal(`${theme.title.fr} : Implantation par thème, par séance`);
      expect(chart.querySelector('title')?.textContent).to.equal(nameOf(chart));
      const rows = bodyRows(byRole(box, 'table'));
      rows.forEach((row, r) => {
        const key = row.getAttribute('data-row');
        LEVELS.forEach((level, l) => {
          const shown = cells(row)[1 + l];
          const mark = chart.querySelector(`.mark[data-row="${key}"][data-level="${level}"]`);
          // A level with no statement has no mark; the others carry their count as a label.
          expect(mark ? mark.querySelector('text')?.textContent : '0', `${theme.id} ${r} ${level}`).to.equal(shown);
        });
        const status = chart.querySelectorAll('.bar')[r]!.querySelector('.status')!.textContent;
        expect(status).to.equal(cells(row).at(-1));
      });
    }
    const second = byRole(figure(el, pin.sections[1]!.title.fr), 'img');
    expect(descriptionOf(second)).to.equal('Composante participative : « Implanté » pour 1 sur 4 en 2024, 2 sur 4 en 2025 et 3 sur 4 en 2026.');
    expect(textOf(figure(el, pin.sections[1]!.title.fr))).to.contain(descriptionOf(second));
    expect(second.querySelector('desc')?.textContent).to.equal(descriptionOf(second));
    // Never colour alone: each level has a legend entry in the chart, with its label.
    expect([...second.querySelectorAll('.legend-entry text')].map((t) => t.textContent)).to.deep.equal(['Implanté', 'Partiellement implanté', 'Non implanté', 'Ne sais pas']);
    await expectAccessible(el);
  });

  it('neighbouring series differ by 3:1 or more, and each level past the first has a pattern', async () => {
    const el = await make([Y2024, Y2025]);
    const chart = byRole(figure(el, pin.sections[0]!.title.fr), 'img');
    const fills = [...chart.querySelectorAll('.legend-entry rect')].map((r) => r.getAttribute('fill')!);
    const colours = fills.map((f, i) => (f.startsWith('url(') ? chart.querySelector(`${f.slice(4, -1)} rect`)!.getAttribute('fill')! : f) ?? SERIES_STYLES[i]!.fill);
    for (let i = 1; i < colours.length; i++) expect(contrast(colours[i - 1]!, colours[i]!), `${colours[i - 1]} / ${colours[i]}`).to.be.at.least(3);
    expect(fills.slice(1).every((f) => f.startsWith('url(#'))).to.equal(true);
    expect(new Set(fills).size).to.equal(fills.length);
  });

  it('in English: headings, tables, trend and dates in English, axe clean', async () => {
    const el = await make([Y2024, Y2026], 'lang="en"');
    expect(nameOf(byRole(el, 'heading', { level: 2 }))).to.equal(pin.title.en);
    const box = figure(el, pin.sections[1]!.title.en);
    expect([...byRole(box, 'table').querySelectorAll('thead th')].map(nameOf)).to.deep.equal(['Session', 'Implemented', 'Partly implemented', 'Not implemented', "Don't know", 'Not answered', 'Status']);
    expect(descriptionOf(byRole(box, 'img'))).to.equal('Participative component: “Implemented” for 1 of 4 in 2024 and 3 of 4 in 2026.');
    expect(textOf(el)).to.contain('April 10, 2024');
    expect(byRole(el, 'button', { name: 'Download the table (CSV)' })).to.exist;
    await expectAccessible(el);
  });

  it('two territories: a labelled filter; all shown with a territory column, then one territory', async () => {
    const sud2024 = pinSession('2024-05-02', 'RLS Sud', [4, 0, 0, 0, 0, 0]);
    const sud2026 = pinSession('2026-05-06', 'RLS Sud', [3, 1, 0, 0, 0, 0]);
    const el = await make([Y2024, sud2026, Y2026, sud2024]);
    const theme = pin.sections[0]!.title.fr;
    let rows = bodyRows(byRole(figure(el, theme), 'table'));
    expect(rows.map((r) => cells(r).slice(0, 3))).to.deep.equal([
      ['10 avril 2024', 'RLS Nord', String(tallyOf(Y2024)['pin.ecosystemic']!.counts.implemented)],
      ['2 mai 2024', 'RLS Sud', '4'],
      ['15 avril 2026', 'RLS Nord', '2'],
      ['6 mai 2026', 'RLS Sud', '3'],
    ]);
    expect(descriptionOf(byRole(figure(el, theme), 'img'))).to.contain('0 sur 4 le 10 avril 2024 (RLS Nord)');
    const filter = byRole<HTMLSelectElement>(el, 'combobox', { name: 'Territoire' });
    expect([...filter.options].map((o) => o.textContent)).to.deep.equal(['Tous les territoires', 'RLS Nord', 'RLS Sud']);
    pick(filter, 'RLS Sud');
    await el.updateComplete;
    rows = bodyRows(byRole(figure(el, theme), 'table'));
    expect(rows.map(cells)).to.deep.equal([
      ['2 mai 2024', '4', '0', '0', '0', '0', 'Implanté'],
      ['6 mai 2026', '3', '1', '0', '0', '0', 'Implanté'],
    ]);
    expect(descriptionOf(byRole(figure(el, theme), 'img'))).to.equal('Composante écosystémique : « Implanté » pour 4 sur 4 en 2024 et 3 sur 4 en 2026.');
    await expectAccessible(el);
  });

  it('printed: no filter nor button, every chart and table, each section kept on one page', async () => {
    const el = await make([Y2024, pinSession('2025-05-02', 'RLS Sud', [1, 1, 1, 1, 1, 1])]);
    const filter = byRole(el, 'combobox', { name: 'Territoire' });
    const download = byRole(el, 'button', { name: /CSV/ });
    try {
      await emulateMedia({ media: 'print' });
      const shown = (node: Element | null) => !!node && node.getClientRects().length > 0;
      expect(shown(filter)).to.equal(false);
      expect(shown(download)).to.equal(false);
      for (const theme of pin.sections) {
        const box = figure(el, theme.title.fr);
        expect(shown(byRole(box, 'img')) && shown(byRole(box, 'table')), theme.id).to.equal(true);
        expect(getComputedStyle(box).breakInside).to.equal('avoid');
      }
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('one territory only: no filter', async () => {
    const el = await make([Y2024, Y2025]);
    expect(queryByRole(el, 'combobox')).to.equal(null);
  });

  it('the CSV download is built in the page: the shown table’s figures, RFC 4180 quoting, formula-safe cells', async () => {
    const hostile = pinSession('2025-06-01', '=HYPERLINK("http://x","clic")', [1, 1, 1, 1, 1, 1]);
    const el = await make([Y2024, hostile, Y2026]);
    const { text, file } = await downloadCsv(el, /^Télécharger le tableau \(CSV\)$/);
    expect(file).to.equal('pin-grid.csv');
    const lines = text.split('\r\n');
    expect(lines.at(-1)).to.equal('');
    const [head, ...rows] = lines.slice(0, -1).map(csvFields);
    expect(head).to.deep.equal(['Section', 'Séance', 'Territoire', 'Implanté', 'Partiellement implanté', 'Non implanté', 'Ne sais pas', 'Sans réponse', 'Statut']);
    expect(rows.length).to.equal(pin.sections.length * 3);
    // The same figures as the tables shown.
    for (const theme of pin.sections) {
      const shown = bodyRows(byRole(figure(el, theme.title.fr), 'table')).map((r) => cells(r).slice(2));
      const inCsv = rows.filter((r) => r[0] === theme.title.fr).map((r) => r.slice(3));
      expect(inCsv, theme.id).to.deep.equal(shown);
    }
    // A cell a spreadsheet would run as a formula is neutralised; the quote inside is doubled.
    expect(rows[1]![2]).to.equal('\'=HYPERLINK("http://x","clic")');
    expect(lines[2]).to.contain('"\'=HYPERLINK(""http://x"",""clic"")"');
    for (const row of rows) for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell), cell).to.equal(false);
  });

  it('the CSV follows the filter', async () => {
    const sud = pinSession('2025-05-02', 'RLS Sud', [4, 4, 4, 4, 4, 4]);
    const el = await make([Y2024, sud]);
    pick(byRole<HTMLSelectElement>(el, 'combobox', { name: 'Territoire' }), 'RLS Sud');
    await el.updateComplete;
    const { text, file } = await downloadCsv(el, /CSV/);
    expect(file).to.equal('pin-grid-RLS-Sud.csv');
    const rows = text.trim().split('\r\n').slice(1).map(csvFields);
    expect(rows.map((r) => r[1])).to.deep.equal(pin.sections.map(() => '2025-05-02'));
    expect(rows.every((r) => r[2] === '4')).to.equal(true);
  });

  it('bad results lose nothing: each listed with its position and a boussole-error, the others shown', async () => {
    const errors: BoussoleErrorEvent['detail'][] = [];
    const el = await fixture<BoussoleDashboard>('<boussole-dashboard lang="fr"></boussole-dashboard>');
    el.addEventListener('boussole-error', (e) => errors.push((e as BoussoleErrorEvent).detail));
    const needsEngine = createEngine(needs as unknown as Instrument, { ageBand: 'y6-11' });
    fillAll(needsEngine);
    const otherMajor = { ...Y2025, instrument: { id: 'pin-grid', version: '9.0.0' } };
    el.results = [Y2024, needsEngine.toResult(), otherMajor, '{ pas du JSON', Y2026];
    await el.updateComplete;
    expect(errors.map((e) => [e.code, e.params?.index])).to.deep.equal([
      ['instrument-mismatch', 1],
      ['version-mismatch', 2],
      ['unreadable-value', 3],
    ]);
    const boxes = errorBoxes(el);
    expect(boxes.length).to.equal(3);
    expect(textOf(boxes[0]!)).to.match(/^Résultat n° 2 : Ces réponses appartiennent à un autre questionnaire/);
    expect(textOf(boxes[1]!)).to.contain('Résultat n° 3 : Ces réponses viennent de la version 9.0.0');
    expect(textOf(boxes[2]!)).to.contain('Résultat n° 4 : Les réponses fournies n’ont pas pu être lues');
    boxes.forEach((box, i) => expect(textOf(box)).to.contain(errors[i]!.message));
    const rows = bodyRows(byRole(figure(el, pin.sections[0]!.title.fr), 'table'));
    expect(rows.map((r) => cells(r)[0])).to.deep.equal(['10 avril 2024', '15 avril 2026']);
    await expectAccessible(el);
    // In English too, and a message closed goes away.
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(textOf(errorBoxes(el)[0]!)).to.match(/^Result 2: /);
    await click(byRole(errorBoxes(el)[0]!, 'button'));
    await el.updateComplete;
    expect(errorBoxes(el).length).to.equal(2);
  });

  it('a CÉS followed over three years: per sphere, answered counts and what improved or worsened, from the comparison', async () => {
    const cesI = ces as unknown as Instrument;
    const years = [
      ['2024-09-01', 0.5, 0],
      ['2025-09-02', 0.8, 1],
      ['2026-09-03', 1, 2],
    ] as const;
    const results = years.map(([date, share, shift]) => {
      const engine = createEngine(cesI, { ageBand: 'y10-14' });
      fillAll(engine, { share, varied: true, shift, session: { date, subjectId: 'ENF-0042' } });
      return engine.toResult();
    });
    const el = await make([results[2], results[0], results[1]], 'lang="fr"');
    const pairs = [compareResults(cesI, [results[0], results[1]]), compareResults(cesI, [results[1], results[2]])];
    let moved = 0;
    for (const sphere of cesI.sections) {
      const rows = bodyRows(byRole(figure(el, sphere.title.fr), 'table'));
      expect(rows.map((r) => cells(r)[0])).to.deep.equal(['1 septembre 2024', '2 septembre 2025', '3 septembre 2026']);
      results.forEach((result, i) => {
        const engine = createEngine(cesI);
        engine.load(result);
        const p = engine.summaries().progress.sections[sphere.id]!;
        const counts = i ? pairs[i - 1]!.sections.find((s) => s.sectionId === sphere.id)!.counts : undefined;
        expect(cells(rows[i]!).slice(1), `${sphere.id} ${i}`).to.deep.equal([`${p.answered} sur ${p.total}`, counts ? String(counts.improved) : '—', counts ? String(counts.worsened) : '—']);
        moved += counts ? counts.improved + counts.worsened : 0;
      });
    }
    expect(moved, 'the fixture has answers that moved').to.be.greaterThan(0);
    expect(allByRole(el, 'img')).to.deep.equal([]);
    await expectAccessible(el);
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect([...byRole(figure(el, cesI.sections[0]!.title.en), 'table').querySelectorAll('thead th')].map(nameOf)).to.deep.equal(['Session', 'Questions answered', 'Improved since the previous one', 'Worsened since the previous one']);
    await expectAccessible(el);
  });

  it('reads its results from child scripts, for plain pages; the instrument found by the id the results name', async () => {
    const host = await fixture<HTMLElement>(
      `<div><boussole-dashboard lang="fr" heading-level="3">
        <script type="application/json" data-boussole="results">${JSON.stringify([Y2026, Y2024])}</script>
        <script type="application/json" data-boussole="results">${JSON.stringify(Y2025)}</script>
      </boussole-dashboard></div>`,
    );
    const el = host.querySelector<BoussoleDashboard>('boussole-dashboard')!;
    await el.updateComplete;
    expect(nameOf(byRole(el, 'heading', { level: 3 }))).to.equal(pin.title.fr);
    expect(allByRole(el, 'heading', { level: 2 })).to.deep.equal([]);
    expect(bodyRows(byRole(figure(el, pin.sections[0]!.title.fr), 'table')).length).to.equal(3);
    await expectAccessible(el);
  });

  it('`instrument` as a bundled id or as JSON text', async () => {
    const byId = await make([Y2024, Y2025], 'lang="fr"', 'pin-grid');
    expect(allByRole(byId, 'table').length).to.equal(pin.sections.length);
    const byText = await make(JSON.stringify([Y2024, Y2025]), 'lang="fr"', JSON.stringify(pin));
    expect(allByRole(byText, 'table').length).to.equal(pin.sections.length);
    const errors: string[] = [];
    const el = await fixture<BoussoleDashboard>('<boussole-dashboard lang="fr"></boussole-dashboard>');
    el.addEventListener('boussole-error', (e) => errors.push((e as BoussoleErrorEvent).detail.code));
    el.instrument = 'inconnu';
    el.results = [Y2024];
    await el.updateComplete;
    expect(errors).to.deep.equal(['unknown-instrument']);
    expect(textOf(el)).to.contain('Aucun résultat à afficher.');
  });

  it('the fundamental-needs grid: both tallies (needs, meta-need of safety), with the engine’s figures', async () => {
    const needsI = needs as unknown as Instrument;
    const results = ['2025-01-10', '2026-01-12'].map((date, i) => {
      const engine = createEngine(needsI, { ageBand: 'y6-11' });
      fillAll(engine, { varied: true, shift: i, session: { date } });
      return engine.toResult();
    });
    const el = await make(results);
    const safety = results.map((r) => {
      const engine = createEngine(needsI);
      engine.load(r);
      return engine.summaries().tallies.safety!.sections['needs.safety']!;
    });
    const table = byRole(figure(el, 'Méta-besoin de sécurité — Méta-besoin de sécurité'), 'table');
    expect(bodyRows(table).map((r) => cells(r).at(-1))).to.deep.equal(
      safety.map((s) => needsI.summary!.tallies![1]!.statuses!.find((x) => x.id === s.status)!.label.fr),
    );
    await expectAccessible(el);
  });
});
