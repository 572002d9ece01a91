// `npm run bench`: how fast the elements render and answer a click in headless Chromium, compared
// with two baselines measured in the same run (the raw-DOM floor and a static copy of the element's
// own final markup and stylesheet; for a form whose clicks reveal follow-up questions, also a static copy
// revealing the same ones, and for every case a static copy writing what the element wrote, both reported),
// then again with the CPU throttled 4× for the bundled instruments
// (the tablet proxy, reported, not budgeted); how long a complete result takes to produce and
// validate; how many gzipped bytes we ship. Prints every figure against its budget, writes
// bench/results/latest.json, exits with status 1 when a budget is exceeded (2 when the run failed).
//
//   npm run bench                     rebuilds dist/ with rollup when it is missing or older than its
//                                     sources, then measures 7 pages per case after a warm-up page
//   npm run bench -- --runs 5         pages per case (at least 5 for the budgets, 9+ where a ratio sits in
//                                     the noise; --clicks 9: clicks per page)
//   npm run bench -- --settle 1000    ms between a page's render and its first click (200 by default)
//   npm run bench -- --no-throttle    skip the 4× throttled run (the tablet proxy)
//   npm run bench -- --build          always rebuild;  --no-build: use dist/ as it is
//   npm run bench -- --bytes          the bytes only (no browser), printed, nothing written
//   npm run bench -- --only gen-280,pin-grid
//                                     while profiling: those cases' render and click only, printed as
//                                     ratios; no budgets checked, bench/results/latest.json untouched
//
// The pages and fixtures are in bench/ (bench/page/harness.js says how each timing is taken).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { rollup } from 'rollup';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { CASES, followUpsOf, generatedInstrument, readInstrument, skeletonOf } from '../bench/fixtures.mjs';
import { gzipped, median, openBrowser, throttle } from '../bench/lib.mjs';
import { CHROME_ARGS, ensureChrome } from './lib/chrome.mjs';
import { bin, ensureDependencies, generate, run } from './lib/setup.mjs';
import { bundleFiles, firstLoad } from './lib/bundle-graph.mjs';
import { minifyTemplates } from './lib/minify-templates.mjs';
import { validatedInstruments } from './lib/validated-instruments.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const rootUrl = pathToFileURL(root);
const at = (...parts) => join(root, ...parts);
const OUT = at('bench/.out'); // gitignored
const KB = 1024;

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  const n = i >= 0 ? Number(argv[i + 1]) : NaN;
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const RUNS = option('--runs', 7);
const CLICKS = option('--clicks', 7);
// How long each page rests between its render and its first click (ms). 200 as the budgets were first measured; a
// settled page (1000) is what a person clicks on, and where the browser has finished with the render (decision 0021).
const SETTLE = option('--settle', 200);
const RESULT_REPEATS = 41;
const onlyAt = argv.indexOf('--only');
const ONLY = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',').filter(Boolean)) : undefined;

const THROTTLE = argv.includes('--no-throttle') ? 0 : 4; // tablet proxy: CPU slowed 4×
const BUDGETS = {
  render280Static: 1.5, // × the static copy (the element's own markup and stylesheet, one innerHTML)
  render280: 2, // × raw DOM
  render1000: 2, // × raw DOM
  click: 1.25, // × the static copy of the element's whole page, one counter updated; every case
  resultMs: 5, // CÉS, toResult + validation
  formBytes: 40 * KB, // the four form elements' first load together (lit, @lit/localize, zod included)
  elementBytes: 40 * KB, // one ready element's first load (+ its instrument's text, a lazy chunk)
  bundleBytes: 40 * KB, // the no-build bundle's first load (entry + static chunks)
};
const ITEM_GROWTH = 1000 / 280;

const started = Date.now();
const log = (text) => process.stdout.write(text);

// ——— build ———

/** Newest modification time under `paths` (files or folders, recursively); 0 when none exists. */
function newest(paths) {
  let time = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) time = Math.max(time, newest(readdirSync(path).map((name) => join(path, name))));
    else time = Math.max(time, stat.mtimeMs);
  }
  return time;
}
/** Oldest modification time of `files`; 0 when one is missing. */
const oldest = (files) => Math.min(...files.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));

ensureDependencies();
const chromePath = ensureChrome({ full: true });

const generatedDir = at('src/localize/generated');
if (!existsSync(generatedDir) || newest([generatedDir]) < newest([at('xliff')])) {
  log('Generating the locale modules (lit-localize build)…\n');
  generate();
}

