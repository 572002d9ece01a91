import type { AnswerValue, Text } from '../../schema/common.js';
import { MAX_TEXT_LENGTH } from '../../schema/common.js';
import type { Locale } from '../../schema/enums.js';
import type { AgeBand, Condition, Instrument, Item, Perspective, Scale, ScaleOption, Section } from '../../schema/instrument.js';
import { parseInstrument } from '../../schema/parse.js';
import type { Answer, ResumableResult } from '../../schema/result.js';
import {
  AGE_BAND_LINK_ID,
  EXT,
  HL7,
  UNKNOWN_SYSTEM,
  YES_NO_SYSTEM,
  translationOf,
  type FhirCoding,
  type FhirEnableWhen,
  type FhirExtension,
  type FhirValue,
} from './codes.js';
import type { FhirMapping } from './response.js';

/** A feature of the Questionnaire that Boussole's format cannot hold, and what became of its item. */
export interface Unsupported {
  /** The linkId of the item concerned (`''` for the Questionnaire itself). */
  linkId: string;
  /** The FHIR feature: `answerValueSet`, `repeats`, `calculatedExpression`, `type:attachment`, `enableWhen`… */
  feature: string;
  /** `kept`: the item is there, without the feature; `left-out`: the item is not in the instrument. */
  outcome: 'kept' | 'left-out';
  note: string;
}

export interface FhirImportOptions {
  /** The language of a Questionnaire that does not state one (default `en`). */
  language?: Locale;
  /**
   * ValueSet resources the host holds, found by `url` (or `#id`) from `answerValueSet`, beside the
   * Questionnaire's `contained` ones: Boussole never fetches one.
   */
  valueSets?: unknown[];
}

