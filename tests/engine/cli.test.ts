// The command line, spawned from its TypeScript entry through the register hook (no build needed);
// tests/stories/package.test.ts runs the built dist/cli.js from the packed tarball.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createEngine, parseInstrument } from '../../src/engine/index.js';
import { fillAll } from '../support/fill.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = (...args: string[]) => {
  const out = spawnSync(process.execPath, ['--import', './scripts/lib/register-ts.mjs', 'src/cli/index.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
};

const pin = parseInstrument(JSON.parse(readFileSync(join(root, 'schemas/instruments/pin-grid.json'), 'utf8')));
if (!pin.ok) throw new Error('pin-grid');
const results = [0, 1, 2, 3, 4, 5].map((shift) => {
  const engine = createEngine(pin.value);
  fillAll(engine, { varied: true, shift });
  return engine.toResult();
});
const dir = mkdtempSync(join(tmpdir(), 'boussole-cli-'));
const good = join(dir, 'results.ndjson');
writeFileSync(good, results.map((r) => JSON.stringify(r)).join('\n') + '\n');
const bad = join(dir, 'bad.ndjson');
const broken = { ...results[0]!, answers: { ...results[0]!.answers, 'pin.ecosystemic.targeted': { value: true } } };
writeFileSync(bad, [results[0], results[1], broken].map((r) => JSON.stringify(r)).join('\n') + '\n');

describe('boussole (command line)', () => {
  it('--help lists the commands; each command has its own help', () => {
    const main = run('--help');
    assert.equal(main.code, 0);
    for (const command of ['validate', 'export', 'aggregate']) assert.match(main.stdout, new RegExp(`^  ${command} `, 'm'));
    const exp = run('export', '--help');
    assert.equal(exp.code, 0);
    assert.match(exp.stdout, /--format name\s+csv: /);
    assert.match(run('aggregate', '--help').stdout, /--min-cell/);
  });

  it('validate: good results pass (instrument found among the bundled ones by id)', () => {
    const out = run('validate', good);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /6 result\(s\) checked; all valid/);
  });

  it('a bad file gives the file, the NDJSON line and the path of the problem, and exit code 1', () => {
    for (const args of [['validate', bad], ['export', '--instrument', 'pin-grid', '--format', 'csv', bad]]) {
      const out = run(...args);
      assert.equal(out.code, 1);
      assert.ok(out.stderr.includes(`${bad}:3: answers.pin.ecosystemic.targeted.value: does not match any allowed form`), out.stderr);
    }
    const json = join(dir, 'broken.json');
    writeFileSync(json, '{"instrument": ');
    const out = run('validate', json);
    assert.equal(out.code, 1);
    assert.ok(out.stderr.startsWith(`${json}: not JSON`), out.stderr);
  });

  it('validate: a bad instrument names its file and the path', () => {
    const instrument = join(dir, 'instrument.json');
    writeFileSync(instrument, JSON.stringify({ ...JSON.parse(readFileSync(join(root, 'schemas/instruments/pin-grid.json'), 'utf8')), version: 2 }));
    const out = run('validate', instrument);
    assert.equal(out.code, 1);
    assert.ok(out.stderr.includes(`${instrument}: version: expected string`), out.stderr);
  });

  it('export: CSV to a file, NDJSON to the standard output; aggregate as JSON', () => {
    const csvFile = join(dir, 'out.csv');
    const csv = run('export', '--instrument', 'pin-grid', '--format', 'csv', '--locale', 'en', '-o', csvFile, dir + '/results.ndjson');
    assert.equal(csv.code, 0, csv.stderr);
    const text = readFileSync(csvFile, 'utf8');
    assert.ok(text.startsWith('instrument_id,instrument_version,record,'));
    assert.match(text, /,Implemented\r\n/);
    const nd = run('export', '--instrument', 'pin-grid', '--format', 'ndjson', good);
    assert.equal(nd.stdout.trimEnd().split('\n').length, text.trimEnd().split('\r\n').length - 1);
    const agg = run('aggregate', '--instrument', 'pin-grid', '--min-cell', '3', good);
    assert.equal(agg.code, 0, agg.stderr);
    const a = JSON.parse(agg.stdout);
    assert.equal(a.minCell, 3);
    assert.equal(a.groups[0].results, 6);
    const grouped = JSON.parse(run('aggregate', '--instrument', 'pin-grid', '--min-cell', '1', '--group-by', 'territory', good).stdout);
    assert.deepEqual(grouped.groups.map((g: { key: unknown }) => g.key), [{ territory: 'RLS Nord' }]);
    assert.ok(!agg.stdout.includes('RLS Nord'), 'no territory unless grouped by');
    const unknown = run('export', '--instrument', 'pin-grid', '--format', 'xlsx', good);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /--format must be one of csv, ndjson, fhir/);
  });

  it('export --format fhir: one QuestionnaireResponse per result, per line, answering the bundled instrument’s Questionnaire', () => {
    const out = run('export', '--instrument', 'pin-grid', '--format', 'fhir', good);
    assert.equal(out.code, 0, out.stderr);
    const lines = out.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { resourceType: string; status: string; item?: unknown[] });
    assert.equal(lines.length, 6);
    for (const r of lines) {
      assert.equal(r.resourceType, 'QuestionnaireResponse');
      assert.ok(['completed', 'in-progress'].includes(r.status));
      assert.ok((r.item ?? []).length > 0, 'it carries the answers');
    }
  });

  it('--progress prints a progress line on stderr', () => {
    const many = join(dir, 'many.ndjson');
    writeFileSync(many, Array.from({ length: 1000 }, () => JSON.stringify(results[0])).join('\n'));
    const out = run('validate', '--progress', many);
    assert.equal(out.code, 0);
    assert.match(out.stderr, /1000 results/);
  });
});