// dist/ is rebuilt when one of its outputs is missing or older than any of its inputs (sources,
// instruments, translations, build configuration); --build forces it, --no-build skips it.
const ELEMENTS = ['form', 'ces', 'needs-grid', 'pin-grid'];
const distOutputs = ['boussole.bundle.js', 'bundle', 'index.js', 'define.js', 'engine.js', ...ELEMENTS.map((e) => `elements/${e}.js`)].map((f) => at('dist', f));
const distInputs = ['src', 'schemas/instruments', 'xliff', 'rollup.config.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json'].map((p) => at(p));
let build = 'up to date';
if (argv.includes('--no-build')) build = 'skipped (--no-build)';
else if (argv.includes('--build') || oldest(distOutputs) < newest(distInputs)) {
  build = argv.includes('--build') ? 'rebuilt (--build)' : 'rebuilt (missing or older than its sources)';
  log(`Building dist/ with rollup: ${build.slice(9, -1)}…\n`);
  if (run(bin('rollup'), ['-c', '--silent']) !== 0) {
    console.error('The rollup build failed; nothing measured.');
    process.exit(2);
  }
}
for (const file of distOutputs)
  if (!existsSync(file)) {
    console.error(`${relative(root, file)} is missing: run without --no-build.`);
    process.exit(2);
  }

// ——— bytes ———
// Measured as a consumer's bundler builds the npm package (rollup, node-resolve, json, terser, gzip
// level 9), WITH code splitting: an element's first load is its entry and every chunk it imports
// statically; what it imports dynamically (its instrument's text, lazy modules) is a lazy chunk,
// reported on its own and not counted in the first load. The no-build bundle (dist/) alike.

const isInstrumentChunk = (chunk) => /[\\/]schemas[\\/]instruments[\\/][^\\/]+\.json$/.test(chunk.facadeModuleId ?? '');
const chunkLabel = (chunk) => (isInstrumentChunk(chunk) ? `text of ${chunk.facadeModuleId.replace(/^.*[\\/]/, '').replace(/\.json$/, '')}` : chunk.fileName.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, ''));

/**
 * The first load of some entries (each file gzipped on its own, as each is fetched: entries plus the
 * transitive closure of their static imports) and the lazy chunks, from rollup's output chunks.
 */
function loads(chunks, entries) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const first = firstLoad(byName, entries);
  const size = (c) => gzipped(c.code);
  return {
    first: [...first].reduce((n, f) => n + size(byName.get(f)), 0),
    firstFiles: first.size,
    lazy: chunks.filter((c) => !first.has(c.fileName)).map((c) => ({ name: chunkLabel(c), instrument: isInstrumentChunk(c), bytes: size(c), minified: Buffer.byteLength(c.code) })),
  };
}

/** Rollup's chunks of the no-build bundle as written in dist/ (the entry and the dist/bundle/ files it reaches). */
function distBundleChunks() {
  const chunks = [...bundleFiles(at('dist')).values()];
  // The instrument chunks are named after their file (see rollup.config.mjs); facadeModuleId as rollup gives it.
  for (const c of chunks) {
    const id = /^bundle\/(ces|needs-grid|pin-grid)-[\w-]{8}\.js$/.exec(c.fileName)?.[1];
    if (id) c.facadeModuleId = at(`schemas/instruments/${id}.json`);
  }
  return chunks;
}

const bytesPlugins = (dir) => [
  nodeResolve(),
  validatedInstruments(),
  json({ compact: true }),
  typescript({ tsconfig: at('tsconfig.build.json'), declaration: false, outDir: dir, sourceMap: true, noEmitOnError: true }),
  minifyTemplates(),
  terser({ ecma: 2022, module: true, format: { comments: false } }),
];

/**
 * Define modules bundled together WITH code splitting, as a consumer's bundler does, written to
 * bench/.out/elements/ with source maps (the entry `<name>.js`, chunks under chunks/<name>/, for
 * bench/profile.mjs bytes). Returns rollup's chunks and the entries' file names.
 */
async function splitBuild(label, names) {
  const dir = join(OUT, 'elements');
  const bundle = await rollup({ input: Object.fromEntries(names.map((n) => [n, at(`src/elements/${n}/define.ts`)])), plugins: bytesPlugins(dir), onwarn: () => {} });
  const { output } = await bundle.write({ dir, entryFileNames: names.length === 1 ? '[name].js' : `${label}/[name].js`, chunkFileNames: `chunks/${label}/[name]-[hash].js`, format: 'es', sourcemap: true });
  await bundle.close();
  const chunks = output.filter((o) => o.type === 'chunk');
  return { chunks, entries: chunks.filter((c) => c.isEntry).map((c) => c.fileName) };
}

