// `npm run bench`: render, click and result timings of the elements in headless Chromium against a
// raw-DOM innerHTML baseline measured in the same run, and the gzipped bytes of what we ship. Prints
// every figure with its budget, writes bench/results/latest.json, exits 1 when a budget is exceeded.
//   npm run bench                 builds dist/ first (rollup), 5 measured pages per case after a warm-up
//   npm run bench -- --runs 9     more pages per case;  --no-build  reuses dist/ as it is
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { build as esbuild } from 'esbuild';
import { rollup } from 'rollup';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { chromium } from 'playwright';
import { CHROME_ARGS, ensureChrome } from '../scripts/lib/chrome.mjs';
import { bin, ensureDependencies, generate, run } from '../scripts/lib/setup.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = join(root, 'bench/.out');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) > 0 && args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
const KB = 1024;

const BUDGETS = {
  render280: 1.5,
  render1000: 2,
  click: 1.25,
  resultMs: 5,
  bundleBytes: 45 * KB,
  elementBytes: 30 * KB,
};

// ——— build ———
ensureDependencies();
const chrome = ensureChrome();
if (!args.includes('--no-build')) {
  generate();
  console.log('Building dist/ (rollup)…');
  if (run(bin('rollup'), ['-c', '--silent']) !== 0) process.exit(1);
}
mkdirSync(out, { recursive: true });

/** A generated instrument: `count` single-choice items with 4 options, in `sections` sections. */
function generated(count, sections) {
  const t = (fr, en) => ({ fr, en });
  const per = Math.ceil(count / sections);
  return {
    id: `bench-${count}`,
    version: '1.0.0',
    title: t(`Questionnaire de ${count} questions`, `${count}-question questionnaire`),
    source: { note: t('Généré pour la mesure', 'Generated for the benchmark'), licence: t('Libre', 'Free'), illustrative: true },
    scales: [
      {
        id: 'four',
        options: ['Jamais', 'Parfois', 'Souvent', 'Toujours'].map((fr, i) => ({ code: `o${i}`, label: t(fr, ['Never', 'Sometimes', 'Often', 'Always'][i]) })),
      },
    ],
    sections: Array.from({ length: sections }, (_, s) => ({
      id: `s${s + 1}`,
      kind: 'section',
      title: t(`Section ${s + 1}`, `Section ${s + 1}`),
      items: Array.from({ length: Math.min(per, count - s * per) }, (_, i) => ({
        id: `q${s * per + i + 1}`,
        type: 'single-choice',
        scale: 'four',
        label: t(`Question ${s * per + i + 1} : à quelle fréquence cela se produit-il ?`, `Question ${s * per + i + 1}: how often does this happen?`),
      })),
    })),
  };
}
const readInstrument = (id) => JSON.parse(readFileSync(join(root, `schemas/instruments/${id}.json`), 'utf8'));

// The result probe: engine + schema, bundled for the page.
await esbuild({
  entryPoints: [join(root, 'bench/page/result-probe.ts')],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  outfile: join(out, 'result-probe.js'),
  logLevel: 'error',
});

// ——— sizes ———
const gz = (code) => gzipSync(code, { level: 9 }).length;
const bundleBytes = gz(readFileSync(join(root, 'dist/boussole.bundle.js')));
const elementBytes = {};
for (const name of ['form', 'ces', 'needs-grid', 'pin-grid']) {
  // Each element's own graph, alone: its define module with lit, @lit/localize, zod and its instrument.
  const b = await rollup({
    input: join(root, `src/elements/${name}/define.ts`),
    plugins: [
      nodeResolve(),
      json({ compact: true }),
      typescript({ tsconfig: join(root, 'tsconfig.build.json'), declaration: false, outDir: join(out, 'ts'), noEmitOnError: true }),
      terser({ ecma: 2022, module: true, format: { comments: false } }),
    ],
    onwarn: () => {},
  });
  const { output } = await b.generate({ format: 'es', inlineDynamicImports: true });
  elementBytes[name] = gz(output[0].code);
}

