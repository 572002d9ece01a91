import type { AnswerValue, Text } from '../../schema/common.js';
import type { Locale } from '../../schema/enums.js';
import type { Condition, Instrument, Item, Scale, Section } from '../../schema/instrument.js';
import {
  AGE_BAND_LINK_ID,
  EXT,
  HL7,
  YES_NO_CODINGS,
  ageBandSystem,
  defaultScaleSystem,
  fhirString,
  linkIds,
  localized,
  type FhirAnswerOption,
  type FhirCoding,
  type FhirEnableWhen,
  type FhirExtension,
  type FhirQuestionnaire,
  type FhirQuestionnaireItem,
} from './codes.js';

export interface FhirExportOptions {
  /** The language of `text` (default `fr`); the other locale goes in the translation extension. */
  language?: Locale;
  /**
   * The start of each scale's code system URL: the scale id is appended. Default
   * `urn:boussole:<instrument id>:scale:`, so a scale `level` gets `urn:boussole:ces:scale:level`.
   */
  scaleSystemBase?: string;
  /** The Questionnaire's canonical `url` (default `urn:boussole:<instrument id>`). */
  url?: string;
}

/** Something of the instrument that FHIR cannot say, with where it is and why: never dropped silently. */
export interface NotExpressed {
  linkId: string;
  /** `visibleWhen`, `actionPlan`, `summary`, `session`, `better`, `answer`… */
  feature: string;
  condition?: Condition;
  reason: string;
}

export interface FhirExport<R> {
  resource: R;
  notExpressed: NotExpressed[];
}

export const scaleSystem = (instrument: Pick<Instrument, 'id'>, scaleId: string, options: FhirExportOptions = {}): string =>
  options.scaleSystemBase !== undefined ? `${options.scaleSystemBase}${scaleId}` : defaultScaleSystem(instrument.id, scaleId);

export const questionnaireUrl = (instrument: Pick<Instrument, 'id'>, options: FhirExportOptions = {}): string =>
  options.url ?? `urn:boussole:${instrument.id}`;

/** A FHIR `id`: letters, digits, `-` and `.`, at most 64. */
export const fhirId = (id: string): string => id.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 64);

const YES_NO_TEXT: Record<keyof typeof YES_NO_CODINGS, Text> = {
  yes: { fr: 'Oui', en: 'Yes' },
  no: { fr: 'Non', en: 'No' },
  unknown: { fr: 'Ne sais pas', en: "Don't know" },
};

/** A coding with its display in the primary language and the other in `_display`. */
function coding(system: string, code: string, label: Text, language: Locale): FhirCoding {
  const l = localized(label, language);
  return { system, code, display: l.text, _display: l.ext };
}

type Rendered = { behavior: 'one' | 'all' | 'any'; list: FhirEnableWhen[] } | { reason: string };