log('Bundling each element alone and the four form elements together, with code splitting (rollup)… ');
const elementLoads = {};
let formLoad;
if (!ONLY) {
  for (const name of ELEMENTS) {
    const { chunks, entries } = await splitBuild(name, [name]);
    elementLoads[name] = loads(chunks, entries);
  }
  const { chunks, entries } = await splitBuild('four-forms', ELEMENTS);
  formLoad = loads(chunks, entries);
}
const bundleLoad = loads(distBundleChunks(), ['boussole.bundle.js']);
const elementBytes = Object.fromEntries(Object.entries(elementLoads).map(([k, v]) => [k, v.first]));
const instrumentText = {};
for (const load of Object.values(elementLoads)) for (const c of load.lazy) if (c.instrument) instrumentText[c.name.replace(/^text of /, '')] = c.bytes;
log('done\n');
if (argv.includes('--bytes')) {
  // Bytes only (no browser): the table and the three byte budgets' figures, nothing written.
  const k = (b) => `${(b / KB).toFixed(1)} KB`;
  for (const [name, load] of Object.entries(elementLoads)) console.log(`${name}: first load ${k(load.first)} (${load.firstFiles} files); lazy ${load.lazy.map((c) => `${c.name} ${k(c.bytes)}`).join(', ')}`);
  console.log(`four form elements: first load ${k(formLoad.first)} (${formLoad.firstFiles} files); lazy ${formLoad.lazy.map((c) => `${c.name} ${k(c.bytes)}`).join(', ')}`);
  console.log(`no-build bundle: first load ${k(bundleLoad.first)} (${bundleLoad.firstFiles} files); lazy ${bundleLoad.lazy.map((c) => `${c.name} ${k(c.bytes)}`).join(', ')}`);
  process.exit(0);
}

// The result page's module: dist/index.js with lit, @lit/localize and zod from node_modules.
await esbuild({
  entryPoints: [at('bench/page/result.js')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  outfile: join(OUT, 'result.js'),
  logLevel: 'error',
});

// ——— the page server: 127.0.0.1, dist/ and bench/ only ———

// One context for the whole run (shared HTTP and code caches, as for a returning visitor); a new page
// per sample. Any request that leaves the local server fails the run.
const { server, browser, context, close } = await openBrowser(root, { executablePath: chromePath });
const origin = server.origin;
const chromiumVersion = browser.version();
const external = [];
context.on('request', (request) => {
  if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) external.push(request.url());
});

/** Opens a fresh page (its CPU throttled `rate`× when given), runs `fn(arg)` in it (a function serialised by Playwright), closes it. */
async function inPage(path, fn, arg, rate = 0) {
  const page = await context.newPage();
  if (rate > 1) await throttle(context, page, rate);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  try {
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    const value = await page.evaluate(fn, arg);
    if (errors.length) throw new Error(errors.join('; '));
    return value;
  } catch (error) {
    throw new Error(`${path}: ${error.message}${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`);
  } finally {
    await page.close();
  }
}

// Run in the pages.
// The warm-up page (`shapes`) also returns, once the element has settled and before any click, the
// skeleton the raw floor renders and the static copy (the element's serialized shadow DOM and stylesheet).
const ELEMENT_SAMPLE = async ({ tag, attributes, instrument, expectedRadios, clicks, shapes, settle }) => {
  const h = await import('/bench/page/harness.js');
  const render = await h.renderElement({ tag, attributes, instrument, expectedRadios });
  await h.quiet(settle);
  const skeleton = shapes ? h.skeletonOf(tag) : undefined;
  const copy = shapes ? h.snapshotOf(tag) : undefined;
  // The warm-up page's clicks also record what the element writes, for the static copy that writes the same.
  const { writes, ...click } = shapes ? await h.recordWrites({ tag, count: clicks }) : await h.clickElement({ tag, count: clicks });
  return { render: render.ms, radios: render.radios, click, skeleton, copy, writes };
};
const STATIC_SAMPLE = async ({ html, css, clicks, followUps, writes, settle }) => {
  const h = await import('/bench/page/harness.js');
  const render = await h.renderStatic({ html, css });
  const prepared = writes && h.prepareWrites(writes);
  await h.quiet(settle);
  const click = writes ? await h.clickStaticWrites({ count: clicks, prepared }) : await h.clickStatic({ count: clicks, followUps });
  return { render: render.ms, radios: render.radios, click };
};
const RAW_SAMPLE = async ({ skeleton, clicks, settle }) => {
  const h = await import('/bench/page/harness.js');
  const render = await h.renderRaw({ skeleton });
  await h.quiet(settle);
  const click = await h.clickRaw({ count: clicks });
  return { render: render.ms, radios: render.radios, click };
};
/** The static copy with the same reveals: the generic form given the instrument with every follow-up shown. */
const REVEALING_COPY = async ({ attributes, instrument }) =>
  (await import('/bench/page/harness.js')).settledCopy({ tag: 'boussole-form', attributes, instrument });
