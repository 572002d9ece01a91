// The README's React recipes (examples/react/src/main.tsx, the example page itself), built with esbuild against dist/ through
// the package's exports map, as a React 19 user writes them: the parent keeps the draft in state
// (re-rendered on every boussole-change) and has a text field typed into. A resumed draft is shown,
// answers are never reset by the re-renders, the confirmation stays after a submit.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright';
import { axe, launch, repo, serve, watch, type Served } from './browser.js';

const DRAFT = {
  instrument: { id: 'org-visit', version: '1.0.0' },
  session: {},
  answers: { met: { value: 'yes' } },
  actionPlans: {},
};

describe('the README React recipes in a page that re-renders on every change', () => {
  let dir: string;
  let server: Served;
  let browser: Browser;

  before(async () => {
    if (!existsSync(join(repo, 'dist/elements/form.js'))) throw new Error('dist/ is missing: run `rollup -c` first');
    dir = mkdtempSync(join(tmpdir(), 'boussole-recipes-'));
    // `boussole` resolved as a consumer's bundler does: through package.json "exports".
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(repo, join(dir, 'node_modules/boussole'), 'dir');
    await build({
      entryPoints: [join(repo, 'examples/react/src/main.tsx')],
      bundle: true,
      format: 'esm',
      jsx: 'automatic',
      outfile: join(dir, 'www/app.js'),
      nodePaths: [join(dir, 'node_modules')],
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    writeFileSync(
      join(dir, 'www/index.html'),
      `<!doctype html><html lang="fr-CA"><head><meta charset="utf-8"><title>React</title></head><body><div id="root"></div><script type="application/json" id="draft">${JSON.stringify(DRAFT)}</script><script type="module" src="app.js"></script></body></html>`,
    );
    server = await serve(join(dir, 'www'));
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, query] of [
    ['React 19 syntax (value={…}, onboussole-submit={…})', ''],
    ['the ref recipe (React 18 and 19)', '?recipe=ref'],
  ] as const)
    describe(name, () => {
      let page: Page;
      const errors = () => (page as unknown as { problems: { errors: string[] } }).problems.errors;
      before(async () => {
        page = await browser.newPage();
        Object.assign(page, { problems: watch(page, server.origin) });
        await page.goto(server.origin + '/' + query);
        await page.locator('boussole-form h2').first().waitFor();
      });
      after(() => page?.close());

      const met = () => page.locator('boussole-form').getByRole('group', { name: /famille était présente/ });
      const safe = () => page.locator('boussole-form').getByRole('group', { name: /logement est sécuritaire/ });
      const note = () => page.getByRole('textbox', { name: 'Note de l’intervenante' });

      it('shows the organisation’s instrument with the resumed draft, and no error', async () => {
        assert.match((await page.locator('boussole-form h2').first().textContent()) ?? '', /Visite de l’organisme/);
        assert.equal(await met().getByRole('radio', { name: 'Oui' }).isChecked(), true);
        assert.deepEqual(errors(), []);
      });

      it('answers survive the re-render of each change and each keystroke in the page', async () => {
        await met().getByText('Non', { exact: true }).click();
        await safe().getByText('Oui', { exact: true }).click();
        await note().pressSequentially('Visite calme');
        assert.equal(await page.locator('#draft-answers').textContent(), '2 réponses au brouillon');
        assert.equal(await met().getByRole('radio', { name: 'Non' }).isChecked(), true);
        assert.equal(await safe().getByRole('radio', { name: 'Oui' }).isChecked(), true);
        assert.equal(await note().inputValue(), 'Visite calme');
      });

      it('after a submit, the confirmation stays through the next re-renders', async () => {
        await page.locator('boussole-form [part="submit"]').click();
        await page.locator('#stored').waitFor();
        await page.locator('boussole-form').getByText('Réponses soumises').waitFor();
        await note().pressSequentially(' — fin');
        assert.equal(await page.locator('boussole-form').getByText('Réponses soumises').isVisible(), true);
        assert.deepEqual(await axe(page, 'main'), []);
        assert.deepEqual(errors(), []);
      });
    });
});
