// The vocabulary of the FHIR mapping (docs/decisions/0011-fhir-mapping.md): minimal FHIR R4 shapes,
// the extension URLs, the linkId scheme and the code systems. No DOM: type-checked with the ES library only.
import type { Text } from '../../schema/common.js';
import type { Locale } from '../../schema/enums.js';

/** A FHIR extension (only the value types the mapping writes or reads). */
export interface FhirExtension {
  url: string;
  extension?: FhirExtension[];
  valueString?: string;
  valueCode?: string;
  valueBoolean?: boolean;
  valueInteger?: number;
  valueDecimal?: number;
  valueDate?: string;
  valueCoding?: FhirCoding;
  valueCodeableConcept?: { coding?: FhirCoding[]; text?: string };
  [key: string]: unknown;
}

export interface FhirCoding {
  system?: string;
  code?: string;
  display?: string;
  _display?: { extension?: FhirExtension[] };
  [key: string]: unknown;
}

/** A primitive's companion element (`_text`, `_title`) holding its extensions. */
export interface FhirElement {
  extension?: FhirExtension[];
}

export interface FhirEnableWhen {
  question: string;
  operator: '=' | '!=' | '>' | '<' | '>=' | '<=' | 'exists';
  answerBoolean?: boolean;
  answerDecimal?: number;
  answerInteger?: number;
  answerDate?: string;
  answerDateTime?: string;
  answerTime?: string;
  answerString?: string;
  answerCoding?: FhirCoding;
  answerQuantity?: { value?: number };
  answerReference?: unknown;
}

/** An answer value of a QuestionnaireResponse, an `answerOption` or an `initial`. */
export interface FhirValue {
  valueBoolean?: boolean;
  valueDecimal?: number;
  valueInteger?: number;
  valueDate?: string;
  valueDateTime?: string;
  valueTime?: string;
  valueString?: string;
  valueCoding?: FhirCoding;
  valueQuantity?: { value?: number; unit?: string };
  valueUri?: string;
  valueAttachment?: unknown;
  valueReference?: unknown;
}

export interface FhirAnswerOption extends FhirValue {
  initialSelected?: boolean;
  extension?: FhirExtension[];
}

export interface FhirQuestionnaireItem {
  linkId: string;
  text?: string;
  _text?: FhirElement;
  type: string;
  definition?: string;
  code?: FhirCoding[];
  prefix?: string;
  required?: boolean;
  repeats?: boolean;
  readOnly?: boolean;
  maxLength?: number;
  enableWhen?: FhirEnableWhen[];
  enableBehavior?: 'all' | 'any';
  answerValueSet?: string;
  answerOption?: FhirAnswerOption[];
  initial?: FhirValue[];
  item?: FhirQuestionnaireItem[];
  extension?: FhirExtension[];
  [key: string]: unknown;
}

export interface FhirQuestionnaire {
  resourceType: 'Questionnaire';
  id?: string;
  url?: string;
  version?: string;
  name?: string;
  title?: string;
  _title?: FhirElement;
  language?: string;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  description?: string;
  _description?: FhirElement;
  copyright?: string;
  contained?: unknown[];
  extension?: FhirExtension[];
  item?: FhirQuestionnaireItem[];
  [key: string]: unknown;
}

export interface FhirResponseAnswer extends FhirValue {
  item?: FhirResponseItem[];
}

export interface FhirResponseItem {
  linkId: string;
  text?: string;
  answer?: FhirResponseAnswer[];
  item?: FhirResponseItem[];
  extension?: FhirExtension[];
  [key: string]: unknown;
}

export interface FhirQuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id?: string;
  questionnaire?: string;
  status: 'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped';
  authored?: string;
  language?: string;
  extension?: FhirExtension[];
  item?: FhirResponseItem[];
  [key: string]: unknown;
}

/** FHIR's own extensions the mapping uses. */
export const HL7 = {
  translation: 'http://hl7.org/fhir/StructureDefinition/translation',
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
  unit: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  itemControlSystem: 'http://hl7.org/fhir/questionnaire-item-control',
  maxOccurs: 'http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs',
  minOccurs: 'http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs',
} as const;