const RESULT_SAMPLE = async (arg) => (await import('/bench/.out/result.js')).timeResult(arg);

const countRadios = (skeleton) => skeleton.sections.reduce((n, s) => n + s.groups.reduce((m, g) => m + g.options.length, 0), 0);
const summarise = (samples) => ({
  render: median(samples.map((s) => s.render)),
  renderMin: Math.min(...samples.map((s) => s.render)),
  click: median(samples.flatMap((s) => s.click.times)),
  clickDom: median(samples.flatMap((s) => s.click.dom)),
  radios: samples[0].radios,
  samples: { render: samples.map((s) => round(s.render)), click: samples.map((s) => round(median(s.click.times))) },
});
const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

const timings = {};
const throttled = {};
const results = {};
let failed;

/**
 * One case: a warm-up round (not counted) that also takes the raw floor's skeleton and the static
 * copy off the settled element, then `RUNS` rounds of element, static copy and raw floor pages,
 * alternating, so a change in the machine's load touches all three alike. `rate`: CPU throttling.
 */
async function measureCase(c, rate, into) {
  const instrument = c.generated ? generatedInstrument(...c.generated) : undefined;
  const attributes = { layout: 'all', ...c.attributes };
  let skeleton = instrument && skeletonOf(instrument);
  let expectedRadios = skeleton && countRadios(skeleton);
  log(`Measuring ${c.label}${rate > 1 ? `, CPU throttled ${rate}×` : ''}, its static copy and its raw floor: `);
  const warm = await inPage('/bench/page/boussole.html', ELEMENT_SAMPLE, { tag: c.tag, attributes, instrument, expectedRadios, clicks: CLICKS, settle: SETTLE, shapes: true }, rate);
  const copy = warm.copy;
  if (!skeleton) {
    skeleton = warm.skeleton;
    expectedRadios = warm.radios;
    if (countRadios(skeleton) !== expectedRadios) throw new Error(`${c.label}: the baseline skeleton has ${countRadios(skeleton)} radios, the element ${expectedRadios}`);
  }
  if (copy.radios !== expectedRadios) throw new Error(`${c.label}: the static copy has ${copy.radios} radios, the element ${expectedRadios}`);
  const copyArg = { html: copy.html, css: copy.css, clicks: CLICKS, settle: SETTLE };
  await inPage('/bench/page/raw.html', STATIC_SAMPLE, copyArg, rate);
  // The same copy whose clicks write what the element's wrote (texts, follow-ups): what showing an answer's
  // consequences costs the browser alone, with no engine and no Lit. Reported beside the budget, not instead of it.
  const writesArg = { ...copyArg, writes: warm.writes };
  await inPage('/bench/page/raw.html', STATIC_SAMPLE, writesArg, rate);
  // A form whose clicks reveal follow-up questions is also timed against a static copy that reveals the same ones
  // (taken with every follow-up shown, then each hidden until its answer comes): what the browser alone costs for
  // that page. Reported beside the budget, not instead of it.
  const { followUps, shown } = followUpsOf(instrument ?? readInstrument(rootUrl, c.key));
  let revealArg;
  if (followUps.length) {
    const all = await inPage('/bench/page/boussole.html', REVEALING_COPY, { attributes, instrument: shown }, rate);
    revealArg = { html: all.html, css: all.css, clicks: CLICKS, settle: SETTLE, followUps };
    await inPage('/bench/page/raw.html', STATIC_SAMPLE, revealArg, rate);
  }
  await inPage('/bench/page/raw.html', RAW_SAMPLE, { skeleton, clicks: CLICKS, settle: SETTLE }, rate);
  log('w ');
  const mine = [];
  const still = [];
  const revealing = [];
  const writing = [];
  const raw = [];
  for (let i = 0; i < RUNS; i++) {
    mine.push(await inPage('/bench/page/boussole.html', ELEMENT_SAMPLE, { tag: c.tag, attributes, instrument, expectedRadios, clicks: CLICKS, settle: SETTLE }, rate));
    still.push(await inPage('/bench/page/raw.html', STATIC_SAMPLE, copyArg, rate));
    if (revealArg) revealing.push(await inPage('/bench/page/raw.html', STATIC_SAMPLE, revealArg, rate));
    writing.push(await inPage('/bench/page/raw.html', STATIC_SAMPLE, writesArg, rate));
    raw.push(await inPage('/bench/page/raw.html', RAW_SAMPLE, { skeleton, clicks: CLICKS, settle: SETTLE }, rate));
    if (raw.at(-1).radios !== expectedRadios) throw new Error(`${c.label}: the baseline has ${raw.at(-1).radios} radios, expected ${expectedRadios}`);
    if (still.at(-1).radios !== expectedRadios) throw new Error(`${c.label}: the static copy has ${still.at(-1).radios} radios, expected ${expectedRadios}`);
    log(`${i + 1} `);
  }
  into[c.key] = { ...summarise(mine), copy: { elements: copy.elements, comments: copy.comments, cssChars: copy.css.length } };
  into[`static-${c.key}`] = summarise(still);
  if (revealArg) into[`reveal-${c.key}`] = { ...summarise(revealing), followUps: revealing[0].click.followUps };
  into[`writes-${c.key}`] = summarise(writing);
  into[`raw-${c.key}`] = summarise(raw);
  log('\n');
}

