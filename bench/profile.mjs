// Where the time and the bytes go: a diagnosis tool next to `npm run bench` (run that first: it builds
// dist/ and bench/.out/elements/). Not part of the budgets.
//
//   node bench/profile.mjs render gen-280   Chrome trace (script / style / layout / paint / GC, self
//                                           times) and CPU profile (functions, source-mapped to src/
//                                           and node_modules) of one first render, after a warm-up page
//   node bench/profile.mjs click ces        the same over 15 clicks
//   node bench/profile.mjs decompose gen-280
//                                           render and click time of the same final DOM built without
//                                           Lit: the element's serialized shadow DOM written with one
//                                           innerHTML into a shadow root, with and without its
//                                           stylesheet (clicks update one counter, as the baseline's
//                                           do), and the raw baseline markup with the stylesheet
//   node bench/profile.mjs phases gen-280   the first update's phases, timed in the page by wrapping the
//                                           element's and its controllers' methods: willUpdate (instrument
//                                           validation, engine), the read model, render() (template values),
//                                           lit-html's commit (DOM), the form value and validity
//   node bench/profile.mjs clickphases ces  where a settled click's script time goes (PAUSE=ms, 1000 by
//                                           default): the handler and engine.setAnswer, the update's
//                                           read model, engine.validate and summaries, render(), lit-html's
//                                           commit, the form value and validity; median per click
//   node bench/profile.mjs floor needs-grid  what a click costs without the element's rendering: click →
//                                           painted of the element as it is, of the element whose summary is
//                                           not live (a still copy in its place, one counter written in it;
//                                           Lit updates the real one out of the page), of the element whose
//                                           updates render nothing (its update cycle, controllers and engine
//                                           run, Lit's render and commit do not; one text of the summary is
//                                           written, as the static copy writes its counter), of the element
//                                           with no update at all (handlers, engine, boussole-change), of the
//                                           static copy replaying what the element wrote for the same clicks
//                                           (texts, follow-ups: the floor of showing an answer), the same
//                                           but the summary's writes (one counter there instead), and of the
//                                           static copy with one counter, as npm run bench clicks them (PAUSE=ms
//                                           after the render, 200 by default as the bench; 1000 for settled pages)
//   node bench/profile.mjs bytes            gzipped bytes of the bundle and of each element graph by
//                                           package and by source file (through the source maps); the 14
//                                           largest files, or TOP=N of them (`TOP=80 node bench/profile.mjs bytes`)
// Cases: pin-grid, needs-grid, ces, gen-280, gen-1000 (bench/fixtures.mjs); `raw-<case>` profiles the
// raw-DOM baseline of the generated cases, `static-<case>` the static copy of any case (render, click).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, resolve } from 'node:path';
import { TraceMap, decodedMappings, originalPositionFor } from '@jridgewell/trace-mapping';
import { CASES, generatedInstrument, skeletonOf } from './fixtures.mjs';
import { gzipped as gz, median as med, openBrowser as open } from './lib.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const [what = 'render', caseKey = 'gen-280', countArg] = process.argv.slice(2);
const pad = (s, n) => String(s).padEnd(n);
const num = (n, w = 8, d = 1) => n.toFixed(d).padStart(w);

const openBrowser = () => open(root);

// ——— bytes ———

/** Which package or project folder a source path belongs to. */
function packageOf(source) {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = source.slice(nm + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (source.startsWith('schemas/')) return source;
  return source.split('/').slice(0, 3).join('/').replace(/\.ts$/, '');
}

/** Spans of the instrument JSON modules (no source map: @rollup/plugin-json) in minified code. */
function jsonSpans(code) {
  const spans = [];
  const marker = /\{\$schema:"\.\.\/instrument\.schema\.json",id:"([^"]+)"/g;
  for (let m; (m = marker.exec(code)); ) {
    let depth = 0;
    let quote = '';
    let i = m.index;
    for (; i < code.length; i++) {
      const ch = code[i];
      if (quote) {
        if (ch === '\\') i++;
        else if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
      else if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) break;
    }
    spans.push({ start: m.index, end: i + 1, source: `schemas/instruments/${m[1]}.json` });
  }
  return spans;
}

