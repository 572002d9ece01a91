// examples/react and examples/vue built as their users build them: the run's packed tarball (pack.ts, needs the built dist/)
// installed into a copy of each example with its framework, typescript and vite (`npm install`,
// 4 to 8 s here), type-checked with its own tsc (vue-tsc with strictTemplates for Vue), built with Vite, and driven in Chromium: the resumed
// draft is shown, answers survive a page that re-renders on every change and on typing, the
// confirmation stays after a submit.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright';
import { axe, launch, serve, watch, type PageProblems, type Served } from './browser.js';
import { installExample, type InstalledExample } from './pack.js';

const DRAFT = { instrument: { id: 'org-visit', version: '1.0.0' }, session: {}, answers: { met: { value: 'yes' } }, actionPlans: {} };

for (const example of ['react', 'vue'])
describe(`examples/${example}, from the packed tarball`, { timeout: 300_000 }, () => {
  let installed: InstalledExample;
  let server: Served;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  before(async () => {
    installed = installExample(example);
    const { app, step, timings } = installed;
    step('build', () => execFileSync('npm', ['run', 'build'], { cwd: app, encoding: 'utf8' }));
    const html = join(app, 'dist/index.html');
    writeFileSync(html, readFileSync(html, 'utf8').replace('</body>', `<script type="application/json" id="draft">${JSON.stringify(DRAFT)}</script></body>`));
    console.log(`# examples/${example}: ${JSON.stringify(timings)} (seconds)`);
    server = await serve(join(app, 'dist'));
    browser = await launch();
    page = await browser.newPage();
    problems = watch(page, server.origin);
    await page.goto(server.origin + '/');
    await page.locator('boussole-form h2').first().waitFor();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    installed?.remove();
  });

  const met = () => page.locator('boussole-form').getByRole('group', { name: /famille était présente/ });
  const safe = () => page.locator('boussole-form').getByRole('group', { name: /logement est sécuritaire/ });
  const note = () => page.getByRole('textbox', { name: 'Note de l’intervenante' });

  it('shows the organisation’s instrument with the resumed draft, and no error', async () => {
    assert.match((await page.locator('boussole-form h2').first().textContent()) ?? '', /Visite de l’organisme/);
    assert.equal(await met().getByRole('radio', { name: 'Oui' }).isChecked(), true);
    assert.deepEqual(problems.errors, []);
  });

  it('answers survive the re-render of each change and each keystroke; the confirmation stays after a submit', async () => {
    await met().getByText('Non', { exact: true }).click();
    await safe().getByText('Oui', { exact: true }).click();
    await note().pressSequentially('Visite calme');
    assert.equal(await page.locator('#draft-answers').textContent(), '2 réponses au brouillon');
    assert.equal(await met().getByRole('radio', { name: 'Non' }).isChecked(), true, 'the answer “Non” was lost in a re-render');
    assert.equal(await safe().getByRole('radio', { name: 'Oui' }).isChecked(), true, 'the answer “Oui” was lost in a re-render');
    await page.locator('boussole-form [part="submit"]').click();
    await page.locator('boussole-form').getByText('Réponses soumises').waitFor();
    await note().pressSequentially(' — fin');
    assert.equal(await page.locator('boussole-form').getByText('Réponses soumises').isVisible(), true);
    assert.deepEqual(await axe(page, 'main'), []);
    assert.deepEqual(problems.errors, []);
  });
});