try {
  for (const c of ONLY ? CASES.filter((x) => ONLY.has(x.key)) : CASES) await measureCase(c, 0, timings);
  // The tablet proxy: the bundled instruments again, every page's CPU slowed THROTTLE×.
  if (THROTTLE) for (const c of CASES.filter((x) => !x.generated && (!ONLY || ONLY.has(x.key)))) await measureCase(c, THROTTLE, throttled);
  log('Measuring toResult + validation on fully answered instruments… ');
  for (const c of ONLY ? [] : CASES.filter((x) => !x.generated)) {
    results[c.key] = await inPage('/bench/page/result.html', RESULT_SAMPLE, {
      tag: c.tag,
      instrument: readInstrument(rootUrl, c.key),
      ageBand: c.attributes['age-band'],
      repeats: RESULT_REPEATS,
    });
  }
  log('done\n');
  if (external.length) throw new Error(`requests left the local server: ${[...new Set(external)].join(', ')}`);
} catch (error) {
  failed = error;
} finally {
  await close();
}
if (failed) {
  console.error(`\nThe benchmark could not run: ${failed.message}`);
  process.exit(2);
}

// ——— report ———

if (ONLY) {
  for (const [set, label] of [[timings, ''], [throttled, ` (CPU ${THROTTLE}×)`]])
    for (const [key, t] of Object.entries(set)) {
      if (/^(raw|static|reveal|writes)-/.test(key)) continue;
      const raw = set[`raw-${key}`];
      const copy = set[`static-${key}`];
      const reveal = set[`reveal-${key}`];
      const writes = set[`writes-${key}`];
      console.log(
        `${key}${label}: render ${t.render.toFixed(1)} ms vs static ${copy.render.toFixed(1)} (× ${(t.render / copy.render).toFixed(2)}), raw ${raw.render.toFixed(1)} (× ${(t.render / raw.render).toFixed(2)}); ` +
          `click ${t.click.toFixed(1)} ms vs static ${copy.click.toFixed(1)} (× ${(t.click / copy.click).toFixed(2)}), raw ${raw.click.toFixed(1)} (× ${(t.click / raw.click).toFixed(2)})` +
          `${reveal ? `, static with the same reveals ${reveal.click.toFixed(1)} (× ${(t.click / reveal.click).toFixed(2)}; ${reveal.followUps} follow-ups)` : ''}` +
          `, static with the element's writes ${writes.click.toFixed(1)} (× ${(t.click / writes.click).toFixed(2)}; × ${(writes.click / copy.click).toFixed(2)} the one-counter copy); samples ${JSON.stringify(t.samples)} static ${JSON.stringify(copy.samples)} raw ${JSON.stringify(raw.samples)}` +
          `${reveal ? ` reveals ${JSON.stringify(reveal.samples.click)}` : ''} writes ${JSON.stringify(writes.samples.click)}`,
      );
    }
  console.log('--only: a partial run; no budget checked, bench/results/latest.json left as it was.');
  process.exit(0);
}

const f1 = (n) => n.toFixed(1);
const f2 = (n) => n.toFixed(2);
const kb = (bytes) => `${f1(bytes / KB)} KB`;
const budgets = [];
const check = (what, measured, limit, pass, detail) => budgets.push({ what, measured: round(measured, 3), budget: round(limit, 3), pass, detail });

