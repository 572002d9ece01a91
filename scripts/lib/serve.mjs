// A static file server on 127.0.0.1 (a free port), for the checks that load built output in Chromium
// (Storybook, the bundle under a CSP) and for the benchmark. Serves `root` (a directory's index.html
// for a directory); `only` limits it to some subfolders; `headers` go on every file, `htmlHeaders`
// on HTML pages only (e.g. a Content-Security-Policy).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export async function serve(root, { only = [], headers = {}, htmlHeaders = {} } = {}) {
  const base = resolve(root) + sep;
  const allowed = only.length ? only.map((dir) => join(base, dir) + sep) : [base];
  const server = createServer((request, response) => {
    let file = join(base, decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!allowed.some((dir) => file.startsWith(dir)) || !existsSync(file) || !statSync(file).isFile())
      return response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': type, ...headers, ...(type.startsWith('text/html') ? htmlHeaders : {}) });
    response.end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
