// Every flow of every element, in a host page served with a strict Content-Security-Policy, from the
// self-contained bundle (dist/boussole.bundle.js, built before this file runs): defined, filled by a
// person, switched to English, saved as a draft, restored after the page is closed, printed and
// submitted — with no CSP violation, no error and no request beyond the page's own files. Then the
// drafts' crash tests: a page closed mid-way, the host's async store, the host's key and a wrong one,
// and a browser killed while a person types (how much is lost is measured and written to
// .test-results/draft-loss.json; the README states it).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { CHROME_ARGS, findChrome } from '../../scripts/lib/chrome.mjs';
import { createEngine } from '../../src/engine/index.js';
import type { Instrument } from '../../src/schema/index.js';
import { demoInstrument } from '../../stories/demo-instrument.js';
import { fillAll } from '../support/fill.js';
import { freePort, hostPages, repo, watch, type HostPages, type PageProblems, type Served } from './browser.js';

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'none'; form-action 'self'";
const instrument = (name: string) => JSON.parse(readFileSync(join(repo, `schemas/instruments/${name}.json`), 'utf8')) as Instrument;

/** The host's script: configures the element from the page's query, records events and CSP reports. */
const HOST_JS = `
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '')));
window.__events = [];
for (const type of ['boussole-change', 'boussole-submit', 'boussole-invalid', 'boussole-error', 'boussole-draft'])
  document.addEventListener(type, (e) => window.__events.push({ type, detail: type === 'boussole-submit' ? { status: e.detail.status } : e.detail }));
const q = new URLSearchParams(location.search);
const el = document.querySelector('[data-host]');
// The host's own asynchronous store: its server in real life, here its part of localStorage, slowly.
const later = (v) => new Promise((r) => setTimeout(() => r(v), 20));
const hostStore = {
  get: (k) => later(localStorage.getItem('host:' + k)),
  set: (k, v) => later(localStorage.setItem('host:' + k, v)),
  remove: (k) => later(localStorage.removeItem('host:' + k)),
  keys: (p) => later(Object.keys(localStorage).filter((k) => k.startsWith('host:' + p)).map((k) => k.slice(5))),
};
async function setUp() {
  if (q.get('store') === 'host') el.draftStore = hostStore;
  if (q.get('key')) el.draftEncryptionKey = await crypto.subtle.importKey('raw', new Uint8Array(32).fill(Number(q.get('key'))), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  el.setAttribute('draft-id', q.get('id') || 'ENF-1');
  if (q.get('store') !== 'host') el.setAttribute('drafts', 'local');
  document.getElementById('place').append(el);
  window.__ready = true;
}
setUp();
`;

const page = (tag: string, prefill: unknown, attributes = '', instrumentScript?: unknown) => `<!doctype html>
<html lang="fr-CA">
<head>
  <meta charset="utf-8">
  <title>Boussole, every flow under a strict CSP</title>
  <link rel="stylesheet" href="host.css">
  <script type="module" src="boussole.bundle.js"></script>
  <script type="module" src="host.js"></script>
</head>
<body>
  <main><h1>Portail</h1><div id="place"></div></main>
  <${tag} data-host ${attributes}>${instrumentScript ? `<script type="application/json">${JSON.stringify(instrumentScript)}</script>` : ''}${prefill ? `<script type="application/json" data-boussole="value">${JSON.stringify(prefill)}</script>` : ''}</${tag}>
</body>
</html>`;

const CASES: { tag: string; name: string; attributes: string; instrument?: Instrument }[] = [
  { tag: 'boussole-form', name: 'demo', attributes: '', instrument: demoInstrument },
  { tag: 'boussole-pin-grid', name: 'pin-grid', attributes: '' },
  { tag: 'boussole-ces', name: 'ces', attributes: 'age-band="y10-14"' },
  { tag: 'boussole-needs-grid', name: 'needs-grid', attributes: 'age-band="y6-11"' },
];

type Events = { type: string; detail: Record<string, unknown> }[];
const events = (p: Page) => p.evaluate(() => (window as unknown as { __events: Events }).__events);
const violations = (p: Page) => p.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
const waitEvent = (p: Page, type: string, detailType?: string) =>
  p.waitForFunction(
    ({ type, detailType }) => (window as unknown as { __events: Events }).__events.some((e) => e.type === type && (!detailType || e.detail.type === detailType)),
    { type, detailType },
    { timeout: 10_000 },
  );
const valueOf = (p: Page, tag: string) => p.evaluate((tag) => (document.querySelector(tag) as unknown as { value: { answers: unknown; session: unknown; actionPlans: unknown } }).value, tag);

