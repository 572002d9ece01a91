import * as z from 'zod/mini';
import { CONDITION_OPS, COMPLETION_BASES, FIELD_MODES, NUMBERINGS } from './enums.js';
import { AnswerValue, Id, IsoDate, Text } from './common.js';
import { checkInstrument } from './instrument-checks.js';

const Count = z.int().check(z.minimum(0));
const Share = z.number().check(z.minimum(0), z.maximum(1));

/** Who can answer: the child, the foster family, the worker, a birth parent, a partner… */
export const Perspective = z.strictObject({ id: Id, label: Text });

/** An age band in completed months, both bounds included (0–11 is "0 to 12 months"). */
export const AgeBand = z.strictObject({
  id: Id,
  label: Text,
  minMonths: Count,
  maxMonths: Count,
});

/** One choice of a response scale. */
export const ScaleOption = z.strictObject({
  code: Id,
  label: Text,
  help: z.optional(Text),
  /** "Don't know", "not applicable": an answer, but left out of tallies and statuses. */
  missing: z.optional(z.boolean()),
});

/**
 * A response scale shared by the choice items that name it. `better` orders it for comparisons over
 * time: the options, in their order, go from worse to better (`last`) or from better to worse
 * (`first`); missing options ("don't know") are never ordered.
 */
export const Scale = z.strictObject({
  id: Id,
  label: z.optional(Text),
  better: z.optional(z.enum(['first', 'last'])),
  options: z.array(ScaleOption).check(z.minLength(2)),
});

/** A test on another item's answer. `answered`/`unanswered` take no value; `in`/`not-in` take a list. */
export const ItemCondition = z.strictObject({
  item: Id,
  op: z.enum(CONDITION_OPS),
  value: z.optional(AnswerValue),
});

/**
 * A declarative visibility condition: a test on an answer, on the selected age band, or a combination.
 * Evaluated by the engine; never run as code.
 */
export const Condition = z.union([
  ItemCondition,
  z.strictObject({ ageBand: z.array(Id).check(z.minLength(1)) }),
  z.strictObject({
    get all(): z.ZodMiniArray<typeof Condition> {
      return z.array(Condition).check(z.minLength(1));
    },
  }),
  z.strictObject({
    get any(): z.ZodMiniArray<typeof Condition> {
      return z.array(Condition).check(z.minLength(1));
    },
  }),
  z.strictObject({
    get not(): typeof Condition {
      return Condition;
    },
  }),
]);

const itemBase = {
  id: Id,
  label: Text,
  help: z.optional(Text),
  required: z.optional(z.boolean()),
  /** Shown only for these age bands (all bands when absent). */
  ageBands: z.optional(z.array(Id).check(z.minLength(1))),
  visibleWhen: z.optional(Condition),
  /** One answer per listed perspective instead of a single answer. */
  perspectives: z.optional(z.array(Id).check(z.minLength(1))),
  /**
   * The question in a voice's own words, keyed by perspectives of the item (`{ child: { fr, en } }`):
   * that voice's answer is asked with it; the item's `label` stays the standard wording.
   */
  labelFor: z.optional(z.record(Id, Text)),
  /** Offers a free comment beside the answer. */
  comment: z.optional(z.boolean()),
};

export const SingleChoiceItem = z.strictObject({
  ...itemBase,
  type: z.literal('single-choice'),
  scale: Id,
  /** Overrides the scale's order for this question (one phrased the other way round). */
  better: z.optional(z.enum(['first', 'last'])),
});
export const MultipleChoiceItem = z.strictObject({
  ...itemBase,
  type: z.literal('multiple-choice'),
  scale: Id,
  minSelected: z.optional(Count),
  maxSelected: z.optional(z.int().check(z.minimum(1))),
});
export const YesNoItem = z.strictObject({
  ...itemBase,
  type: z.literal('yes-no'),
  /** Offers "don't know" (default true). */
  allowUnknown: z.optional(z.boolean()),
  /** Which answer is the better one, for comparisons over time ("don't know" is never ordered). */
  better: z.optional(z.enum(['yes', 'no'])),
});
export const ShortTextItem = z.strictObject({
  ...itemBase,
  type: z.literal('short-text'),
  maxLength: z.optional(z.int().check(z.minimum(1))),
});
export const LongTextItem = z.strictObject({
  ...itemBase,
  type: z.literal('long-text'),
  maxLength: z.optional(z.int().check(z.minimum(1))),
});
export const NumberItem = z.strictObject({
  ...itemBase,
  type: z.literal('number'),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  integer: z.optional(z.boolean()),
  unit: z.optional(Text),
  /** Whether a higher or a lower number is better, for comparisons over time. */
  better: z.optional(z.enum(['higher', 'lower'])),
});
export const DateItem = z.strictObject({
  ...itemBase,
  type: z.literal('date'),
  min: z.optional(IsoDate),
  max: z.optional(IsoDate),
});

export const Item = z.discriminatedUnion('type', [
  SingleChoiceItem,
  MultipleChoiceItem,
  YesNoItem,
  ShortTextItem,
  LongTextItem,
  NumberItem,
  DateItem,
]);

