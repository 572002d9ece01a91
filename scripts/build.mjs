// `npm run build`: dist/ (ES modules, type declarations, the self-contained bundle) and the
// custom-elements manifest. Installs dependencies first when they are missing.
import { bin, ensureDependencies, generate, run } from './lib/setup.mjs';

ensureDependencies();
generate();
process.exit(run(bin('rollup'), ['-c']));
