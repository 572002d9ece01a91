// `npm run build-storybook`: the static Storybook (every element and instrument, Controls, docs) in
// storybook-static/, to publish on any static host or a docs site. Same set-up as `npm start`.
// Another output folder: `npm run build-storybook -- -o public/storybook`.
import { bin, ensureDependencies, generate, run } from './lib/setup.mjs';

ensureDependencies();
// `npm test` has generated them already (BOUSSOLE_GENERATED=1).
if (!process.env.BOUSSOLE_GENERATED) generate();
const args = process.argv.slice(2);
const output = args.includes('-o') || args.includes('--output-dir') ? [] : ['-o', 'storybook-static'];
process.exit(run(bin('storybook'), ['build', '--disable-telemetry', ...output, ...args], { env: { STORYBOOK_DISABLE_TELEMETRY: '1' } }));
