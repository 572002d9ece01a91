// `npm start`: Storybook with every element and instrument, on http://localhost:6006.
// Installs dependencies first when they are missing.
import { bin, ensureDependencies, generate, run } from './lib/setup.mjs';

ensureDependencies();
generate();
const port = process.env.PORT ?? '6006';
// Without a terminal (a script, a container) Storybook must neither prompt nor try to open a browser.
const ci = process.stdout.isTTY ? [] : ['--ci'];
process.exit(run(bin('storybook'), ['dev', '-p', port, '--disable-telemetry', ...ci, ...process.argv.slice(2)], { env: { STORYBOOK_DISABLE_TELEMETRY: '1' } }));
