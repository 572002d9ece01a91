// `npm run build`: dist/ (ES modules, type declarations, the self-contained bundle) and the
// custom-elements manifest. Installs dependencies first when they are missing.
import { rmSync } from 'node:fs';
import { bin, ensureDependencies, generate, run } from './lib/setup.mjs';

ensureDependencies();
generate();
// A clean dist/: chunk names carry a content hash, and stale chunks would be published with it.
rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
// rollup only emits (`noCheck` in rollup.config.mjs); the sources are type-checked here first, as `npm test` does.
const checked = run(bin('tsc'), ['-p', 'tsconfig.build.json', '--noEmit']);
process.exit(checked || run(bin('rollup'), ['-c']));