export interface FhirImport {
  /** Passes `parseInstrument`. */
  instrument: Instrument;
  unsupported: Unsupported[];
  /** LinkIds whose text exists in one language only: the other locale repeats it (see `source.note`). */
  untranslated: string[];
  /** What `toFhirQuestionnaireResponse` needs to answer the original Questionnaire. */
  mapping: FhirMapping;
  /** Values of `initial` and `initialSelected`, by item id: a host may pass them as a result to resume. */
  initial: Record<string, AnswerValue>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const ID = /^[A-Za-z][A-Za-z0-9_.-]{0,79}$/;
const ISO_DATE = /^(19\d\d|20\d\d|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Extensions whose meaning the import reads (the rest are reported by their name). */
const READ = new Set<string>([HL7.translation, HL7.minValue, HL7.maxValue, HL7.minOccurs, HL7.maxOccurs, ...Object.values(EXT)]);

/** The last segment of an extension URL: `…/sdc-questionnaire-calculatedExpression` → `calculatedExpression`. */
const featureOf = (url: string) => (url.split(/[/:]/).pop() ?? url).replace(/^(sdc-questionnaire-|questionnaire-|sdc-)/, '');

const ext = (node: Json, url: string): FhirExtension[] =>
  arrayOf(node.extension).filter((e): e is FhirExtension => isObject(e) && e.url === url) as FhirExtension[];

const itemControlOf = (node: Json): string | undefined => {
  const concept = ext(node, HL7.itemControl)[0]?.valueCodeableConcept;
  return str(concept?.coding?.[0]?.code);
};

interface Pending {
  id: string;
  node: Json;
  target: Item | Section;
}

/** Questions as Boussole understands them, by linkId, for enableWhen and responses. */
interface Known {
  id: string;
  item?: Item;
  /** For an option lookup: code of each original value. */
  codes?: { value: FhirValue; code: string }[];
}

/**
 * Reads a FHIR R4 Questionnaire into a Boussole instrument. Never throws: what the format cannot hold
 * is listed in `unsupported` with its linkId, and the item is kept without it or left out.
 */
export function fromFhirQuestionnaire(questionnaire: unknown, options: FhirImportOptions = {}): FhirImport {
  try {
    return importQuestionnaire(questionnaire, options);
  } catch (error) {
    const q = isObject(questionnaire) ? questionnaire : {};
    return fallback(q, [{ linkId: '', feature: 'questionnaire', outcome: 'left-out', note: `cannot be read (${String(error)})` }]);
  }
}

function fallback(q: Json, unsupported: Unsupported[]): FhirImport {
  const title = str(q.title)?.trim() || 'Questionnaire';
  const t = { fr: title.slice(0, MAX_TEXT_LENGTH), en: title.slice(0, MAX_TEXT_LENGTH) };
  const instrument = {
    id: 'fhir-questionnaire',
    version: '1.0.0',
    title: t,
    source: { note: { fr: 'Importé de FHIR.', en: 'Imported from FHIR.' }, licence: { fr: 'Non précisée', en: 'Not stated' }, illustrative: false },
    sections: [{ id: 'questions', kind: 'group', title: t }],
  } as Instrument;
  return { instrument, unsupported, untranslated: [], mapping: { linkIds: {}, options: {}, types: {}, under: {} }, initial: {} };
}

function importQuestionnaire(input: unknown, options: FhirImportOptions): FhirImport {
  if (!isObject(input) || input.resourceType !== 'Questionnaire')
    return fallback(isObject(input) ? input : {}, [
      { linkId: '', feature: 'resourceType', outcome: 'left-out', note: `expected a Questionnaire, got ${isObject(input) ? String(input.resourceType) : typeof input}` },
    ]);
  const q = input;
  const unsupported: Unsupported[] = [];
  const note = (linkId: string, feature: string, outcome: Unsupported['outcome'], text: string) => {
    if (!unsupported.some((u) => u.linkId === linkId && u.feature === feature)) unsupported.push({ linkId, feature, outcome, note: text });
  };
  const declared = str(q.language)?.toLowerCase().split('-')[0];
  const primary: Locale = declared === 'fr' || declared === 'en' ? declared : (options.language ?? 'en');
  if (declared && declared !== 'fr' && declared !== 'en') note('', 'language', 'kept', `language "${String(q.language)}" is read as ${primary}`);
  const other: Locale = primary === 'fr' ? 'en' : 'fr';
  const untranslated = new Set<string>();

  const clean = (s: string | undefined) => {
    const t = s?.trim().slice(0, MAX_TEXT_LENGTH);
    return t && /[^\s\p{Cf}\p{Z}]/u.test(t) ? t : undefined;
  };
  /** Text in both locales: the translation extension when there is one, else the same text, listed. */
  const textOf = (value: unknown, companion: unknown, linkId: string, fallbackText: string): Text => {
    const main = clean(str(value)) ?? clean(fallbackText) ?? 'Question';
    const translated = clean(translationOf(companion, other));
    if (!translated) untranslated.add(linkId);
    return { [primary]: main, [other]: translated ?? main } as Text;
  };

  // Ids: a linkId that is a valid id stays; others are made one, unique across sections and items.
  const used = new Set<string>();
  const idFor = (raw: string): string => {
    let base = raw.replace(/[^A-Za-z0-9_.-]/g, '_');
    if (!/^[A-Za-z]/.test(base)) base = `q${base}`;
    if (base === 'ageBand' || base.startsWith('session.') || base.startsWith('plan.')) base = `q_${base}`;
    base = base.slice(0, 80);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base.slice(0, 74)}_${n}`;
    used.add(id);
    return id;
  };

  const mapping: FhirMapping = { linkIds: {}, options: {}, types: {}, under: {} };
  const url = str(q.url);
  if (url) mapping.questionnaire = str(q.version) ? `${url}|${String(q.version)}` : url;
  const known = new Map<string, Known>();
  const seenLinks = new Set<string>();
  const initial: Record<string, AnswerValue> = {};
  const pending: Pending[] = [];
  const scales: Scale[] = [];
  const scaleKeys = new Map<string, string>();
  const perspectives = new Map<string, Perspective>();
  const contained = new Map<string, Json>();
  for (const r of [...arrayOf(q.contained), ...arrayOf(options.valueSets)])
    if (isObject(r)) {
      if (typeof r.id === 'string' && !contained.has(`#${r.id}`)) contained.set(`#${r.id}`, r);
      if (typeof r.url === 'string' && !contained.has(r.url)) contained.set(r.url, r);
    }
  let bands: AgeBand[] | undefined;
  let description: Text | undefined;

  const reportExtensions = (node: Json, linkId: string) => {
    for (const e of arrayOf(node.extension))
      if (isObject(e) && typeof e.url === 'string' && !READ.has(e.url)) {
        const f = featureOf(e.url);
        note(linkId, f, 'kept', f === 'itemControl' ? 'a rendering hint: Boussole draws its own controls' : 'not in Boussole’s format, ignored');
      }
    if (arrayOf(node.modifierExtension).length) note(linkId, 'modifierExtension', 'kept', 'ignored');
  };

  /** Options of a choice item: its answerOption, or a contained ValueSet's concepts. */
  const optionsOf = (node: Json, linkId: string): { value: FhirValue; label: string; missing: boolean; selected: boolean; companion?: unknown }[] | undefined => {
    const out: { value: FhirValue; label: string; missing: boolean; selected: boolean; companion?: unknown }[] = [];
    for (const o of arrayOf(node.answerOption)) {
      if (!isObject(o)) continue;
      const missing = ext(o, EXT.missing)[0]?.valueBoolean === true;
      const selected = o.initialSelected === true;
      for (const e of arrayOf(o.extension))
        if (isObject(e) && typeof e.url === 'string' && e.url !== EXT.missing) note(linkId, `answerOption.${featureOf(e.url)}`, 'kept', 'ignored (Boussole keeps no score per option)');
      if (isObject(o.valueCoding)) {
        const c = o.valueCoding as FhirCoding;
        const label = clean(str(c.display)) ?? clean(str(c.code));
        if (label) out.push({ value: { valueCoding: { ...(c.system ? { system: c.system } : {}), ...(c.code ? { code: c.code } : {}), ...(c.display ? { display: c.display } : {}) } }, label, missing, selected, companion: c._display });
      } else if (typeof o.valueString === 'string' && clean(o.valueString)) out.push({ value: { valueString: o.valueString }, label: clean(o.valueString)!, missing, selected });
      else if (typeof o.valueInteger === 'number') out.push({ value: { valueInteger: o.valueInteger }, label: String(o.valueInteger), missing, selected });
      else if (typeof o.valueDate === 'string') out.push({ value: { valueDate: o.valueDate }, label: o.valueDate, missing, selected });
      else note(linkId, 'answerOption', 'kept', 'an option of a type Boussole cannot offer (time, reference) is left out');
    }
    if (out.length) return out;
    const vs = str(node.answerValueSet);
    if (!vs) return undefined;
    const set = contained.get(vs) ?? contained.get(vs.split('|')[0]!);
    if (!set) {
      note(linkId, 'answerValueSet', 'left-out', `the options are in an external value set (${vs}), which Boussole cannot fetch (a host may pass it in \`valueSets\`)`);
      return undefined;
    }
    const concepts: FhirCoding[] = [];
    for (const inc of arrayOf(isObject(set.compose) ? set.compose.include : undefined))
      if (isObject(inc)) for (const c of arrayOf(inc.concept)) if (isObject(c)) concepts.push({ system: str(inc.system), code: str(c.code), display: str(c.display) });
    if (!concepts.length)
      for (const c of arrayOf(isObject(set.expansion) ? set.expansion.contains : undefined))
        if (isObject(c)) concepts.push({ system: str(c.system), code: str(c.code), display: str(c.display) });
    for (const c of concepts) {
      const label = clean(c.display) ?? clean(c.code);
      if (label && c.code) out.push({ value: { valueCoding: { ...(c.system ? { system: c.system } : {}), code: c.code, ...(c.display ? { display: c.display } : {}) } }, label, missing: false, selected: false });
    }
    if (!out.length) note(linkId, 'answerValueSet', 'left-out', `the value set ${vs} lists no concepts (only a code system), which Boussole cannot expand`);
    return out.length ? out : undefined;
  };

  /** Builds the item of a question node, or undefined (left out, with a note). */
  const questionOf = (node: Json, linkId: string, id: string): Item | undefined => {
    const type = str(node.type) ?? '';
    const label = textOf(node.text, node._text, linkId, linkId);
    const base: { id: string; label: Text; required?: boolean } = { id, label };
    if (node.required === true) base.required = true;
    if (node.readOnly === true) note(linkId, 'readOnly', 'kept', 'the question can be answered');
    const bound = (url: string) => {
      const e = ext(node, url)[0];
      return e ? (e.valueInteger ?? e.valueDecimal ?? e.valueDate) : undefined;
    };
    const maxLength = typeof node.maxLength === 'number' && Number.isInteger(node.maxLength) && node.maxLength >= 1 ? node.maxLength : undefined;
    if (node.repeats === true && type !== 'choice' && type !== 'open-choice') note(linkId, 'repeats', 'kept', 'one answer instead of several');
    switch (type) {
      case 'boolean':
        mapping.types[id] = 'boolean';
        return { ...base, type: 'yes-no', allowUnknown: false };
      case 'integer':
      case 'decimal':
      case 'quantity': {
        const item: Item = { ...base, type: 'number', ...(type === 'integer' ? { integer: true } : {}) };
        if (type === 'quantity') {
          mapping.types[id] = 'quantity';
          note(linkId, 'type:quantity', 'kept', 'asked as a number; its unit is not kept');
        }
        const min = bound(HL7.minValue);
        const max = bound(HL7.maxValue);
        if (typeof min === 'number') item.min = min;
        if (typeof max === 'number' && (typeof min !== 'number' || max >= min)) item.max = max;
        if (type === 'integer') mapping.types[id] = 'integer';
        return item;
      }
      case 'date':
      case 'dateTime': {
        const item: Item = { ...base, type: 'date' };
        if (type === 'dateTime') {
          mapping.types[id] = 'dateTime';
          note(linkId, 'type:dateTime', 'kept', 'asked as a date, without the time of day');
        }
        const min = bound(HL7.minValue);
        const max = bound(HL7.maxValue);
        if (typeof min === 'string' && ISO_DATE.test(min)) item.min = min;
        if (typeof max === 'string' && ISO_DATE.test(max) && (!item.min || max >= item.min)) item.max = max;
        return item;
      }
      case 'string':
      case 'text':
      case 'url':
        if (type === 'url') mapping.types[id] = 'url';
        return { ...base, type: type === 'text' ? 'long-text' : 'short-text', ...(maxLength ? { maxLength } : {}) };
      case 'choice':
      case 'open-choice': {
        let opts = optionsOf(node, linkId);
        // A choice with no list but an initial coding offers that coding (a check box).
        if (!opts && !node.answerValueSet) {
          const codings = arrayOf(node.initial).filter((i): i is Json => isObject(i) && isObject(i.valueCoding));
          if (codings.length)
            opts = codings.map((i) => {
              const c = i.valueCoding as FhirCoding;
              return { value: { valueCoding: { ...(c.system ? { system: c.system } : {}), ...(c.code ? { code: c.code } : {}), ...(c.display ? { display: c.display } : {}) } }, label: clean(str(c.display)) ?? clean(str(c.code)) ?? 'Oui', missing: false, selected: false };
            });
        }
        if (type === 'open-choice') note(linkId, 'open-choice', 'kept', opts ? 'only the listed options are offered, not a free answer' : 'asked as free text');
        if (!opts) {
          if (type === 'open-choice') {
            mapping.types[id] = 'open-choice';
            return { ...base, type: 'short-text', ...(maxLength ? { maxLength } : {}) };
          }
          if (!node.answerValueSet) note(linkId, 'answerOption', 'left-out', 'a choice without options');
          return undefined;
        }
        // Our own yes / no / don't know.
        const systems = opts.map((o) => o.value.valueCoding?.system);
        if (systems.every((s) => s === YES_NO_SYSTEM || s === UNKNOWN_SYSTEM) && systems.filter((s) => s === YES_NO_SYSTEM).length === 2) {
          known.set(linkId, {
            id,
            codes: opts.map((o) => ({ value: o.value, code: o.value.valueCoding!.code === 'Y' ? 'yes' : o.value.valueCoding!.code === 'N' ? 'no' : 'unknown' })),
          });
          return { ...base, type: 'yes-no', ...(systems.includes(UNKNOWN_SYSTEM) ? {} : { allowUnknown: false }) };
        }
        if (opts.length < 2) {
          // One option (a check box): asked as yes / no; yes answers with the option, no leaves it unanswered.
          note(linkId, 'answerOption (one)', 'kept', 'a single option is asked as yes / no');
          mapping.options[id] = { yes: opts[0]!.value };
          known.set(linkId, { id, codes: [{ value: opts[0]!.value, code: 'yes' }] });
          if (opts[0]!.selected || (arrayOf(node.initial).length && !node.answerOption)) initial[id] = 'yes';
          const label = clean(str(node.text)) ? base.label : textOf(opts[0]!.label, undefined, linkId, opts[0]!.label);
          return { ...base, label, type: 'yes-no', allowUnknown: false };
        }
        // Option codes: the original code when it is an id, else one made from it; unique in the scale.
        const codes = new Set<string>();
        const scaleOptions: ScaleOption[] = opts.map((o, i) => {
          const raw = o.value.valueCoding?.code ?? o.value.valueString ?? String(o.value.valueInteger ?? o.value.valueDate ?? i + 1);
          let code = raw.replace(/[^A-Za-z0-9_.-]/g, '_');
          if (!ID.test(code)) code = `o${code}`.slice(0, 80);
          if (!ID.test(code)) code = `o${i + 1}`;
          for (let n = 2; codes.has(code); n++) code = `${code.slice(0, 74)}_${n}`;
          codes.add(code);
          return { code, label: textOf(o.label, o.companion, linkId, o.label), ...(o.missing ? { missing: true } : {}) };
        });
        mapping.options[id] = Object.fromEntries(opts.map((o, i) => [scaleOptions[i]!.code, o.value]));
        known.set(linkId, { id, codes: opts.map((o, i) => ({ value: o.value, code: scaleOptions[i]!.code })) });
        const key = JSON.stringify(opts.map((o, i) => [o.value, scaleOptions[i]]));
        let scaleId = scaleKeys.get(key);
        if (!scaleId) {
          const own = str(ext(node, EXT.scale)[0]?.valueCode);
          let sid = own && ID.test(own) ? own : `${id.slice(0, 72)}-options`;
          for (let n = 2; scales.some((s) => s.id === sid); n++) sid = `${id.slice(0, 70)}-options-${n}`;
          scaleId = sid;
          scaleKeys.set(key, sid);
          scales.push({ id: sid, options: scaleOptions });
        }
        const selected = opts.map((o, i) => (o.selected ? scaleOptions[i]!.code : undefined)).filter((c): c is string => !!c);
        if (node.repeats === true) {
          if (selected.length) initial[id] = selected;
          const item: Item = { ...base, type: 'multiple-choice', scale: scaleId };
          const min = ext(node, HL7.minOccurs)[0]?.valueInteger;
          const max = ext(node, HL7.maxOccurs)[0]?.valueInteger;
          if (typeof min === 'number' && min >= 0 && min <= scaleOptions.length) item.minSelected = min;
          if (typeof max === 'number' && max >= 1 && (item.minSelected === undefined || max >= item.minSelected)) item.maxSelected = max;
          return item;
        }
        if (selected.length) initial[id] = selected[0]!;
        return { ...base, type: 'single-choice', scale: scaleId };
      }
      default:
        note(linkId, `type:${type || 'missing'}`, 'left-out', `Boussole has no ${type || 'untyped'} question`);
        return undefined;
    }
  };

  const initialOf = (node: Json, item: Item, linkId: string) => {
    const first = arrayOf(node.initial)[0];
    if (!isObject(first) || initial[item.id] !== undefined) return;
    const v = first as FhirValue;
    let value: AnswerValue | undefined;
    if (item.type === 'yes-no' && mapping.options[item.id]) return;
    if (item.type === 'yes-no' && typeof v.valueBoolean === 'boolean') value = v.valueBoolean ? 'yes' : 'no';
    else if (item.type === 'number') value = v.valueInteger ?? v.valueDecimal ?? v.valueQuantity?.value;
    else if (item.type === 'date') value = (v.valueDate ?? v.valueDateTime)?.slice(0, 10);
    else if (item.type === 'short-text' || item.type === 'long-text') value = v.valueString;
    else if (item.type === 'single-choice' || item.type === 'multiple-choice') {
      const codes = arrayOf(node.initial).map((x) => (isObject(x) ? codeOf(linkId, x as FhirValue) : undefined)).filter((c): c is string => !!c);
      value = item.type === 'single-choice' ? codes[0] : codes.length ? codes : undefined;
    }
    if (value !== undefined) initial[item.id] = value;
    else note(linkId, 'initial', 'kept', 'an initial value Boussole cannot hold');
  };

  const codeOf = (linkId: string, v: FhirValue): string | undefined => {
    const k = known.get(linkId);
    return k?.codes?.find(
      ({ value }) =>
        (v.valueCoding && value.valueCoding && v.valueCoding.code === value.valueCoding.code && (!v.valueCoding.system || !value.valueCoding.system || v.valueCoding.system === value.valueCoding.system)) ||
        (v.valueString !== undefined && (value.valueString === v.valueString || value.valueCoding?.code === v.valueString)) ||
        (v.valueInteger !== undefined && value.valueInteger === v.valueInteger) ||
        (v.valueDate !== undefined && value.valueDate === v.valueDate),
    )?.code;
  };

  /** Reads the children of a group (or the root) into a section's items and subsections. */
  const readChildren = (children: unknown[], section: Section, under?: string) => {
    let lastItem: Item | undefined;
    for (const raw of children) {
      if (!isObject(raw)) continue;
      const node = raw;
      const linkId = typeof node.linkId === 'string' ? node.linkId : '';
      if (!linkId) {
        note('', 'linkId', 'left-out', 'an item without a linkId');
        continue;
      }
      reportExtensions(node, linkId);
      const duplicate = known.has(linkId) || seenLinks.has(linkId);
      seenLinks.add(linkId);
      if (duplicate) note(linkId, 'duplicate linkId', 'kept', 'the linkId appears twice (que-2): the second is renamed and left out of responses');
      if (node.definition) note(linkId, 'definition', 'kept', 'ignored');
      if (arrayOf(node.code).length) note(linkId, 'code', 'kept', 'ignored');
      if (node.prefix) note(linkId, 'prefix', 'kept', 'ignored (Boussole numbers questions itself)');
      const type = str(node.type);
      if (type === 'display') {
        const t = textOf(node.text, node._text, linkId, '');
        if (!clean(str(node.text))) continue;
        if (lastItem && itemControlOf(node) === 'help') lastItem.help = t;
        else if (section.description === undefined) {
          if (t.fr !== section.title.fr) section.description = t;
        } else section.description = { fr: `${section.description.fr}\n\n${t.fr}`, en: `${section.description.en}\n\n${t.en}` };
        continue;
      }
      if (node.extension && ext(node, EXT.comment)[0]?.valueBoolean === true && lastItem) {
        lastItem.comment = true;
        known.set(linkId, { id: `${lastItem.id}:comment` });
        continue;
      }
      if (type === 'group') {
        const voices = ext(node, EXT.voices).map((e) => e.valueCode).filter((v): v is string => typeof v === 'string' && ID.test(v));
        if (voices.length) {
          const item = voicesItem(node, linkId, voices);
          if (item) {
            (section.items ??= []).push(item);
            lastItem = item;
          }
          continue;
        }
        if (node.repeats === true) note(linkId, 'repeats (group)', 'kept', 'the group is asked once');
        if (node.required === true) note(linkId, 'required (group)', 'kept', 'Boussole requires questions, not groups');
        const id = idFor(linkId);
        if (!duplicate) mapping.linkIds[id] = linkId;
        if (!duplicate) known.set(linkId, { id });
        const sub: Section = { id, kind: str(ext(node, EXT.sectionKind)[0]?.valueCode) ?? 'group', title: textOf(node.text, node._text, linkId, linkId) };
        if (!ID.test(sub.kind)) sub.kind = 'group';
        if (under) {
          note(linkId, 'group under a question', 'kept', 'its questions follow the question instead');
          readChildren(arrayOf(node.item), section, under);
          continue;
        }
        const bandsHere = ext(node, EXT.ageBand).map((e) => e.valueCode).filter((v): v is string => typeof v === 'string');
        if (bandsHere.length) sub.ageBands = bandsHere;
        pending.push({ id, node, target: sub });
        readChildren(arrayOf(node.item), sub);
        (section.sections ??= []).push(sub);
        lastItem = undefined;
        continue;
      }
      // Our own age band question: the bands are on the Questionnaire.
      if (ext(node, EXT.ageBand)[0]?.valueBoolean === true && linkId === AGE_BAND_LINK_ID) {
        bands = bandsOf(node);
        continue;
      }
      const id = idFor(linkId);
      const item = questionOf(node, linkId, id);
      if (!item) {
        used.delete(id);
        const children = arrayOf(node.item);
        if (children.length) note(linkId, 'items under a left-out question', 'left-out', 'its child items are left out with it');
        continue;
      }
      if (!duplicate) {
        mapping.linkIds[id] = linkId;
        known.set(linkId, { ...known.get(linkId), id, item });
      }
      const bandsHere = ext(node, EXT.ageBand).map((e) => e.valueCode).filter((v): v is string => typeof v === 'string');
      if (bandsHere.length) item.ageBands = bandsHere;
      if (under) mapping.under[id] = under;
      initialOf(node, item, linkId);
      pending.push({ id, node, target: item });
      (section.items ??= []).push(item);
      lastItem = item;
      // Children of a question: its help, or questions asked after it.
      const children = arrayOf(node.item);
      const questions = children.filter((c) => !(isObject(c) && c.type === 'display' && itemControlOf(c) === 'help'));
      for (const c of children)
        if (isObject(c) && c.type === 'display' && itemControlOf(c) === 'help' && clean(str(c.text)))
          item.help = textOf(c.text, c._text, String(c.linkId ?? linkId), '');
      if (questions.length) {
        note(linkId, 'items under a question', 'kept', 'its child items follow it in the same section');
        readChildren(questions, section, id);
        lastItem = item;
      }
    }
  };

  const voicesItem = (node: Json, linkId: string, voices: string[]): Item | undefined => {
    const id = idFor(linkId);
    const children = arrayOf(node.item).filter(isObject);
    const first = children.find((c) => ext(c, EXT.voice).length);
    if (!first) return undefined;
    const item = questionOf(first, linkId, id);
    if (!item) return undefined;
    item.label = textOf(node.text, node._text, linkId, linkId);
    item.perspectives = voices;
    mapping.linkIds[id] = linkId;
    known.set(linkId, { ...known.get(String(first.linkId)), id, item });
    for (const c of children) {
      const voice = ext(c, EXT.voice)[0]?.valueCode;
      if (c.type === 'display' && itemControlOf(c) === 'help') item.help = textOf(c.text, c._text, String(c.linkId), '');
      if (ext(c, EXT.comment)[0]?.valueBoolean === true) item.comment = true;
      if (typeof voice !== 'string') continue;
      if (!perspectives.has(voice)) perspectives.set(voice, { id: voice, label: { fr: voice, en: voice } });
      const t = textOf(c.text, c._text, String(c.linkId), '');
      if (!t.fr.startsWith(`${item.label.fr} (`)) (item.labelFor ??= {})[voice] = t;
    }
    if (first.required === true) item.required = true;
    const bandsHere = ext(node, EXT.ageBand).map((e) => e.valueCode).filter((v): v is string => typeof v === 'string');
    if (bandsHere.length) item.ageBands = bandsHere;
    pending.push({ id, node, target: item });
    return item;
  };

  const bandsOf = (node: Json): AgeBand[] | undefined => {
    const out: AgeBand[] = [];
    for (const e of ext(q, EXT.ageBands)) {
      const part = (name: string) => e.extension?.find((x) => x.url === name);
      const id = part('id')?.valueCode;
      const min = part('minMonths')?.valueInteger;
      const max = part('maxMonths')?.valueInteger;
      if (typeof id !== 'string' || typeof min !== 'number' || typeof max !== 'number') continue;
      const option = arrayOf(node.answerOption).find((o) => isObject(o) && isObject(o.valueCoding) && o.valueCoding.code === id) as Json | undefined;
      const c = option?.valueCoding as FhirCoding | undefined;
      out.push({ id, minMonths: min, maxMonths: max, label: textOf(c?.display, c?._display, AGE_BAND_LINK_ID, id) });
    }
    return out.length ? out : undefined;
  };

  // The tree: questions outside any group go in a section of their own, one per run.
  reportExtensions(q, '');
  for (const [feature, what] of [
    ['contained', 'resources inside the Questionnaire (only value sets are read)'],
    ['derivedFrom', 'ignored'],
  ] as const)
    if (q[feature] !== undefined) note('', feature, 'kept', what);
  // Boussole's own voices, in their order (a voice no question asks is left out below).
  for (const p of ext(q, EXT.perspective)) {
    const id = p.extension?.find((x) => x.url === 'id')?.valueCode;
    const label = p.extension?.find((x) => x.url === 'label');
    if (typeof id === 'string' && ID.test(id)) perspectives.set(id, { id, label: textOf(label?.valueString, label?._valueString, '', id) });
  }
  const root: Section = { id: '', kind: 'group', title: { fr: '', en: '' } };
  const title = textOf(q.title ?? q.name, q._title, '', str(q.id) ?? 'Questionnaire');
  const topSections: Section[] = [];
  let run: unknown[] = [];
  const flush = () => {
    if (!run.length) return;
    const section: Section = { id: idFor('questions'), kind: 'group', title };
    readChildren(run, section);
    if (section.items?.length || section.sections?.length) topSections.push(section);
    else if (section.description) description = section.description;
    run = [];
  };
  for (const node of arrayOf(q.item)) {
    if (isObject(node) && node.type === 'group' && !ext(node, EXT.voices).length) {
      flush();
      readChildren([node], root);
      topSections.push(...(root.sections ?? []));
      root.sections = [];
    } else run.push(node);
  }
  flush();
  if (!topSections.length) topSections.push({ id: idFor('questions'), kind: 'group', title });

  // Conditions, now that every question has its id.
  const leafOf = (ew: FhirEnableWhen, linkId: string): Condition | undefined => {
    if (!isObject(ew)) return undefined;
    const question = str(ew.question) ?? '';
    if (question === AGE_BAND_LINK_ID && bands) {
      const code = ew.answerCoding?.code;
      if (typeof code !== 'string') return undefined;
      return ew.operator === '!=' ? { not: { ageBand: [code] } } : { ageBand: [code] };
    }
    const k = known.get(question);
    if (!k?.item) {
      note(linkId, 'enableWhen', 'kept', `the condition on "${question}" is dropped: that question is not in the instrument`);
      return undefined;
    }
    const item = k.item;
    const refuse = (why: string) => {
      note(linkId, 'enableWhen', 'kept', `the condition on "${question}" is dropped: ${why}`);
      return undefined;
    };
    if (ew.operator === 'exists') return { item: k.id, op: ew.answerBoolean === false ? 'unanswered' : 'answered' };
    let value: string | number | undefined;
    if (ew.answerCoding || (ew.answerString !== undefined && k.codes)) {
      const code = codeOf(question, ew.answerCoding ? { valueCoding: ew.answerCoding } : { valueString: ew.answerString! });
      if (!code) return refuse('its answer is not an option of that question');
      value = code;
    } else if (typeof ew.answerBoolean === 'boolean') value = item.type === 'yes-no' ? (ew.answerBoolean ? 'yes' : 'no') : undefined;
    else if (typeof ew.answerInteger === 'number' || typeof ew.answerDecimal === 'number' || typeof ew.answerQuantity?.value === 'number')
      value = item.type === 'number' ? (ew.answerInteger ?? ew.answerDecimal ?? ew.answerQuantity!.value) : undefined;
    else if (typeof ew.answerDate === 'string' || typeof ew.answerDateTime === 'string')
      value = item.type === 'date' ? (ew.answerDate ?? ew.answerDateTime!).slice(0, 10) : undefined;
    else if (typeof ew.answerString === 'string') value = item.type === 'short-text' || item.type === 'long-text' ? ew.answerString : undefined;
    if (value === undefined) return refuse('its answer type does not fit that question');
    const choice = item.type === 'single-choice' || item.type === 'multiple-choice' || item.type === 'yes-no';
    switch (ew.operator) {
      case '=':
        return item.type === 'multiple-choice' ? { item: k.id, op: 'includes', value } : { item: k.id, op: 'equals', value };
      case '!=':
        return item.type === 'multiple-choice' ? { not: { item: k.id, op: 'includes', value } } : { item: k.id, op: 'not-equals', value };
      case '>':
      case '>=':
      case '<':
      case '<=':
        if (choice) return refuse('Boussole compares numbers, dates and text, not options');
        return { item: k.id, op: ew.operator === '>' ? 'gt' : ew.operator === '>=' ? 'gte' : ew.operator === '<' ? 'lt' : 'lte', value };
      default:
        return refuse(`operator "${String(ew.operator)}"`);
    }
  };
  for (const { node, target } of pending) {
    const linkId = String(node.linkId);
    const list = arrayOf(node.enableWhen) as FhirEnableWhen[];
    if (!list.length) continue;
    const ownBands = 'ageBands' in target && target.ageBands;
    const leaves = list
      .filter((ew) => !(ownBands && isObject(ew) && ew.question === AGE_BAND_LINK_ID))
      .map((ew) => leafOf(ew, linkId))
      .filter((c): c is Condition => !!c);
    if (!leaves.length) continue;
    const any = node.enableBehavior === 'any';
    // Several `=` on one question under "any" is `in` (and `!=` under "all" is `not-in`), as Boussole writes it.
    const sameItem = leaves.every(
      (c) => 'item' in c && c.item === (leaves[0] as { item: string }).item && c.op === (any ? 'equals' : 'not-equals') && typeof c.value === 'string',
    );
    target.visibleWhen =
      leaves.length === 1
        ? leaves[0]!
        : sameItem
          ? { item: (leaves[0] as { item: string }).item, op: any ? 'in' : 'not-in', value: leaves.map((c) => String((c as { value: string }).value)) }
          : any
            ? { any: leaves }
            : { all: leaves };
  }

  const version = str(q.version);
  const semver = version && /^\d+\.\d+\.\d+$/.test(version) ? version : version && /^\d+\.\d+$/.test(version) ? `${version}.0` : '1.0.0';
  if (version && semver !== version && `${version}.0` !== semver) note('', 'version', 'kept', `version "${version}" is not MAJOR.MINOR.PATCH: 1.0.0`);
  const rawId = str(q.id) ?? str(q.name) ?? 'fhir-questionnaire';
  let id = rawId.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 80);
  if (!ID.test(id)) id = `q-${id}`.slice(0, 80);
  if (!ID.test(id)) id = 'fhir-questionnaire';
  if (q.description !== undefined) description = textOf(q.description, q._description, '', '');
  const licence = clean(str(q.copyright));
  const missing = untranslated.size > 0;
  // The person filling it sees why some text is in one language: the description says so.
  if (missing) {
    const fr = `Questionnaire importé de FHIR, rédigé en ${primary === 'en' ? 'anglais' : 'français'} seulement : les textes non traduits restent dans cette langue.`;
    const en = `Questionnaire imported from FHIR, written in ${primary === 'en' ? 'English' : 'French'} only: untranslated text stays in that language.`;
    description = description && clean(description.fr) ? { fr: `${description.fr}\n\n${fr}`, en: `${description.en}\n\n${en}` } : { fr, en };
  }
  const instrument: Instrument = {
    id,
    version: semver,
    title,
    ...(description && clean(description.fr) ? { description } : {}),
    source: {
      note: missing
        ? {
            fr: `Importé d’un Questionnaire FHIR rédigé en ${primary === 'en' ? 'anglais' : 'français'} seulement : les textes non traduits sont repris tels quels dans l’autre langue.`,
            en: `Imported from a FHIR Questionnaire written in ${primary === 'en' ? 'English' : 'French'} only: untranslated text is repeated as it is in the other language.`,
          }
        : { fr: 'Importé d’un Questionnaire FHIR.', en: 'Imported from a FHIR Questionnaire.' },
      licence: licence ? { fr: licence, en: licence } : { fr: 'Non précisée', en: 'Not stated' },
      illustrative: false,
      ...(url ? { url } : {}),
    },
    ...(bands ? { ageBands: bands } : {}),
    ...(perspectives.size ? { perspectives: [...perspectives.values()] } : {}),
    ...(scales.length ? { scales } : {}),
    sections: topSections,
  };
  return { instrument: settle(instrument, unsupported, mapping), unsupported, untranslated: [...untranslated], mapping, initial };
}

