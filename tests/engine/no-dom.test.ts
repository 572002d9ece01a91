import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const engineDir = fileURLToPath(new URL('../../src/engine/', import.meta.url));

/** Type-checks files with the engine's own compiler options (ES library only, no DOM). */
function diagnostics(files: string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(engineDir, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(String(d.messageText)),
  });
  assert.ok(config);
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the engine has no DOM', () => {
  it('its tsconfig leaves out the DOM library', () => {
    const config = ts.readConfigFile(join(engineDir, 'tsconfig.json'), ts.sys.readFile).config;
    assert.deepEqual(config.compilerOptions.lib, ['ES2022']);
  });

  it('so a use of document or HTMLElement fails its type check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'boussole-nodom-'));
    const file = join(dir, 'uses-dom.ts');
    writeFileSync(file, 'export const el: HTMLElement = document.createElement("div");\n');
    const errors = diagnostics([file]);
    assert.ok(errors.some((e) => /Cannot find name 'HTMLElement'/.test(e)), errors.join('\n'));
    assert.ok(errors.some((e) => /Cannot find name 'document'/.test(e)), errors.join('\n'));
  });

  it('and every engine file passes it', () => {
    const files = readdirSync(engineDir).filter((f) => f.endsWith('.ts')).map((f) => join(engineDir, f));
    assert.deepEqual(diagnostics(files), []);
  });

  it('and so does every file of the FHIR export and import (src/export/fhir)', () => {
    const dir = fileURLToPath(new URL('../../src/export/fhir/', import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
    assert.ok(files.length >= 4);
    assert.deepEqual(diagnostics(files), []);
  });
});
