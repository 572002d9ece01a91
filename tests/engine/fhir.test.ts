import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createEngine, parseInstrument, parseResult } from '../../src/engine/index.js';
import { fromFhirQuestionnaire, fromFhirQuestionnaireResponse, toFhirQuestionnaire, toFhirQuestionnaireResponse } from '../../src/export/index.js';
import type { Condition, Instrument, Item, Section } from '../../src/schema/index.js';
import { checkFhir, fhirPackageErrors, invariantErrors, linkIdErrors, schemaErrors } from '../support/fhir-check.js';
import { fillAll } from '../support/fill.js';
import { clock, sampleInstrument } from './fixtures.js';

type Json = Record<string, any>;
/** FHIR strings hold no no-break spaces: the export writes plain spaces. */
const plain = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value).replace(/[\u00a0\u202f]/g, ' ')));

const bundled = ['ces', 'needs-grid', 'pin-grid'].map((name) => {
  const parsed = parseInstrument(JSON.parse(readFileSync(new URL(`../../schemas/instruments/${name}.json`, import.meta.url), 'utf8')));
  assert.ok(parsed.ok, name);
  return parsed.value;
});

const filled = (instrument: Instrument, options: { share?: number; complete?: boolean } = {}) => {
  const engine = createEngine(instrument, { now: clock() });
  fillAll(engine, { share: options.share ?? 1, varied: true });
  return engine.toResult({ complete: options.complete ?? false });
};

function walk<T extends { item?: T[] }>(list: T[] | undefined, visit: (node: T) => void): void {
  for (const node of list ?? []) {
    visit(node);
    walk(node.item, visit);
  }
}
const allItems = (instrument: Instrument): Item[] => {
  const out: Item[] = [];
  const go = (sections: readonly Section[]) => sections.forEach((s) => (out.push(...(s.items ?? [])), go(s.sections ?? [])));
  go(instrument.sections);
  return out;
};
const allSections = (instrument: Instrument): Section[] => {
  const out: Section[] = [];
  const go = (sections: readonly Section[]) => sections.forEach((s) => (out.push(s), go(s.sections ?? [])));
  go(instrument.sections);
  return out;
};

describe('FHIR out: the bundled instruments', () => {
  for (const instrument of bundled) {
    describe(instrument.id, () => {
      const { resource: questionnaire } = toFhirQuestionnaire(instrument);

      it('its Questionnaire passes the R4 JSON Schema and the invariants que-1, que-2, que-6, que-11', () => {
        assert.deepEqual(checkFhir(questionnaire), []);
        assert.deepEqual(fhirPackageErrors(questionnaire), [], 'the fhir package (smoke test)');
      });

      it('a complete result is a completed response that passes the schema, qrs-1, qrs-2 and the linkId check', () => {
        const result = filled(instrument, { complete: true });
        assert.equal(result.status, 'complete');
        const { resource } = toFhirQuestionnaireResponse(instrument, result);
        assert.equal(resource.status, 'completed');
        assert.equal(resource.questionnaire, `${questionnaire.url}|${instrument.version}`);
        assert.ok((resource.item ?? []).length > 0);
        assert.deepEqual(checkFhir(questionnaire, resource), []);
        assert.deepEqual(fhirPackageErrors(resource), [], 'the fhir package (smoke test)');
      });

      it('a draft is in-progress and passes the same checks', () => {
        const result = filled(instrument, { share: 0.4 });
        assert.equal(result.status, 'draft');
        const { resource } = toFhirQuestionnaireResponse(instrument, result);
        assert.equal(resource.status, 'in-progress');
        assert.deepEqual(checkFhir(questionnaire, resource), []);
      });

      it('linkIds are unique and each item and section keeps its id as linkId', () => {
        const links: string[] = [];
        walk(questionnaire.item as Json[], (n) => links.push(n.linkId));
        assert.equal(new Set(links).size, links.length);
        for (const node of [...allItems(instrument), ...allSections(instrument)]) assert.ok(links.includes(node.id), node.id);
      });

      it('both languages: text in French, English in the translation extension', () => {
        assert.equal(questionnaire.language, 'fr');
        assert.equal(questionnaire.title, instrument.title.fr.replace(/[^\S \r\n\t]/g, ' '));
        const first = instrument.sections[0]!;
        const group = (questionnaire.item as Json[]).find((n) => n.linkId === first.id)!;
        const translation = group._text.extension.find((e: Json) => e.url === 'http://hl7.org/fhir/StructureDefinition/translation');
        assert.deepEqual(
          translation.extension.map((e: Json) => e.valueCode ?? e.valueString),
          ['en', first.title.en.replace(/[^\S \r\n\t]/g, ' ')],
        );
        const english = toFhirQuestionnaire(instrument, { language: 'en' }).resource;
        assert.equal(english.language, 'en');
        assert.equal(english.title, instrument.title.en.replace(/[^\S \r\n\t]/g, ' '));
      });

      it('round trip instrument → FHIR → instrument keeps ids, scales, voices, bands and the expressed conditions', () => {
        const exported = toFhirQuestionnaire(instrument);
        const back = fromFhirQuestionnaire(exported.resource);
        assert.ok(parseInstrument(back.instrument).ok);
        assert.deepEqual(back.untranslated, []);
        assert.deepEqual(allSections(back.instrument).map((s) => [s.id, s.kind]), allSections(instrument).map((s) => [s.id, s.kind]));
        const before = allItems(instrument);
        const after = new Map(allItems(back.instrument).map((it) => [it.id, it]));
        assert.deepEqual([...after.keys()], before.map((it) => it.id));
        assert.deepEqual(
          back.instrument.scales?.map((s) => [s.id, s.options.map((o) => [o.code, o.label, !!o.missing])]),
          plain(instrument.scales)?.filter((s) => before.some((it) => 'scale' in it && it.scale === s.id)).map((s) => [s.id, s.options.map((o) => [o.code, o.label, !!o.missing])]),
        );
        assert.deepEqual(back.instrument.ageBands, plain(instrument.ageBands));
        assert.deepEqual(back.instrument.perspectives, plain(instrument.perspectives));
        const lost = new Set(exported.notExpressed.filter((n) => n.feature === 'visibleWhen').map((n) => n.linkId));
        for (const it of before) {
          const got = after.get(it.id)!;
          assert.equal(got.type, it.type, it.id);
          assert.deepEqual(got.label, plain(it.label));
          assert.deepEqual(got.help, plain(it.help));
          assert.deepEqual(got.labelFor, plain(it.labelFor));
          assert.deepEqual(got.perspectives, it.perspectives, it.id);
          assert.deepEqual(got.ageBands, it.ageBands, it.id);
          assert.equal(!!got.required, !!it.required, it.id);
          assert.equal(!!got.comment, !!it.comment, it.id);
          if ('scale' in it) assert.equal((got as typeof it).scale, it.scale);
          if (!lost.has(it.id)) assert.deepEqual(got.visibleWhen, it.visibleWhen, it.id);
        }
      });

      it('a response reads back into the same answers', () => {
        const result = filled(instrument, { complete: true });
        const { resource: questionnaire } = toFhirQuestionnaire(instrument);
        const { resource } = toFhirQuestionnaireResponse(instrument, result);
        const back = fromFhirQuestionnaireResponse(questionnaire, resource);
        assert.deepEqual(back.unsupported, []);
        assert.equal(back.result.status, 'complete');
        assert.equal(back.result.ageBand, result.ageBand);
        const hidden = new Set(result.summaries.outOfScope);
        const expected = Object.fromEntries(Object.entries(result.answers).filter(([id]) => !hidden.has(id)));
        assert.deepEqual(back.result.answers, expected);
      });
    });
  }
});

