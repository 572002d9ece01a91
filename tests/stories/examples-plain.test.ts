// examples/html and examples/server as their users run them, from the run's packed tarball (pack.ts, needs the built
// dist/): installed with npm, then driven in Chromium as a person would, with axe on each page, no request beyond the
// page's own server and no Content-Security-Policy violation.
// - html: a plain page (no build step; `npm run build` only copies boussole/boussole.bundle.js and its bundle/ chunks
//   next to it) served under a strict CSP; the organisation's instrument as a JSON child, a bundled element beside it;
//   the page shows what boussole-submit gave it.
// - server: `node server.mjs` on 127.0.0.1 (it serves the bundle's chunks too); a real <form method="post"> posts the
//   form-associated <boussole-form>'s result; the server validates it with schemas/result.schema.json (its own ajv), stores it and shows it; a
//   tampered post is refused with HTTP 422 and the schema's errors on the page.
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright';
import { axe, launch, serve, watch, type PageProblems, type Served } from './browser.js';
import { installExample, type InstalledExample } from './pack.js';

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'";

/** CSP violations, recorded by a listener added through the DevTools protocol (not subject to the page's CSP). */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
}

/** Waits for the element's heading; when it never comes, says what the page reported (a 404, an error). */
async function rendered(page: Page, problems: PageProblems, tag: string): Promise<void> {
  await page
    .locator(`${tag} h2`)
    .first()
    .waitFor({ timeout: 15_000 })
    .catch((e: Error) => {
      throw new Error(`${tag} not rendered: ${[...problems.errors, ...problems.offsite].join('; ') || e.message}`);
    });
}

describe('examples/html, from the packed tarball', { timeout: 300_000 }, () => {
  let installed: InstalledExample;
  let server: Served;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  let violations: () => Promise<string[]>;

  before(async () => {
    installed = installExample('html');
    const { app, step, timings } = installed;
    step('build', () => execFileSync('npm', ['run', 'build'], { cwd: app, encoding: 'utf8' }));
    server = await serve(join(app, 'site'), { htmlHeaders: { 'content-security-policy': CSP } });
    browser = await launch();
    page = await browser.newPage();
    problems = watch(page, server.origin);
    violations = await recordViolations(page);
    await step('drive', async () => {
      await page.goto(server.origin + '/');
      await rendered(page, problems, 'boussole-form');
      await rendered(page, problems, 'boussole-pin-grid');
    });
    console.log(`# examples/html: ${JSON.stringify(timings)} (seconds; drive: the first page load)`);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    installed?.remove();
  });

  const visit = () => page.locator('boussole-form');

  it('shows the organisation’s instrument from its JSON child and the bundled PIN grid', async () => {
    assert.match((await visit().locator('h2').first().textContent()) ?? '', /Visite de l’organisme/);
    assert.ok((await page.locator('boussole-pin-grid').getByRole('radio').count()) > 0);
    assert.equal(await page.locator('#received-status').textContent(), 'Rien encore.');
  });

  it('a person answers and submits; the page shows what boussole-submit gave it', async () => {
    await visit().getByRole('group', { name: /famille était présente/ }).getByText('Oui', { exact: true }).click();
    await visit().getByRole('textbox', { name: /Ce que la famille a dit/ }).pressSequentially('Tout le monde était là');
    await visit().locator('[part="submit"]').click();
    await page.locator('#received-status').filter({ hasText: 'boussole-form : complete' }).waitFor();
    assert.deepEqual(JSON.parse((await page.locator('#received').textContent()) ?? ''), {
      met: { value: 'yes' },
      note: { value: 'Tout le monde était là' },
    });
    assert.deepEqual(await axe(page, 'main'), []);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, { errors: [], offsite: [] });
  });
});

