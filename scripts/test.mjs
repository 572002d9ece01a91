// `npm test`: the whole suite, from a fresh clone. Installs what is missing (dependencies; Debian's
// chromium when run as root with apt, else asks for CHROME_PATH), then runs every stage and ends
// with one line `N passed, N failed`. `npm test -- engine browser` runs only the stages named.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { ensureChrome } from './lib/chrome.mjs';
import { bin, ensureDependencies, generate, root, run } from './lib/setup.mjs';

const results = new URL('.test-results/', root);
const tests = (dir) =>
  readdirSync(new URL(dir, root))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `${dir}/${f}`);
// Node test files run as processes side by side (`concurrency`): two for the engine's, which are mostly CPU in
// turn; one for the browser checks, whose timings (a killed browser, print) need the machine to themselves.
const nodeTests = (dir, counts, concurrency = 1) => [
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
    ...tests(dir),
  ],
];

const STAGES = [
  { key: 'types', name: 'Type check: elements, stories, browser tests', cmd: [bin('tsc'), ['-p', 'tsconfig.json']] },
  { key: 'types', name: 'Type check: the engine without the DOM library', cmd: [bin('tsc'), ['-p', 'src/engine/tsconfig.json']] },
  { key: 'types', name: 'Type check: Node tests', cmd: [bin('tsc'), ['-p', 'tests/tsconfig.json']] },
  { key: 'types', name: 'Type check: Storybook and bundle checks', cmd: [bin('tsc'), ['-p', 'tests/stories/tsconfig.json']] },
  { key: 'engine', name: 'Engine, formats, instruments and translations (Node)', cmd: () => nodeTests('tests/engine', 'engine.json', 2), counts: 'engine.json' },
  { key: 'browser', name: 'Element tests (headless Chromium)', cmd: [bin('wtr'), []], counts: 'browser.json' },
  { key: 'stories', name: 'Bundle (rollup)', cmd: [bin('rollup'), ['-c', '--silent']] },
  {
    key: 'stories',
    name: 'Storybook build (npm run build-storybook)',
    cmd: ['node', ['scripts/build-storybook.mjs', '--quiet']],
  },
  { key: 'stories', name: 'Stories and bundle in Chromium (axe, CSP, no network)', cmd: () => nodeTests('tests/stories', 'stories.json'), counts: 'stories.json' },
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
for (const stage of STAGES) {
  if (only.length && !only.includes(stage.key)) continue;
  console.log(`\n━━ ${stage.name}`);
  const started = Date.now();
  const [command, args] = typeof stage.cmd === 'function' ? stage.cmd() : stage.cmd;
  const status = run(command, args, { env: { STORYBOOK_DISABLE_TELEMETRY: '1', FORCE_COLOR: '0' } });
  const file = stage.counts && new URL(stage.counts, results);
  let counts = { passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 };
  if (file && existsSync(file)) {
    counts = JSON.parse(readFileSync(file, 'utf8'));
    // A runner that failed without a failed test (a crash, a timeout) still fails the stage.
    if (status !== 0 && counts.failed === 0) counts.failed = 1;
  }
  passed += counts.passed;
  failed += counts.failed;
  lines.push(`${counts.failed ? '✗' : '✓'} ${stage.name}: ${counts.passed} passed, ${counts.failed} failed (${Math.round((Date.now() - started) / 1000)} s)`);
}

const summary = `${passed} passed, ${failed} failed`;
writeFileSync(new URL('summary.txt', results), `${summary}\n`);
console.log(`\n${lines.join('\n')}\n\n${summary}`);
process.exit(failed ? 1 : 0);