/**
 * The instrument as parseInstrument accepts it: a condition it refuses (a group shown on one of its
 * own questions: a cycle) is dropped and noted, until it passes.
 */
function settle(instrument: Instrument, unsupported: Unsupported[], mapping: FhirMapping): Instrument {
  for (let round = 0; round < 50; round++) {
    const parsed = parseInstrument(instrument);
    if (parsed.ok) return parsed.value;
    const problem = parsed.problems.find((p) => /visibleWhen/.test(p.path));
    if (!problem) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    const path = problem.path.slice(0, problem.path.indexOf('visibleWhen') + 'visibleWhen'.length);
    const owner = path.replace(/\.visibleWhen$/, '');
    // Walks `sections[0].items[2]` to its node.
    let node: unknown = instrument;
    for (const part of owner.match(/[A-Za-z]+|\d+/g) ?? []) node = (node as Record<string, unknown>)[part];
    const target = node as Item | Section;
    delete target.visibleWhen;
    unsupported.push({ linkId: mapping.linkIds[target.id] ?? target.id, feature: 'enableWhen', outcome: 'kept', note: `the condition is dropped: ${problem.message}` });
  }
  throw new Error('conditions could not be settled');
}

/**
 * Reads a QuestionnaireResponse to the Questionnaire it answers into a Boussole result (to resume
 * with `fromFhirQuestionnaire(questionnaire).instrument`). Answers to questions the import left out
 * are listed in `unsupported`. Never throws.
 */
