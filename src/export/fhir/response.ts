import type { AnswerValue } from '../../schema/common.js';
import type { Instrument, Item, Section } from '../../schema/instrument.js';
import type { Answer, Result } from '../../schema/result.js';
import { AGE_BAND_LINK_ID, YES_NO_CODINGS, ageBandSystem, fhirString, linkIds, type FhirQuestionnaireResponse, type FhirResponseAnswer, type FhirResponseItem, type FhirValue } from './codes.js';
import { questionnaireUrl, scaleSystem, type FhirExport, type FhirExportOptions, type NotExpressed } from './questionnaire.js';

/**
 * How an instrument imported by `fromFhirQuestionnaire` maps back onto its original Questionnaire:
 * linkIds, answer values and FHIR item types by instrument id. Sections absent from `linkIds` were
 * added by the import (questions outside any group) and are left out of the response.
 */
export interface FhirMapping {
  /** The Questionnaire's canonical URL (with `|version`) when it has one. */
  questionnaire?: string;
  /** Instrument id (item or section) → original linkId. */
  linkIds: Record<string, string>;
  /** Item id → option code → the original answer value (`valueCoding`, `valueString`, `valueInteger`…). */
  options: Record<string, Record<string, FhirValue>>;
  /** Item id → original FHIR item type, when it differs from the one Boussole would write. */
  types: Record<string, string>;
  /** Item id → the question it was nested under (its answers go in that question's `answer.item`). */
  under: Record<string, string>;
}

export interface FhirResponseOptions extends FhirExportOptions {
  /** The Questionnaire's canonical (default: its URL `|` the instrument version, or the mapping's). */
  questionnaire?: string;
  /** For an imported instrument: the mapping `fromFhirQuestionnaire` returned, so the response fits the original. */
  mapping?: FhirMapping;
  /** Write comments (default true: a QuestionnaireResponse is the whole record). */
  comments?: boolean;
}

/**
 * A result as a FHIR R4 QuestionnaireResponse: a draft is `in-progress`, a complete result
 * `completed`; only answered items appear, nested as in the Questionnaire. Answers the
 * Questionnaire cannot hold (hidden now, unknown items) are listed in `notExpressed`.
 */