/** `../../../../../src/x.ts`, `../node_modules/lit-html/x.js` → `src/x.ts`, `node_modules/lit-html/x.js`. */
const normalise = (source) => {
  const at = Math.max(source.indexOf('node_modules/'), 0);
  if (source.includes('node_modules/')) return source.slice(at);
  return source.replace(/^(\.\.\/)+/, '').replace(/^bench\/\.out\/elements\//, '');
};

/**
 * Attributes each byte of a minified file to the original source of the mapping segment it falls in
 * (a segment runs to the next one, across lines: terser keeps the newlines of template literals, Lit's
 * html`` and css`` text, and maps only their first line), and the instrument JSON (no source map) to
 * its file. Then gzips each group's bytes on their own: those figures add up to more than the file's
 * (they lose the shared dictionary); the minified figures add up exactly.
 */
function attribute(file) {
  const code = readFileSync(file, 'utf8');
  const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
  const decoded = decodedMappings(map);
  const names = ['(unmapped)', ...map.sources.map((s) => normalise(s ?? '(unmapped)'))];
  const owner = new Uint16Array(code.length);
  let offset = 0;
  let current = 0;
  code.split('\n').forEach((line, l) => {
    let last = 0;
    for (const seg of decoded[l] ?? []) {
      owner.fill(current, offset + last, offset + seg[0]);
      last = seg[0];
      current = seg.length > 1 ? seg[1] + 1 : 0;
    }
    owner.fill(current, offset + last, offset + line.length + 1);
    offset += line.length + 1;
  });
  for (const span of jsonSpans(code)) {
    names.push(span.source);
    owner.fill(names.length - 1, span.start, span.end);
  }
  const texts = new Map();
  const runs = [];
  for (let i = 0, j; i < code.length; i = j) {
    for (j = i + 1; j < code.length && owner[j] === owner[i]; j++);
    const name = names[owner[i]];
    texts.set(name, (texts.get(name) ?? '') + code.slice(i, j));
    runs.push([name, code.slice(i, j)]);
  }
  const pkg = (name) => (name === '(unmapped)' ? '(unmapped)' : packageOf(name));
  const total = gz(code);
  // What leaving a group out would save: the file's gzip size minus that of the file without it.
  const marginal = (group) => total - gz(runs.filter(([name]) => pkg(name) !== group).map(([, text]) => text).join(''));
  const sources = [...texts].map(([source, text]) => ({ source, minified: Buffer.byteLength(text), text }));
  const packages = new Map();
  for (const s of sources) {
    const p = s.source === '(unmapped)' ? '(unmapped)' : packageOf(s.source);
    const entry = packages.get(p) ?? { name: p, minified: 0, text: '' };
    entry.minified += s.minified;
    entry.text += s.text;
    packages.set(p, entry);
  }
  // What gzip would save if the template literals' line breaks and indentation were collapsed
  // (every newline of terser's output is inside a template literal).
  const collapsed = code.replace(/\n\s*/g, '\n');
  return {
    total: { minified: Buffer.byteLength(code), gzip: gz(code), templateWhitespace: Buffer.byteLength(code) - Buffer.byteLength(collapsed), gzipCollapsed: gz(collapsed) },
    packages: [...packages.values()].map((p) => ({ name: p.name, minified: p.minified, gzip: gz(p.text), marginal: marginal(p.name) })).sort((a, b) => b.minified - a.minified),
    sources: sources.map((s) => ({ source: s.source, minified: s.minified, gzip: gz(s.text) })).sort((a, b) => b.minified - a.minified),
  };
}

function bytesReport() {
  const files = [join(root, 'dist/boussole.bundle.js'), ...['form', 'ces', 'needs-grid', 'pin-grid'].map((e) => join(root, `bench/.out/elements/${e}.js`))];
  for (const file of files) {
    if (!existsSync(`${file}.map`)) {
      console.log(`${relative(root, file)}: no source map (run npm run bench first)`);
      continue;
    }
    const a = attribute(file);
    console.log(`\n${relative(root, file)} — ${a.total.minified} B minified, ${a.total.gzip} B gzipped (${(a.total.gzip / 1024).toFixed(1)} KB)`);
    console.log(`  template-literal indentation: ${a.total.templateWhitespace} B minified; gzipped without it: ${a.total.gzipCollapsed} B (−${a.total.gzip - a.total.gzipCollapsed})`);
    console.log(`  ${pad('package / folder', 44)}${'minified'.padStart(10)}${'share'.padStart(7)}${'gzip alone'.padStart(12)}${'gzip saved if left out'.padStart(24)}`);
    for (const p of a.packages.slice(0, 16))
      console.log(`  ${pad(p.name, 44)}${String(p.minified).padStart(10)}${`${Math.round((100 * p.minified) / a.total.minified)}%`.padStart(7)}${String(p.gzip).padStart(12)}${String(p.marginal).padStart(24)}`);
    console.log(`  top source files:`);
    for (const s of a.sources.slice(0, Number(process.env.TOP ?? 14))) console.log(`    ${pad(s.source, 70)}${String(s.minified).padStart(8)}${String(s.gzip).padStart(8)}`);
  }
}

// ——— time ———

const TIMELINE = {
  script: ['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'V8.CompileCode', 'RunMicrotasks', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'v8.run', 'V8.ParseFunction', 'v8.evaluateModule'],
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet', 'ScheduleStyleRecalculation'],
  layout: ['Layout', 'UpdateLayerTree', 'PrePaint', 'Layerize'],
  paint: ['Paint', 'PaintImage', 'RasterTask', 'CompositeLayers', 'Commit'],
  parse: ['ParseHTML'],
  gc: ['MinorGC', 'MajorGC', 'V8.GCScavenger', 'V8.GCCompactor', 'V8.GC_MC_BACKGROUND_EVACUATE_COPY', 'BlinkGC.AtomicPhase', 'V8.GCFinalizeMC', 'ThreadState::performIdleLazySweep'],
};
const categoryOf = new Map(Object.entries(TIMELINE).flatMap(([c, names]) => names.map((n) => [n, c])));

/** Self time per event name on the renderer main thread, between the page's bench-start/bench-end marks. */
function timelineOf(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid);
  const start = events.find((e) => e.name === 'bench-start')?.ts;
  const end = events.find((e) => e.name === 'bench-end')?.ts;
  const complete = onMain
    .filter((e) => e.ph === 'X' && e.dur !== undefined && (start === undefined || (e.ts >= start && e.ts + e.dur <= end)))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  for (const e of complete) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.childTime = (parent.childTime ?? 0) + e.dur;
    stack.push(e);
  }
  for (const e of complete) self.set(e.name, (self.get(e.name) ?? 0) + (e.dur - (e.childTime ?? 0)) / 1000);
  const byCategory = {};
  for (const [name, ms] of self) {
    const c = categoryOf.get(name) ?? 'other';
    byCategory[c] = (byCategory[c] ?? 0) + ms;
  }
  return { wall: start !== undefined ? (end - start) / 1000 : undefined, byCategory, byName: [...self].sort((a, b) => b[1] - a[1]) };
}

