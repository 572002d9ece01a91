// The only step: copy the self-contained bundle from the installed package next to the page.
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

copyFileSync(fileURLToPath(import.meta.resolve('boussole/boussole.bundle.js')), new URL('site/boussole.bundle.js', import.meta.url));
