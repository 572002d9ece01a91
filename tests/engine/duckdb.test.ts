// Portraits on an existing engine: 10 000 generated results exported to NDJSON and CSV, loaded into
// DuckDB in-process, counted in SQL; the SQL counts, suppressed by the same rule (`suppressTable`, the
// documented one), must equal `aggregate()`, suppression included.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseInstrument } from '../../src/engine/index.js';
import { Aggregator, csvHeader, csvLine, exportRows, ndjsonLine, suppressTable, type SectionTable } from '../../src/export/index.js';
import { tableShapes } from '../../src/export/aggregate.js';
import { createEngine } from '../../src/engine/index.js';
import { generateResults } from '../support/generate.js';

export const PORTRAIT_SQL = `
SELECT section_id, item_id, voice, value, count(*) AS n
FROM rows
GROUP BY section_id, item_id, voice, value`;


describe('DuckDB agrees with aggregate()', () => {
  it('on 10 000 results, suppression included, from NDJSON and from CSV', async () => {
    const parsed = parseInstrument(JSON.parse(readFileSync(new URL('../../schemas/instruments/ces.json', import.meta.url), 'utf8')));
    if (!parsed.ok) throw new Error('ces');
    const instrument = parsed.value;
    const dir = mkdtempSync(join(tmpdir(), 'boussole-duckdb-'));
    const aggregator = new Aggregator(instrument, { minCell: 5 });
    const results = [...generateResults(instrument, 10_000)];
    for (const r of results) aggregator.add(r);
    const expected = aggregator.finish();
    // The rows once, written in both formats (toCsv/toNdjson and their streaming forms write these
    // same lines: tests/engine/export.test.ts).
    const rows = [...exportRows(instrument, results)];
    writeFileSync(join(dir, 'rows.ndjson'), rows.map((r) => ndjsonLine(r) + '\n').join(''));
    writeFileSync(join(dir, 'rows.csv'), [csvHeader(), ...rows.map((r) => csvLine(r))].join('\r\n') + '\r\n');

    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    for (const source of [
      `read_json('${join(dir, 'rows.ndjson')}', format = 'newline_delimited', columns = {section_id: 'VARCHAR', item_id: 'VARCHAR', voice: 'VARCHAR', value: 'VARCHAR'})`,
      `read_csv('${join(dir, 'rows.csv')}', header = true, all_varchar = true)`,
    ]) {
      const reader = await connection.runAndReadAll(`WITH rows AS (SELECT * FROM ${source}) ${PORTRAIT_SQL}`);
      const counts = new Map<string, number>();
      for (const row of reader.getRowObjects()) counts.set(`${row.section_id}|${row.item_id}|${row.voice ?? ''}|${row.value}`, Number(row.n));
      // The same tables, filled from SQL's counts, suppressed by the same rule.
      const shapes = tableShapes(createEngine(instrument));
      const fromSql: SectionTable[] = shapes.map((shape) => {
        const inner = shape.rows.map(({ item, voice }) => shape.levels.map((level) => counts.get(`${shape.section}|${item.id}|${voice}|${level}`) ?? 0));
        const s = suppressTable(inner, shape.levels.length, 5);
        return {
          section: shape.section,
          scale: shape.scale,
          levels: shape.levels,
          rows: shape.rows.map(({ item, voice }, r) => ({ item: item.id, voice, counts: Object.fromEntries(shape.levels.map((l, j) => [l, s.cells[r]![j]!])), total: s.rowTotals[r]! })),
          totals: Object.fromEntries(shape.levels.map((l, j) => [l, s.columnTotals[j]!])),
          total: s.total,
        };
      });
      assert.deepEqual(fromSql, expected.groups[0]!.sections);
    }
    const all = expected.groups[0]!.sections.flatMap((t) => t.rows.flatMap((r) => Object.values(r.counts)));
    assert.ok(all.some((c) => c === null), 'some cells are suppressed');
    assert.ok(all.filter((c) => c !== null).length > all.length / 2, 'most are published');
    connection.closeSync();
  });
});