/** Self and total time per function, source-mapped for the bundle. */
function functionsOf(profile, origin) {
  const mapFile = join(root, 'dist/boussole.bundle.js.map');
  const map = new TraceMap(readFileSync(mapFile, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  const nameOf = (frame) => {
    const url = frame.url.replace(origin, '');
    if (url === '/dist/boussole.bundle.js') {
      const pos = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
      if (pos.source) {
        const src = relative(root, resolve(join(root, 'dist'), pos.source)).replace(/^node_modules\//, '');
        return `${frame.functionName || '(anonymous)'} @ ${src}:${pos.line}${pos.name && pos.name !== frame.functionName ? ` [${pos.name}]` : ''}`;
      }
    }
    if (!frame.url) return frame.functionName || '(anonymous)';
    return `${frame.functionName || '(anonymous)'} @ ${url}:${frame.lineNumber + 1}`;
  };
  const self = new Map();
  const total = new Map();
  const walk = (id, ancestors) => {
    const node = nodes.get(id);
    const name = nameOf(node.callFrame);
    let sum = selfMs.get(id) ?? 0;
    self.set(name, (self.get(name) ?? 0) + sum);
    const seen = new Set(ancestors).add(name);
    for (const child of node.children ?? []) sum += walk(child, seen);
    if (!ancestors.has(name)) total.set(name, (total.get(name) ?? 0) + sum);
    return sum;
  };
  walk(profile.nodes[0].id, new Set());
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);
  // Self time by kind: our code, lit, zod, DOM calls from script, the rest of the browser's main thread.
  const groups = new Map();
  for (const [name, ms] of self) {
    const at = name.split(' @ ')[1] ?? '';
    const group =
      name === '(idle)' ? '(idle)'
      : name === '(program)' ? 'browser: style, layout, paint, parse… ((program))'
      : name === '(garbage collector)' ? 'garbage collector'
      : at.startsWith('src/') ? 'src/ (ours)'
      : /^(lit-html|lit-element|@lit\/reactive-element|lit\/|@lit\/localize)/.test(at) ? 'lit, @lit/localize'
      : at.startsWith('zod/') ? 'zod'
      : at.startsWith('/bench/') ? 'bench harness'
      : !at ? 'DOM and V8 built-ins called from script'
      : 'other script';
    groups.set(group, (groups.get(group) ?? 0) + ms);
  }
  return { self: sorted(self), total: sorted(total), groups: sorted(groups) };
}

/**
 * The case named on the command line, its instrument and its attributes (`layout="all"`). Where
 * `allowBaselines`: `raw-<case>`, the raw-DOM baseline of a generated case; `static-<case>`, the static
 * copy of any case (the element's settled shadow DOM and stylesheet, as `npm run bench` measures it).
 */
function namedCase(allowBaselines = false) {
  const raw = allowBaselines && caseKey.startsWith('raw-');
  const copy = allowBaselines && caseKey.startsWith('static-');
  const c = CASES.find((x) => x.key === caseKey.replace(/^(raw|static)-/, allowBaselines ? '' : '\0'));
  if (!c) throw new Error(`unknown case ${caseKey}`);
  if (raw && !c.generated) throw new Error('raw-<case> only for the generated cases');
  const instrument = c.generated ? generatedInstrument(...c.generated) : undefined;
  return { c, raw, copy, instrument, attributes: { layout: 'all', ...c.attributes } };
}

async function timeReport() {
  const { c, raw, copy, instrument, attributes } = namedCase(true);
  const clicks = Number(countArg) || 15;
  const { server, browser, context, close } = await openBrowser();
  let expectedRadios;
  let snapshot; // static-<case>: the element's settled shadow DOM and stylesheet
  const arg = () => ({ tag: c.tag, attributes, instrument, skeleton: raw ? skeletonOf(instrument) : undefined, snapshot, what, clicks, expectedRadios });
  /** The warm-up page renders; for clicks, every page renders first (not recorded). */
  const prepare = (page, warm) =>
    page.evaluate(async ({ tag, attributes, instrument, skeleton, snapshot, what, expectedRadios, warm }) => {
      if (!warm && what !== 'click') return undefined;
      const h = await import('/bench/page/harness.js');
      const r =
        skeleton ? await h.renderRaw({ skeleton })
        : snapshot ? await h.renderStatic(snapshot)
        : await h.renderElement({ tag, attributes, instrument, expectedRadios });
      await h.quiet(300);
      return r;
    }, { ...arg(), warm });
  const run = (page) =>
    page.evaluate(async ({ tag, attributes, instrument, skeleton, snapshot, what, clicks, expectedRadios }) => {
      const h = await import('/bench/page/harness.js');
      performance.mark('bench-start');
      let out;
      if (what === 'render')
        out =
          skeleton ? await h.renderRaw({ skeleton })
          : snapshot ? await h.renderStatic(snapshot)
          : await h.renderElement({ tag, attributes, instrument, expectedRadios });
      else out = skeleton ? await h.clickRaw({ count: clicks }) : snapshot ? await h.clickStatic({ count: clicks }) : await h.clickElement({ tag, count: clicks });
      performance.mark('bench-end');
      return out;
    }, arg());
  const open = async (element = !raw && !copy) => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/bench/page/${element ? 'boussole' : 'raw'}.html`);
    return page;
  };
  try {
    if (copy) {
      // The static copy is taken off a settled element, as npm run bench takes it.
      const source = await open(true);
      const { html, css } = await source.evaluate(async (arg) => (await import('/bench/page/harness.js')).settledCopy(arg), { tag: c.tag, attributes, instrument });
      await source.close();
      snapshot = { html, css };
    }
    const warm = await open();
    expectedRadios = (await prepare(warm, true)).radios;
    await warm.close();

    // 1. Chrome trace: where the main thread's time goes.
    const tracePage = await open();
    await prepare(tracePage, false);
    await browser.startTracing(tracePage, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing', '__metadata'],
    });
    const traced = await run(tracePage);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    await tracePage.close();
    const t = timelineOf(events);
    console.log(`\n${what} of ${raw ? 'raw-DOM baseline, ' : copy ? 'static copy, ' : ''}${c.label} — traced run: ${JSON.stringify(traced.ms ?? traced.times?.map((x) => +x.toFixed(1)))} ms, main-thread wall ${t.wall?.toFixed(1)} ms`);
    console.log('  main-thread self time by kind (ms): ' + Object.entries(t.byCategory).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
    console.log('  top trace events (self ms): ' + t.byName.slice(0, 12).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));

    // 2. CPU profile (100 µs sampling), source-mapped.
    const profPage = await open();
    await prepare(profPage, false);
    const cdp = await context.newCDPSession(profPage);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const profiled = await run(profPage);
    const { profile } = await cdp.send('Profiler.stop');
    await profPage.close();
    const f = functionsOf(profile, server.origin);
    const totalMs = (profile.endTime - profile.startTime) / 1000;
    console.log(`  CPU profile: ${totalMs.toFixed(1)} ms recorded; profiled run: ${JSON.stringify(profiled.ms ?? profiled.times?.map((x) => +x.toFixed(1)))} ms`);
    console.log('  self time by kind (ms): ' + f.groups.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
    console.log('  self time (ms):');
    for (const [name, ms] of f.self.filter(([n]) => n !== '(idle)').slice(0, Number(process.env.TOP ?? 25))) console.log(`    ${num(ms, 7)}  ${name}`);
    console.log('  total time (ms), project functions (src/):');
    for (const [name, ms] of f.total.filter(([n]) => n.includes('@ src/')).slice(0, Number(process.env.TOP ?? 25))) console.log(`    ${num(ms, 7)}  ${name}`);
  } finally {
    await close();
  }
}

/** Runs `fn(arg)` in a fresh page of the project's server at `path`, then closes the page. */
const pageRunner = (server, context) => async (path, fn, arg) => {
  const page = await context.newPage();
  await page.goto(`${server.origin}${path}`);
  try {
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
};

/** Render time of the element vs the same DOM without Lit, with and without the element's CSS. */
async function decompose() {
  const { c, instrument, attributes } = namedCase();
  const runs = Number(countArg) || 5;
  const { server, context, close } = await openBrowser();
  const inPage = pageRunner(server, context);
  try {
    const shape = await inPage('/bench/page/boussole.html', async ({ tag, attributes, instrument }) => {
      const h = await import('/bench/page/harness.js');
      await h.renderElement({ tag, attributes, instrument });
      return { ...h.snapshotOf(tag), skeleton: h.skeletonOf(tag) };
    }, { tag: c.tag, attributes, instrument });
    // The same DOM without Lit (bench/page/harness.js renderStatic), with the element's stylesheet or none.
    const STATIC = async ({ html, css, radios }) => {
      const r = await (await import('/bench/page/harness.js')).renderStatic({ html, css });
      if (r.radios !== radios) throw new Error('radio count');
      return r.ms;
    };
    const RAW_CSS = async ({ skeleton, css }) => {
      const h = await import('/bench/page/harness.js');
      // The baseline's markup, in a shadow root styled like the element (classes match its CSS).
      const original = document.body.append.bind(document.body);
      const host = document.createElement('div');
      const root = host.attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      const t0 = performance.now();
      document.body.append = (node) => root.append(node);
      original(host);
      const r = await h.renderRaw({ skeleton });
      document.body.append = original;
      return r.ms + (t0 - t0);
    };
    const ELEMENT = async ({ tag, attributes, instrument, radios }) => {
      const h = await import('/bench/page/harness.js');
      return (await h.renderElement({ tag, attributes, instrument, expectedRadios: radios })).ms;
    };
    const RAW = async ({ skeleton }) => (await (await import('/bench/page/harness.js')).renderRaw({ skeleton })).ms;
    const variants = [
      ['element (Lit)', '/bench/page/boussole.html', ELEMENT, { tag: c.tag, attributes, instrument, radios: shape.radios }],
      ['same DOM, one innerHTML, with CSS', '/bench/page/raw.html', STATIC, { html: shape.html, css: shape.css, radios: shape.radios }],
      ['same DOM, one innerHTML, no CSS', '/bench/page/raw.html', STATIC, { html: shape.html, css: '', radios: shape.radios }],
      ['raw baseline markup + element CSS', '/bench/page/raw.html', RAW_CSS, { skeleton: shape.skeleton, css: shape.css }],
      ['raw baseline (npm run bench)', '/bench/page/raw.html', RAW, { skeleton: shape.skeleton }],
    ];
    const times = variants.map(() => []);
    for (let i = 0; i <= runs; i++)
      for (const [k, [, path, fn, arg]] of variants.entries()) {
        const ms = await inPage(path, fn, arg);
        if (i > 0) times[k].push(ms);
      }
    // Click → painted on the same pages: each renders untimed, then 40 clicks spread over the form.
    const CLICK = async ({ kind, tag, attributes, instrument, html, css, skeleton }) => {
      const h = await import('/bench/page/harness.js');
      if (kind === 'element') await h.renderElement({ tag, attributes, instrument });
      else if (kind === 'static') await h.renderStatic({ html, css });
      else await h.renderRaw({ skeleton });
      await h.quiet(300);
      const count = 40;
      const r = kind === 'element' ? await h.clickElement({ tag, count }) : kind === 'static' ? await h.clickStatic({ count }) : await h.clickRaw({ count });
      return r.times;
    };
    const clickVariants = [
      ['element (Lit, engine, summaries)', '/bench/page/boussole.html', { kind: 'element', tag: c.tag, attributes, instrument }],
      ['same DOM + CSS, one counter updated', '/bench/page/raw.html', { kind: 'static', html: shape.html, css: shape.css }],
      ['same DOM, no CSS, one counter updated', '/bench/page/raw.html', { kind: 'static', html: shape.html, css: '' }],
      ['raw baseline (npm run bench)', '/bench/page/raw.html', { kind: 'raw', skeleton: shape.skeleton }],
    ];
    const clicks = clickVariants.map(() => []);
    for (let i = 0; i < runs; i++) for (const [k, [, path, arg]] of clickVariants.entries()) clicks[k].push(...(await inPage(path, CLICK, arg)));
    console.log(`\nRender of ${c.label}: ${shape.elements} elements and ${shape.comments} comment nodes in the shadow root, ${shape.radios} radios (median of ${runs} pages)`);
    for (const [k, [label]] of variants.entries()) console.log(`  ${pad(label, 40)}${num(med(times[k]))} ms   [${times[k].map((t) => t.toFixed(0)).join(' ')}]`);
    console.log(`Click → painted on the same pages (median of ${clicks[0].length} clicks over ${runs} pages each):`);
    for (const [k, [label]] of clickVariants.entries()) console.log(`  ${pad(label, 40)}${num(med(clicks[k]))} ms`);
  } finally {
    await close();
  }
}

/** What a diagnosis of clicks starts with: the case, the pages (the count argument), PAUSE=ms, a browser and its page runner. */
async function clickSession(pages, pause) {
  const { server, context, close } = await openBrowser();
  return {
    ...namedCase(),
    pages: Number(countArg) || pages,
    pause: Number(process.env.PAUSE ?? pause),
    inPage: pageRunner(server, context),
    close,
  };
}

/**
 * The click's floor: how close to the static copy a click can come when the element renders nothing (issue 19).
 * Pages in rotation, as npm run bench clicks them (7 clicks a page, PAUSE ms after the render).
 */
async function floor() {
  const { c, instrument, attributes, pages, pause, inPage, close } = await clickSession(8, 200);
  try {
    const copy = await inPage('/bench/page/boussole.html', async (arg) => (await import('/bench/page/harness.js')).settledCopy(arg), { tag: c.tag, attributes, instrument });
    const ELEMENT = async ({ tag, attributes, instrument, pause, variant }) => {
      const h = await import('/bench/page/harness.js');
      const el = await h.restedElement({ tag, attributes, instrument, pause });
      if (variant !== 'as it is') {
        let summary = el.shadowRoot.querySelector('[part="summary"]');
        if (variant === 'summary not live') {
          // A still copy takes the summary's place: Lit goes on updating the summary it rendered, out of the page.
          const still = summary.cloneNode(true);
          summary.replaceWith(still);
          summary = still;
        }
        // One text of the summary, written on each answer as the static copy writes its counter.
        const text = summary.querySelector('p').appendChild(document.createTextNode(''));
        let n = 0;
        if (variant === 'summary not live' || variant === 'no rendering') {
          // The element's own update, or ReactiveElement's (LitElement's without render() and the commit: the update cycle still runs).
          let update = el.update;
          if (variant === 'no rendering') {
            let proto = Object.getPrototypeOf(el);
            while (proto && !Object.prototype.hasOwnProperty.call(proto, 'createRenderRoot')) proto = Object.getPrototypeOf(proto);
            update = Object.getPrototypeOf(proto).update;
          }
          el.update = function (changed) {
            update.call(this, changed);
            text.data = ` ${++n}`;
          };
        } else
          el.requestUpdate = () => {
            text.data = ` ${++n}`;
          };
      }
      return h.clickElement({ tag, count: 7 });
    };
    // What the element's clicks write (texts, follow-ups), recorded once, replayed by the static copy.
    const writes = await inPage(
      '/bench/page/boussole.html',
      async ({ tag, attributes, instrument, pause }) => {
        const h = await import('/bench/page/harness.js');
        await h.restedElement({ tag, attributes, instrument, pause });
        return (await h.recordWrites({ tag, count: 7 })).writes;
      },
      { tag: c.tag, attributes, instrument, pause },
    );
    const STATIC_WRITES = async ({ html, css, pause, writes, summary }) => {
      const h = await import('/bench/page/harness.js');
      await h.renderStatic({ html, css });
      const prepared = h.prepareWrites(writes, { summary });
      await h.quiet(pause);
      return h.clickStaticWrites({ count: 7, prepared });
    };
    const STATIC = async ({ html, css, pause }) => {
      const h = await import('/bench/page/harness.js');
      await h.renderStatic({ html, css });
      await h.quiet(pause);
      return h.clickStatic({ count: 7 });
    };
    const variants = [
      ['element, as it is', '/bench/page/boussole.html', ELEMENT, { tag: c.tag, attributes, instrument, pause, variant: 'as it is' }],
      ['element, its summary not live', '/bench/page/boussole.html', ELEMENT, { tag: c.tag, attributes, instrument, pause, variant: 'summary not live' }],
      ['element, its updates render nothing', '/bench/page/boussole.html', ELEMENT, { tag: c.tag, attributes, instrument, pause, variant: 'no rendering' }],
      ['element, no update at all', '/bench/page/boussole.html', ELEMENT, { tag: c.tag, attributes, instrument, pause, variant: 'no update' }],
      ['static copy, the element’s writes', '/bench/page/raw.html', STATIC_WRITES, { html: copy.html, css: copy.css, pause, writes }],
      ['static copy, writes but the summary’s', '/bench/page/raw.html', STATIC_WRITES, { html: copy.html, css: copy.css, pause, writes, summary: false }],
      ['static copy, one counter updated', '/bench/page/raw.html', STATIC, { html: copy.html, css: copy.css, pause }],
    ];
    const times = variants.map(() => ({ painted: [], dom: [] }));
    for (let i = 0; i < pages; i++)
      for (const [k, [, path, fn, arg]] of variants.entries()) {
        const r = await inPage(path, fn, arg);
        times[k].painted.push(...r.times);
        times[k].dom.push(...r.dom);
      }
    const base = med(times.at(-1).painted);
    console.log(`\nClick of ${c.label}, ${pause} ms after the render (median of ${times[0].painted.length} clicks over ${pages} pages each):`);
    console.log(`  ${pad('', 40)}${pad('→ painted', 12)}${pad('× static', 10)}→ DOM updated`);
    for (const [k, [label]] of variants.entries())
      console.log(`  ${pad(label, 40)}${num(med(times[k].painted), 6)} ms ${num(med(times[k].painted) / base, 7, 2)}  ${num(med(times[k].dom), 9, 2)} ms`);
  } finally {
    await close();
  }
}

/** Times the phases of the element's first update (median over fresh pages). */
async function phases() {
  const { c, instrument, attributes } = namedCase();
  const runs = Number(countArg) || 5;
  const { server, context, close } = await openBrowser();
  const samples = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const page = await context.newPage();
      await page.goto(`${server.origin}/bench/page/boussole.html`);
      const sample = await page.evaluate(async ({ tag, attributes, instrument }) => {
        const h = await import('/bench/page/harness.js');
        await customElements.whenDefined(tag);
        const proto = Object.getPrototypeOf(customElements.get('boussole-form').prototype); // LitElement
        const form = customElements.get('boussole-form').prototype;
        const spent = {};
        const wrap = h.timeCalls(() => spent);
        // The controllers' classes are not exported by the bundle: reach their prototypes through an element.
        const probe = document.createElement('boussole-form');
        const of = (name) => Object.getPrototypeOf(probe[name]);
        wrap(form, 'willUpdate');
        wrap(of('record'), 'load', 'willUpdate: load the instrument (parse + engine)');
        wrap(form, 'render', 'render(): template values');
        wrap(proto, 'update', 'update(): render() + lit-html commit');
        wrap(of('readModel'), 'build', 'render(): read model (issues, summaries, views)');
        wrap(of('association'), 'hostUpdated', 'updated: form value and validity');
        wrap(form, 'updated');
        const t0 = performance.now();
        const r = await h.renderElement({ tag, attributes, instrument });
        spent['lit-html commit (DOM)'] = spent['update(): render() + lit-html commit'] - spent['render(): template values'];
        spent['total to painted'] = r.ms;
        spent['outside the update (style, layout, paint, GC…)'] = r.ms - Object.entries(spent).filter(([k]) => ['willUpdate', 'update(): render() + lit-html commit', 'updated: form value and validity', 'updated'].includes(k)).reduce((s, [, v]) => s + v, 0);
        return spent;
      }, { tag: c.tag, attributes, instrument });
      await page.close();
      if (i > 0) samples.push(sample);
    }
  } finally {
    await close();
  }
  console.log(`\nFirst update of ${c.label} (median of ${runs} fresh pages, ms):`);
  for (const key of Object.keys(samples[0])) console.log(`  ${pad(key, 52)}${num(med(samples.map((s) => s[key] ?? 0)))}`);
}

/** Where a click's script time goes on a settled page: the element's phases, median per click over fresh pages. */
async function clickPhases() {
  const { c, instrument, attributes, pages, pause, inPage, close } = await clickSession(6, 1000);
  const samples = {};
  try {
    for (let i = 0; i < pages; i++) {
      const perClick = await inPage(
        '/bench/page/boussole.html',
        async ({ tag, attributes, instrument, pause }) => {
          const h = await import('/bench/page/harness.js');
          const el = await h.restedElement({ tag, attributes, instrument, pause });
          const root = el.shadowRoot;
          const clicks = [];
          let now;
          const wrap = h.timeCalls(() => now);
          // Own properties of this element and its engine: the bundle exports neither class.
          const engine = el.record.engine;
          wrap(engine, 'setAnswer', 'handler: engine.setAnswer');
          wrap(engine, 'validate', 'update: engine.validate');
          wrap(engine, 'summaries', 'update: engine.summaries');
          wrap(el.readModel, 'build', 'render(): read model build');
          wrap(el, 'render', 'render()');
          wrap(el, 'update', 'update(): render() + lit-html commit');
          wrap(el.association, 'hostUpdated', 'updated: form value and validity');
          let changeAt;
          // Each click's figures from its change event on (the harness's scrolling and waiting are not the element's).
          root.addEventListener(
            'change',
            () => {
              changeAt = performance.now();
              clicks.push((now = {}));
            },
            { capture: true },
          );
          el.addEventListener('boussole-change', () => (now['handler: change → boussole-change'] = performance.now() - changeAt), { capture: true });
          const series = await h.clickElement({ tag, count: 7 });
          clicks.forEach((x, k) => {
            x['lit-html commit (and controllers)'] = x['update(): render() + lit-html commit'] - x['render()'];
            x['click → DOM updated'] = series.dom[k];
            x['click → painted'] = series.times[k];
          });
          return clicks.slice(1); // the first click of a page also compiles
        },
        { tag: c.tag, attributes, instrument, pause },
      );
      for (const x of perClick) for (const [k, v] of Object.entries(x)) (samples[k] ??= []).push(v);
    }
  } finally {
    await close();
  }
  console.log(`\nA click on ${c.label}, ${pause} ms after the render (median per click, ${samples['click → painted'].length} clicks over ${pages} pages, ms):`);
  const order = [
    'handler: change → boussole-change',
    'handler: engine.setAnswer',
    'update(): render() + lit-html commit',
    'render()',
    'render(): read model build',
    'update: engine.validate',
    'update: engine.summaries',
    'lit-html commit (and controllers)',
    'updated: form value and validity',
    'click → DOM updated',
    'click → painted',
  ];
  for (const key of order) console.log(`  ${pad(key, 46)}${num(med(samples[key] ?? [0]), 8, 2)}`);
}

if (what === 'bytes') bytesReport();
else if (what === 'phases') await phases();
else if (what === 'clickphases') await clickPhases();
else if (what === 'decompose') await decompose();
else if (what === 'floor') await floor();
else await timeReport();
