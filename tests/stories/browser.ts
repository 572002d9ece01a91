// A headless Chromium (and the shared static file server), for the checks that load built output
// (Storybook, the self-contained bundle) as a host page would.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { CHROME_ARGS, findChrome } from '../../scripts/lib/chrome.mjs';

export const repo = fileURLToPath(new URL('../../', import.meta.url));

import { serve, type Served } from '../../scripts/lib/serve.mjs';
export { serve, type Served };

export async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH ?? findChrome();
  if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH to a Chrome or Chromium binary.');
  return chromium.launch({ executablePath, headless: true, args: CHROME_ARGS });
}

/** A folder of host pages beside a copy of the self-contained bundle, served under a CSP, and a browser. */
export interface HostPages {
  readonly server: Served;
  readonly browser: Browser;
  /** Writes one more file (a page or a script) into the folder. */
  write(file: string, text: string): void;
  close(): Promise<void>;
}

export async function hostPages(name: string, csp: string, files: Record<string, string>): Promise<HostPages> {
  const bundle = join(repo, 'dist/boussole.bundle.js');
  if (!existsSync(bundle)) throw new Error('dist/boussole.bundle.js is missing: run `rollup -c` first');
  const dir = join(tmpdir(), `boussole-${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  // The entry and its chunks (dist/bundle/: instrument texts, lazy modules), as a host copies them.
  cpSync(bundle, join(dir, 'boussole.bundle.js'));
  cpSync(join(repo, 'dist/bundle'), join(dir, 'bundle'), { recursive: true });
  const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
  for (const [file, text] of Object.entries(files)) write(file, text);
  const server = await serve(dir, { htmlHeaders: { 'content-security-policy': csp } });
  const browser = await launch().catch(async (e) => {
    await server.close();
    throw e;
  });
  return {
    server,
    browser,
    write,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What went wrong in a page: uncaught errors, console errors, requests that left the test server, CSP reports. */
export interface PageProblems {
  errors: string[];
  offsite: string[];
}

export function watch(page: Page, origin: string, ignoreConsole: RegExp[] = []): PageProblems {
  const problems: PageProblems = { errors: [], offsite: [] };
  page.on('pageerror', (e) => problems.errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    // Reported with its address by the response handler below.
    if (text.startsWith('Failed to load resource')) return;
    if (!ignoreConsole.some((r) => r.test(text))) problems.errors.push(`console error: ${text}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.offsite.push(url);
  });
  return problems;
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** WCAG 2.2 A/AA and axe's best practices (heading order, landmarks, …): what the story check runs. */
export const AXE_TAGS_WITH_BEST_PRACTICE = [...AXE_TAGS, 'best-practice'];

/** Runs axe-core (by default its WCAG 2.2 A/AA rules) on the elements matching `selector`, shadow roots included. */
export async function axe(page: Page, selector: string, tags: readonly string[] = AXE_TAGS): Promise<string[]> {
  // Storybook's a11y addon runs axe itself after each story; wait for its run to end rather than collide.
  for (let attempt = 0; ; attempt++) {
    try {
      return await runAxe(page, selector, tags);
    } catch (e) {
      if (attempt > 20 || !String(e).includes('already running')) throw e;
      await page.waitForTimeout(250);
    }
  }
}

async function runAxe(page: Page, selector: string, tags: readonly string[]): Promise<string[]> {
  // Evaluated through the DevTools protocol, not added as a <script>: works under the strictest CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${readFileSync(join(repo, 'node_modules/axe-core/axe.min.js'), 'utf8')};window.axe = axe;`);
  return page.evaluate(
    async ({ selector, tags }) => {
      const w = window as unknown as {
        axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> };
      };
      const targets = [...document.querySelectorAll(selector)];
      if (!targets.length) return [`nothing matches ${selector}`];
      const out: string[] = [];
      for (const el of targets) {
        const { violations } = await w.axe.run(el, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        for (const v of violations) out.push(`${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
      }
      return out;
    },
    { selector, tags: [...tags] },
  );
}
