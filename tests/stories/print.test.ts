// Print, for real: a filled PIN grid, a filled CÉS band and a filled needs grid, as forms and as syntheses, printed to PDF
// by Chromium on A4 and Letter; the PDF's text (read back with pdf.js) holds every section title,
// every statement and every answer, and the title and the meeting date are on the first page.
// No page ends with a heading, a caption or a table header; no page is empty; the comment has its label.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createEngine } from '../../src/engine/index.js';
import type { AnswerValue, Instrument, Item, Result } from '../../src/schema/index.js';
import { fillAll } from '../support/fill.js';
import { hostPages, repo, type HostPages, type Served } from './browser.js';

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'";
const read = (name: string) => JSON.parse(readFileSync(join(repo, `schemas/instruments/${name}.json`), 'utf8')) as Instrument;
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every page's text of a PDF, as pdf.js reads it. */
async function pdfText(data: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(normalise(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : '')).join('')));
  }
  await pdf.destroy();
  return pages;
}

/**
 * Every page's lines, top to bottom, as they are laid out: pdf.js's text runs grouped by their
 * baseline (a run within 2 pt of a line's baseline belongs to it), each line's runs left to right.
 */
async function pdfLines(data: Buffer): Promise<string[][]> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[][] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    const lines: { y: number; runs: { x: number; text: string }[] }[] = [];
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const [x, y] = [item.transform[4] as number, item.transform[5] as number];
      let line = lines.find((l) => Math.abs(l.y - y) <= 2);
      if (!line) lines.push((line = { y, runs: [] }));
      line.runs.push({ x, text: item.str });
    }
    // PDF coordinates grow upwards: the top line has the largest y.
    lines.sort((a, b) => b.y - a.y);
    pages.push(lines.map((l) => normalise(l.runs.sort((a, b) => a.x - b.x).map((r) => r.text).join(' '))));
  }
  await pdf.destroy();
  return pages;
}

/** A filled result whose text answers are each their own, so each can be found in the print. */
function filled(instrument: Instrument, ageBand?: string): Result {
  const engine = createEngine(instrument, { ageBand });
  fillAll(engine, { varied: true, session: { date: '2026-03-12', territory: 'RLS de Limoilou', subjectId: 'ENF-2026-0042' }, participants: [{ organisation: 'Maison de la famille', role: instrument.session?.participants?.roles?.[0]?.id ?? 'Coordonnatrice', name: 'Lou' }] });
  let n = 0;
  for (const item of engine.model.items)
    if (engine.isVisible(item.id) && (item.type === 'short-text' || item.type === 'long-text')) {
      if (item.perspectives) for (const p of item.perspectives) engine.setAnswer(item.id, `Texte ${++n} noté`, { perspective: p });
      else engine.setAnswer(item.id, `Texte ${++n} noté`);
    }
  const section = engine.model.sections.find((s) => s.actionPlan)!;
  const o = engine.addObjective(section.id, 'Objectif à imprimer');
  engine.addAction(section.id, o, { what: 'Action à imprimer', who: 'Équipe', status: 'in-progress' });
  engine.setComment(engine.model.items.find((i) => i.comment && engine.isVisible(i.id))?.id ?? engine.model.items[0]!.id, 'Commentaire à imprimer');
  return engine.toResult();
}

const page = (tag: string, value: Result, attributes = '') => `<!doctype html>
<html lang="fr-CA"><head><meta charset="utf-8"><title>Impression</title>
<link rel="stylesheet" href="print.css"><script type="module" src="boussole.bundle.js"></script></head>
<body><${tag} ${attributes}><script type="application/json" data-boussole="value">${JSON.stringify(value)}</script></${tag}></body></html>`;

/** What the print must show: section titles, every visible question, every answer in words. */
function expected(instrument: Instrument, value: Result, ageBand?: string): { titles: string[]; questions: string[]; answers: string[] } {
  const engine = createEngine(instrument, { ageBand });
  engine.load(value);
  const titles = engine.model.sections.filter((s) => engine.isVisible(s.id)).map((s) => s.title.fr);
  const visible = engine.model.items.filter((i) => engine.isVisible(i.id));
  const words = (item: Item, v: AnswerValue | undefined): string[] => {
    if (v === undefined) return [];
    if (typeof v === 'number') return [String(v).replace('.', ',')];
    const codes = Array.isArray(v) ? v : [v];
    if (item.type === 'yes-no') return codes.map((c) => ({ yes: 'Oui', no: 'Non', unknown: 'Ne sais pas' })[c] ?? c);
    if (item.type === 'single-choice' || item.type === 'multiple-choice') return codes.map((c) => engine.model.option.get(item.scale)!.get(c)!.label.fr);
    if (item.type === 'date') return [];
    return codes;
  };
  const answers = visible.flatMap((item) => {
    const a = engine.answer(item.id);
    return item.perspectives ? item.perspectives.flatMap((p) => words(item, a?.perspectives?.[p]?.value)) : words(item, a?.value);
  });
  return { titles, questions: visible.map((i) => i.label.fr), answers: [...new Set([...answers, 'Action à imprimer', 'Objectif à imprimer', 'Commentaire à imprimer'])] };
}

