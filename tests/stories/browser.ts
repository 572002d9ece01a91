// A headless Chromium (and the shared static file server), for the checks that load built output
// (Storybook, the self-contained bundle) as a host page would.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
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
  /** The folder served: the pages, the entry and its chunks under bundle/. */
  readonly dir: string;
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
    dir,
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

/**
 * Shows a story or a docs page in a page that already runs Storybook's preview, as Storybook's own manager
 * does (its channel's setCurrentStory), and resolves once that entry has rendered.
 */
export const show = (page: Page, id: string, viewMode: 'story' | 'docs') =>
  page.evaluate(
    ({ id, viewMode }) =>
      new Promise<void>((resolve, reject) => {
        type Channel = { on(e: string, f: (...a: unknown[]) => void): void; off(e: string, f: (...a: unknown[]) => void): void; emit(e: string, p: unknown): void };
        const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: Channel }).__STORYBOOK_ADDONS_CHANNEL__;
        const done = viewMode === 'story' ? 'storyRendered' : 'docsRendered';
        // Storybook answers within seconds; a switch that never ends fails with what the preview shows instead.
        const timer = setTimeout(() => {
          stop();
          const current = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; story?: { id?: string }; phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender;
          reject(new Error(`Storybook did not render ${id} (${viewMode}) within 30 s; it shows ${current?.story?.id ?? current?.id ?? 'nothing'} (${current?.phase ?? 'no phase'})`));
        }, 30_000);
        const stop = () => {
          clearTimeout(timer);
          channel.off(done, rendered);
          for (const e of failures) channel.off(e, failed);
        };
        const rendered = (shownId: unknown) => {
          if (shownId !== id) return;
          stop();
          if (viewMode === 'docs') return resolve();
          const shown = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { story?: { id?: string } } } }).__STORYBOOK_PREVIEW__?.currentRender?.story?.id;
          if (shown === id) resolve();
          else reject(new Error(`Storybook shows ${shown}, not ${id}`));
        };
        const failed = (e: unknown) => {
          stop();
          reject(new Error(`the ${viewMode === 'story' ? 'story' : 'docs page'} failed: ${JSON.stringify(e)}`));
        };
        const failures = ['storyErrored', 'storyThrewException', 'playFunctionThrewException', 'storyMissing'];
        channel.on(done, rendered);
        for (const e of failures) channel.on(e, failed);
        channel.emit('setCurrentStory', { storyId: id, viewMode });
      }),
    { id, viewMode },
  );

/**
 * `show` as a saving, not as what is checked: true once Storybook rendered the entry in the running preview;
 * a switch that does not finish is logged and gives false, and the caller loads the entry in a fresh page.
 */
export const switchTo = (page: Page, id: string, viewMode: 'story' | 'docs'): Promise<boolean> =>
  show(page, id, viewMode).then(
    () => true,
    (e: unknown) => (console.log(`${viewMode} switch to ${id} did not finish, loading it instead: ${String(e)}`), false),
  );

/** A TCP port free on 127.0.0.1 now, for a server a test starts (Storybook, a recipe's). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
