// The only step: copy the no-build bundle from the installed package next to the page: its entry and
// the folder of chunks it loads on need (each instrument's text…), which it finds relative to itself.
import { copyFileSync, cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = import.meta.resolve('boussole/boussole.bundle.js');
copyFileSync(fileURLToPath(entry), new URL('site/boussole.bundle.js', import.meta.url));
cpSync(fileURLToPath(new URL('bundle/', entry)), fileURLToPath(new URL('site/bundle/', import.meta.url)), { recursive: true });
