// A deployment that published the no-build bundle's entry but left some of its chunks out (or a network
// that lost them): what the elements load on need cannot be fetched. A person reads that part of the form
// is missing and what to do; the host gets `boussole-error` with the module's name; nothing hangs.
import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright';
import { hostPages, watch, type HostPages, type PageProblems } from './browser.js';

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'none'";

const INSTRUMENT = {
  id: 'mini',
  version: '1.0.0',
  title: { fr: 'Petit questionnaire', en: 'Small questionnaire' },
  source: { note: { fr: 'Exemple', en: 'Example' }, licence: { fr: 'Libre', en: 'Free' }, illustrative: true },
  sections: [{ id: 'one', kind: 'theme', title: { fr: 'Une section', en: 'One section' }, items: [{ id: 'ok', type: 'yes-no', label: { fr: 'Tout va bien ?', en: 'All well?' } }] }],
};

const PAGE = `<!doctype html>
<html lang="fr-CA">
<head>
  <meta charset="utf-8">
  <title>Chunks missing</title>
  <script type="module" src="host.js"></script>
  <script type="module" src="boussole.bundle.js"></script>
</head>
<body>
  <main>
    <boussole-ces age-band="y5-9"></boussole-ces>
    <boussole-form id="custom"><script type="application/json">${JSON.stringify(INSTRUMENT)}</script></boussole-form>
    <boussole-pin-grid layout="sections"></boussole-pin-grid>
    <boussole-needs-grid lang="en" age-band="y6-11" drafts="local" draft-id="missing-chunk"></boussole-needs-grid>
  </main>
</body>
</html>`;

const HOST_JS = `
window.__errors = [];
document.addEventListener('boussole-error', (e) => window.__errors.push({ tag: e.target.tagName.toLowerCase(), code: e.detail.code, module: e.detail.params.module, message: e.detail.message }));
`;

describe('chunks the elements load on need, missing from the server', () => {
  let pages: HostPages;
  let page: Page;
  let problems: PageProblems;

  before(async () => {
    pages = await hostPages('missing-chunk', CSP, { 'index.html': PAGE, 'host.js': HOST_JS });
    // The copy's chunks: remove the CÉS text, the instrument's quick check, layout="sections", the English messages and drafts.
    const folder = join(pages.dir, 'bundle');
    const removed = readdirSync(folder).filter((f) => /^(ces|quick-instrument|sections-chunk|en|drafts)-[\w-]{8}\.js$/.test(f));
    for (const name of ['ces', 'quick-instrument', 'sections-chunk', 'en', 'drafts']) assert.ok(removed.some((f) => f.startsWith(`${name}-`)), `${name}: ${readdirSync(folder).join(', ')}`);
    for (const f of removed) rmSync(join(folder, f));
    page = await pages.browser.newPage();
    problems = watch(page, pages.server.origin);
    await page.goto(`${pages.server.origin}/index.html`);
    await page.waitForFunction(() => (window as unknown as { __errors: unknown[] }).__errors.length >= 5, undefined, { timeout: 15_000 });
    // updateComplete settles: nothing waits for ever.
    await page.evaluate(() => Promise.all([...document.querySelectorAll('boussole-ces, boussole-form, boussole-pin-grid, boussole-needs-grid')].map((el) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete)));
    // A little longer, for a report that would come twice.
    await page.waitForTimeout(300);
  });
  after(() => pages?.close());

  it('each element says so in its error box, in the page’s language, and tells the host which module', async () => {
    const errors = await page.evaluate(() => (window as unknown as { __errors: { tag: string; code: string; module: string }[] }).__errors);
    assert.deepEqual(
      errors.map(({ tag, code, module }) => ({ tag, code, module })).sort((a, b) => a.tag.localeCompare(b.tag)),
      [
        { tag: 'boussole-ces', code: 'unavailable-module', module: 'text of ces' },
        { tag: 'boussole-form', code: 'unavailable-module', module: 'quick-instrument' },
        // In English, once each: its messages (it falls back to French, the source language), then its drafts.
        { tag: 'boussole-needs-grid', code: 'unavailable-module', module: 'en' },
        { tag: 'boussole-needs-grid', code: 'unavailable-module', module: 'drafts' },
        { tag: 'boussole-pin-grid', code: 'unavailable-module', module: 'sections-chunk' },
      ],
    );
    for (const tag of ['boussole-ces', 'boussole-form', 'boussole-pin-grid', 'boussole-needs-grid']) {
      const alert = page.locator(tag).getByRole('alert');
      assert.match((await alert.textContent()) ?? '', /Une partie de ce formulaire n’a pas pu être chargée\. Rechargez la page/, tag);
    }
    // Nothing else went wrong than the three fetches refused.
    assert.deepEqual(
      problems.errors.map((e) => e.replace(/^HTTP 404: .*\/bundle\/([\w-]+)-[\w-]{8}\.js$/, '404 $1')).sort(),
      ['404 ces', '404 drafts', '404 en', '404 quick-instrument', '404 sections-chunk'],
    );
    assert.deepEqual(problems.offsite, []);
  });

  it('the elements whose chunks are there still work: the PIN grid’s own text loaded, its questions are not shown without the layout', async () => {
    // The PIN grid has its instrument (its text chunk is there) but not its layout's chunk: the error box, no half layout.
    assert.equal(await page.locator('boussole-pin-grid').getByRole('radio').count(), 0);
    assert.equal(await page.locator('boussole-ces').getByRole('radio').count(), 0);
    // The needs grid has everything it needs to be filled in: without its drafts and its English messages it is still a form.
    assert.ok((await page.locator('boussole-needs-grid').getByRole('radio').count()) > 0);
  });
});
