// The JSX (React 19) and Vue declarations shipped in dist/types (generated from custom-elements.json by the
// rollup build): a consumer's `tsc` accepts a correct page and catches a misspelt attribute, a wrong
// property type and a wrong event handler, as it would in an application that installed the package.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repo } from './browser.js';

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    jsx: 'react-jsx',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  include: ['*.tsx', '*.ts'],
};

const GOOD = `import type {} from 'boussole/react-jsx';
import type { BoussoleSubmitEvent } from 'boussole';

const instrument = { id: 'x' };
export const page = (
  <boussole-form
    instrument={instrument}
    layout="sections"
    heading-level="3"
    lang="en"
    onboussole-submit={(e: BoussoleSubmitEvent) => console.log(e.detail.status)}
    onboussole-change={(e) => console.log(e.detail.itemId)}
  />
);
export const summary = <boussole-summary value={null} />;
`;

const BAD = `import type {} from 'boussole/react-jsx';

export const misspelt = <boussole-form layot="wizard" />;
export const wrongType = <boussole-form readonly="yes" />;
export const wrongEvent = <boussole-ces onboussole-change={(e: { detail: number }) => e.detail} />;
`;

// Vue's GlobalComponents as vue-tsc reads them for a template: the props of each tag's component.
const VUE = `import type {} from 'boussole/vue';
import type { GlobalComponents } from 'vue';
type Props<C> = C extends new (...args: never[]) => { $props: infer P } ? P : never;
type FormProps = Props<GlobalComponents['boussole-form']>;
export const ok: FormProps = { layout: 'sections', 'heading-level': '3', onBoussoleSubmit: (e) => e.detail.status };
export const misspelt: FormProps = { layot: 'sections' };
export const wrongEvent: FormProps = { onBoussoleChange: (e: { detail: number }) => e.detail };
`;

/** Runs tsc in the consumer folder; its diagnostics as `file(line,col): error TSxxxx: …` lines. */
function tsc(dir: string): { status: number | null; errors: string[] } {
  const run = spawnSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', dir, '--pretty', 'false'], { encoding: 'utf8' });
  return { status: run.status, errors: run.stdout.split('\n').filter((l) => / error TS\d+/.test(l)) };
}

describe('the JSX declarations in a React 19 consumer', () => {
  let dir: string;
  before(() => {
    if (!existsSync(join(repo, 'dist/types/react-jsx.d.ts'))) throw new Error('dist/types/react-jsx.d.ts is missing: run `rollup -c` first');
    dir = mkdtempSync(join(tmpdir(), 'boussole-jsx-'));
    const link = (name: string, target: string) => {
      mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
      symlinkSync(target, join(dir, 'node_modules', name), 'dir');
    };
    link('boussole', repo);
    link('@types/react', join(repo, 'node_modules/@types/react'));
    link('vue', join(repo, 'node_modules/vue'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('a correct page type-checks', () => {
    writeFileSync(join(dir, 'page.tsx'), GOOD);
    const { status, errors } = tsc(dir);
    assert.deepEqual(errors, []);
    assert.equal(status, 0);
  });

  it('a misspelt attribute, a wrong property type and a wrong event handler are errors, each on its line', () => {
    writeFileSync(join(dir, 'page.tsx'), BAD);
    const { status, errors } = tsc(dir);
    assert.notEqual(status, 0);
    assert.deepEqual(
      errors.map((e) => e.match(/\((\d+),/)?.[1]),
      ['3', '4', '5'],
      errors.join('\n'),
    );
    assert.match(errors[0]!, /layot/);
  });

  it('Vue: GlobalComponents accept a correct tag and catch a misspelt attribute and a wrong event handler', () => {
    rmSync(join(dir, 'page.tsx'), { force: true });
    writeFileSync(join(dir, 'vue.ts'), VUE);
    const { status, errors } = tsc(dir);
    rmSync(join(dir, 'vue.ts'));
    assert.notEqual(status, 0);
    assert.deepEqual(errors.map((e) => e.match(/\((\d+),/)?.[1]), ['6', '7'], errors.join('\n'));
    assert.match(errors[0]!, /layot/);
  });

  it('the React pages of the recipe tests type-check against dist/types', () => {
    const { status, errors } = tsc(join(repo, 'tests/fixtures/react'));
    assert.deepEqual(errors, []);
    assert.equal(status, 0);
  });
});
