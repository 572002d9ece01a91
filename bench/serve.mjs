// The benchmark's page server: dist/ and bench/ only. Pages are cross-origin isolated (COOP + COEP;
// everything is same-origin), which gives performance.now() a 5 µs resolution instead of 100 µs.
import { serve as serveFiles } from '../scripts/lib/serve.mjs';

/** Starts the server for the project folder `root`; resolves to `{ origin, close() }`. */
export const serve = (root) =>
  serveFiles(root, {
    only: ['dist', 'bench'],
    headers: {
      'cache-control': 'no-cache',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    },
  });