const g280 = timings['gen-280'];
const g1000 = timings['gen-1000'];
const s280 = timings['static-gen-280'];
const s1000 = timings['static-gen-1000'];
const r280 = timings['raw-gen-280'];
const r1000 = timings['raw-gen-1000'];
const growth = g1000.render / g280.render;
const staticGrowth = s1000.render / s280.render;
const rawGrowth = r1000.render / r280.render;

check('Render, 280 items ≤ 1.5 × static copy', g280.render / s280.render, BUDGETS.render280Static, g280.render / s280.render <= BUDGETS.render280Static, `${f1(g280.render)} / ${f1(s280.render)} ms`);
check('Render, 280 items ≤ 2 × raw floor', g280.render / r280.render, BUDGETS.render280, g280.render / r280.render <= BUDGETS.render280, `${f1(g280.render)} / ${f1(r280.render)} ms`);
check('Render, 1000 items ≤ 2 × raw floor', g1000.render / r1000.render, BUDGETS.render1000, g1000.render / r1000.render <= BUDGETS.render1000, `${f1(g1000.render)} / ${f1(r1000.render)} ms`);
for (const c of CASES) {
  const mine = timings[c.key];
  const copy = timings[`static-${c.key}`];
  check(`Click → painted ≤ 1.25 × static page: ${c.label}`, mine.click / copy.click, BUDGETS.click, mine.click / copy.click <= BUDGETS.click, `${f1(mine.click)} / ${f1(copy.click)} ms`);
}
const ces = results.ces;
check('toResult + validation, CÉS < 5 ms', ces.ms, BUDGETS.resultMs, ces.ms < BUDGETS.resultMs && ces.complete, `${f2(round(ces.ms, 3))} ms${ces.complete ? '' : ', NOT COMPLETE'}`);
check('Four form elements together, first load ≤ 40 KB gzipped', formLoad.first / KB, BUDGETS.formBytes / KB, formLoad.first <= BUDGETS.formBytes, `${formLoad.first} B in ${formLoad.firstFiles} files`);
for (const name of ELEMENTS) {
  const text = instrumentText[name];
  const label = text === undefined ? `Element first load ≤ 40 KB gzipped: ${name}` : `Element first load ≤ 40 KB (+ its text ${kb(text)}): ${name}`;
  check(label, elementBytes[name] / KB, BUDGETS.elementBytes / KB, elementBytes[name] <= BUDGETS.elementBytes, `${elementBytes[name]} B in ${elementLoads[name].firstFiles} files`);
}
check('No-build bundle, first load (entry + static chunks) ≤ 40 KB', bundleLoad.first / KB, BUDGETS.bundleBytes / KB, bundleLoad.first <= BUDGETS.bundleBytes, `${bundleLoad.first} B in ${bundleLoad.firstFiles} files`);
const failures = budgets.filter((b) => !b.pass).map((b) => b.what);

