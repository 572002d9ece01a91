// npm run bench:export — export and query time and peak memory for 10 000 and 100 000 generated
// results (not a timed test). Results are generated, exported and aggregated as a stream: memory
// should stay flat as their number grows. Run with the TS register hook (package.json script).
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseInstrument } from '../src/engine/index.ts';
import { Aggregator, ndjsonLines } from '../src/export/index.ts';
import { generateResults } from '../tests/support/generate.ts';

const parsed = parseInstrument(JSON.parse(readFileSync(new URL('../schemas/instruments/ces.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error('ces');
const instrument = parsed.value;
const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const dir = mkdtempSync(join(tmpdir(), 'boussole-bench-'));
console.log(`${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model} · ${mb(totalmem())}`);
for (const count of (process.argv[2] ?? '10000,100000').split(',').map(Number)) {
  const file = join(dir, `rows-${count}.ndjson`);
  const out = createWriteStream(file);
  let peak = 0;
  const t0 = performance.now();
  const aggregator = new Aggregator(instrument);
  const results = (function* () {
    for (const r of generateResults(instrument, count)) {
      aggregator.add(r);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      yield r;
    }
  })();
  for await (const line of ndjsonLines(instrument, results)) if (!out.write(line)) await new Promise((ok) => out.once('drain', ok));
  await new Promise((ok) => out.end(ok));
  aggregator.finish();
  const exportMs = performance.now() - t0;
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  const t1 = performance.now();
  await connection.runAndReadAll(`SELECT section_id, item_id, voice, value, count(*) AS n FROM read_json('${file}', format = 'newline_delimited') GROUP BY ALL`);
  const queryMs = performance.now() - t1;
  connection.closeSync();
  console.log(
    `${String(count).padStart(7)} results · ${mb(statSync(file).size)} NDJSON · generate+export+aggregate ${(exportMs / 1000).toFixed(1)} s · DuckDB query ${(queryMs / 1000).toFixed(2)} s · peak heap ${mb(peak)} · max RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
}
rmSync(dir, { recursive: true, force: true });