describe('examples/server, from the packed tarball', { timeout: 300_000 }, () => {
  let installed: InstalledExample;
  let child: ChildProcess;
  let origin: string;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  let violations: () => Promise<string[]>;

  before(async () => {
    installed = installExample('server');
    const { app, step, timings } = installed;
    child = spawn('node', ['server.mjs'], { cwd: app, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
    origin = await step('start', () =>
      new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (chunk) => {
          out += chunk;
          const found = /Listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
          if (found) resolve(found[1]!);
        });
        child.on('exit', (code) => reject(new Error(`server.mjs exited with ${code}`)));
      }),
    );
    browser = await launch();
    page = await browser.newPage();
    problems = watch(page, origin);
    violations = await recordViolations(page);
    await page.goto(origin + '/');
    await rendered(page, problems, 'boussole-form');
    console.log(`# examples/server: ${JSON.stringify(timings)} (seconds)`);
  });

  after(async () => {
    await browser?.close();
    child?.kill();
    installed?.remove();
  });

  const group = (name: RegExp) => page.locator('boussole-form').getByRole('group', { name });

  it('the host form posts the result; the server validates it, stores it and shows what it stored', async () => {
    await group(/famille était présente/).getByText('Oui', { exact: true }).click();
    await group(/logement est sécuritaire/).getByText('Non', { exact: true }).click();
    assert.deepEqual(await axe(page, 'main'), []);
    await Promise.all([page.waitForURL(`${origin}/results`), page.getByRole('button', { name: 'Enregistrer' }).click()]);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Résultat enregistré');
    const stored = JSON.parse((await page.locator('#stored').textContent()) ?? '');
    assert.equal(stored.status, 'complete');
    assert.deepEqual(stored.instrument, { id: 'org-visit', version: '1.0.0' });
    assert.deepEqual(stored.answers, { met: { value: 'yes' }, safe: { value: 'no' } });
    assert.deepEqual(await axe(page, 'main'), []);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, { errors: [], offsite: [] });
  });

  it('a missing answer blocks the post in the browser; nothing is sent', async () => {
    await page.goto(origin + '/');
    await page.locator('boussole-form h2').first().waitFor();
    let posted = false;
    page.on('request', (r) => (posted ||= r.method() === 'POST'));
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.locator('boussole-form').getByRole('alert').first().waitFor();
    assert.equal(posted, false);
    assert.equal(page.url(), origin + '/');
  });

  it('a tampered post is refused with HTTP 422, and the page lists the schema’s errors', async () => {
    // The request a person sends is changed on its way (as a devtools user or a broken client would).
    const tampered = { instrument: { id: 'org-visit', version: '1.0.0' }, status: 'finished', answers: {} };
    await page.route(`${origin}/results`, (route) =>
      route.continue({ postData: new URLSearchParams({ result: JSON.stringify(tampered) }).toString() }),
    );
    await page.goto(origin + '/');
    await page.locator('boussole-form h2').first().waitFor();
    await group(/famille était présente/).getByText('Oui', { exact: true }).click();
    await group(/logement est sécuritaire/).getByText('Oui', { exact: true }).click();
    const [response] = await Promise.all([
      page.waitForResponse(`${origin}/results`),
      page.getByRole('button', { name: 'Enregistrer' }).click(),
    ]);
    assert.equal(response.status(), 422);
    await page.getByRole('heading', { level: 1, name: 'Résultat refusé' }).waitFor();
    const errors = await page.locator('#errors li').allTextContents();
    assert.ok(errors.some((e) => /^\/status .*allowed values/.test(e)), errors.join('\n'));
    assert.ok(errors.some((e) => /^\/ .*required property 'locale'/.test(e)), errors.join('\n'));
    assert.deepEqual(await axe(page, 'main'), []);
    assert.deepEqual(await violations(), []);
    // The one error the page saw is the refusal itself.
    assert.deepEqual(problems.errors.splice(0), [`HTTP 422: ${origin}/results`]);
    assert.deepEqual(problems.offsite, []);
    await page.unroute(`${origin}/results`);
    // The server stored nothing more: its form page still counts one result.
    await page.goto(origin + '/');
    assert.equal(await page.getByText(/résultat\(s\) enregistré\(s\)/).textContent(), '1 résultat(s) enregistré(s).');
  });
});
