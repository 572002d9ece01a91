// `npm run validate-instrument`, as the README shows it: the bundled instruments pass, a broken file
// is named with the path of each problem and the command exits 1.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const validate = (...files: string[]) =>
  spawnSync(process.execPath, ['--import', './scripts/lib/register-ts.mjs', 'scripts/validate-instrument.mjs', ...files], { cwd: repo, encoding: 'utf8' });

it('validate-instrument passes the bundled instruments and prints what each age band shows', () => {
  const run = validate('schemas/instruments/ces.json', 'schemas/instruments/pin-grid.json');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /ces\.json: valid — \d+ items/);
  assert.match(run.stdout, /y10-14: /);
  assert.match(run.stdout, /pin-grid\.json: valid — 24 items, 6 sections/);
});

it('validate-instrument names a broken file, the path of each problem, and exits 1', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'boussole-')), 'broken.json');
  writeFileSync(file, JSON.stringify({ id: 'x', version: '1.0.0', sections: 'none' }));
  const run = validate(file);
  assert.equal(run.status, 1);
  assert.match(run.stdout, /broken\.json: INVALID/);
  assert.match(run.stdout, /sections: /);
});