// ——— browser ———
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = path.startsWith('/out/') ? join(out, path.slice(5)) : join(root, path);
  if (!file.startsWith(root) || !existsSync(file)) return res.writeHead(404).end();
  const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.json') ? 'application/json' : 'text/javascript';
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: chrome, headless: true, args: CHROME_ARGS });
const chromiumVersion = browser.version();

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** One fresh page per sample, after one warm-up page; returns the medians of render and click. */
async function measure(page, fn) {
  const samples = [];
  for (let i = 0; i <= RUNS; i++) {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${origin}/bench/page/${page}.html`);
    const sample = await p.evaluate(fn.code, fn.arg);
    await p.close();
    if (errors.length) throw new Error(`${page}: ${errors.join('; ')}`);
    if (i > 0) samples.push(sample); // the first page warms the browser and the caches up
  }
  return { render: median(samples.map((s) => s.render)), click: median(samples.map((s) => s.click)), radios: samples[0].radios };
}

// Run in the page (Playwright serialises these functions).
const BOUSSOLE = async ({ tag, attributes, instrument, expectedRadios }) => {
  await customElements.whenDefined('boussole-form');
  const h = await import('/bench/page/harness.js');
  const r = await h.renderBoussole({ tag, attributes, instrument, expectedRadios });
  const c = await h.clickBoussole({ tag });
  return { render: r.ms, click: c.ms, radios: r.radios };
};
const RAW = async ({ instrument }) => {
  const h = await import('/bench/page/harness.js');
  const r = await h.renderRaw({ instrument });
  const c = await h.clickRaw({});
  return { render: r.ms, click: c.ms, radios: r.radios };
};

const cases = [
  { key: 'pin-grid', label: 'PIN grid (24 statements)', tag: 'boussole-pin-grid' },
  { key: 'needs-grid', label: 'Needs grid (52 items)', tag: 'boussole-needs-grid', attributes: { 'age-band': 'y6-11' } },
  { key: 'ces', label: 'CÉS, 10–14 years (108 items)', tag: 'boussole-ces', attributes: { 'age-band': 'y10-14' } },
  { key: 'gen-280', label: 'Generated, 280 items in 7 sections', tag: 'boussole-form', instrument: generated(280, 7), expectedRadios: 1120 },
  { key: 'gen-1000', label: 'Generated, 1000 items in 10 sections', tag: 'boussole-form', instrument: generated(1000, 10), expectedRadios: 4000 },
];

const results = {};
try {
  for (const c of cases) {
    process.stdout.write(`Measuring ${c.label}… `);
    results[c.key] = await measure('boussole', {
      code: BOUSSOLE,
      arg: { tag: c.tag, attributes: { layout: 'all', ...(c.attributes ?? {}) }, instrument: c.instrument, expectedRadios: c.expectedRadios },
    });
    console.log('done');
    if (c.instrument) {
      process.stdout.write(`Measuring the raw-DOM baseline for ${c.label}… `);
      results[`raw-${c.key}`] = await measure('raw', { code: RAW, arg: { instrument: c.instrument } });
      console.log('done');
    }
  }
  // toResult + validation of the largest bundled instrument (and the others, for reference).
  for (const id of ['ces', 'needs-grid', 'pin-grid']) {
    const p = await browser.newPage();
    await p.goto(`${origin}/bench/page/raw.html`);
    results[`result-${id}`] = await p.evaluate(
      async (instrument) => (await import('/out/result-probe.js')).timeResult(instrument),
      readInstrument(id),
    );
    await p.close();
  }
} finally {
  await browser.close();
  server.close();
}

// ——— report ———
const rows = [];
const failures = [];
const fmt = (n, d = 1) => n.toFixed(d);
const check = (what, value, budget, pass, text) => {
  rows.push({ what, value, budget, pass });
  if (!pass) failures.push(what);
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${what.padEnd(58)} ${text}`);
};