export function toFhirQuestionnaireResponse(
  instrument: Instrument,
  result: Pick<Result, 'status' | 'answers' | 'ageBand'> & Partial<Pick<Result, 'updatedAt' | 'summaries' | 'locale'>>,
  options: FhirResponseOptions = {},
): FhirExport<FhirQuestionnaireResponse> {
  const mapping = options.mapping;
  const notExpressed: NotExpressed[] = [];
  const outOfScope = new Set(result.summaries?.outOfScope ?? []);
  const known = new Set<string>();
  const linkOf = (id: string) => (mapping ? mapping.linkIds[id] : id);

  const valueOf = (item: Item, value: AnswerValue): FhirValue[] => {
    const type = mapping?.types[item.id];
    const values = Array.isArray(value) ? value : [value];
    return values.flatMap<FhirValue>((v) => {
      switch (item.type) {
        case 'single-choice':
        case 'multiple-choice': {
          const original = mapping?.options[item.id]?.[String(v)];
          if (original) return [original];
          const option = instrument.scales?.find((s) => s.id === item.scale)?.options.find((o) => o.code === v);
          if (!option) return [];
          return [{ valueCoding: { system: scaleSystem(instrument, item.scale, options), code: option.code, display: fhirString(option.label[options.language ?? 'fr']) } }];
        }
        case 'yes-no':
          if (v !== 'yes' && v !== 'no' && v !== 'unknown') return [];
          if (type === 'boolean') return v === 'unknown' ? [] : [{ valueBoolean: v === 'yes' }];
          // A choice of one option asked as yes / no: yes is that option, no is no answer.
          if (mapping?.options[item.id]) return v === 'yes' && mapping.options[item.id]!.yes ? [mapping.options[item.id]!.yes!] : [];
          return [{ valueCoding: { ...YES_NO_CODINGS[v] } }];
        case 'number':
          if (typeof v !== 'number') return [];
          if (type === 'quantity') return [{ valueQuantity: { value: v } }];
          return (item.integer || type === 'integer') && Number.isInteger(v) ? [{ valueInteger: v }] : [{ valueDecimal: v }];
        case 'date':
          if (typeof v !== 'string') return [];
          return type === 'dateTime' ? [{ valueDateTime: v }] : [{ valueDate: v }];
        default:
          return typeof v !== 'string' || !v.trim() ? [] : type === 'url' ? [{ valueUri: v }] : [{ valueString: fhirString(v) }];
      }
    });
  };

  const answered = (linkId: string, values: FhirValue[]): FhirResponseItem | undefined =>
    values.length ? { linkId, answer: values.map((v) => ({ ...v })) } : undefined;

  /** The response items of one item: its answer (or one per voice) and its comments. */
  const itemNodes = (item: Item, answer: Answer): FhirResponseItem[] => {
    const out: FhirResponseItem[] = [];
    const comments = options.comments !== false && !mapping;
    if (item.perspectives && !mapping) {
      const children: FhirResponseItem[] = [];
      for (const voice of item.perspectives) {
        const given = answer.perspectives?.[voice];
        if (!given) continue;
        const node = given.value !== undefined ? answered(linkIds.voice(item.id, voice), valueOf(item, given.value)) : undefined;
        if (node) children.push(node);
        if (comments && item.comment && given.comment) children.push({ linkId: linkIds.comment(item.id, voice), answer: [{ valueString: fhirString(given.comment) }] });
      }
      if (children.length) out.push({ linkId: item.id, item: children });
    } else {
      const link = linkOf(item.id);
      if (link === undefined) return out;
      const node = answer.value !== undefined ? answered(link, valueOf(item, answer.value)) : undefined;
      if (node) out.push(node);
      if (comments && item.comment && answer.comment) out.push({ linkId: linkIds.comment(item.id), answer: [{ valueString: fhirString(answer.comment) }] });
      if (answer.perspectives && mapping) notExpressed.push({ linkId: link, feature: 'perspectives', reason: 'the original Questionnaire has no voices' });
    }
    return out;
  };

  const groupNodes = (section: Section): FhirResponseItem[] => {
    const children: FhirResponseItem[] = [];
    const nested = new Map<string, FhirResponseItem[]>();
    for (const item of section.items ?? []) {
      known.add(item.id);
      const answer = result.answers[item.id];
      if (!answer) continue;
      if (outOfScope.has(item.id)) {
        notExpressed.push({ linkId: linkOf(item.id) ?? item.id, feature: 'answer', reason: 'the item is hidden now: FHIR gives no answer to a disabled item' });
        continue;
      }
      const nodes = itemNodes(item, answer);
      const parent = mapping?.under[item.id];
      if (parent !== undefined) {
        const list = nested.get(parent) ?? [];
        list.push(...nodes);
        nested.set(parent, list);
      } else children.push(...nodes);
    }
    // Items that sat under a question go in that question's (first) answer, as the original has them.
    for (const [parent, nodes] of nested) {
      const host = children.find((c) => c.linkId === linkOf(parent))?.answer?.[0];
      if (host) (host as FhirResponseAnswer).item = [...((host as FhirResponseAnswer).item ?? []), ...nodes];
      else if (nodes.length) notExpressed.push(...nodes.map((n) => ({ linkId: n.linkId, feature: 'answer', reason: 'its parent question is unanswered' })));
    }
    for (const sub of section.sections ?? []) children.push(...groupNodes(sub));
    if (!children.length) return [];
    const link = linkOf(section.id);
    return link === undefined ? children : [{ linkId: link, item: children }];
  };

  const items: FhirResponseItem[] = [];
  if (result.ageBand && instrument.ageBands && !mapping)
    items.push({ linkId: AGE_BAND_LINK_ID, answer: [{ valueCoding: { system: ageBandSystem(instrument.id), code: result.ageBand } }] });
  for (const s of instrument.sections) items.push(...groupNodes(s));
  for (const id of Object.keys(result.answers))
    if (!known.has(id)) notExpressed.push({ linkId: id, feature: 'answer', reason: 'the instrument has no such item' });

  const resource: FhirQuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    questionnaire: options.questionnaire ?? mapping?.questionnaire ?? `${questionnaireUrl(instrument, options)}|${instrument.version}`,
    status: result.status === 'complete' ? 'completed' : 'in-progress',
  };
  if (result.updatedAt) resource.authored = result.updatedAt;
  if (result.locale) resource.language = result.locale;
  if (items.length) resource.item = items;
  return { resource, notExpressed };
}
