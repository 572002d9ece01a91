// The no-build bundle as a browser fetches it, read from what rollup wrote: the entry
// dist/boussole.bundle.js and the files of dist/bundle/ it reaches through its import lines. One reading
// for the benchmark (its bytes) and the bundle test (what the first load holds).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BUNDLE_ENTRY = 'boussole.bundle.js';

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w${},*\s]+from\s*)?"(\.{1,2}\/[^"]+)"/g;
const DYNAMIC_IMPORT = /import\("(\.{1,2}\/[^"]+)"\)/g;

/**
 * Every file the entry reaches, statically or on need, by its path in `dist` (a rollup run without
 * `npm run build` leaves older chunks beside them, which are not counted).
 */
export function bundleFiles(dist) {
  const files = new Map();
  const visit = (fileName) => {
    if (files.has(fileName) || !existsSync(join(dist, fileName))) return;
    const code = readFileSync(join(dist, fileName), 'utf8');
    const specs = (re) => [...code.matchAll(re)].map((m) => join(fileName, '..', m[1]).replaceAll('\\', '/'));
    const file = { fileName, code, imports: specs(STATIC_IMPORT), dynamicImports: specs(DYNAMIC_IMPORT) };
    files.set(fileName, file);
    for (const dep of [...file.imports, ...file.dynamicImports]) visit(dep);
  };
  visit(BUNDLE_ENTRY);
  return files;
}

/** The first load of `entries`: they and what they import statically (`imports`), fetched before any render. */
export function firstLoad(files, entries = [BUNDLE_ENTRY]) {
  const first = new Set();
  const visit = (name) => {
    if (first.has(name)) return;
    first.add(name);
    for (const dep of files.get(name)?.imports ?? []) visit(dep);
  };
  for (const entry of entries) visit(entry);
  return first;
}
