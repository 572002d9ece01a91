// The README read as a newcomer reads it, against what the package really has: the commands it
// names exist, its counts match its tables, and the theming table says what the elements' JSDoc
// (hence the custom-elements manifest and Storybook's tables) says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(`${repo}${file}`, 'utf8');
const readme = read('README.md');

/** The rows (header left out) of the first README table at or after the line `heading`. */
function table(heading: string): string[][] {
  const start = readme.indexOf(heading);
  assert.ok(start >= 0, `the README has ${heading}`);
  const lines = readme.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const end = lines.findIndex((l, i) => i > first && !l.startsWith('|'));
  return lines
    .slice(first + 2, end)
    .map((l) =>
      l
        .slice(2, -2)
        .split(' | ')
        .map((c) => c.trim()),
    );
}

interface Declaration {
  tagName?: string;
  events?: { name?: string }[];
  cssProperties?: { name: string; description?: string; default?: string }[];
  attributes?: { name: string }[];
}
const manifest = JSON.parse(read('custom-elements.json')) as { modules: { declarations?: Declaration[] }[] };
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

describe('README', () => {
  it('names a script to build the static Storybook, and package.json has it with the set-up of npm start', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    assert.ok(scripts['build-storybook'], 'package.json has a build-storybook script');
    assert.match(readme, /\| `npm run build-storybook` \| [^|]*storybook-static/, 'the commands table documents it and its output folder');
    const script = read(scripts['build-storybook'].replace(/^node /, ''));
    assert.match(script, /ensureDependencies\(\);[\s\S]*?\bgenerate\(\);/, 'it installs what is missing and generates, as npm start does');
    assert.match(script, /if \(!process\.env\.BOUSSOLE_GENERATED\) generate\(\);/, 'it generates unless npm test already has');
    assert.match(read('scripts/test.mjs'), /scripts\/build-storybook\.mjs/, 'npm test builds the Storybook it checks with the same script');
  });

  it('counts the events of its events table, and names each event class', () => {
    const rows = table('### Events');
    const names = rows.map((r) => r[0]!.replace(/`/g, ''));
    const fired = new Set(elements.flatMap((d) => (d.events ?? []).map((e) => e.name)).filter((n) => n?.startsWith('boussole-')));
    assert.deepEqual(names.slice().sort(), [...fired].sort(), 'the table lists every event the elements fire');
    const words = ['one', 'two', 'three', 'four', 'five', 'six', 'seven'];
    const count = /All (\w+) events/.exec(readme)?.[1];
    assert.equal(count, words[rows.length - 1], `"All ${count} events" before a table of ${rows.length}`);
    const index = read('src/index.ts');
    for (const name of names) {
      const cls = `Boussole${name.replace('boussole-', '').replace(/^./, (c) => c.toUpperCase())}Event`;
      assert.match(readme, new RegExp(`\`${cls}\``), `the README names ${cls}`);
      assert.match(index, new RegExp(`\\b${cls}\\b`), `${cls} is exported, as the README says`);
    }
  });

  it('lists in the define.js comment every tag its imports table says define.js registers', () => {
    const tags = elements.map((d) => d.tagName!).sort();
    const registers = table('| Import | Effect |').find((r) => r[0] === '`boussole/define.js`')![1]!;
    const words = ['one', 'two', 'three', 'four', 'five', 'six'];
    assert.match(registers, new RegExp(`Registers the ${words[tags.length - 1]} tags`));
    const comment = /import 'boussole\/define\.js'; \/\/ registers (.*)/.exec(readme)?.[1] ?? '';
    assert.deepEqual([...comment.matchAll(/<([a-z-]+)>/g)].map((m) => m[1]).sort(), tags);
    const source = read('src/define.ts');
    assert.deepEqual([...source.matchAll(/<(boussole-[a-z-]+)>/g)].map((m) => m[1]).sort(), tags, 'src/define.ts says which tags it registers');
  });

  it('describes each custom property as the JSDoc does (the manifest and Storybook), with the default the styles use', () => {
    const rows = table('| Custom property | Default | Used for |');
    const documented = new Map(rows.map(([name, byDefault, use]) => [name!.replace(/`/g, ''), { default: byDefault!.replace(/`/g, ''), description: use! }]));
    // The shared tokens (every element's first sheet), and the presentation layout's sheet.
    const styles = read('src/elements/parts/base.styles.ts') + read('src/elements/form/presentation.styles.ts');
    for (const element of elements) {
      const declared = element.cssProperties ?? [];
      // The presentation layout's properties belong to the elements that have a layout (the forms).
      const forms = (element.attributes ?? []).some((a) => a.name === 'layout');
      const expected = [...documented.keys()].filter((name) => forms || !name.startsWith('--boussole-presentation-'));
      assert.deepEqual(declared.map((p) => p.name).sort(), expected.sort(), `${element.tagName} declares the properties of the README`);
      for (const p of declared) {
        const readmeRow = documented.get(p.name)!;
        assert.equal(p.description, readmeRow.description, `${element.tagName} ${p.name}: JSDoc and README say the same`);
        assert.equal(p.default, readmeRow.default, `${element.tagName} ${p.name}: the same default`);
        assert.ok(styles.includes(`var(${p.name}, ${readmeRow.default})`), `${p.name} defaults to ${readmeRow.default} in the styles`);
      }
    }
  });
});
