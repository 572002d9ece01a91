// The no-build bundle (the entry dist/boussole.bundle.js and its chunks in dist/bundle/, built by `npm test`
// before this file runs) in a plain host page served with a strict Content-Security-Policy: the elements render
// and work, with no CSP violation (no eval, no inline script or style), no request beyond the page's own server.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright';
import { bundleFiles, firstLoad as firstLoadOf } from '../../scripts/lib/bundle-graph.mjs';
import { axe, hostPages, repo, watch, type HostPages, type PageProblems, type Served } from './browser.js';

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'none'; form-action 'self'";
const bundle = join(repo, 'dist/boussole.bundle.js');

const PAGE = `<!doctype html>
<html lang="fr-CA">
<head>
  <meta charset="utf-8">
  <title>Boussole under a strict CSP</title>
  <link rel="stylesheet" href="host.css">
  <script type="module" src="boussole.bundle.js"></script>
  <script type="module" src="host.js"></script>
</head>
<body>
  <main>
    <h1>Portail</h1>
    <form id="host" action="/done" method="post">
      <boussole-pin-grid name="pin"></boussole-pin-grid>
    </form>
    <boussole-ces age-band="y5-9"></boussole-ces>
    <boussole-needs-grid lang="en" age-band="y6-11"></boussole-needs-grid>
    <boussole-form id="custom">
      <script type="application/json">${JSON.stringify({
        id: 'mini',
        version: '1.0.0',
        title: { fr: 'Petit questionnaire', en: 'Small questionnaire' },
        source: { note: { fr: 'Exemple', en: 'Example' }, licence: { fr: 'Libre', en: 'Free' }, illustrative: true },
        sections: [
          {
            id: 'one',
            kind: 'theme',
            title: { fr: 'Une section', en: 'One section' },
            items: [{ id: 'ok', type: 'yes-no', required: true, label: { fr: 'Tout va bien ?', en: 'All well?' } }],
          },
        ],
      })}</script>
    </boussole-form>
  </main>
</body>
</html>`;

// Listens as a host would; CSP violations are recorded by the page itself.
const HOST_JS = `
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));
window.__events = [];
for (const type of ['boussole-change', 'boussole-submit', 'boussole-invalid', 'boussole-error'])
  document.addEventListener(type, (e) => window.__events.push({ type, tag: e.target.tagName.toLowerCase(), detail: e.detail }));
`;

/** A file of dist/, by its path there. */
const read = (file: string) => readFileSync(join(repo, 'dist', file), 'utf8');
/** The no-build bundle's first load: its entry and what it imports statically, as the browser fetches them before any render. */
const firstLoad = () => firstLoadOf(bundleFiles(join(repo, 'dist')));
/** The no-build bundle's chunks the entry reaches, by their path in dist/. */
const bundleChunks = () => [...bundleFiles(join(repo, 'dist')).keys()].filter((f) => f.startsWith('bundle/'));