/** Turns a declarative condition into `enableWhen` + `enableBehavior`, or says why FHIR cannot express it. */
export function conditionToEnableWhen(
  instrument: Instrument,
  condition: Condition,
  items: ReadonlyMap<string, Item>,
  options: FhirExportOptions = {},
): Rendered {
  const language = options.language ?? 'fr';
  const bandLabel = (id: string): Text => instrument.ageBands?.find((b) => b.id === id)?.label ?? { fr: id, en: id };
  const combine = (parts: Rendered[], behavior: 'all' | 'any'): Rendered => {
    const list: FhirEnableWhen[] = [];
    for (const p of parts) {
      if ('reason' in p) return p;
      if (p.behavior !== 'one' && p.behavior !== behavior)
        return { reason: `FHIR has one enableBehavior per item: "${behavior}" cannot hold "${p.behavior}"` };
      list.push(...p.list);
    }
    return list.length === 1 ? { behavior: 'one', list } : { behavior, list };
  };
  const walk = (c: Condition, negate: boolean): Rendered => {
    if ('all' in c) return combine(c.all.map((x) => walk(x, negate)), negate ? 'any' : 'all');
    if ('any' in c) return combine(c.any.map((x) => walk(x, negate)), negate ? 'all' : 'any');
    if ('not' in c) return walk(c.not, !negate);
    if ('ageBand' in c) {
      const list = c.ageBand.map<FhirEnableWhen>((band) => ({
        question: AGE_BAND_LINK_ID,
        operator: negate ? '!=' : '=',
        answerCoding: { system: ageBandSystem(instrument.id), code: band, display: fhirString(bandLabel(band)[language]) },
      }));
      return list.length === 1 ? { behavior: 'one', list } : { behavior: negate ? 'all' : 'any', list };
    }
    const target = items.get(c.item);
    if (!target) return { reason: `no item "${c.item}"` };
    if (target.perspectives) return { reason: `"${c.item}" is answered per voice: FHIR asks one question per voice` };
    if (c.op === 'answered' || c.op === 'unanswered')
      return { behavior: 'one', list: [{ question: c.item, operator: 'exists', answerBoolean: (c.op === 'answered') !== negate }] };
    const answerOf = (value: AnswerValue): Partial<FhirEnableWhen> | undefined => {
      if (Array.isArray(value)) return undefined;
      switch (target.type) {
        case 'single-choice':
        case 'multiple-choice': {
          const option = instrument.scales?.find((s) => s.id === target.scale)?.options.find((o) => o.code === value);
          if (!option) return undefined;
          return { answerCoding: { system: scaleSystem(instrument, target.scale, options), code: option.code } };
        }
        case 'yes-no':
          return value === 'yes' || value === 'no' || value === 'unknown' ? { answerCoding: { ...YES_NO_CODINGS[value] } } : undefined;
        case 'number':
          return typeof value !== 'number' ? undefined : target.integer && Number.isInteger(value) ? { answerInteger: value } : { answerDecimal: value };
        case 'date':
          return typeof value === 'string' ? { answerDate: value } : undefined;
        default:
          return typeof value === 'string' ? { answerString: value } : undefined;
      }
    };
    const one = (operator: FhirEnableWhen['operator'], value: AnswerValue): FhirEnableWhen | undefined => {
      const answer = answerOf(value);
      return answer && { question: c.item, operator, ...answer };
    };
    const unfit = { reason: `operator "${c.op}" on a ${target.type} item has no enableWhen form` };
    const choice = target.type === 'single-choice' || target.type === 'multiple-choice' || target.type === 'yes-no';
    switch (c.op) {
      case 'equals':
      case 'not-equals': {
        if (target.type === 'multiple-choice' || c.value === undefined) return unfit;
        const w = one((c.op === 'equals') !== negate ? '=' : '!=', c.value);
        return w ? { behavior: 'one', list: [w] } : unfit;
      }
      case 'includes': {
        if (target.type !== 'multiple-choice' || negate || c.value === undefined) return unfit;
        const w = one('=', c.value);
        return w ? { behavior: 'one', list: [w] } : unfit;
      }
      case 'in':
      case 'not-in': {
        if (target.type === 'multiple-choice' || !Array.isArray(c.value)) return unfit;
        const positive = (c.op === 'in') !== negate;
        const list = c.value.map((v) => one(positive ? '=' : '!=', v));
        if (list.some((w) => !w)) return unfit;
        return list.length === 1 ? { behavior: 'one', list: list as FhirEnableWhen[] } : { behavior: positive ? 'any' : 'all', list: list as FhirEnableWhen[] };
      }
      default: {
        // A negated comparison also holds when unanswered; FHIR's comparison never does.
        if (choice || negate || c.value === undefined) return unfit;
        const op = c.op === 'gt' ? '>' : c.op === 'gte' ? '>=' : c.op === 'lt' ? '<' : '<=';
        const w = one(op, c.value);
        return w ? { behavior: 'one', list: [w] } : unfit;
      }
    }
  };
  return walk(condition, false);
}

/**
 * The instrument as a FHIR R4 Questionnaire: sections as nested groups, items as questions, voices
 * as a group of questions, both languages. Returns what FHIR cannot express beside the resource.
 */