console.log(`\nBoussole benchmark — ${new Date().toISOString().slice(0, 10)} — ${cpus()[0].model}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB — Chromium ${chromiumVersion} (headless)`);
console.log(`Median of ${RUNS} fresh pages after a warm-up page; clicks: median of 5 clicks per page spread over the form.\n`);
console.log('Case'.padEnd(42), 'radios'.padStart(7), 'render ms'.padStart(10), 'click ms'.padStart(9));
for (const [key, r] of Object.entries(results)) {
  if (key.startsWith('result-')) continue;
  const label = key.startsWith('raw-') ? `  raw-DOM baseline (${key.slice(4)})` : cases.find((c) => c.key === key).label;
  console.log(label.padEnd(42), String(r.radios).padStart(7), fmt(r.render).padStart(10), fmt(r.click).padStart(9));
}
console.log('');
for (const id of ['ces', 'needs-grid', 'pin-grid']) {
  const r = results[`result-${id}`];
  console.log(`toResult + validation, ${id} (${r.items} items, fully answered): ${fmt(r.ms, 2)} ms${r.complete ? '' : ' — NOT COMPLETE'}`);
}
const g280 = results['gen-280'];
const g1000 = results['gen-1000'];
const r280 = results['raw-gen-280'];
const r1000 = results['raw-gen-1000'];
const growth = g1000.render / g280.render;
const rawGrowth = r1000.render / r280.render;
console.log(`Render growth 280 → 1000 items (×3.57 items): Boussole ×${fmt(growth, 2)}, raw DOM ×${fmt(rawGrowth, 2)}\n`);

check('Render 280 items ≤ 1.5 × raw DOM', g280.render / r280.render, BUDGETS.render280, g280.render / r280.render <= BUDGETS.render280, `${fmt(g280.render)} ms vs ${fmt(r280.render)} ms = ×${fmt(g280.render / r280.render, 2)}`);
check('Render 1000 items ≤ 2 × raw DOM', g1000.render / r1000.render, BUDGETS.render1000, g1000.render / r1000.render <= BUDGETS.render1000, `${fmt(g1000.render)} ms vs ${fmt(r1000.render)} ms = ×${fmt(g1000.render / r1000.render, 2)}`);
check('Render growth roughly linear (≤ 1.25 × the item ratio 3.57)', growth, 3.57 * 1.25, growth <= 3.57 * 1.25, `×${fmt(growth, 2)}`);
const rawClick = Math.max(r280.click, r1000.click);
for (const c of cases) {
  const r = results[c.key];
  const base = c.key === 'gen-1000' ? r1000.click : c.key === 'gen-280' ? r280.click : rawClick;
  check(`Click → painted ≤ 1.25 × raw DOM: ${c.label}`, r.click / base, BUDGETS.click, r.click / base <= BUDGETS.click, `${fmt(r.click)} ms vs ${fmt(base)} ms = ×${fmt(r.click / base, 2)}`);
}
const ces = results['result-ces'];
check('toResult + validation of the CÉS < 5 ms', ces.ms, BUDGETS.resultMs, ces.ms < BUDGETS.resultMs && ces.complete, `${fmt(ces.ms, 2)} ms`);
check('Self-contained bundle ≤ 45 KB gzipped', bundleBytes, BUDGETS.bundleBytes, bundleBytes <= BUDGETS.bundleBytes, `${fmt(bundleBytes / KB)} KB`);
for (const [name, bytes] of Object.entries(elementBytes))
  check(`Element graph ≤ 30 KB gzipped: ${name}`, bytes, BUDGETS.elementBytes, bytes <= BUDGETS.elementBytes, `${fmt(bytes / KB)} KB`);

mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(
  join(root, 'bench/results/latest.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { cpu: cpus()[0].model, cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: chromiumVersion },
      runs: RUNS,
      timings: results,
      bytes: { bundle: bundleBytes, elements: elementBytes },
      budgets: rows,
      failures,
    },
    null,
    2,
  )}\n`,
);
console.log(`\n${rows.length - failures.length} budgets held, ${failures.length} exceeded. Figures in bench/results/latest.json.`);
process.exit(failures.length ? 1 : 0);
