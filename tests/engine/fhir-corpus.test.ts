import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createEngine, parseInstrument } from '../../src/engine/index.js';
import { parseResumable } from '../../src/schema/parse.js';
import { fromFhirQuestionnaire, fromFhirQuestionnaireResponse, toFhirQuestionnaireResponse, type Unsupported } from '../../src/export/index.js';
import { invariantErrors, linkIdErrors, schemaErrors } from '../support/fhir-check.js';
import { corpus, corpusTable, README_END, README_START, RESPONSE_PAIRS, type ImportSnapshot } from '../support/fhir-corpus.js';
import { fillAll } from '../support/fill.js';
import { clock } from './fixtures.js';

type Json = Record<string, any>;
const snapshotUrl = new URL('./fhir-corpus.snapshot.json', import.meta.url);
const readmeUrl = new URL('../../README.md', import.meta.url);
const update = process.env.UPDATE_FHIR_SNAPSHOT === '1';

const files = corpus();
const questionnaires = files.filter((f) => f.json.resourceType === 'Questionnaire');
const responses = files.filter((f) => f.json.resourceType === 'QuestionnaireResponse');

/** Questions (not groups or display items) at every depth. */
const countQuestions = (items: Json[] | undefined): number =>
  (items ?? []).reduce((n, it) => n + (it.type === 'group' || it.type === 'display' ? 0 : 1) + countQuestions(it.item), 0);

/** Feature names, with the linkIds of the items left out for it. */
const summarise = (unsupported: Unsupported[]) => {
  const leftOut = new Map<string, number>();
  const kept = new Set<string>();
  for (const u of unsupported)
    if (u.outcome === 'left-out') leftOut.set(u.feature, (leftOut.get(u.feature) ?? 0) + 1);
    else kept.add(u.feature);
  return {
    leftOut: [...leftOut].sort(([a], [b]) => a.localeCompare(b)).map(([f, n]) => `${f}: ${n}`),
    kept: [...kept].sort((a, b) => a.localeCompare(b)),
  };
};

const snapshot: ImportSnapshot = { questionnaires: {}, responses: {} };

