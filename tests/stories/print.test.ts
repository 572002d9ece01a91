// Print, for real: a filled PIN grid and a filled CÉS band, as forms and as syntheses, printed to PDF
// by Chromium on A4 and Letter; the PDF's text (read back with pdf.js) holds every section title,
// every statement and every answer, and the title and the meeting date are on the first page.
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
            await p.emulateMedia({ media: 'print' });
            const pages = await pdfText(await p.pdf({ format, printBackground: false }));
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
