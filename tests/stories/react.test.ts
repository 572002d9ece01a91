// boussole/react.js (the @lit/react wrappers) in a React 19 page built with esbuild against dist/ (built
// by `npm test` before this file runs): the organisation's instrument arrives as a property, answers
// survive the parent's re-renders (each boussole-change updates state, each keystroke in the page's own
// field), and the confirmation stays after a submit.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright';
import { axe, launch, repo, serve, watch, type PageProblems, type Served } from './browser.js';

describe('boussole/react.js in a React 19 page', () => {
  let dir: string;
  let server: Served;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  before(async () => {
    if (!existsSync(join(repo, 'dist/react.js'))) throw new Error('dist/react.js is missing: run `rollup -c` first');
    dir = mkdtempSync(join(tmpdir(), 'boussole-react-'));
    await build({
      entryPoints: [join(repo, 'tests/fixtures/react/app.tsx')],
      bundle: true,
      format: 'esm',
      jsx: 'automatic',
      outfile: join(dir, 'app.js'),
      // As the package's exports map resolves it for a consumer.
      alias: { 'boussole/react.js': join(repo, 'dist/react.js') },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html lang="fr-CA"><head><meta charset="utf-8"><title>React</title><script type="module" src="app.js"></script></head><body><div id="root"></div></body></html>',
    );
    server = await serve(dir);
    browser = await launch();
    page = await browser.newPage();
    problems = watch(page, server.origin);
    await page.goto(server.origin + '/');
    await page.locator('boussole-form h2').first().waitFor();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the instrument given as a prop, with no error', async () => {
    assert.match((await page.locator('boussole-form h2').first().textContent()) ?? '', /Visite de l’organisme/);
    assert.deepEqual(problems.errors, []);
  });

  it('answers survive the re-renders of each boussole-change and of typing in the page', async () => {
    const form = page.locator('boussole-form');
    await form.getByRole('group', { name: /famille était présente/ }).getByText('Oui', { exact: true }).click();
    await form.getByRole('group', { name: /logement est sécuritaire/ }).getByText('Non', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Note de l’intervenante' }).pressSequentially('Visite calme');
    assert.equal(await page.locator('#changes').textContent(), '2 changements');
    assert.equal(await page.getByRole('textbox', { name: 'Note de l’intervenante' }).inputValue(), 'Visite calme');
    assert.equal(await form.getByRole('group', { name: /famille était présente/ }).getByRole('radio', { name: 'Oui' }).isChecked(), true);
    assert.equal(await form.getByRole('group', { name: /logement est sécuritaire/ }).getByRole('radio', { name: 'Non' }).isChecked(), true);
  });

  it('after a submit, the confirmation stays through the next re-render', async () => {
    await page.locator('boussole-form [part="submit"]').click();
    await page.locator('#saved').waitFor();
    assert.equal(await page.locator('#saved').textContent(), 'Enregistré : complete');
    await page.getByRole('textbox', { name: 'Note de l’intervenante' }).pressSequentially('.');
    assert.equal(await page.locator('boussole-form').getByText('Réponses soumises').isVisible(), true, 'the confirmation is still shown');
    assert.deepEqual(await axe(page, 'main'), []);
    assert.deepEqual(problems.errors, []);
  });
});
