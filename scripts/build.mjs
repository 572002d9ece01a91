// `npm run build`: dist/ (ES modules, type declarations, the self-contained bundle) and the
// custom-elements manifest. Installs dependencies first when they are missing.
import { rmSync } from 'node:fs';
import { bin, ensureDependencies, generate, run } from './lib/setup.mjs';

ensureDependencies();
generate();
// A clean dist/: chunk names carry a content hash, and stale chunks would be published with it.
rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
process.exit(run(bin('rollup'), ['-c']));
