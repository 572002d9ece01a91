// A server-rendered page with a real <form method="post">: <boussole-form name="result"> is a form field whose value
// is the result as JSON text. The server validates the posted result with the package's JSON Schema, stores it (in
// memory here), and answers with what it stored; a result the schema refuses gets HTTP 422 and the schema's errors.
// Listens on 127.0.0.1 only; PORT from the environment (0: any free port). `npm start`.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const file = (specifier) => readFileSync(fileURLToPath(import.meta.resolve(specifier)), 'utf8');
const bundle = file('boussole/boussole.bundle.js');
// The bundle's chunks (each instrument's text, what a page loads only on need), which the entry imports from
// bundle/ beside itself: served by name from that folder, nothing else.
const chunksDir = new URL('bundle/', import.meta.resolve('boussole/boussole.bundle.js'));
const chunks = new Map(readdirSync(chunksDir).filter((name) => name.endsWith('.js')).map((name) => [`/bundle/${name}`, readFileSync(new URL(name, chunksDir), 'utf8')]));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateResult = ajv.compile(JSON.parse(file('boussole/schemas/result.schema.json')));
const instrument = readFileSync(new URL('instrument.json', import.meta.url), 'utf8');

/** The stored results (a database in a real application). */
const stored = [];

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const STYLE = 'body { font-family: system-ui, sans-serif; margin: 1rem auto; max-width: 60rem; padding: 0 1rem; }\n' +
  'pre { background: #f4f4f4; padding: 0.5rem; white-space: pre-wrap; }\n' +
  // The host form has its own button: the element's one is hidden.
  'boussole-form::part(submit) { display: none; }\n';

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// Inside <script type="application/json">, only "</script" could end the element early.
const inScript = (json) => json.replace(/</g, '\\u003c');

const page = (title, body) => `<!doctype html>
<html lang="fr-CA">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escape(title)}</title>
  <link rel="stylesheet" href="/page.css">
  <script type="module" src="/boussole.bundle.js"></script>
</head>
<body>
  <main>
    <h1>${escape(title)}</h1>
${body}
  </main>
</body>
</html>`;

const formPage = () => page('Visite de l’organisme', `
    <form method="post" action="/results">
      <boussole-form name="result">
        <script type="application/json">${inScript(instrument)}</script>
      </boussole-form>
      <button type="submit">Enregistrer</button>
    </form>
    <p>${stored.length} résultat(s) enregistré(s).</p>`);

const storedPage = (result) => page('Résultat enregistré', `
    <p>Le serveur a validé et enregistré ce résultat (n° ${stored.length}) :</p>
    <pre id="stored">${escape(JSON.stringify(result, null, 2))}</pre>
    <p><a href="/">Nouvelle visite</a></p>`);

const refusedPage = (errors) => page('Résultat refusé', `
    <p>Le serveur n’a rien enregistré : le résultat ne respecte pas <code>result.schema.json</code>.</p>
    <ul id="errors">
${errors.map((e) => `      <li><code>${escape(e.instancePath || '/')}</code> ${escape(e.message)}</li>`).join('\n')}
    </ul>
    <p><a href="/">Revenir au formulaire</a></p>`);

function send(response, status, type, body) {
  response.writeHead(status, { 'content-type': type, 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' });
  response.end(body);
}

async function readForm(request, limit = 1_000_000) {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > limit) throw new Error('too large');
  }
  return new URLSearchParams(body);
}

const server = createServer(async (request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  const html = 'text/html; charset=utf-8';
  if (request.method === 'GET' && pathname === '/') return send(response, 200, html, formPage());
  if (request.method === 'GET' && pathname === '/boussole.bundle.js') return send(response, 200, 'text/javascript; charset=utf-8', bundle);
  if (request.method === 'GET' && chunks.has(pathname)) return send(response, 200, 'text/javascript; charset=utf-8', chunks.get(pathname));
  if (request.method === 'GET' && pathname === '/page.css') return send(response, 200, 'text/css; charset=utf-8', STYLE);
  if (request.method === 'POST' && pathname === '/results') {
    let result;
    try {
      result = JSON.parse((await readForm(request)).get('result') ?? '');
    } catch {
      return send(response, 422, html, refusedPage([{ instancePath: '', message: 'le champ « result » n’est pas un JSON lisible' }]));
    }
    if (!validateResult(result)) return send(response, 422, html, refusedPage(validateResult.errors ?? []));
    stored.push(result);
    return send(response, 200, html, storedPage(result));
  }
  send(response, 404, 'text/plain; charset=utf-8', 'not found');
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`Listening on http://127.0.0.1:${server.address().port}/`);
});