/**
 * Boussole's own extensions (URNs: the project owns no web address; each is documented in the
 * README's FHIR section). `voices` marks the group that holds one question per voice; `voice` the
 * question of one voice; `comment` the free comment beside a question; `ageBands` the bands on the
 * Questionnaire; `ageBand` the question that chooses one; `missing` an option kept out of tallies.
 */
export const EXT = {
  voices: 'urn:boussole:fhir:voices',
  voice: 'urn:boussole:fhir:voice',
  comment: 'urn:boussole:fhir:comment',
  ageBands: 'urn:boussole:fhir:age-bands',
  ageBand: 'urn:boussole:fhir:age-band',
  missing: 'urn:boussole:fhir:missing',
  sectionKind: 'urn:boussole:fhir:section-kind',
  scale: 'urn:boussole:fhir:scale',
  perspective: 'urn:boussole:fhir:perspective',
} as const;

/** Yes / no / don't know: HL7 v2 table 0136 and the v3 null flavour "unknown". */
export const YES_NO_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0136';
export const UNKNOWN_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor';
export const YES_NO_CODINGS = {
  yes: { system: YES_NO_SYSTEM, code: 'Y' },
  no: { system: YES_NO_SYSTEM, code: 'N' },
  unknown: { system: UNKNOWN_SYSTEM, code: 'UNK' },
} as const;

/** The linkId of the question that chooses the age band (an id no item may take: schema/instrument-checks.ts). */
export const AGE_BAND_LINK_ID = 'ageBand';

/**
 * LinkIds: a section and an item keep their id (ids are unique across both), a voice's question is
 * `<item>:<voice>`, a comment `<item>:comment` (or `<item>:<voice>:comment`), a help text
 * `<item>:help`, a section's description `<section>:description`. Ids cannot hold `:`, so the
 * derived linkIds never collide with an id.
 */
export const linkIds = {
  voice: (item: string, voice: string) => `${item}:${voice}`,
  comment: (item: string, voice?: string) => (voice ? `${item}:${voice}:comment` : `${item}:comment`),
  help: (item: string) => `${item}:help`,
  description: (section: string) => `${section}:description`,
} as const;

/** The default code system of a scale: `urn:boussole:<instrument>:scale:<scale>`. */
export const defaultScaleSystem = (instrumentId: string, scaleId: string) => `urn:boussole:${instrumentId}:scale:${scaleId}`;
export const ageBandSystem = (instrumentId: string) => `urn:boussole:${instrumentId}:age-band`;

/**
 * A FHIR `string` holds no whitespace but space, tab and line breaks (its pattern `[ \r\n\t\S]+`):
 * French no-break spaces (before « ? », « : ») become plain spaces.
 */
export const fhirString = (s: string): string => s.replace(/[^\S \r\n\t]/g, ' ');

/** Text in one language with the other in FHIR's translation extension, on the `_` companion. */
export function localized(text: Text, primary: Locale): { text: string; ext: FhirElement } {
  const other: Locale = primary === 'fr' ? 'en' : 'fr';
  return {
    text: fhirString(text[primary]),
    ext: {
      extension: [
        {
          url: HL7.translation,
          extension: [
            { url: 'lang', valueCode: other },
            { url: 'content', valueString: fhirString(text[other]) },
          ],
        },
      ],
    },
  };
}

/** The translation to `lang` found on a `_` companion element, if any. */
export function translationOf(element: unknown, lang: string): string | undefined {
  const exts = (element as FhirElement | undefined)?.extension;
  if (!Array.isArray(exts)) return undefined;
  for (const ext of exts) {
    if (ext?.url !== HL7.translation || !Array.isArray(ext.extension)) continue;
    const code = ext.extension.find((e) => e?.url === 'lang')?.valueCode;
    const content = ext.extension.find((e) => e?.url === 'content')?.valueString;
    if (typeof code === 'string' && typeof content === 'string' && code.toLowerCase().split('-')[0] === lang) return content;
  }
  return undefined;
}
