import { test } from 'node:test';
import { launch, serve, repo, axe, AXE_TAGS_WITH_BEST_PRACTICE } from './browser.js';
import { join } from 'node:path';
test('probe', { timeout: 300000 }, async () => {
  const server = await serve(join(repo, 'storybook-static'));
  const browser = await launch();
  for (const id of ['instruments-cés--docs', 'docs-introduction--docs', 'instruments-cés--empty']) {
    const page = await browser.newPage();
    let t = Date.now();
    const docs = id.endsWith('--docs');
    await page.goto(`${server.origin}/iframe.html?id=${id}&viewMode=${docs ? 'docs' : 'story'}&globals=a11y.manual:!true`, { waitUntil: 'load' });
    await page.waitForFunction(() => [...document.querySelectorAll('*')].some((n) => n.tagName.startsWith('BOUSSOLE-') && n.shadowRoot?.childElementCount), undefined, { timeout: 60000 });
    const load = Date.now() - t;
    const root = docs ? '#storybook-docs' : '#storybook-root';
    t = Date.now(); await axe(page, root, AXE_TAGS_WITH_BEST_PRACTICE); const whole = Date.now() - t;
    t = Date.now(); await axe(page, root, AXE_TAGS_WITH_BEST_PRACTICE); const whole2 = Date.now() - t;
    t = Date.now(); await axe(page, 'boussole-ces', AXE_TAGS_WITH_BEST_PRACTICE); const el = Date.now() - t;
    t = Date.now(); await page.evaluate(() => (window as any).axe.run(document.querySelector('boussole-ces'), { runOnly: { type: 'rule', values: ['color-contrast'] } })); const cc = Date.now() - t;
    console.log(id, { load, whole, whole2, el, colorContrastOnly: cc });
    await page.close();
  }
  await browser.close(); await server.close();
});
