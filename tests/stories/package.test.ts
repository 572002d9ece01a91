// The package as a host installs it: `npm pack` (needs the built dist/), install the tarball into a
// temp folder (--prefer-offline: "--offline" fails here, ENOTCACHED for @lit/localize), then `npx boussole --help`.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the packed package', () => {
  it('installs, and npx boussole --help works; a bad file exits 1', { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'boussole-pack-'));
    const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!;
    const app = join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), '{"name":"app","private":true,"type":"module"}');
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, name)], { cwd: app, encoding: 'utf8' });
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
