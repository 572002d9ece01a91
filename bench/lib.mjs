// Set-up shared by scripts/bench.mjs and bench/profile.mjs: gzip sizes, the page server and the browser.
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { CHROME_ARGS, ensureChrome } from '../scripts/lib/chrome.mjs';
import { serve } from './serve.mjs';

export { median } from './stats.mjs';

/** Gzipped size in bytes (zlib level 9), as the budgets count it. */
export const gzipped = (code) => gzipSync(code, { level: 9 }).length;

/**
 * Serves the project on 127.0.0.1 (bench/serve.mjs) and opens headless Chromium with one 1280×900
 * context; `close()` ends all three.
 */
export async function openBrowser(root, { executablePath = ensureChrome({ full: true }) } = {}) {
  const server = await serve(root);
  const browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const close = async () => {
    await context.close();
    await browser.close();
    await server.close();
  };
  return { server, browser, context, close };
}

/**
 * Slows the page's main thread `rate` times (DevTools protocol, Emulation.setCPUThrottlingRate), as
 * DevTools' "4× slowdown" does: the benchmark's tablet proxy. Call before the page loads.
 */
export async function throttle(context, page, rate) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}