export function toFhirQuestionnaire(instrument: Instrument, options: FhirExportOptions = {}): FhirExport<FhirQuestionnaire> {
  const language = options.language ?? 'fr';
  const notExpressed: NotExpressed[] = [];
  const items = new Map<string, Item>();
  const collect = (sections: readonly Section[]) =>
    sections.forEach((s) => {
      s.items?.forEach((it) => items.set(it.id, it));
      collect(s.sections ?? []);
    });
  collect(instrument.sections);
  const scales = new Map<string, Scale>((instrument.scales ?? []).map((s) => [s.id, s]));
  const text = (t: Text) => {
    const l = localized(t, language);
    return { text: l.text, _text: l.ext };
  };

  const visibility = (node: FhirQuestionnaireItem, id: string, bands: string[] | undefined, when: Condition | undefined) => {
    const parts: Condition[] = [];
    if (bands) parts.push({ ageBand: bands });
    if (when) parts.push(when);
    if (!parts.length) return;
    const condition: Condition = parts.length === 1 ? parts[0]! : { all: parts };
    let rendered = conditionToEnableWhen(instrument, condition, items, options);
    if ('reason' in rendered) {
      // Both together do not fit: keep the part that does (the condition first), report the other.
      const reason = rendered.reason;
      const fits = parts.length > 1 ? [...parts].reverse().map((p) => ({ p, r: conditionToEnableWhen(instrument, p, items, options) })).find((x) => !('reason' in x.r)) : undefined;
      notExpressed.push({
        linkId: id,
        feature: 'visibleWhen',
        condition: fits ? parts.find((p) => p !== fits.p)! : condition,
        reason: fits ? `${reason}; only the other part is in enableWhen` : reason,
      });
      if (!fits) return;
      rendered = fits.r;
      if ('reason' in rendered) return;
    }
    node.enableWhen = rendered.list;
    if (rendered.behavior !== 'one') node.enableBehavior = rendered.behavior;
  };

  const display = (linkId: string, t: Text, control?: string): FhirQuestionnaireItem => ({
    linkId,
    ...text(t),
    type: 'display',
    ...(control
      ? { extension: [{ url: HL7.itemControl, valueCodeableConcept: { coding: [{ system: HL7.itemControlSystem, code: control }] } }] }
      : {}),
  });

  const question = (item: Item, linkId: string, label: Text, extension: FhirExtension[] = []): FhirQuestionnaireItem => {
    const q: FhirQuestionnaireItem = { linkId, ...text(label), type: 'string' };
    const ext = [...extension];
    switch (item.type) {
      case 'single-choice':
      case 'multiple-choice': {
        const scale = scales.get(item.scale)!;
        const system = scaleSystem(instrument, scale.id, options);
        q.type = 'choice';
        q.answerOption = scale.options.map<FhirAnswerOption>((o) => ({
          valueCoding: coding(system, o.code, o.label, language),
          ...(o.missing ? { extension: [{ url: EXT.missing, valueBoolean: true }] } : {}),
        }));
        ext.push({ url: EXT.scale, valueCode: scale.id });
        if (item.type === 'multiple-choice') {
          q.repeats = true;
          if (item.minSelected) ext.push({ url: HL7.minOccurs, valueInteger: item.minSelected });
          if (item.maxSelected) ext.push({ url: HL7.maxOccurs, valueInteger: item.maxSelected });
        }
        break;
      }
      case 'yes-no': {
        q.type = 'choice';
        const codes = item.allowUnknown === false ? (['yes', 'no'] as const) : (['yes', 'no', 'unknown'] as const);
        q.answerOption = codes.map((c) => ({
          valueCoding: coding(YES_NO_CODINGS[c].system, YES_NO_CODINGS[c].code, YES_NO_TEXT[c], language),
          ...(c === 'unknown' ? { extension: [{ url: EXT.missing, valueBoolean: true }] } : {}),
        }));
        break;
      }
      case 'short-text':
      case 'long-text':
        q.type = item.type === 'short-text' ? 'string' : 'text';
        if (item.maxLength) q.maxLength = item.maxLength;
        break;
      case 'number': {
        q.type = item.integer ? 'integer' : 'decimal';
        const key = item.integer ? 'valueInteger' : 'valueDecimal';
        if (item.min !== undefined) ext.push({ url: HL7.minValue, [key]: item.min });
        if (item.max !== undefined) ext.push({ url: HL7.maxValue, [key]: item.max });
        if (item.unit) ext.push({ url: HL7.unit, valueCoding: { display: item.unit[language] } });
        break;
      }
      case 'date':
        q.type = 'date';
        if (item.min) ext.push({ url: HL7.minValue, valueDate: item.min });
        if (item.max) ext.push({ url: HL7.maxValue, valueDate: item.max });
        break;
    }
    if (ext.length) q.extension = ext;
    return q;
  };

  const commentOf = (linkId: string): FhirQuestionnaireItem => ({
    linkId,
    ...text({ fr: 'Commentaire', en: 'Comment' }),
    type: 'text',
    extension: [{ url: EXT.comment, valueBoolean: true }],
  });

  const itemNodes = (item: Item): FhirQuestionnaireItem[] => {
    if ('better' in item && item.better)
      notExpressed.push({ linkId: item.id, feature: 'better', reason: 'FHIR has no order of answers for comparisons over time' });
    let node: FhirQuestionnaireItem;
    const out: FhirQuestionnaireItem[] = [];
    if (item.perspectives) {
      node = {
        linkId: item.id,
        ...text(item.label),
        type: 'group',
        extension: item.perspectives.map((v) => ({ url: EXT.voices, valueCode: v })),
        item: [],
      };
      if (item.help) node.item!.push(display(linkIds.help(item.id), item.help, 'help'));
      for (const voice of item.perspectives) {
        const who = instrument.perspectives?.find((p) => p.id === voice)?.label ?? { fr: voice, en: voice };
        const label = item.labelFor?.[voice] ?? { fr: `${item.label.fr} (${who.fr})`, en: `${item.label.en} (${who.en})` };
        const q = question(item, linkIds.voice(item.id, voice), label, [{ url: EXT.voice, valueCode: voice }]);
        if (item.required) q.required = true;
        node.item!.push(q);
        if (item.comment) node.item!.push(commentOf(linkIds.comment(item.id, voice)));
      }
      out.push(node);
    } else {
      node = question(item, item.id, item.label);
      if (item.required) node.required = true;
      if (item.help) node.item = [display(linkIds.help(item.id), item.help, 'help')];
      out.push(node);
      if (item.comment) out.push(commentOf(linkIds.comment(item.id)));
    }
    if (item.ageBands) node.extension = [...(node.extension ?? []), ...item.ageBands.map((b) => ({ url: EXT.ageBand, valueCode: b }))];
    visibility(node, item.id, item.ageBands, item.visibleWhen);
    // The comment follows its question's visibility.
    if (item.comment && !item.perspectives && node.enableWhen) {
      const c = out[1]!;
      c.enableWhen = node.enableWhen;
      if (node.enableBehavior) c.enableBehavior = node.enableBehavior;
    }
    return out;
  };

  const group = (section: Section): FhirQuestionnaireItem => {
    const node: FhirQuestionnaireItem = {
      linkId: section.id,
      ...text(section.title),
      type: 'group',
      extension: [{ url: EXT.sectionKind, valueCode: section.kind }],
      item: [],
    };
    if (section.description) node.item!.push(display(linkIds.description(section.id), section.description));
    for (const it of section.items ?? []) node.item!.push(...itemNodes(it));
    for (const sub of section.sections ?? []) node.item!.push(group(sub));
    // A group has children (que-1): one with only an action plan shows its title.
    if (!node.item!.length) node.item!.push(display(linkIds.description(section.id), section.title));
    if (section.ageBands) node.extension!.push(...section.ageBands.map((b) => ({ url: EXT.ageBand, valueCode: b })));
    visibility(node, section.id, section.ageBands, section.visibleWhen);
    if (section.actionPlan)
      notExpressed.push({ linkId: section.id, feature: 'actionPlan', reason: 'a Questionnaire has no action plan (objectives and actions)' });
    return node;
  };

  const resource: FhirQuestionnaire = {
    resourceType: 'Questionnaire',
    id: fhirId(instrument.id),
    url: questionnaireUrl(instrument, options),
    version: instrument.version,
    ...(() => {
      const l = localized(instrument.title, language);
      return { title: l.text, _title: l.ext };
    })(),
    language,
    status: 'active',
  };
  if (instrument.description) {
    const l = localized(instrument.description, language);
    resource.description = l.text;
    resource._description = l.ext;
  }
  resource.copyright = instrument.source.licence[language];
  const rootExtensions: FhirExtension[] = [];
  for (const p of instrument.perspectives ?? []) {
    const l = localized(p.label, language);
    rootExtensions.push({
      url: EXT.perspective,
      extension: [
        { url: 'id', valueCode: p.id },
        { url: 'label', valueString: l.text, _valueString: l.ext },
      ],
    });
  }
  const top: FhirQuestionnaireItem[] = [];
  if (instrument.ageBands?.length) {
    rootExtensions.push(...instrument.ageBands.map((b) => ({
      url: EXT.ageBands,
      extension: [
        { url: 'id', valueCode: b.id },
        { url: 'minMonths', valueInteger: b.minMonths },
        { url: 'maxMonths', valueInteger: b.maxMonths },
      ],
    })));
    top.push({
      linkId: AGE_BAND_LINK_ID,
      ...text({ fr: "Tranche d'âge", en: 'Age band' }),
      type: 'choice',
      extension: [{ url: EXT.ageBand, valueBoolean: true }],
      answerOption: instrument.ageBands.map((b) => ({ valueCoding: coding(ageBandSystem(instrument.id), b.id, b.label, language) })),
    });
  }
  if (rootExtensions.length) resource.extension = rootExtensions;
  for (const s of instrument.sections) top.push(group(s));
  resource.item = top;
  if (instrument.summary?.tallies?.length)
    notExpressed.push({ linkId: '', feature: 'summary', reason: 'tallies and statuses are computed by Boussole, not stated in FHIR' });
  if (instrument.session)
    notExpressed.push({ linkId: '', feature: 'session', reason: 'session details (date, territory, participants) are not questions' });
  return { resource, notExpressed };
}
