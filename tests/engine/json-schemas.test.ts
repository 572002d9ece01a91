import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { jsonSchemaFiles } from '../../scripts/lib/json-schemas.mjs';
import { createEngine } from '../../src/engine/index.js';
import { parseInstrument } from '../../src/engine/index.js';
import { fillAll } from '../support/fill.js';

const root = new URL('../../', import.meta.url);
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const INSTRUMENTS = ['ces', 'needs-grid', 'pin-grid'];

const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validateInstrument = ajv.compile(readJson('schemas/instrument.schema.json'));
const validateResult = ajv.compile(readJson('schemas/result.schema.json'));

describe('generated JSON Schemas', () => {
  it('are up to date with the zod schemas (run `npm run schemas` after changing src/schema)', () => {
    for (const [path, text] of Object.entries(jsonSchemaFiles()))
      assert.ok(readFileSync(new URL(path, root), 'utf8') === text, `${path} is stale: run npm run schemas`);
  });

  for (const id of INSTRUMENTS)
    it(`schemas/instruments/${id}.json validates with a standard JSON Schema validator (Ajv)`, () => {
      const ok = validateInstrument(readJson(`schemas/instruments/${id}.json`));
      assert.ok(ok, JSON.stringify(validateInstrument.errors?.slice(0, 5)));
    });

  it('the instrument schema can fail: a typo and a missing English text are caught', () => {
    const broken = readJson('schemas/instruments/pin-grid.json');
    broken.sections[0].items[0].requierd = true;
    delete broken.title.en;
    assert.equal(validateInstrument(broken), false);
    const paths = validateInstrument.errors!.map((e) => e.instancePath);
    assert.ok(paths.includes('/title'), JSON.stringify(paths));
    assert.ok(paths.includes('/sections/0/items/0'), JSON.stringify(paths));
  });

  for (const id of INSTRUMENTS)
    it(`results of ${id}, empty and filled, validate against result.schema.json`, () => {
      const parsed = parseInstrument(readJson(`schemas/instruments/${id}.json`));
      assert.ok(parsed.ok);
      const engine = createEngine(parsed.value);
      assert.ok(validateResult(engine.toResult()), JSON.stringify(validateResult.errors));
      fillAll(engine);
      const o = engine.model.sections.find((s) => s.actionPlan);
      if (o) engine.addAction(o.id, engine.addObjective(o.id, 'Objectif'), { what: 'Action', due: '2026-05-01' });
      const result = engine.toResult({ complete: true });
      assert.equal(result.status, 'complete', JSON.stringify(engine.validate()));
      assert.ok(validateResult(result), JSON.stringify(validateResult.errors));
    });

  it('the result schema can fail: a broken date and an unknown status are caught', () => {
    const parsed = parseInstrument(readJson('schemas/instruments/pin-grid.json'));
    assert.ok(parsed.ok);
    const result: any = createEngine(parsed.value).toResult();
    result.status = 'finished';
    result.session.date = '2026-02-30';
    assert.equal(validateResult(result), false);
    assert.deepEqual(validateResult.errors!.map((e) => e.instancePath).sort(), ['/session/date', '/session/date', '/status']);
  });
});
