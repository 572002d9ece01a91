// `npm test`: the whole suite, from a fresh clone. Installs what is missing (dependencies; Debian's
// chromium when run as root with apt, else asks for CHROME_PATH), then runs every stage and ends
// with one line `N passed, N failed`. `npm test -- engine browser` runs only the stages named.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { ensureChrome } from './lib/chrome.mjs';
import { bin, ensureDependencies, generate, root } from './lib/setup.mjs';

const results = new URL('.test-results/', root);
const tests = (dir, keep = () => true) =>
  readdirSync(new URL(dir, root))
    .filter((f) => f.endsWith('.test.ts') && keep(f))
    .map((f) => `${dir}/${f}`);
// The story checks that run one file at a time: a killed browser's timing and print need the machine to themselves,
// every story and docs page is already checked two at a time inside its file, and `npm start` regenerates the
// manifest that the package checks pack. The other files of tests/stories (the bundle, the package and its recipes,
// each in its own temporary folder) run two at a time: about 35 s less on two cores.
const ALONE = new Set(['stories.test.ts', 'flows.test.ts', 'print.test.ts', 'dev-server.test.ts']);
// Node test files run as processes side by side (`concurrency`): two for the engine's, which are mostly CPU in
// turn, and for the story checks that time nothing; one for those above.
const nodeTests = (dir, counts, concurrency = 1, keep) => [
  'node',
  [
    '--import',
    './scripts/lib/register-ts.mjs',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/lib/node-count-reporter.mjs',
    `--test-reporter-destination=.test-results/${counts}`,
    ...tests(dir, keep),
  ],
];

// Stages with the same `lane` letter run one after the other, beside the other lane of their block: the type
// checks (single-threaded tsc) beside the two builds the story checks need, which saves about 25 s on two cores.
// The checks that drive a browser run alone, in order: their timings need the machine.
const STAGES = [
  { key: 'types', lane: 'a', name: 'Type check: elements, stories, browser tests', cmd: [bin('tsc'), ['-p', 'tsconfig.json']] },
  { key: 'types', lane: 'a', name: 'Type check: Node tests', cmd: [bin('tsc'), ['-p', 'tests/tsconfig.json']] },
  { key: 'types', lane: 'a', name: 'Type check: the engine without the DOM library', cmd: [bin('tsc'), ['-p', 'src/engine/tsconfig.json']] },
  { key: 'stories', lane: 'b', name: 'Bundle (rollup)', cmd: [bin('rollup'), ['-c', '--silent']] },
  // The locale modules and the manifest were generated above: not twice.
  { key: 'stories', lane: 'b', name: 'Storybook build (npm run build-storybook)', cmd: ['node', ['scripts/build-storybook.mjs', '--quiet']], env: { BOUSSOLE_GENERATED: '1' } },
  // In the builds' lane, so that both lanes take about as long (rollup only emits: it checks no type).
  { key: 'types', lane: 'b', name: 'Type check: Storybook and bundle checks', cmd: [bin('tsc'), ['-p', 'tests/stories/tsconfig.json']] },
  { key: 'engine', name: 'Engine, formats, instruments and translations (Node)', cmd: () => nodeTests('tests/engine', 'engine.json', 2), counts: 'engine.json' },
  { key: 'browser', name: 'Element tests (headless Chromium)', cmd: [bin('wtr'), []], counts: 'browser.json' },
  { key: 'stories', name: 'Stories, docs pages and flows in Chromium (axe, CSP, no network)', cmd: () => nodeTests('tests/stories', 'stories.json', 1, (f) => ALONE.has(f)), counts: 'stories.json' },
  { key: 'stories', name: 'The bundle, the package and its recipes (two files at a time)', cmd: () => nodeTests('tests/stories', 'stories-more.json', 2, (f) => !ALONE.has(f)), counts: 'stories-more.json' },
];

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
ensureDependencies();
// Only the stages that open a browser need one.
if (!only.length || only.some((k) => k === 'browser' || k === 'stories')) process.env.CHROME_PATH = ensureChrome();
generate();
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const lines = [];
const ENV = { STORYBOOK_DISABLE_TELEMETRY: '1', FORCE_COLOR: '0' };

/** Runs one stage; `quietly`: its output is kept and printed whole when it ends (a stage beside another). */
function runStage(stage, quietly) {
  const started = Date.now();
  const [command, args] = typeof stage.cmd === 'function' ? stage.cmd() : stage.cmd;
  if (!quietly) console.log(`\n━━ ${stage.name}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: fileURLToPath(root), stdio: quietly ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...ENV, ...stage.env } });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const finish = (status) => {
      if (quietly) console.log(`\n━━ ${stage.name}\n${output.trimEnd()}`);
      const file = stage.counts && new URL(stage.counts, results);
      let counts = { passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 };
      if (file && existsSync(file)) {
        counts = JSON.parse(readFileSync(file, 'utf8'));
        // A runner that failed without a failed test (a crash, a timeout) still fails the stage.
        if (status !== 0 && counts.failed === 0) counts.failed = 1;
      }
      passed += counts.passed;
      failed += counts.failed;
      resolve(`${counts.failed ? '✗' : '✓'} ${stage.name}: ${counts.passed} passed, ${counts.failed} failed (${Math.round((Date.now() - started) / 1000)} s)`);
    };
    child.on('error', (error) => {
      output += `${error.message}\n`;
      finish(1);
    });
    child.on('close', (code) => finish(code ?? 1));
  });
}

const selected = STAGES.filter((stage) => !only.length || only.includes(stage.key));
for (let i = 0; i < selected.length; ) {
  if (!selected[i].lane) {
    lines.push(await runStage(selected[i], false));
    i++;
    continue;
  }
  // A block of laned stages: each lane in order, the lanes side by side.
  const block = [];
  while (i < selected.length && selected[i].lane) block.push(selected[i++]);
  const lanes = [...new Set(block.map((s) => s.lane))];
  const side = lanes.length > 1;
  const done = await Promise.all(
    lanes.map(async (lane) => {
      const out = [];
      for (const stage of block.filter((s) => s.lane === lane)) out.push(await runStage(stage, side));
      return out;
    }),
  );
  for (const stage of block) lines.push(done[lanes.indexOf(stage.lane)].shift());
}

const summary = `${passed} passed, ${failed} failed`;
writeFileSync(new URL('summary.txt', results), `${summary}\n`);
console.log(`\n${lines.join('\n')}\n\n${summary}`);
process.exit(failed ? 1 : 0);