describe('FHIR in: every Questionnaire of the public corpus', () => {
  it('holds 14 Questionnaires and 5 responses', () => {
    assert.equal(questionnaires.length, 14);
    assert.equal(responses.length, 5);
  });

  for (const { name, json } of questionnaires) {
    it(`${name}: imports, passes parseInstrument, and a filled result answers the original Questionnaire`, () => {
      const imported = fromFhirQuestionnaire(json);
      const parsed = parseInstrument(imported.instrument);
      assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems.slice(0, 3)));
      const items = (function count(sections: Json[]): number {
        return sections.reduce((n, s) => n + (s.items?.length ?? 0) + count(s.sections ?? []), 0);
      })(imported.instrument.sections);
      assert.ok(items > 0, 'some questions imported');
      // Both languages hold: text that exists in one is repeated, listed, and the source note says why.
      assert.ok(imported.untranslated.length > 0);
      assert.match(imported.instrument.source.note.en, /untranslated text is repeated/);
      snapshot.questionnaires[name] = { questions: countQuestions(json.item), imported: items, ...summarise(imported.unsupported) };

      const engine = createEngine(parsed.ok ? parsed.value : imported.instrument, { now: clock() });
      fillAll(engine, { varied: true });
      const result = engine.toResult({ complete: true });
      const { resource } = toFhirQuestionnaireResponse(imported.instrument, result, { mapping: imported.mapping });
      assert.ok((resource.item ?? []).length > 0);
      assert.deepEqual(schemaErrors(resource), []);
      assert.deepEqual(invariantErrors(resource as Json), []);
      assert.deepEqual(linkIdErrors(json, resource as Json), [], 'every linkId in the ORIGINAL Questionnaire, with its type');
      if (json.url) assert.equal(resource.questionnaire?.split('|')[0], json.url);
    });
  }

  for (const { name, json } of responses) {
    it(`${name}: reads into a result the engine resumes`, () => {
      const pair = RESPONSE_PAIRS[name];
      assert.ok(pair, `no Questionnaire paired with ${name}`);
      const questionnaire = pair === '#contained' ? json.contained.find((r: Json) => r.resourceType === 'Questionnaire') : files.find((f) => f.name === pair)!.json;
      // The adaptive response holds the value set its Questionnaire names, beside it: the host passes it.
      const options = pair === '#contained' ? { valueSets: json.contained } : {};
      const imported = fromFhirQuestionnaire(questionnaire, options);
      const { result, unsupported } = fromFhirQuestionnaireResponse(questionnaire, json, options);
      assert.ok(parseResumable(result).ok);
      const answers = Object.keys(result.answers).length;
      assert.ok(answers > 0, 'some answers read');
      const engine = createEngine(imported.instrument, { now: clock(), result });
      assert.equal(Object.keys(engine.toResult().answers).length, answers);
      snapshot.responses[name] = { answers, leftOut: summarise(unsupported).leftOut.concat(summarise(unsupported).kept) };
    });
  }

  it('reads enableWhen with its operators and answer types, and names each condition it drops', () => {
    const { instrument, unsupported } = fromFhirQuestionnaire(questionnaires.find((f) => f.name === 'sdc-questionnaire-sdc-test-enablewhen.json')!.json);
    const conditions = new Map<string, unknown>();
    const walk = (sections: Json[]) =>
      sections.forEach((s) => {
        if (s.visibleWhen) conditions.set(s.id, s.visibleWhen);
        (s.items ?? []).forEach((i: Json) => i.visibleWhen && conditions.set(i.id, i.visibleWhen));
        walk(s.sections ?? []);
      });
    walk(instrument.sections as Json[]);
    assert.deepEqual(conditions.get('date_greater_2000-01-01'), { item: 'date_of_birth_question', op: 'gt', value: '2000-01-01' });
    assert.deepEqual(conditions.get('date_less_2000-01-01'), { item: 'date_of_birth_question', op: 'lte', value: '2000-01-01' });
    // answerBoolean false on a boolean question (which the fhir package reports as missing).
    assert.deepEqual(conditions.get('q3ca80fdf-6598-4dd7-b9df-8a2f10895e4e'), { item: 'fe0106a5-0e25-43a4-9820-7acb7e74d9d7', op: 'equals', value: 'no' });
    assert.deepEqual((conditions.get('q76daed4f-f957-45cb-9584-aab95f6021d4') as Json).all.length, 2);
    assert.deepEqual(conditions.get('BOWOPTOTH'), { item: 'BC029', op: 'includes', value: 'o9' }, '= on a repeating choice');
    const dropped = unsupported.filter((u) => u.feature === 'enableWhen');
    assert.equal(dropped.length, 8);
    assert.ok(dropped.every((u) => u.outcome === 'kept' && /is dropped: /.test(u.note)));
  });

  it('keeps LOINC answer codes: the scale has them and a response answers with them', () => {
    const { json } = questionnaires.find((f) => f.name === 'lforms-phq9.json')!;
    const { instrument, mapping } = fromFhirQuestionnaire(json);
    assert.deepEqual(instrument.scales?.[0]?.options.map((o) => o.code), ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9']);
    const engine = createEngine(instrument, { now: clock() });
    fillAll(engine);
    const { resource } = toFhirQuestionnaireResponse(instrument, engine.toResult(), { mapping });
    const first = resource.item![0]!.answer![0]!.valueCoding!;
    assert.deepEqual([first.system, first.code], ['http://loinc.org', 'LA6568-5']);
  });

  it('returns initial values to resume from', () => {
    const { initial } = fromFhirQuestionnaire(questionnaires.find((f) => f.name === 'lforms-questionnaire-initialx.json')!.json);
    assert.equal(initial['q_type-integer'], 123);
    assert.equal(initial['q_type-boolean'], 'yes');
    assert.deepEqual(initial['q_type-choice-m'], ['c1', 'c3']);
  });

  it('never crashes on what is not a Questionnaire', () => {
    for (const input of [null, 42, 'Questionnaire', [], {}, { resourceType: 'Patient' }, { resourceType: 'Questionnaire', item: 'x' }, { resourceType: 'Questionnaire', item: [null, { linkId: 3 }, { linkId: 'a', type: 'group' }, { linkId: 'b', type: 'choice', answerOption: [{}] }] }]) {
      const out = fromFhirQuestionnaire(input);
      assert.ok(parseInstrument(out.instrument).ok, JSON.stringify(input));
      const back = fromFhirQuestionnaireResponse(input, input);
      assert.ok(parseResumable(back.result).ok);
    }
  });

  it('the snapshot of what imported (and the README table made from it) is current', () => {
    const table = corpusTable(snapshot);
    const readme = readFileSync(readmeUrl, 'utf8');
    if (update) {
      writeFileSync(snapshotUrl, `${JSON.stringify(snapshot, null, 2)}\n`);
      const start = readme.indexOf(README_START);
      const end = readme.indexOf(README_END);
      if (start >= 0 && end > start) writeFileSync(readmeUrl, readme.slice(0, start) + table + readme.slice(end + README_END.length));
    }
    assert.deepEqual(snapshot, JSON.parse(readFileSync(snapshotUrl, 'utf8')), 'rerun with UPDATE_FHIR_SNAPSHOT=1 after a deliberate change');
    assert.ok(readFileSync(readmeUrl, 'utf8').includes(table), 'the README FHIR corpus table differs from the snapshot (UPDATE_FHIR_SNAPSHOT=1 rewrites it)');
  });
});