describe('the self-contained bundle in a host page under a strict CSP', () => {
  let pages: HostPages;
  let server: Served;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  before(async () => {
    pages = await hostPages('csp', CSP, { 'index.html': PAGE, 'host.js': HOST_JS, 'host.css': 'body { font-family: system-ui, sans-serif; margin: 1rem; }\n' });
    ({ server, browser } = pages);
    page = await browser.newPage();
    problems = watch(page, server.origin);
    await page.goto(`${server.origin}/index.html`);
    await page.waitForFunction(() =>
      ['boussole-pin-grid', 'boussole-ces', 'boussole-needs-grid', 'boussole-form'].every(
        (t) => (document.querySelector(t)?.shadowRoot?.querySelectorAll('input').length ?? 0) > 0,
      ),
    );
  });
  after(() => pages?.close());

  it('the bundle holds no eval, no Function constructor, no remote address', () => {
    const chunks = readdirSync(join(repo, 'dist/bundle')).filter((f) => f.endsWith('.js'));
    const code = [bundle, ...chunks.map((f) => join(repo, 'dist/bundle', f))].map((f) => readFileSync(f, 'utf8')).join('\n');
    assert.doesNotMatch(code, /\beval\(/);
    assert.doesNotMatch(code, /new Function\(/);
    assert.doesNotMatch(code, /https?:\/\/(?!www\.w3\.org\/)[a-z0-9.-]+\.[a-z]{2,}\/[^"'`\s]*\.(js|css|woff2?)/i, 'no remote script, style or font');
  });

  it('the entry opens with V8’s compile hint, and no chunk loaded on need carries it (decision 0017)', () => {
    const [first, second] = readFileSync(bundle, 'utf8').split('\n', 2);
    assert.equal(first, '//# allFunctionsCalledOnLoad', 'the hint is read only on its own first line');
    assert.ok(second && second.length > 1000, 'the code follows it');
    for (const chunk of bundleChunks()) assert.doesNotMatch(readFileSync(join(repo, 'dist', chunk), 'utf8'), /allFunctionsCalledOnLoad/, chunk);
  });

  it('each bundled instrument’s text is a chunk in dist/bundle/, not in the entry, and the page loads it relative to the entry', async () => {
    const entry = readFileSync(bundle, 'utf8');
    const chunks = readdirSync(join(repo, 'dist/bundle')).filter((f) => f.endsWith('.js'));
    for (const id of ['ces', 'needs-grid', 'pin-grid']) {
      const title = JSON.parse(readFileSync(join(repo, `schemas/instruments/${id}.json`), 'utf8')).title.fr as string;
      assert.ok(!entry.includes(JSON.stringify(title)), `${id}: its text is not in the entry`);
      const chunk = chunks.find((f) => f.startsWith(`${id}-`));
      assert.ok(chunk && readFileSync(join(repo, 'dist/bundle', chunk), 'utf8').includes(JSON.stringify(title)), `${id}: its text is in its own chunk`);
      assert.match(entry, new RegExp(`import\\("\\./bundle/${chunk!.replace(/[.-]/g, '\\$&')}"\\)`), `${id}: imported relative to the entry`);
    }
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    for (const id of ['ces', 'needs-grid', 'pin-grid']) assert.ok(loaded.some((p) => new RegExp(`^/bundle/${id}-[\\w-]+\\.js$`).test(p)), loaded.join(', '));
  });

  it('the four form elements’ entries do not load <boussole-dashboard>; its own entry does', () => {
    // Every module an entry imports, statically or dynamically, in the ES build (dist/).
    const graph = (entry: string): Map<string, string> => {
      const seen = new Map<string, string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        const code = readFileSync(file, 'utf8');
        seen.set(file, code);
        for (const [, spec] of code.matchAll(/(?:from\s*|import\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) visit(join(dirname(file), spec!));
      };
      visit(join(repo, 'dist', entry));
      return seen;
    };
    const holdsDashboard = (files: Map<string, string>) => [...files].filter(([, code]) => /class BoussoleDashboard|'boussole-dashboard'|function tallyChart|function readResults/.test(code)).map(([f]) => f);
    for (const entry of ['elements/form.js', 'elements/ces.js', 'elements/needs-grid.js', 'elements/pin-grid.js']) {
      const files = graph(entry);
      assert.ok(files.size > 1, `${entry} imports its chunks`);
      assert.deepEqual(holdsDashboard(files), [], `${entry} does not load the dashboard`);
    }
    assert.ok(holdsDashboard(graph('elements/dashboard.js')).length > 0, 'the check can see the dashboard');
  });

  it('the no-build bundle’s first load holds the form elements only: drafts, layout="sections" and "presentation", the comparison with a previous record and its parts, the summary and the dashboard are chunks', async () => {
    const first = firstLoad();
    const chunks = bundleChunks();
    const marks: Record<string, RegExp> = {
      'the draft controller': /boussole-draft:/,
      'layout="sections"': /id:"nav\.position"/,
      'layout="presentation"': /--boussole-presentation-font-size/,
      'the comparison of records': /improved:0,worsened:0/,
      'last time’s answer under a question': /id:"previous\.answer"/,
      '<boussole-summary>': /"boussole-summary"/,
      '<boussole-dashboard>': /"boussole-dashboard"/,
    };
    for (const [what, mark] of Object.entries(marks)) {
      assert.deepEqual([...first].filter((f) => mark.test(read(f))), [], `${what} is not in the first load`);
      assert.ok(chunks.some((f) => !first.has(f) && mark.test(read(f))), `the check can see ${what} in a chunk`);
    }
    // Defined with nothing for the host to do: the summary's chunk arrives and upgrades the tag already on the page.
    await page.waitForFunction(() => !!customElements.get('boussole-summary') && !!customElements.get('boussole-dashboard'));
  });

  it('every element renders, with no CSP violation, no error and no request beyond the page', async () => {
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.offsite, []);
    const headings = await page.evaluate(() =>
      ['boussole-pin-grid', 'boussole-ces', 'boussole-needs-grid', 'boussole-form'].map((t) => document.querySelector(t)!.shadowRoot!.querySelector('h2')?.textContent?.trim()),
    );
    assert.equal(headings.length, 4);
    assert.ok(headings.every((h) => h && h.length > 3), JSON.stringify(headings));
    assert.match(headings[2]!, /needs/i, 'lang="en" on the element shows English');
  });

  it('a person answers with the mouse: boussole-change reaches the host page, styles apply', async () => {
    await page.locator('boussole-form').getByText('Oui', { exact: true }).click();
    const events = await page.evaluate(() => (window as unknown as { __events: { type: string; tag: string; detail: unknown }[] }).__events);
    assert.deepEqual(events.at(-1), { type: 'boussole-change', tag: 'boussole-form', detail: { itemId: 'ok', value: 'yes' } });
    // Constructable stylesheets are allowed by style-src 'self': the submit button is styled, not raw.
    const minHeight = await page.evaluate(() => getComputedStyle(document.querySelector('boussole-form')!.shadowRoot!.querySelector('[part="submit"]')!).minHeight);
    assert.ok(parseFloat(minHeight) >= 44, `touch target ${minHeight}`);
  });

  it('submitting the small form gives a valid result; the host form blocks an incomplete PIN grid', async () => {
    await page.locator('boussole-form [part="submit"]').click();
    const last = await page.evaluate(() => (window as unknown as { __events: { type: string; detail: { status?: string } }[] }).__events.at(-1));
    assert.equal(last?.type, 'boussole-submit');
    assert.equal(last?.detail.status, 'complete');
    const valid = await page.evaluate(() => (document.getElementById('host') as HTMLFormElement).checkValidity());
    assert.equal(valid, false);
    const data = await page.evaluate(() => new FormData(document.getElementById('host') as HTMLFormElement).get('pin'));
    assert.equal(JSON.parse(String(data)).instrument.id, 'pin-grid');
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
  });

  it('axe finds no WCAG 2.2 A/AA violation in the host page', async () => {
    assert.deepEqual(await axe(page, 'main'), []);
  });

  it('a French page with a ready element loads neither the format’s parsers (zod) nor the English messages; lang="en" and a host’s instrument fetch them', async () => {
    const holdsZod = (code: string) => code.includes('unrecognized_keys');
    const holdsEnglish = (code: string) => code.includes('Add a comment');
    const holdsPlan = (code: string) => code.includes('"super-refine"');
    const first = firstLoad();
    assert.deepEqual([...first].filter((f) => holdsZod(read(f))), [], 'zod is not in the first load');
    assert.deepEqual([...first].filter((f) => holdsEnglish(read(f))), [], 'the English messages are not in the first load');
    assert.deepEqual([...first].filter((f) => holdsPlan(read(f))), [], 'the instrument’s plan is not in the first load');
    const chunks = bundleChunks();
    assert.ok(chunks.some((f) => holdsZod(read(f))) && chunks.some((f) => holdsEnglish(read(f))) && chunks.some((f) => holdsPlan(read(f))), 'the checks can see zod, the English messages and the plan');
    assert.deepEqual(chunks.filter((f) => holdsPlan(read(f)) && holdsZod(read(f))), [], 'the plan’s chunk holds no zod');

    pages.write('ready.html', `<!doctype html>
<html lang="fr-CA">
<head><meta charset="utf-8"><title>Une grille</title><script type="module" src="boussole.bundle.js"></script><script type="module" src="host.js"></script></head>
<body><main><h1>Une grille</h1><boussole-pin-grid></boussole-pin-grid></main></body>
</html>`);
    const ready = await browser.newPage();
    const seen = watch(ready, server.origin);
    try {
      await ready.goto(`${server.origin}/ready.html`);
      const grid = ready.locator('boussole-pin-grid');
      await grid.getByRole('button', { name: 'Soumettre' }).waitFor();
      const fetched = async (holds: (code: string) => boolean) =>
        (await ready.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.slice(1)))).filter((f) => (f === 'boussole.bundle.js' || f.startsWith('bundle/')) && holds(read(f)));
      assert.deepEqual(await fetched(holdsZod), [], 'no parser fetched');
      assert.deepEqual(await fetched(holdsPlan), [], 'no quick check fetched: a ready element has its own instrument');
      assert.deepEqual(await fetched(holdsEnglish), [], 'no English fetched');
      await grid.evaluate((el) => el.setAttribute('lang', 'en'));
      await grid.getByRole('button', { name: 'Submit' }).waitFor();
      assert.equal((await fetched(holdsEnglish)).length, 1, 'lang="en" fetched the English messages');
      assert.deepEqual(await fetched(holdsZod), [], 'still no parser fetched');
      // A valid instrument from the host is checked through the format's plan (decision 0018): zod is not fetched.
      const own = JSON.parse(readFileSync(join(repo, 'schemas/instruments/pin-grid.json'), 'utf8'));
      own.title.en = 'The host’s own copy';
      await grid.evaluate((el, value) => ((el as HTMLElement & { instrument: unknown }).instrument = value), own);
      await grid.getByRole('heading', { name: 'The host’s own copy' }).waitFor();
      assert.equal((await fetched(holdsPlan)).length, 1, 'the host’s instrument fetched its quick check');
      assert.deepEqual(await fetched(holdsZod), [], 'a valid instrument fetched no parser');
      await grid.evaluate((el) => ((el as HTMLElement & { instrument: unknown }).instrument = { id: 'broken' }));
      await grid.getByRole('alert').filter({ hasText: 'questionnaire' }).waitFor();
      assert.ok((await fetched(holdsZod)).length > 0, 'the host’s instrument fetched the parsers');
      const errors = await ready.evaluate(() => (window as unknown as { __events: { type: string; detail: { code: string } }[] }).__events.filter((e) => e.type === 'boussole-error').map((e) => e.detail.code));
      assert.deepEqual(errors, ['invalid-instrument']);
      assert.deepEqual(seen, { errors: [], offsite: [] });
    } finally {
      await ready.close();
    }

    // A generic form waiting for its host's instrument fetches the instrument's check at once, and no zod.
    pages.write('waiting.html', `<!doctype html>
<html lang="fr-CA">
<head><meta charset="utf-8"><title>Un formulaire</title><script type="module" src="boussole.bundle.js"></script></head>
<body><main><h1>Un formulaire</h1><boussole-form></boussole-form></main></body>
</html>`);
    const waiting = await browser.newPage();
    try {
      await waiting.goto(`${server.origin}/waiting.html`);
      const loaded = () => waiting.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.slice(1)));
      await waiting.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/bundle/quick-instrument-')), undefined, { timeout: 10_000 });
      assert.deepEqual((await loaded()).filter((f) => f.startsWith('bundle/') && holdsZod(read(f))), [], 'no parser fetched');
    } finally {
      await waiting.close();
    }
  });
});
