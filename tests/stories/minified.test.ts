// The build writes Lit's templates compact (scripts/lib/minify-templates.mjs: whitespace runs collapsed,
// CSS minified). A person must get exactly what the source says: the no-build bundle as built
// (dist/, `npm test` builds it first) and the same bundle built here with its templates as written
// give the same page, pixel for pixel, and the same accessibility tree — the three instruments in
// their layouts, in French and English, with last year's record, after a failed submit.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright';
import { rollup, type OutputOptions, type RollupOptions } from 'rollup';
import { createEngine } from '../../src/engine/index.js';
import type { Instrument } from '../../src/schema/index.js';
import { launch, repo, serve, watch, type PageProblems, type Served } from './browser.js';

/** Last year's CÉS record: a concern and an open action, so that the comparison's parts show. */
function lastYear() {
  const ces = JSON.parse(readFileSync(join(repo, 'schemas/instruments/ces.json'), 'utf8')) as Instrument;
  const engine = createEngine(ces, { ageBand: 'y5-9' });
  engine.setSession({ date: '2025-03-12' });
  engine.setAnswer('ces.health.concern', 'some');
  const o = engine.addObjective('ces.health', 'Suivi dentaire');
  engine.addAction('ces.health', o, { what: 'Prendre rendez-vous chez le dentiste', who: 'Famille d’accueil', status: 'planned' });
  return engine.toResult();
}

const PAGE = `<!doctype html>
<html lang="fr-CA">
<head>
  <meta charset="utf-8">
  <title>Templates as written, templates as built</title>
  <style>body { font-family: sans-serif; margin: 0; width: 900px; } boussole-ces { display: block; }</style>
  <script type="module" src="boussole.bundle.js"></script>
  <script type="module" src="host.js"></script>
</head>
<body>
  <boussole-ces age-band="y5-9"></boussole-ces>
  <boussole-needs-grid lang="en" age-band="y6-11" layout="sections"></boussole-needs-grid>
  <boussole-pin-grid layout="presentation"></boussole-pin-grid>
  <boussole-pin-grid id="submitted"></boussole-pin-grid>
</body>
</html>`;

const HOST_JS = `
window.__previous = ${JSON.stringify(lastYear())};
customElements.whenDefined('boussole-ces').then(() => { document.querySelector('boussole-ces').previous = window.__previous; });
`;

/** What the page shows once every element rendered (and the second PIN grid was submitted empty). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    ['boussole-ces', 'boussole-needs-grid', 'boussole-pin-grid'].every((t) => (document.querySelector(t)?.shadowRoot?.querySelectorAll('input').length ?? 0) > 0),
  );
  await page.evaluate(async () => {
    const all = [...document.querySelectorAll('boussole-ces, boussole-needs-grid, boussole-pin-grid')] as (HTMLElement & { updateComplete: Promise<unknown> })[];
    await Promise.all(all.map((el) => el.updateComplete));
    (document.querySelector('#submitted')!.shadowRoot!.querySelector('[data-action="submit"]') as HTMLButtonElement).click();
    await Promise.all(all.map((el) => el.updateComplete));
    // No caret or focus ring that blinks between two screenshots.
    (document.activeElement as HTMLElement | null)?.blur();
  });
  await page.waitForFunction(() => !!document.querySelector('boussole-ces')!.shadowRoot!.querySelector('[part="previous"]'));
}

describe('templates written compact by the build: the same page as the templates as written', () => {
  let dir: string;
  let server: Served;
  let browser: Browser;
  const shown: Record<'built' | 'written', { aria: string; pixels: Buffer; problems: PageProblems }> = {} as never;

  before(async () => {
    dir = join(tmpdir(), `boussole-minified-${process.pid}`);
    for (const sub of ['built', 'written']) {
      mkdirSync(join(dir, sub), { recursive: true });
      writeFileSync(join(dir, sub, 'index.html'), PAGE);
      writeFileSync(join(dir, sub, 'host.js'), HOST_JS);
    }
    cpSync(join(repo, 'dist/boussole.bundle.js'), join(dir, 'built/boussole.bundle.js'));
    cpSync(join(repo, 'dist/bundle'), join(dir, 'built/bundle'), { recursive: true });
    // The bundle's own build, without the templates' minifier (nor terser: names do not change what a person gets).
    const { default: configs } = (await import(pathToFileURL(join(repo, 'rollup.config.mjs')).href)) as { default: RollupOptions[] };
    const config = configs.find((c) => c.input === 'src/bundle.ts')!;
    const plugins = (config.plugins as { name: string }[]).filter((p) => p.name !== 'minify-html-literals' && p.name !== 'terser');
    assert.equal(plugins.length, (config.plugins as unknown[]).length - 2, 'the bundle build has the templates’ minifier and terser');
    const build = await rollup({ ...config, plugins: plugins as RollupOptions['plugins'], onwarn: () => {} });
    // Generated, then written here (the TypeScript plugin wants a rollup `dir` around its own outDir).
    const { dir: _, ...output } = config.output as OutputOptions;
    for (const file of (await build.generate({ ...output, sourcemap: false })).output) {
      mkdirSync(join(dir, 'written', file.fileName, '..'), { recursive: true });
      writeFileSync(join(dir, 'written', file.fileName), file.type === 'chunk' ? file.code : file.source);
    }
    await build.close();
    server = await serve(dir);
    browser = await launch();
    for (const sub of ['built', 'written'] as const) {
      const page = await browser.newPage({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 1 });
      const problems = watch(page, server.origin);
      await page.goto(`${server.origin}/${sub}/index.html`);
      await settled(page);
      shown[sub] = { aria: await page.locator('body').ariaSnapshot(), pixels: await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' }), problems };
      await page.close();
      if (process.env.BOUSSOLE_KEEP) {
        writeFileSync(`/tmp/${sub}.aria.txt`, shown[sub].aria);
        writeFileSync(`/tmp/${sub}.png`, shown[sub].pixels);
      }
    }
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the built templates are compact: no line of indentation left in the entry', () => {
    const entry = readFileSync(join(repo, 'dist/boussole.bundle.js'), 'utf8');
    assert.doesNotMatch(entry, /\n {4,}</, 'an html`` template keeps its indentation');
  });

  it('both pages render with no error', () => {
    for (const sub of ['built', 'written'] as const) {
      assert.deepEqual(shown[sub].problems.errors, [], sub);
      assert.deepEqual(shown[sub].problems.offsite, [], sub);
    }
  });

  it('the same accessibility tree: every name, role, state and text', () => {
    assert.ok(shown.built.aria.includes('Précédemment (12 mars 2025)'), 'the comparison’s parts are on the page');
    assert.ok(shown.built.aria.includes('navigation "Questionnaire sections"'), 'the needs grid shows its section navigator, in English');
    assert.equal(shown.built.aria, shown.written.aria);
  });

  it('the same pixels, top to bottom', () => {
    assert.ok(shown.built.pixels.length > 10_000, 'a screenshot was taken');
    assert.ok(shown.built.pixels.equals(shown.written.pixels), 'the built page does not look like the page as written');
  });
});
