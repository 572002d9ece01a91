// Set-up shared by `npm start`, `npm test`, `npm run build` and `npm run bench`, so each works right
// after `git clone`: installs missing dependencies, then generates what the sources import.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const root = new URL('../../', import.meta.url);
const here = (path) => new URL(path, root).pathname;

/** Runs a command in the project folder; returns its exit status. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: here('.'), stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
  if (result.error) console.error(result.error.message);
  return result.status ?? 1;
}

export const bin = (name) => here(`node_modules/.bin/${name}`);

/** `npm install` when any declared dependency is missing from node_modules. */
export function ensureDependencies() {
  const pkg = JSON.parse(readFileSync(here('package.json'), 'utf8'));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
  const missing = names.filter((name) => !existsSync(here(`node_modules/${name}/package.json`)));
  if (missing.length === 0) return;
  console.log(`Installing dependencies (${missing.length} missing)…`);
  if (run('npm', ['install', '--no-audit', '--no-fund']) !== 0) {
    console.error('npm install failed; see above.');
    process.exit(1);
  }
}

/** The locale modules (from xliff/) and the custom-elements manifest (from the JSDoc) the sources use. */
export function generate() {
  if (run(bin('lit-localize'), ['build'], { stdio: ['ignore', 'ignore', 'inherit'] }) !== 0) {
    console.error('lit-localize build failed.');
    process.exit(1);
  }
  if (run(bin('custom-elements-manifest'), ['analyze', '--litelement', '--globs', 'src/elements/base.ts', 'src/elements/*/boussole-*.ts', 'src/elements/*/define.ts', 'src/elements/events.ts'], { stdio: ['ignore', 'ignore', 'inherit'] }) !== 0) {
    console.error('custom-elements-manifest analyze failed.');
    process.exit(1);
  }
}