describe('FHIR out: mapping details', () => {
  const instrument = sampleInstrument();
  const exported = toFhirQuestionnaire(instrument);
  const q = exported.resource as Json;
  const find = (linkId: string) => {
    let hit: Json | undefined;
    walk(q.item as Json[], (n) => (n.linkId === linkId ? (hit = n) : undefined));
    return hit!;
  };

  it('every feature of the fixture passes the checks', () => {
    assert.deepEqual(checkFhir(q), []);
    const engine = createEngine(instrument, { now: clock() });
    fillAll(engine, { ageBand: 'teen' });
    engine.setComment('a1', 'Noté\u00a0: à revoir');
    assert.deepEqual(checkFhir(q, toFhirQuestionnaireResponse(instrument, engine.toResult()).resource), []);
  });

  it('gives each item type its FHIR type and each scale its code system', () => {
    assert.deepEqual(
      ['a1', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'].map((id) => [find(id).type, !!find(id).repeats]),
      [['choice', false], ['choice', false], ['text', false], ['integer', false], ['date', false], ['string', false], ['choice', true]],
    );
    assert.equal(find('a1').answerOption[0].valueCoding.system, 'urn:boussole:sample:scale:level');
    assert.equal(toFhirQuestionnaire(instrument, { scaleSystemBase: 'https://cisss.example/fhir/CodeSystem/' }).resource.item!.find((n) => n.linkId === 'a')!.item![0]!.answerOption![0]!.valueCoding!.system, 'https://cisss.example/fhir/CodeSystem/level');
    assert.deepEqual(find('a10').answerOption.map((o: Json) => o.valueCoding.code), ['Y', 'N']);
  });

  it('turns a condition into enableWhen, and age bands into a condition on the band question', () => {
    assert.deepEqual(find('a4').enableWhen, [{ question: 'a3', operator: '=', answerCoding: { system: 'http://terminology.hl7.org/CodeSystem/v2-0136', code: 'Y' } }]);
    assert.deepEqual(find('bx2').enableWhen.map((w: Json) => [w.question, w.operator, w.answerCoding.code]), [['ageBand', '=', 'child'], ['ageBand', '=', 'teen']]);
    assert.equal(find('bx2').enableBehavior, 'any');
  });

  it('voices are a group of one question per voice, marked by the voices extension', () => {
    const a9 = find('a9');
    assert.equal(a9.type, 'group');
    assert.deepEqual(a9.extension.map((e: Json) => [e.url, e.valueCode]), [['urn:boussole:fhir:voices', 'child'], ['urn:boussole:fhir:voices', 'worker']]);
    assert.deepEqual(a9.item.map((n: Json) => [n.linkId, n.text]), [['a9:child', 'A9, dit à l’enfant'], ['a9:worker', 'A9 (Intervenant)']]);
  });

  it('lists what FHIR cannot say instead of dropping it', () => {
    const conditions: [Condition, string][] = [
      [{ item: 'a1', op: 'gt', value: 'mid' }, 'operator "gt" on a single-choice item has no enableWhen form'],
      [{ any: [{ all: [{ item: 'a3', op: 'equals', value: 'yes' }, { item: 'a5', op: 'gt', value: 2 }] }, { item: 'a6', op: 'answered' }] }, 'FHIR has one enableBehavior per item: "any" cannot hold "all"'],
      [{ item: 'a9', op: 'answered' }, '"a9" is answered per voice: FHIR asks one question per voice'],
    ];
    for (const [condition, reason] of conditions) {
      const copy = structuredClone(instrument) as Json;
      copy.sections[0].items[6].visibleWhen = condition;
      const parsed = parseInstrument(copy);
      assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
      const out = toFhirQuestionnaire(parsed.value);
      assert.deepEqual(out.notExpressed.find((n) => n.linkId === 'a7'), { linkId: 'a7', feature: 'visibleWhen', condition, reason });
      assert.deepEqual(checkFhir(out.resource), []);
    }
    assert.ok(exported.notExpressed.some((n) => n.linkId === 'a' && n.feature === 'actionPlan'));
    assert.ok(exported.notExpressed.some((n) => n.feature === 'summary'));
  });

  it('leaves hidden answers and unknown items out of a response, and says so', () => {
    const engine = createEngine(instrument, { now: clock() });
    engine.setAnswer('a3', 'yes');
    engine.setAnswer('a4', 'Texte');
    engine.setAnswer('a3', 'no');
    const result = engine.toResult();
    const parsed = parseResult({ ...result, answers: { ...result.answers, gone: { value: 'x' } } });
    assert.ok(parsed.ok);
    const { resource, notExpressed } = toFhirQuestionnaireResponse(instrument, parsed.value);
    assert.deepEqual(notExpressed.map((n) => [n.linkId, n.feature]), [['a4', 'answer'], ['gone', 'answer']]);
    assert.deepEqual(linkIdErrors(q, resource), []);
  });
});

describe('the checks can fail (planted bugs)', () => {
  const instrument = sampleInstrument();
  const q = toFhirQuestionnaire(instrument).resource as Json;
  const engine = createEngine(instrument, { now: clock() });
  fillAll(engine, { ageBand: 'teen' });
  const response = toFhirQuestionnaireResponse(instrument, engine.toResult()).resource as Json;
  const edit = (resource: Json, linkId: string, change: (node: Json) => void) => {
    const copy = structuredClone(resource);
    walk(copy.item as Json[], (n) => (n.linkId === linkId ? change(n) : undefined));
    return copy;
  };

  it('a wrong value[x] fails our linkId check', () => {
    const wrong = edit(response, 'a5', (n) => (n.answer = [{ valueDecimal: 1.5 }]));
    assert.deepEqual(linkIdErrors(q, wrong), ['a5: valueDecimal does not answer a integer item']);
    const unknown = edit(response, 'a1', (n) => (n.answer = [{ valueCoding: { system: 'urn:boussole:sample:scale:level', code: 'nope' } }]));
    assert.match(linkIdErrors(q, unknown)[0]!, /is not one of its options/);
    assert.deepEqual(linkIdErrors(q, edit(response, 'a1', (n) => (n.linkId = 'zz'))), ['zz: not in the Questionnaire']);
  });

  it('the JSON Schema rejects a value of the wrong JSON type', () => {
    assert.notDeepEqual(schemaErrors(edit(response, 'a5', (n) => (n.answer = [{ valueInteger: '1' }]))), []);
    assert.notDeepEqual(schemaErrors({ ...q, status: 'finished' }), []);
  });

  it('each invariant catches its own break', () => {
    assert.deepEqual(invariantErrors(edit(q, 'a1', (n) => (n.linkId = 'a2'))), ['que-2 at (root)']);
    assert.deepEqual(invariantErrors(edit(q, 'b', (n) => delete n.item)), ['que-1 at b']);
    const display = edit(q, 'a', (n) => n.item.push({ linkId: 'note', type: 'display', text: 'x', required: true }));
    assert.deepEqual(invariantErrors(display), ['que-6 at note']);
    assert.deepEqual(invariantErrors(edit(q, 'a1', (n) => (n.initial = [{ valueCoding: n.answerOption[0].valueCoding }]))), ['que-11 at a1']);
    assert.deepEqual(invariantErrors(edit(response, 'a', (n) => (n.answer = [{ valueString: 'x' }]))), ['qrs-1 at a']);
    assert.deepEqual(invariantErrors(edit(response, 'a', (n) => n.item.push(structuredClone(n.item[0])))), ['qrs-2 at (root)']);
  });
});