describe('printed to PDF, every section, statement and answer is there', () => {
  let host: HostPages;
  let server: Served;
  let browser: Browser;
  const CASES: { name: string; file?: string; tag: string; ageBand: string | undefined; attributes: string }[] = [
    { name: 'pin-grid', tag: 'boussole-pin-grid', ageBand: undefined, attributes: '' },
    { name: 'ces', tag: 'boussole-ces', ageBand: 'y10-14', attributes: 'age-band="y10-14"' },
    { name: 'needs-grid', tag: 'boussole-needs-grid', ageBand: 'y6-11', attributes: 'age-band="y6-11"' },
    // One theme at a time on screen; every theme on paper.
    { name: 'pin-grid', file: 'pin-grid-sections', tag: 'boussole-pin-grid', ageBand: undefined, attributes: 'layout="sections"' },
  ];
  const values = new Map<string, Result>();

  before(async () => {
    const files: Record<string, string> = { 'print.css': 'body { font-family: sans-serif; margin: 0; } @page { margin: 12mm; }\n' };
    for (const c of CASES) {
      const instrument = read(c.name);
      const value = filled(instrument, c.ageBand);
      values.set(c.file ?? c.name, value);
      files[`${c.file ?? c.name}.html`] = page(c.tag, value, c.attributes);
      files[`${c.file ?? c.name}-summary.html`] = page('boussole-summary', value);
    }
    host = await hostPages('print', CSP, files);
    ({ server, browser } = host);
  });
  after(() => host?.close());

  for (const c of CASES)
    for (const kind of ['form', 'summary'] as const)
      for (const format of ['A4', 'Letter'] as const)
        it(`${c.file ?? c.name}, the ${kind}, on ${format}`, async () => {
          const p = await browser.newPage();
          try {
            const file = c.file ?? c.name;
            await p.goto(`${server.origin}/${kind === 'form' ? file : `${file}-summary`}.html`);
            const tag = kind === 'form' ? c.tag : 'boussole-summary';
            await p.waitForFunction((tag) => (document.querySelector(tag)?.shadowRoot?.textContent?.length ?? 0) > 500, tag);
            // A worker prints while typing: the focused field's ring and caret stay off the paper.
            if (kind === 'form') await p.locator(`${tag} textarea`).first().focus();
            await p.emulateMedia({ media: 'print' });
            if (kind === 'form')
              assert.deepEqual(
                await p.evaluate((tag) => {
                  const focused = document.querySelector(tag)!.shadowRoot!.activeElement!;
                  const style = getComputedStyle(focused);
                  return { tag: focused.localName, outline: style.outlineStyle, caret: style.caretColor };
                }, tag),
                { tag: 'textarea', outline: 'none', caret: 'rgba(0, 0, 0, 0)' },
                'no focus ring nor caret on paper',
              );
            const pdf = await p.pdf({ format, printBackground: false });
            const pages = await pdfText(pdf);
            const lines = await pdfLines(pdf);
            // What titles what follows it, as printed: headings, the action plans' titles, table captions
            // and header rows (with and without their screen-reader-only words).
            const headings = await p.evaluate((tag) => {
              const root = document.querySelector(tag)!.shadowRoot!;
              const text = (el: Node) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
              return [...root.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6, legend.group-title, caption, thead tr')]
                .filter((el) => el.getClientRects().length > 0)
                .flatMap((el) => {
                  const seen = el.cloneNode(true) as HTMLElement;
                  for (const hidden of seen.querySelectorAll('.sr-only')) hidden.remove();
                  return [text(el), text(seen)];
                })
                .filter(Boolean);
            }, tag);
            assert.ok(headings.length > 5, 'headings found in the printed element');
            // A line is a heading's when it is the heading, or the first or last line of a heading that wraps.
            const isHeading = (line: string) =>
              headings.some((h) => h === line || (line.includes(' ') && line.length >= 12 && (h.startsWith(line) || h.endsWith(line))));
            const lastLines = lines.map((page) => page.at(-1) ?? '');
            assert.notEqual(lastLines.at(-1), '', `no empty last page (${lines.length} pages)`);
            assert.deepEqual(
              lastLines.flatMap((line, i) => (isHeading(line) ? [`page ${i + 1} ends with "${line}"`] : [])),
              [],
              'no page ends with a heading, a caption or a table header',
            );
            if (kind === 'form') {
              // The comment's disclosure does not print: its label says what the printed text is.
              const commented = Object.entries(values.get(file)!.answers).find(([, a]) => a.comment)![0];
              const label = normalise(createEngine(read(c.name), { ageBand: c.ageBand }).model.item.get(commented)!.label.fr);
              assert.ok(lines.flat().join(' ').includes(`Commentaire — ${label} Commentaire à imprimer`), 'the printed comment has its label');
            }
            const all = pages.join(' ');
            const instrument = read(c.name);
            const want = expected(instrument, values.get(file)!, c.ageBand);
            const missing = (list: string[]) => list.filter((t) => !all.includes(normalise(t)));
            assert.deepEqual(missing(want.titles), [], 'every section title');
            assert.deepEqual(missing(want.questions), [], 'every statement');
            assert.deepEqual(missing(want.answers), [], 'every answer');
            assert.ok(pages[0]!.includes(normalise(instrument.title.fr)), 'the title on the first page');
            assert.ok(pages[0]!.includes('12 mars 2026'), 'the meeting date on the first page');
            assert.doesNotMatch(all, /Soumettre|Ajouter un objectif|Section suivante/, 'no button prints');
            assert.doesNotMatch(all, /mm\/dd\/yyyy|jj\/mm\/aaaa/i, 'no empty date mask');
          } finally {
            await p.close();
          }
        });
});
