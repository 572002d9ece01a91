// Decision 4 of issue 19: bundled instruments are validated when built, so the elements use them as
// they are. The build's plugin (scripts/lib/validated-instruments.mjs, in rollup.config.mjs and the
// bench) passes the shipped instruments and fails the build on a broken one, naming each problem.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import json from '@rollup/plugin-json';
import { rollup } from 'rollup';
import { validatedInstruments } from '../../scripts/lib/validated-instruments.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Builds an entry that imports `schemas/instruments/<name>.json` (a copy with `data`) as the elements do. */
async function build(name: string, data: unknown): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'boussole-build-'));
  mkdirSync(join(dir, 'schemas/instruments'), { recursive: true });
  writeFileSync(join(dir, `schemas/instruments/${name}.json`), typeof data === 'string' ? data : JSON.stringify(data));
  writeFileSync(join(dir, 'entry.js'), `export const load = () => import('./schemas/instruments/${name}.json');\n`);
  const bundle = await rollup({ input: join(dir, 'entry.js'), plugins: [validatedInstruments(), json({ compact: true })], onwarn: () => {} });
  await bundle.generate({ format: 'es' });
  await bundle.close();
}

const pin = () => JSON.parse(readFileSync(join(repo, 'schemas/instruments/pin-grid.json'), 'utf8'));

describe('the build validates every bundled instrument', () => {
  it('builds the shipped instruments', async () => {
    for (const name of ['ces', 'needs-grid', 'pin-grid']) await build(name, JSON.parse(readFileSync(join(repo, `schemas/instruments/${name}.json`), 'utf8')));
  });

  it('fails on an invalid instrument, naming the file and the path of each problem', async () => {
    const broken = pin();
    broken.sections[0].items[0].type = 'no-such-type';
    delete broken.title;
    await assert.rejects(build('pin-grid', broken), (error: Error) => {
      assert.match(error.message, /pin-grid\.json is not a valid instrument/);
      assert.match(error.message, /title/);
      assert.match(error.message, /sections\[0\]\.items\[0\]\.type: /);
      return true;
    });
  });

  it('fails on text that is not JSON, and on an id that is not the file name', async () => {
    await assert.rejects(build('pin-grid', '{ "id": '), /pin-grid\.json is not JSON/);
    await assert.rejects(build('needs-grid', pin()), /its id "pin-grid" is not its file's name "needs-grid"/);
  });
});