const date = new Date().toISOString();
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: chromiumVersion };
const lines = [];
const say = (text = '') => lines.push(text);
say(`Boussole benchmark — ${date}`);
say(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB — Node ${machine.node} — Chromium ${machine.chromium} (headless, ${CHROME_ARGS.join(' ')})`);
say(`dist/: ${build}. Median of ${RUNS} fresh pages per case after 1 warm-up page; click: median of ${CLICKS} clicks × ${RUNS} pages, the first ${SETTLE} ms after the page's render.`);
say('Timings end on the first task after the next requestAnimationFrame (frame painted). Render: createElement … every radio in the DOM, painted.');
say('Click: label.click() … radio checked, summary updated, painted; "to DOM": the part before waiting for the frame (script only).');
say('Static copy: the element\'s own final shadow DOM (session fields, text areas, plans, tallies, summary), serialized once');
say('the element has settled, written with one innerHTML into a shadow root with the element\'s stylesheet; its clicks update one');
say('counter (the summary\'s first line). Raw floor: the element\'s choice questions as plain markup, no stylesheet (for a bundled');
say('instrument, no text, date or select fields, session, plans or tallies), one counter updated.');
const table = (set, note) => {
  say();
  say(note);
  say(`${'Case'.padEnd(36)}${'radios'.padStart(7)} |${'render'.padStart(8)}${'static'.padStart(8)}${'×'.padStart(6)}${'raw'.padStart(8)}${'×'.padStart(6)} |${'click'.padStart(7)}${'static'.padStart(8)}${'×'.padStart(6)}${'raw'.padStart(7)}${'×'.padStart(6)} |${'to DOM'.padStart(7)}${'static'.padStart(7)}${'raw'.padStart(6)}`);
  for (const c of CASES) {
    const mine = set[c.key];
    if (!mine) continue;
    const copy = set[`static-${c.key}`];
    const raw = set[`raw-${c.key}`];
    say(
      `${c.label.padEnd(36)}${String(mine.radios).padStart(7)} |${f1(mine.render).padStart(8)}${f1(copy.render).padStart(8)}${f2(mine.render / copy.render).padStart(6)}${f1(raw.render).padStart(8)}${f2(mine.render / raw.render).padStart(6)} |` +
        `${f1(mine.click).padStart(7)}${f1(copy.click).padStart(8)}${f2(mine.click / copy.click).padStart(6)}${f1(raw.click).padStart(7)}${f2(mine.click / raw.click).padStart(6)} |${f1(mine.clickDom).padStart(7)}${f1(copy.clickDom).padStart(7)}${f1(raw.clickDom).padStart(6)}`,
    );
  }
};
/** Clicks against the static copy that writes what the element writes: the floor of showing an answer's consequences. */
const writesLines = (set) => {
  const rows = CASES.filter((c) => set[`writes-${c.key}`]);
  if (!rows.length) return;
  say('Click against a static copy that writes what the element wrote for the same clicks (its texts, counts, tallies and');
  say('follow-up questions, recorded on the warm-up page; no engine, no Lit): what showing an answer costs the browser alone.');
  say('Reported, not budgeted; the last ratio is that copy over the one-counter copy, the floor of the click budget\'s ratio:');
  for (const c of rows) {
    const mine = set[c.key];
    const copy = set[`static-${c.key}`];
    const writes = set[`writes-${c.key}`];
    say(`  ${c.label.padEnd(34)}${f1(mine.click).padStart(7)} ms vs ${f1(writes.click)} (× ${f2(mine.click / writes.click)}); one counter ${f1(copy.click)}: the copy's writes × ${f2(writes.click / copy.click)}`);
  }
};
/** Clicks against the static copy with the same reveals, for the forms whose clicks show follow-up questions. */
const revealLines = (set) => {
  const rows = CASES.filter((c) => set[`reveal-${c.key}`]);
  if (!rows.length) return;
  say('Click against a static copy with the same reveals (every follow-up question in its DOM, hidden, shown when its answer');
  say('comes, as the element shows it; reported, not budgeted: what revealing alone costs the browser on that page):');
  for (const c of rows) {
    const mine = set[c.key];
    const copy = set[`static-${c.key}`];
    const reveal = set[`reveal-${c.key}`];
    say(`  ${c.label.padEnd(34)}${f1(mine.click).padStart(7)} ms vs ${f1(reveal.click)} (× ${f2(mine.click / reveal.click)}; ${reveal.followUps} follow-ups); the static copy without them ${f1(copy.click)} (× ${f2(mine.click / copy.click)})`);
  }
};
table(timings, 'Medians, ms; × = the element\'s time over that baseline\'s.');
revealLines(timings);
writesLines(timings);
say(`Render growth 280 → 1000 items (items × ${f2(ITEM_GROWTH)}): element × ${f2(growth)} (${f2(growth / ITEM_GROWTH)} of linear), static copy × ${f2(staticGrowth)} (${f2(staticGrowth / ITEM_GROWTH)}), raw floor × ${f2(rawGrowth)} (${f2(rawGrowth / ITEM_GROWTH)})`);
say(`Static copies: ${CASES.map((c) => `${c.key} ${timings[c.key].copy.elements} elements + ${timings[c.key].copy.comments} comments`).join(', ')}; stylesheet ${timings[CASES[0].key].copy.cssChars}–${Math.max(...CASES.map((c) => timings[c.key].copy.cssChars))} characters`);
if (THROTTLE) {
  table(throttled, `Tablet proxy: the bundled instruments with every page's CPU throttled ${THROTTLE}× (DevTools protocol); reported, not budgeted.`);
  revealLines(throttled);
  writesLines(throttled);
}
else say('Tablet proxy skipped (--no-throttle).');
say();
say(`toResult + validation, fully answered (el.value + el.checkValidity() + parseResult(); median of ${RESULT_REPEATS - 1} after a first call;`);
say('checkValidity reuses the issues toResult computed for `status`):');
for (const c of CASES.filter((x) => !x.generated)) {
  const r = results[c.key];
  say(`  ${c.label.padEnd(36)}${f2(r.ms).padStart(6)} ms  (toResult ${f2(r.toResult)}, checkValidity ${f2(r.validity)}, parseResult ${f2(r.parse)}; first call ${f2(r.first)} ms; ${r.answers} answers${r.complete ? '' : '; NOT COMPLETE'})`);
}
say();
say('Gzipped bytes (zlib level 9, each file on its own), built as a consumer\'s bundler does (rollup, node-resolve, terser) with code');
say('splitting: first load = entry + its static imports; a lazy chunk (dynamic import) is not in it and is listed on its own.');
say(`${'Module'.padEnd(44)}${'first load'.padStart(12)}${'files'.padStart(7)}  lazy chunks (gzipped, loaded on need)`);
const lazyList = (load) => load.lazy.map((c) => `${c.name} ${kb(c.bytes)}`).join(', ') || '—';
for (const name of ELEMENTS) say(`${`boussole/elements/${name}.js`.padEnd(44)}${kb(elementBytes[name]).padStart(12)}${String(elementLoads[name].firstFiles).padStart(7)}  ${lazyList(elementLoads[name])}`);
say(`${'the four together (one app)'.padEnd(44)}${kb(formLoad.first).padStart(12)}${String(formLoad.firstFiles).padStart(7)}  ${lazyList(formLoad)}`);
say(`${'dist/boussole.bundle.js (no build)'.padEnd(44)}${kb(bundleLoad.first).padStart(12)}${String(bundleLoad.firstFiles).padStart(7)}  ${lazyList(bundleLoad)}`);
say(`Instrument texts (each its own chunk): ${Object.entries(instrumentText).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}`);
say();
say(`${'Budget'.padEnd(68)}${'measured'.padStart(10)}${'budget'.padStart(9)}  result  detail`);
for (const b of budgets) say(`${b.what.padEnd(68)}${f2(b.measured).padStart(10)}${f2(b.budget).padStart(9)}  ${b.pass ? 'PASS  ' : 'FAIL  '}  ${b.detail}`);
say();
say(failures.length ? `${failures.length} of ${budgets.length} budgets FAILED: ${failures.join('; ')}.` : `All ${budgets.length} budgets held.`);
say(`Run time ${Math.round((Date.now() - started) / 1000)} s. Figures in bench/results/latest.json.`);
console.log(`\n${lines.join('\n')}`);

mkdirSync(at('bench/results'), { recursive: true });
const timingsJson = (set) =>
  Object.fromEntries(Object.entries(set).map(([k, v]) => [k, { radios: v.radios, renderMs: round(v.render), renderMinMs: round(v.renderMin), clickMs: round(v.click), clickToDomMs: round(v.clickDom, 2), samples: v.samples, ...(v.copy ? { staticCopy: v.copy } : {}) }]));
const report = {
  date,
  machine,
  method: {
    build,
    runs: RUNS,
    warmUpPages: 1,
    clicksPerPage: CLICKS,
    settleMs: SETTLE,
    resultRepeats: RESULT_REPEATS,
    painted: 'requestAnimationFrame, then the first MessageChannel task after it',
    baselines: 'static copy: the element\'s final shadow DOM and stylesheet, one innerHTML into a shadow root, one counter updated per click; raw floor: its choice questions as plain markup, no stylesheet; reveal-<case> (reported, not budgeted): the static copy taken with every follow-up question shown, each hidden until its answer comes; writes-<case> (reported, not budgeted): the static copy replaying what the element wrote for the same clicks',
    pages: 'render and click: dist/boussole.bundle.js; result: dist/index.js bundled with esbuild (lit, @lit/localize, zod from node_modules)',
  },
  timings: timingsJson(timings),
  throttled: THROTTLE ? { rate: THROTTLE, timings: timingsJson(throttled) } : undefined,
  growth: { items: round(ITEM_GROWTH, 2), elements: round(growth, 2), static: round(staticGrowth, 2), raw: round(rawGrowth, 2) },
  result: Object.fromEntries(Object.entries(results).map(([k, r]) => [k, { ms: round(r.ms, 3), toResultMs: round(r.toResult, 3), checkValidityMs: round(r.validity, 3), parseResultMs: round(r.parse, 3), firstCallMs: round(r.first, 3), answers: r.answers, complete: r.complete }])),
  bytes: {
    method: 'gzip level 9 per file; first load = entry + static imports; rollup with code splitting',
    elements: Object.fromEntries(Object.entries(elementLoads).map(([k, v]) => [k, { firstLoad: v.first, files: v.firstFiles, lazy: v.lazy }])),
    fourFormElements: { firstLoad: formLoad.first, files: formLoad.firstFiles, lazy: formLoad.lazy },
    bundle: { firstLoad: bundleLoad.first, files: bundleLoad.firstFiles, lazy: bundleLoad.lazy },
    instrumentTexts: instrumentText,
  },
  budgets,
  failures,
};
writeFileSync(at('bench/results/latest.json'), `${JSON.stringify(report, null, 2)}\n`);
process.exit(failures.length ? 1 : 0);
