// One `npm pack` per test run, shared by the files that install the package as a consumer would (package.test.ts,
// examples.test.ts, examples-plain.test.ts; `npm test` runs them side by side, so packing holds a lock): the tarball
// goes to a folder of .test-results/pack/ (which `npm test` wipes at its start) and is reused by the later files of
// the run; it is packed again when anything that goes into it (dist/, package.json, schemas/,
// xliff/, custom-elements.json, README.md) is newer, so running one file by hand after a rebuild is not stale.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repo } from './browser.js';

const INPUTS = ['dist', 'schemas', 'xliff', 'package.json', 'custom-elements.json', 'README.md', 'LICENSE'];

/** The newest modification time of a file, or of any file under a folder. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** Waits `ms` (packed() is synchronous, and so is its wait for another file's pack). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `fn` holding the run's pack lock: `npm test` runs the files that install the package two at a time, and only
 * one may pack while the other waits for its tarball (making a folder is atomic). A lock older than two minutes is one
 * a killed run left behind.
 */
function withPackLock<T>(fn: () => T): T {
  const lock = join(repo, '.test-results/pack.lock');
  mkdirSync(join(repo, '.test-results'), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > 120_000) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() - started > 300_000) throw new Error(`waited 5 minutes for ${lock}`);
      else pause(100);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The path of the packed tarball of the package as built now (needs dist/: `rollup -c`). */
export function packed(): string {
  return withPackLock(packedNow);
}

function packedNow(): string {
  if (!existsSync(join(repo, 'dist/index.js'))) throw new Error('dist/ is missing: run `npx rollup -c` first');
  // Each pack goes to a folder of its own and none is removed during the run: a file installing from the last
  // tarball keeps it while another packs a newer one.
  const folder = join(repo, '.test-results/pack');
  const tarballs = existsSync(folder)
    ? readdirSync(folder).flatMap((sub) => (statSync(join(folder, sub)).isDirectory() ? readdirSync(join(folder, sub)).filter((f) => f.endsWith('.tgz')).map((f) => join(folder, sub, f)) : []))
    : [];
  const last = tarballs.map((path) => ({ path, made: statSync(path).mtimeMs })).sort((a, b) => b.made - a.made)[0];
  if (last && INPUTS.every((input) => newest(join(repo, input)) <= last.made)) return last.path;
  const destination = join(folder, String(Date.now()));
  mkdirSync(destination, { recursive: true });
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', destination], { cwd: repo, encoding: 'utf8' }).trim().split('\n').pop()!;
  return join(destination, name);
}

/** One of examples/ installed as its users install it, with the run's tarball as its `boussole` dependency. */
export interface InstalledExample {
  /** The copy of the example, with its node_modules. */
  readonly app: string;
  /** Seconds taken by each step (pack, install, and whatever `step` timed). */
  readonly timings: Record<string, number>;
  /** Runs and times one more step (a build, a start), sync or async. */
  step<T>(name: string, run: () => T): T;
  /** Removes the copy. */
  remove(): void;
}

export function installExample(example: string): InstalledExample {
  const timings: Record<string, number> = {};
  const step = <T>(name: string, run: () => T): T => {
    const start = Date.now();
    const done = () => (timings[name] = Math.round((Date.now() - start) / 100) / 10);
    const out = run();
    if (out instanceof Promise) return out.finally(done) as T;
    done();
    return out;
  };
  const tarball = step('pack', packed);
  const dir = mkdtempSync(join(tmpdir(), `boussole-example-${example}-`));
  const app = join(dir, example);
  cpSync(join(repo, 'examples', example), app, { recursive: true, filter: (src) => !/[/\\](node_modules|dist)$/.test(src) });
  const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
  pkg.dependencies.boussole = `file:${tarball}`;
  writeFileSync(join(app, 'package.json'), JSON.stringify(pkg, null, 2));
  step('install', () => execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: app, encoding: 'utf8' }));
  return { app, timings, step, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