export function fromFhirQuestionnaireResponse(
  questionnaire: unknown,
  response: unknown,
  options: FhirImportOptions = {},
): { result: ResumableResult; unsupported: Unsupported[] } {
  const imported = fromFhirQuestionnaire(questionnaire, options);
  const unsupported: Unsupported[] = [];
  const answers: Record<string, Answer> = {};
  const result: ResumableResult = {
    instrument: { id: imported.instrument.id, version: imported.instrument.version },
    status: 'draft',
    session: {},
    answers,
    actionPlans: {},
  };
  try {
    if (!isObject(response) || response.resourceType !== 'QuestionnaireResponse') {
      unsupported.push({ linkId: '', feature: 'resourceType', outcome: 'left-out', note: 'expected a QuestionnaireResponse' });
      return { result, unsupported };
    }
    if (response.status === 'completed' || response.status === 'amended') result.status = 'complete';
    const lang = str(response.language)?.toLowerCase().split('-')[0];
    if (lang === 'fr' || lang === 'en') result.locale = lang;
    const byLink = new Map<string, string>();
    for (const [id, link] of Object.entries(imported.mapping.linkIds)) if (!byLink.has(link)) byLink.set(link, id);
    const items = new Map<string, Item>();
    const walkSections = (sections: readonly Section[]) =>
      sections.forEach((s) => {
        s.items?.forEach((it) => items.set(it.id, it));
        walkSections(s.sections ?? []);
      });
    walkSections(imported.instrument.sections);
    const toValue = (item: Item, v: FhirValue): string | number | undefined => {
      switch (item.type) {
        case 'yes-no':
          if (typeof v.valueBoolean === 'boolean') return v.valueBoolean ? 'yes' : 'no';
          if (imported.mapping.options[item.id]) return v.valueCoding || v.valueString !== undefined ? 'yes' : undefined;
          return v.valueCoding?.code === 'Y' ? 'yes' : v.valueCoding?.code === 'N' ? 'no' : v.valueCoding?.code === 'UNK' ? 'unknown' : undefined;
        case 'single-choice':
        case 'multiple-choice': {
          const options = imported.mapping.options[item.id] ?? {};
          const hit = Object.entries(options).find(
            ([, o]) =>
              (v.valueCoding && o.valueCoding?.code === v.valueCoding.code && (!v.valueCoding.system || !o.valueCoding?.system || o.valueCoding.system === v.valueCoding.system)) ||
              (v.valueString !== undefined && o.valueString === v.valueString) ||
              (v.valueInteger !== undefined && o.valueInteger === v.valueInteger),
          );
          if (hit) return hit[0];
          // Our own export: codes are the option codes.
          const code = v.valueCoding?.code;
          return code && !Object.keys(options).length ? code : undefined;
        }
        case 'number':
          return v.valueInteger ?? v.valueDecimal ?? v.valueQuantity?.value;
        case 'date':
          return (v.valueDate ?? v.valueDateTime)?.slice(0, 10);
        default:
          return v.valueString ?? v.valueUri;
      }
    };
    const voiceLink = /^(.+):([A-Za-z][A-Za-z0-9_.-]*)$/;
    const read = (nodes: unknown[]) => {
      for (const raw of nodes) {
        if (!isObject(raw)) continue;
        const linkId = str(raw.linkId) ?? '';
        const answersHere = arrayOf(raw.answer).filter(isObject) as (FhirValue & { item?: unknown })[];
        if (linkId === AGE_BAND_LINK_ID && imported.instrument.ageBands) {
          const code = answersHere[0]?.valueCoding?.code;
          if (typeof code === 'string') result.ageBand = code;
          continue;
        }
        let id = byLink.get(linkId);
        let voice: string | undefined;
        let comment = false;
        if (!id) {
          const m = voiceLink.exec(linkId);
          if (m && m[2] === 'comment') {
            const inner = voiceLink.exec(m[1]!);
            if (inner && items.get(inner[1]!)?.perspectives?.includes(inner[2]!)) [id, voice] = [inner[1], inner[2]];
            else id = byLink.get(m[1]!);
            comment = true;
          } else if (m && items.get(m[1]!)?.perspectives?.includes(m[2]!)) [id, voice] = [m[1], m[2]];
        }
        const item = id ? items.get(id) : undefined;
        if (item && answersHere.length) {
          const answer = (answers[item.id] ??= {});
          const target = voice ? ((answer.perspectives ??= {})[voice] ??= {}) : answer;
          if (comment) target.comment = answersHere[0]!.valueString ?? '';
          else {
            const values = answersHere.map((a) => toValue(item, a)).filter((v): v is string | number => v !== undefined);
            if (values.length < answersHere.length)
              unsupported.push({ linkId, feature: 'answer', outcome: 'left-out', note: 'an answer that is not one the question offers' });
            if (item.type === 'multiple-choice') target.value = values.map(String);
            else if (values.length) target.value = values[0]!;
            if (item.type !== 'multiple-choice' && values.length > 1)
              unsupported.push({ linkId, feature: 'repeats', outcome: 'kept', note: 'only the first answer is kept' });
          }
          if (!Object.keys(target).length) delete answers[item.id];
        } else if (answersHere.length && !id) unsupported.push({ linkId, feature: 'answer', outcome: 'left-out', note: 'the question is not in the instrument' });
        read(arrayOf(raw.item));
        for (const a of answersHere) read(arrayOf(a.item));
      }
    };
    read(arrayOf(response.item));
  } catch (error) {
    unsupported.push({ linkId: '', feature: 'response', outcome: 'left-out', note: `cannot be read (${String(error)})` });
  }
  return { result, unsupported };
}
