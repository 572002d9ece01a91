// The interface text: every message in the code is in the committed XLIFF, with the same French source
// and a non-empty English target (lit-localize extract is run into a scratch folder and compared).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

interface Unit {
  source: string;
  target: string | undefined;
}
function units(xliff: string): Map<string, Unit> {
  const out = new Map<string, Unit>();
  for (const m of xliff.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    const source = /<source>([\s\S]*?)<\/source>/.exec(m[2]!)?.[1] ?? '';
    const target = /<target>([\s\S]*?)<\/target>/.exec(m[2]!)?.[1];
    out.set(m[1]!, { source, target });
  }
  return out;
}

describe('translations (xliff/en.xlf)', () => {
  const committed = units(readFileSync(join(repo, 'xliff/en.xlf'), 'utf8'));

  it('every message has an English target, different from the French where it is a sentence', () => {
    assert.ok(committed.size > 50);
    const missing = [...committed].filter(([, u]) => !u.target?.trim()).map(([id]) => id);
    assert.deepEqual(missing, []);
    const words = (t: string) => t.replace(/<x [^>]*\/>/g, ' ').trim().split(/\s+/).length;
    const same = [...committed].filter(([, u]) => u.source === u.target && words(u.source) > 1).map(([id]) => id);
    assert.deepEqual(same, [], 'untranslated (identical) sentences');
  });

  it('is in sync with the messages in the code (lit-localize extract finds nothing new, nothing stale)', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'boussole-xliff-'));
    try {
      const config = JSON.parse(readFileSync(join(repo, 'lit-localize.json'), 'utf8'));
      config.tsConfig = join(repo, 'tsconfig.json');
      config.interchange.xliffDir = scratch;
      config.output.outputDir = join(scratch, 'out');
      config.output.localeCodesModule = join(scratch, 'out/locale-codes.ts');
      const file = join(scratch, 'lit-localize.json');
      writeFileSync(file, JSON.stringify(config));
      const run = spawnSync(process.execPath, [join(repo, 'node_modules/@lit/localize-tools/bin/lit-localize.js'), 'extract', '--config', file], {
        cwd: repo,
        encoding: 'utf8',
      });
      assert.equal(run.status, 0, run.stderr || run.stdout);
      const extracted = units(readFileSync(join(scratch, 'en.xlf'), 'utf8'));
      const added = [...extracted.keys()].filter((id) => !committed.has(id));
      const stale = [...committed.keys()].filter((id) => !extracted.has(id));
      const changed = [...extracted].filter(([id, u]) => committed.has(id) && committed.get(id)!.source !== u.source).map(([id]) => id);
      assert.deepEqual({ added, stale, changed }, { added: [], stale: [], changed: [] }, 'run `npm run localize:extract` and translate');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