/** A sphere, a need, a theme…: `kind` is data, sections nest. */
export const Section = z.strictObject({
  id: Id,
  kind: Id,
  title: Text,
  description: z.optional(Text),
  ageBands: z.optional(z.array(Id).check(z.minLength(1))),
  visibleWhen: z.optional(Condition),
  items: z.optional(z.array(Item)),
  get sections(): z.ZodMiniOptional<z.ZodMiniArray<typeof Section>> {
    return z.optional(z.array(Section));
  },
  /** The section ends with an action plan (objectives → actions). */
  actionPlan: z.optional(z.strictObject({ prompt: z.optional(Text) })),
});

/** One clause of a status rule; every bound given must hold. Without `level` it tests the counted total. */
export const TallyClause = z.strictObject({
  level: z.optional(Id),
  minCount: z.optional(Count),
  maxCount: z.optional(Count),
  minShare: z.optional(Share),
  maxShare: z.optional(Share),
});

/** A status; the first whose clauses all hold is given. No `when` always holds. */
export const StatusCase = z.strictObject({
  id: Id,
  label: Text,
  when: z.optional(z.array(TallyClause)),
});

/** Counts the answers on `scale` of every section of `sectionKind` (nested items included) and derives a status. */
export const TallyRule = z.strictObject({
  id: Id,
  label: z.optional(Text),
  sectionKind: Id,
  scale: Id,
  statuses: z.optional(z.array(StatusCase)),
});

export const SummaryRules = z.strictObject({
  tallies: z.optional(z.array(TallyRule)),
  /** What progress counts: every visible item (default) or only required ones. */
  completion: z.optional(z.enum(COMPLETION_BASES)),
});

const FieldMode = z.optional(z.enum(FIELD_MODES));

/** Which session details the instrument asks for; an absent field is not asked. */
export const SessionSpec = z.strictObject({
  date: FieldMode,
  /** A pseudonymous subject id supplied by the host; never a name. */
  subject: FieldMode,
  territory: FieldMode,
  participants: z.optional(
    z.strictObject({
      min: z.optional(Count),
      name: FieldMode,
      organisation: FieldMode,
      role: FieldMode,
      /** Ask whether each participant is a parent-partner. */
      parentPartner: z.optional(z.boolean()),
      /** When given, the role is chosen from this list instead of typed. */
      roles: z.optional(z.array(Perspective).check(z.minLength(1))),
    }),
  ),
});

export const Source = z.strictObject({
  note: Text,
  licence: Text,
  /** True when the items are our own illustrative wording, to be replaced by a licensed content pack. */
  illustrative: z.boolean(),
  url: z.optional(z.string()),
});

/**
 * How results of an older MAJOR version of the instrument are read: ids renamed since (items,
 * sections, age bands: old → new) and option codes changed since (per item, with its new id: old →
 * new). Without a migration from its MAJOR, a result of another MAJOR is refused.
 */
export const Migration = z.strictObject({
  from: z.int().check(z.minimum(0)),
  renamed: z.optional(z.record(Id, Id)),
  recoded: z.optional(z.record(Id, z.record(Id, Id))),
});

/** The instrument's shape before its cross-reference checks (see instrument-checks.ts). */
export const InstrumentShape = z.strictObject({
  $schema: z.optional(z.string()),
  id: Id,
  version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, 'versions are MAJOR.MINOR.PATCH')),
  title: Text,
  description: z.optional(Text),
  source: Source,
  ageBands: z.optional(z.array(AgeBand).check(z.minLength(1))),
  perspectives: z.optional(z.array(Perspective)),
  scales: z.optional(z.array(Scale)),
  session: z.optional(SessionSpec),
  sections: z.array(Section).check(z.minLength(1)),
  summary: z.optional(SummaryRules),
  /** `items` numbers every question in document order (a team says "statement 7"); default `none`. */
  numbering: z.optional(z.enum(NUMBERINGS)),
  /** What one question is called when counted ("Énoncé 7 sur 24" in `layout="presentation"`); default "Question". */
  itemNoun: z.optional(Text),
  /** How results of older MAJOR versions are read (see Migration). */
  migrations: z.optional(z.array(Migration)),
});

/** The cross-references of an instrument, a check of its own (its validation plan names it). */
export const crossReferences = z.superRefine(checkInstrument);
/** An instrument: the shape plus its cross-references (ids unique, every reference resolves, no visibility cycle). */
export const Instrument = InstrumentShape.check(crossReferences);

export type Perspective = z.infer<typeof Perspective>;
export type AgeBand = z.infer<typeof AgeBand>;
export type ScaleOption = z.infer<typeof ScaleOption>;
export type Scale = z.infer<typeof Scale>;
export type ItemCondition = z.infer<typeof ItemCondition>;
export type Condition = z.infer<typeof Condition>;
export type Item = z.infer<typeof Item>;
export type Section = z.infer<typeof Section>;
export type TallyClause = z.infer<typeof TallyClause>;
export type StatusCase = z.infer<typeof StatusCase>;
export type TallyRule = z.infer<typeof TallyRule>;
export type SummaryRules = z.infer<typeof SummaryRules>;
export type SessionSpec = z.infer<typeof SessionSpec>;
export type Migration = z.infer<typeof Migration>;
export type Instrument = z.infer<typeof Instrument>;
