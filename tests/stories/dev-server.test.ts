// `npm start` as a designer runs it: Storybook's development server (Vite, from the sources, not the static build
// the story check opens), then the three instruments' stories in Chromium. The development server resolves modules
// its own way (a dynamic JSON import once reached the browser with attributes Vite's answer did not meet, and every
// ready element stayed empty there while the static build was fine).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright';
import { freePort, launch, repo, show, watch, type PageProblems } from './browser.js';

describe('npm start: Storybook’s development server shows the instruments', () => {
  let storybook: ChildProcess | undefined;
  let browser: Browser;
  let origin = '';
  let output = '';

  before(async () => {
    const port = await freePort();
    origin = `http://localhost:${port}`;
    // Its own process group, so that stopping it stops Storybook's children too.
    storybook = spawn('node', ['scripts/start.mjs', '--no-open'], { cwd: repo, env: { ...process.env, PORT: String(port) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    storybook.stdout!.on('data', (d) => (output += d));
    storybook.stderr!.on('data', (d) => (output += d));
    for (let i = 0; ; i++) {
      if (storybook.exitCode !== null) throw new Error(`npm start stopped (${storybook.exitCode}):\n${output}`);
      const ready = await fetch(`${origin}/index.json`).then((r) => r.ok, () => false);
      if (ready) break;
      if (i > 240) throw new Error(`npm start did not answer within 120 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    if (storybook?.pid && storybook.exitCode === null) process.kill(-storybook.pid, 'SIGTERM');
  });

  // One page runs the preview; the next stories are switched to in it, as Storybook's manager does.
  let shown: { page: Page; problems: PageProblems } | undefined;
  after(() => shown?.page.close());
  for (const [id, tag, title] of [
    ['instruments-cés--empty', 'boussole-ces', /Cahier d'évaluation et de suivi/],
    ['instruments-fundamental-needs-grid--empty', 'boussole-needs-grid', /besoins fondamentaux/i],
    ['instruments-pin-grid--empty', 'boussole-pin-grid', /PIN/],
  ] as const)
    it(`${id}: the bundled instrument renders, with no error in the page`, async () => {
      if (shown) {
        shown.problems.errors.length = 0;
        await show(shown.page, id, 'story');
      } else {
        const page = await browser.newPage();
        // Lit's development build announces itself, and Storybook's own copy of Lit beside ours is reported: noise here.
        shown = { page, problems: watch(page, origin, [/Lit is in dev mode/, /Multiple versions of Lit/]) };
        await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=a11y.manual:!true`);
      }
      const { page, problems } = shown;
      const heading = page.locator(tag).getByRole('heading', { level: 2 }).first();
      await heading.waitFor({ timeout: 90_000 }).catch(() => undefined);
      assert.match((await heading.textContent({ timeout: 1000 }).catch(() => '')) ?? '', title, `the ${tag} shows its instrument (page problems: ${problems.errors.join(' | ') || 'none'})`);
      assert.deepEqual(problems.errors, []);
      assert.deepEqual(problems.offsite, []);
    });
});