describe('every flow of every element under a strict CSP, with no request beyond the page', () => {
  let pages: HostPages;
  let server: Served;
  let browser: Browser;

  before(async () => {
    const files: Record<string, string> = { 'host.js': HOST_JS, 'host.css': 'body { font-family: system-ui, sans-serif; margin: 1rem; }\n' };
    for (const c of CASES) {
      const engine = createEngine(c.instrument ?? instrument(c.name), { ageBand: /age-band="([^"]+)"/.exec(c.attributes)?.[1] });
      fillAll(engine);
      files[`${c.name}.html`] = page(c.tag, engine.toResult(), c.attributes, c.instrument);
      files[`${c.name}-empty.html`] = page(c.tag, undefined, c.attributes, c.instrument);
    }
    pages = await hostPages('flows', CSP, files);
    ({ server, browser } = pages);
  });
  after(() => pages?.close());

  const open = async (context: BrowserContext, file: string, query = ''): Promise<{ p: Page; problems: PageProblems }> => {
    const p = await context.newPage();
    const problems = watch(p, server.origin);
    await p.goto(`${server.origin}/${file}${query}`);
    await p.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready);
    return { p, problems };
  };

  for (const c of CASES)
    it(`<${c.tag}>: filled, in English, saved as a draft, restored, printed, submitted`, async () => {
      const context = await browser.newContext();
      try {
        const first = await open(context, `${c.name}.html`);
        const el = first.p.locator(c.tag);
        await el.getByRole('radio').first().waitFor();
        // A person changes an answer: the draft is saved within a second.
        await el.getByRole('radio').nth(1).click();
        await waitEvent(first.p, 'boussole-draft', 'saved');
        const typed = await valueOf(first.p, c.tag);
        await first.p.evaluate((tag) => document.querySelector(tag)!.setAttribute('lang', 'en'), c.tag);
        await el.getByRole('button', { name: 'Submit' }).waitFor();
        await first.p.close();

        const second = await open(context, `${c.name}.html`);
        const again = second.p.locator(c.tag);
        await again.getByRole('button', { name: 'Reprendre le brouillon' }).click();
        await waitEvent(second.p, 'boussole-draft', 'restored');
        assert.deepEqual(await valueOf(second.p, c.tag), typed, 'every answer is back');
        await second.p.emulateMedia({ media: 'print' });
        const pdf = await second.p.pdf({ format: 'A4' });
        assert.ok(pdf.length > 10_000, 'it prints');
        await second.p.emulateMedia({ media: 'screen' });
        await again.getByRole('button', { name: 'Soumettre' }).click();
        await waitEvent(second.p, 'boussole-submit');
        const submitted = (await events(second.p)).find((e) => e.type === 'boussole-submit')!;
        assert.equal(submitted.detail.status, 'complete');
        await second.p.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('boussole-draft:')));
        assert.deepEqual(await violations(second.p), []);
        assert.deepEqual([...first.problems.errors, ...second.problems.errors], []);
        assert.deepEqual([...first.problems.offsite, ...second.problems.offsite], []);
      } finally {
        await context.close();
      }
    });

  it('the checks themselves catch an inline script, an inline style and a request to another origin', async () => {
    pages.write('broken.html', page('boussole-pin-grid', undefined).replace('</body>', '<script>window.x = 1</script><div style="color: red"></div></body>'));
    pages.write('leak.js', "document.addEventListener('DOMContentLoaded', () => { const i = new Image(); i.src = 'http://example.invalid/pixel.png'; });\n");
    pages.write('leak.html', page('boussole-pin-grid', undefined).replace('</head>', '<script type="module" src="leak.js"></script></head>'));
    const context = await browser.newContext();
    try {
      const broken = await open(context, 'broken.html');
      // The browser reports what the policy refused before the host's listener is there, in its console.
      const refused = [...broken.problems.errors, ...(await violations(broken.p))].join('\n');
      assert.match(refused, /inline script/i, 'an inline script is reported');
      assert.match(refused, /inline style|style-src/i, 'an inline style is reported');
      const leak = await open(context, 'leak.html');
      await leak.p.waitForTimeout(200);
      assert.ok([...leak.problems.offsite, ...(await violations(leak.p))].some((v) => v.includes('example.invalid')), 'a request elsewhere is reported');
    } finally {
      await context.close();
    }
  });

  /** A person answers the first `count` choice questions of the CÉS (band 10–14) with its second option. */
  const halfFill = async (p: Page, count: number) => {
    const el = p.locator('boussole-ces');
    await el.getByRole('radio').first().waitFor();
    const groups = el.locator('.options');
    for (let i = 0; i < count; i++) await groups.nth(i).getByRole('radio').nth(1).click();
  };

  for (const [what, query] of [
    ['the browser’s storage', ''],
    ['the host’s asynchronous store', '?store=host'],
    ['the host’s encryption key', '?key=7'],
  ] as const)
    it(`a half-filled CÉS survives its page being closed, with ${what}`, async () => {
      const context = await browser.newContext();
      try {
        const first = await open(context, 'ces-empty.html', query);
        await halfFill(first.p, 12);
        // Closed right after the last answer: the save on pagehide keeps it.
        const typed = await valueOf(first.p, 'boussole-ces');
        assert.ok(Object.keys(typed.answers as object).length >= 6, 'half the questions are answered');
        if (query === '?key=7') {
          const stored = await first.p.evaluate(() => Object.entries(localStorage).map(([, v]) => v).join(''));
          assert.doesNotMatch(stored, /ces\.health/, 'only ciphertext is stored');
        }
        await first.p.close();
        const second = await open(context, 'ces-empty.html', query);
        await second.p.locator('boussole-ces').getByRole('button', { name: 'Reprendre le brouillon' }).click();
        await waitEvent(second.p, 'boussole-draft', 'restored');
        assert.deepEqual((await valueOf(second.p, 'boussole-ces')).answers, typed.answers, 'every answer is back');
        assert.deepEqual(await violations(second.p), []);
        assert.deepEqual(second.problems.offsite, []);
      } finally {
        await context.close();
      }
    });

  it('with the wrong key, the draft is reported unreadable and set aside', async () => {
    const context = await browser.newContext();
    try {
      const first = await open(context, 'ces-empty.html', '?key=7');
      await halfFill(first.p, 3);
      await waitEvent(first.p, 'boussole-draft', 'saved');
      await first.p.close();
      const second = await open(context, 'ces-empty.html', '?key=8');
      await waitEvent(second.p, 'boussole-error');
      const error = (await events(second.p)).find((e) => e.type === 'boussole-error')!;
      assert.equal(error.detail.code, 'unreadable-draft');
      const keys = await second.p.evaluate(() => Object.keys(localStorage));
      assert.ok(keys.some((k) => k.startsWith('boussole-draft:ces:ENF-1:unreadable:')), JSON.stringify(keys));
      await second.p.locator('boussole-ces').getByRole('radio').first().click();
      assert.equal((await valueOf(second.p, 'boussole-ces')).answers !== undefined, true, 'the form stays usable');
    } finally {
      await context.close();
    }
  });

  it('a browser killed while a person types loses at most about a second of typing (measured)', async () => {
    const executablePath = process.env.CHROME_PATH ?? findChrome();
    assert.ok(executablePath);
    const profile = mkdtempSync(join(tmpdir(), 'boussole-crash-'));
    const port = await freePort();
    const start = () =>
      spawn(executablePath!, [...CHROME_ARGS, '--headless=new', `--user-data-dir=${profile}`, `--remote-debugging-port=${port}`, 'about:blank'], {
        stdio: 'ignore',
        // Its own process group, so that killing it kills the whole browser (renderers, utility processes).
        detached: true,
      });
    // Kills the browser and every process it started, as a crash or a power cut would, and waits until none is left.
    const kill = async (browser: ChildProcess) => {
      const exited = browser.exitCode === null && browser.signalCode === null ? new Promise((r) => browser.once('exit', r)) : undefined;
      const group = () => {
        try {
          process.kill(-browser.pid!, 0);
          return true;
        } catch {
          return false;
        }
      };
      if (group()) process.kill(-browser.pid!, 'SIGKILL');
      await exited;
      for (let i = 0; i < 100 && group(); i++) await new Promise((r) => setTimeout(r, 50));
    };
    const connect = async () => {
      for (let i = 0; i < 100; i++) {
        try {
          return await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      throw new Error('Chromium did not start');
    };
    let chrome = start();
    try {
      let cdp = await connect();
      const p = await cdp.contexts()[0]!.newPage();
      await p.goto(`${server.origin}/ces-empty.html`);
      await p.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready);
      const field = p.locator('boussole-ces').getByRole('textbox', { name: /^Identifiant pseudonyme/ });
      await field.click();
      // A person types one character every 100 ms for 10 s (Chromium writes localStorage to disk once
      // in that time); the browser is killed mid-word.
      const typed = Array.from({ length: 100 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
      const startedAt = Date.now();
      for (const ch of typed) {
        await p.keyboard.type(ch);
        await p.waitForTimeout(Math.max(0, 100 - ((Date.now() - startedAt) % 100)));
      }
      const killedAfter = Date.now() - startedAt;
      await kill(chrome);
      chrome = start();
      cdp = await connect();
      const q = await cdp.contexts()[0]!.newPage();
      await q.goto(`${server.origin}/ces-empty.html`);
      await q.locator('boussole-ces').getByRole('button', { name: 'Reprendre le brouillon' }).click({ timeout: 10_000 });
      await q.waitForTimeout(200);
      const kept = await q.evaluate(() => {
        const v = (document.querySelector('boussole-ces') as unknown as { value: { session: { subjectId?: string } } }).value;
        return v.session.subjectId ?? '';
      });
      assert.ok(typed.startsWith(kept), `what was kept is what was typed first: "${kept}"`);
      const lostMs = (typed.length - kept.length) * 100;
      mkdirSync(join(repo, '.test-results'), { recursive: true });
      writeFileSync(join(repo, '.test-results/draft-loss.json'), JSON.stringify({ typedMs: killedAfter, typed: typed.length, kept: kept.length, lostMs }, null, 2));
      // Saves run within a second of a change; the IndexedDB copy is on disk as soon as it is written.
      assert.ok(lostMs <= 1500, `lost ${lostMs} ms of typing`);
      await cdp.close();
    } finally {
      await kill(chrome);
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  });
});
