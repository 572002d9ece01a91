// The benchmark's page server: dist/ and bench/ only. Pages are cross-origin isolated (COOP + COEP;
// everything is same-origin), which gives performance.now() a 5 µs resolution instead of 100 µs.
import { serve as serveFiles } from '../scripts/lib/serve.mjs';

/**
 * The chunks of the no-build bundle (dist/bundle/<name>-<content hash>.js) are served as a deployment
 * serves content-hashed files: cacheable for good. A fresh page then takes them from the browser's cache
 * (the case's warm-up page fetched them), as it takes the entry, loaded before the timing starts; it
 * still compiles and runs them. Everything else is revalidated on every load.
 */
const HASHED = /[\\/]dist[\\/]bundle[\\/][\w.-]+-[\w-]{8}\.js$/;

/**
 * Starts the server for the project folder `root`; resolves to `{ origin, close() }`. `coldChunks`:
 * the chunks are revalidated too (`npm run bench -- --cold-chunks`), so every fresh page fetches them
 * again from this server inside its timing.
 */
export const serve = (root, { coldChunks = false } = {}) =>
  serveFiles(root, {
    only: ['dist', 'bench'],
    headers: {
      'cache-control': 'no-cache',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    },
    headersFor: (file) => (!coldChunks && HASHED.test(file) ? { 'cache-control': 'public, max-age=31536000, immutable' } : {}),
  });
