// The package as a host installs it: the run's packed tarball (pack.ts, needs the built dist/), install the tarball into a temp folder
// (--prefer-offline: "--offline" fails here, ENOTCACHED for @lit/localize), then check what the README promises is
// there: every import of the `exports` map (Node ESM for the no-DOM entries, `tsc` in the consumer folder for the
// types of all of them), the manifest, the JSON Schemas, the bundled instruments, the CLI; and that no test, story,
// bench or example file rides along.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { packed } from './pack.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Packed (gzipped) size the package must stay under; it was 0.65 MB when this was written. */
const TARBALL_CEILING = 1.5 * 1024 * 1024;
const ELEMENTS = ['form', 'ces', 'needs-grid', 'pin-grid', 'summary', 'dashboard'] as const;

let dir = '';
let app = '';
let pkg = '';
let tarball = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'boussole-pack-'));
  tarball = packed();
  app = join(dir, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), '{"name":"app","private":true,"type":"module"}');
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: app, encoding: 'utf8' });
  pkg = join(app, 'node_modules/boussole');
}, { timeout: 300_000 });
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('reports its size, under the ceiling', () => {
    const size = statSync(tarball).size;
    console.log(`boussole tarball size: ${(size / 1024).toFixed(1)} KB packed (ceiling ${TARBALL_CEILING / 1024} KB)`);
    assert.ok(size < TARBALL_CEILING, `tarball ${size} bytes ≥ ceiling ${TARBALL_CEILING}`);
  });

  it('holds no test, story, bench or example file, and no source map of them', () => {
    // The tarball's own listing (no second `npm pack --dry-run`).
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    assert.ok(files.includes('dist/index.js'), files.join('\n'));
    // The no-build bundle's chunks (each instrument's text among them) travel with its entry.
    for (const id of ['ces', 'needs-grid', 'pin-grid']) assert.ok(files.some((f) => new RegExp(`^dist/bundle/${id}-[\\w-]+\\.js$`).test(f)), `dist/bundle/${id}-*.js`);
    const forbidden = /^(tests|stories|bench|examples|\.storybook|src)\/|\.test\.|\.stories\./;
    assert.deepEqual(files.filter((f) => forbidden.test(f)), []);
    for (const map of files.filter((f) => f.endsWith('.map'))) {
      const { sources } = JSON.parse(readFileSync(join(root, map), 'utf8')) as { sources: string[] };
      assert.deepEqual(sources.filter((s) => /(^|\/)(tests|stories|bench|examples)\/|\.test\.|\.stories\./.test(s)), [], map);
    }
  });

  it('ships the manifest, the JSON Schemas and the three bundled instruments, reachable through `exports`', async () => {
    for (const f of ['custom-elements.json', 'schemas/instrument.schema.json', 'schemas/result.schema.json',
      'schemas/instruments/ces.json', 'schemas/instruments/needs-grid.json', 'schemas/instruments/pin-grid.json',
      'dist/boussole.bundle.js', 'xliff/en.xlf'])
      assert.ok(existsSync(join(pkg, f)), f);
    const script = `import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const manifest = require('boussole/custom-elements.json');
      const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName)).filter(Boolean).sort();
      const ids = ['ces', 'needs-grid', 'pin-grid'].map((n) => require('boussole/schemas/instruments/' + n + '.json').id);
      const schemas = ['instrument', 'result'].map((n) => typeof require('boussole/schemas/' + n + '.schema.json').$schema);
      console.log(JSON.stringify({ tags, ids, schemas }));`;
    const out = JSON.parse(execFileSync('node', ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' }));
    assert.deepEqual(out.tags, ELEMENTS.map((e) => `boussole-${e}`).sort());
    assert.deepEqual(out.ids, ['ces', 'needs-grid', 'pin-grid']);
    assert.deepEqual(out.schemas, ['string', 'string']);
  });

  it('resolves every key of the `exports` map to a shipped file, and its `types` to a shipped declaration', () => {
    const { exports } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { exports: Record<string, string | { types?: string; default?: string }> };
    const wildcard: Record<string, string[]> = { './elements/*.js': [...ELEMENTS], './schemas/*': ['result.schema.json', 'instruments/ces.json'] };
    const specifiers: string[] = [];
    for (const [key, target] of Object.entries(exports)) {
      const names = key.includes('*') ? wildcard[key] : [''];
      assert.ok(names, `no example for the export ${key}: add one here`);
      for (const n of names) {
        const sub = key.replace('*', n);
        // A types-only entry (boussole/react-jsx, boussole/vue: no `default`) resolves for tsc only, not at run time.
        if (typeof target === 'string' || target.default) specifiers.push(sub === '.' ? 'boussole' : `boussole/${sub.slice(2)}`);
        if (typeof target === 'object' && (sub.endsWith('.js') || sub === '.' || !target.default)) {
          assert.ok(typeof target === 'object' && target.types, `${key} has no types`);
          const types = (target as { types: string }).types.replace('*', n);
          assert.ok(existsSync(join(pkg, types)), `${key}: ${types} is not in the package`);
        }
      }
    }
    const script = `const out = {}; for (const s of ${JSON.stringify(specifiers)}) { try { out[s] = import.meta.resolve(s).replace(/^.*node_modules\\/boussole\\//, ''); } catch (e) { out[s] = 'UNRESOLVED ' + e.code; } } console.log(JSON.stringify(out));`;
    const resolved = JSON.parse(execFileSync('node', ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' })) as Record<string, string>;
    for (const [specifier, file] of Object.entries(resolved)) assert.ok(existsSync(join(pkg, file)), `${specifier} → ${file}`);
  });

  it('imports the no-DOM entries in Node: engine.js, analysis.js, export.js', () => {
    const script = `const engine = await import('boussole/engine.js');
      const analysis = await import('boussole/analysis.js');
      const exp = await import('boussole/export.js');
      const ces = (await import('boussole/schemas/instruments/ces.json', { with: { type: 'json' } })).default;
      const parsed = engine.parseInstrument(ces);
      console.log(JSON.stringify({
        engine: ['createEngine', 'Engine', 'EngineError', 'ENGINE_ERROR_CODES', 'parseInstrument', 'parseResult', 'ageInMonths', 'ageBandFor', 'itemIdOf'].filter((n) => !(n in engine)),
        analysis: ['compareResults', 'compareRecords', 'directionOf', 'DIRECTIONS'].filter((n) => !(n in analysis)),
        export: ['toFhirQuestionnaire', 'toFhirQuestionnaireResponse', 'fromFhirQuestionnaire', 'exportRows', 'toCsv', 'toNdjson', 'aggregate'].filter((n) => !(n in exp)),
        parsed: parsed.ok,
      }));`;
    const out = JSON.parse(execFileSync('node', ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' }));
    assert.deepEqual(out, { engine: [], analysis: [], export: [], parsed: true });
  });

  it('type-checks a consumer file importing every entry, with tsc in the consumer folder', { timeout: 120_000 }, () => {
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true,
        lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [], skipLibCheck: false },
      files: ['consumer.ts'],
    }));
    writeFileSync(join(app, 'consumer.ts'), `
import { BoussoleForm, BoussoleSubmitEvent, type ChangeDetail, createEngine as createFromRoot } from 'boussole';
import 'boussole/define.js';
${ELEMENTS.map((e) => `import 'boussole/elements/${e}.js';`).join('\n')}
import { createEngine, parseInstrument, EngineError, type Issue, type FieldRef, type Model } from 'boussole/engine.js';
import { compareResults, DIRECTIONS, type Direction, type Comparison } from 'boussole/analysis.js';
import { toFhirQuestionnaire, exportRows, toCsv, type ExportRow } from 'boussole/export.js';

const form: BoussoleForm | null = document.querySelector('boussole-form');
${ELEMENTS.map((e) => `const el_${e.replace('-', '_')}: HTMLElement | null = document.querySelector('boussole-${e}');`).join('\n')}
form?.addEventListener('boussole-submit', (e) => { const s: BoussoleSubmitEvent = e as BoussoleSubmitEvent; void s; });
const detail = null as unknown as ChangeDetail;
const issues: Issue[] = [];
const ref = null as unknown as FieldRef;
const model = null as unknown as Model;
const direction: Direction = DIRECTIONS[0]!;
const comparison = null as unknown as Comparison;
const row = null as unknown as ExportRow;
export const used = [createFromRoot === createEngine, parseInstrument, EngineError, compareResults, toFhirQuestionnaire,
  exportRows, toCsv, detail, issues, ref, model, direction, comparison, row,
  ${ELEMENTS.map((e) => `el_${e.replace('-', '_')}`).join(', ')}];
`);
    const tsc = spawnSync('node', [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(app, 'tsconfig.json')], { cwd: app, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    // And tsc reports a wrong use, so the check above can fail.
    writeFileSync(join(app, 'wrong.ts'), `import { createEngine } from 'boussole/engine.js';\nexport const x: number = createEngine;\n`);
    writeFileSync(join(app, 'tsconfig.wrong.json'), JSON.stringify({ extends: './tsconfig.json', files: ['wrong.ts'] }));
    const wrong = spawnSync('node', [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(app, 'tsconfig.wrong.json')], { cwd: app, encoding: 'utf8' });
    assert.notEqual(wrong.status, 0);
    assert.match(wrong.stdout, /wrong\.ts.*TS2322/);
  });

  it('npx boussole --help works; a bad file exits 1', () => {
    const help = spawnSync('npx', ['--no-install', 'boussole', '--help'], { cwd: app, encoding: 'utf8' });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /Usage: boussole <command>/);
    writeFileSync(join(app, 'bad.ndjson'), '{"instrument":{"id":"pin-grid","version":"1.1.0"},"session":{},"answers":{"x":{"value":true}},"actionPlans":{}}\n');
    const bad = spawnSync('npx', ['--no-install', 'boussole', 'validate', 'bad.ndjson'], { cwd: app, encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /^bad\.ndjson:1: answers\.x\.value: /m);
  });
});

describe('dist/export.js', () => {
  it('imports no lit, no element and no Node built-in: only its own chunks and zod', () => {
    const seen = new Set<string>();
    const bare = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^;'"]*?'([^']+)'/gm))
        if (spec!.startsWith('.')) visit(join(dirname(file), spec!));
        else bare.add(spec!);
    };
    visit(join(root, 'dist/export.js'));
    assert.deepEqual([...bare], ['zod/mini']);
    assert.ok(![...seen].some((f) => /elements|lit/.test(f)), [...seen].join(', '));
  });
});

describe('the run’s one tarball (pack.ts)', () => {
  it('is reused while nothing that goes into it changed, and packed again when dist/ is newer', () => {
    const first = packed();
    const made = statSync(first).mtimeMs;
    assert.equal(packed(), first);
    assert.equal(statSync(first).mtimeMs, made, 'packed again with nothing changed');
    // As if the tarball predated the last build (a file run by hand after `rollup -c`).
    const old = new Date(statSync(join(root, 'dist/index.js')).mtimeMs - 60_000);
    utimesSync(first, old, old);
    const again = packed();
    assert.ok(statSync(again).mtimeMs > old.getTime(), 'a tarball older than dist/ was reused');
  });

  it('two files asking at once (npm test runs them side by side) get the same one, and the one before stays', async () => {
    const before = packed();
    const old = new Date(statSync(join(root, 'dist/index.js')).mtimeMs - 60_000);
    utimesSync(before, old, old);
    const ask = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', './scripts/lib/register-ts.mjs', '--input-type=module', '-e', "const { packed } = await import('./tests/stories/pack.ts'); console.log(packed());"], { cwd: root });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('close', (code) => (code === 0 ? resolve(out.trim().split('\n').pop()!) : reject(new Error(out))));
      });
    const [a, b] = await Promise.all([ask(), ask()]);
    assert.equal(a, b, 'packed twice at once');
    assert.notEqual(a, before);
    assert.ok(existsSync(a) && existsSync(before), 'a tarball another file may be installing from was removed');
  });
});
