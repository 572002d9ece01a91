import * as z from 'zod/mini';
import { ACTION_STATUSES, LOCALES, RESULT_STATUSES } from './enums.js';
import { AnswerValue, Id, IsoDate } from './common.js';

const Count = z.int().check(z.minimum(0));
const FreeText = z.string();

/** One voice's answer to an item that collects several perspectives. */
export const VoiceAnswer = z.strictObject({
  value: z.optional(AnswerValue),
  comment: z.optional(FreeText),
});

/**
 * The answer to one item: `value` (and `comment`) when it is answered once — `perspective` then
 * tells who gave it — or `perspectives`, one entry per voice, when the item collects several.
 */
export const Answer = z.strictObject({
  value: z.optional(AnswerValue),
  comment: z.optional(FreeText),
  perspective: z.optional(Id),
  perspectives: z.optional(z.record(Id, VoiceAnswer)),
});

/** Someone present at the session. Names are optional: minimise identifying data. */
export const Participant = z.strictObject({
  id: Id,
  name: z.optional(FreeText),
  organisation: z.optional(FreeText),
  role: z.optional(FreeText),
  parentPartner: z.optional(z.boolean()),
});

export const SessionData = z.strictObject({
  date: z.optional(IsoDate),
  /** A pseudonymous id of the child or family, supplied by the host application. */
  subjectId: z.optional(FreeText),
  /** The territorial unit the session covers (PIN). */
  territory: z.optional(FreeText),
  participants: z.optional(z.array(Participant)),
});

export const Action = z.strictObject({
  id: Id,
  what: FreeText,
  who: z.optional(FreeText),
  due: z.optional(IsoDate),
  review: z.optional(IsoDate),
  status: z.enum(ACTION_STATUSES),
});

export const Objective = z.strictObject({
  id: Id,
  text: FreeText,
  actions: z.array(Action),
});

export const ActionPlan = z.strictObject({ objectives: z.array(Objective) });

export const Progress = z.strictObject({
  answered: Count,
  total: Count,
  required: Count,
  requiredAnswered: Count,
  /** 0–100, rounded down, on the instrument's completion basis. */
  percent: z.number().check(z.minimum(0), z.maximum(100)),
});

/** The tally of one section: answers per level, `counted` excludes missing levels ("don't know"). */
export const TallyEntry = z.strictObject({
  counts: z.record(z.string(), Count),
  counted: Count,
  missing: Count,
  unanswered: Count,
  status: z.nullable(Id),
});

export const Tally = z.strictObject({
  sections: z.record(Id, TallyEntry),
  /** How many sections got each status. */
  statuses: z.record(Id, Count),
});

export const ActionCount = z.strictObject({ objectives: Count, actions: Count, open: Count });

/** Figures the engine derives from the answers; recomputed on resume, stored for the host's convenience. */
export const Summaries = z.strictObject({
  progress: z.strictObject({ overall: Progress, sections: z.record(Id, Progress) }),
  tallies: z.record(Id, Tally),
  actions: z.record(Id, ActionCount),
  /** Answered items that are hidden now (age band, condition): kept, not counted. */
  outOfScope: z.array(z.string()),
  /** Answers to ids the instrument does not have (e.g. from another edition): kept, not counted. */
  unknownItems: z.array(z.string()),
  /** Items whose perspectives gave different answers. */
  disagreements: z.array(z.string()),
});

/** What a result holds besides its summaries and timestamps (shared with ResumableResult). */
const resultFields = {
  $schema: z.optional(z.string()),
  instrument: z.strictObject({ id: Id, version: z.string() }),
  locale: z.enum(LOCALES),
  status: z.enum(RESULT_STATUSES),
  ageBand: z.optional(Id),
  session: SessionData,
  /** Keyed by item id. */
  answers: z.record(z.string(), Answer),
  /** Keyed by section id. */
  actionPlans: z.record(Id, ActionPlan),
};
const createdAt = z.iso.datetime({ offset: true });
const updatedAt = z.iso.datetime({ offset: true });

export const Result = z.strictObject({
  ...resultFields,
  summaries: Summaries,
  createdAt,
  updatedAt,
});

/**
 * What a resumed result may omit: the figures the engine recomputes (summaries), the status and the
 * timestamps. Answers, session data and action plans are checked as strictly as in `Result`.
 */
export const ResumableResult = z.strictObject({
  ...resultFields,
  locale: z.optional(resultFields.locale),
  status: z.optional(resultFields.status),
  summaries: z.optional(z.unknown()),
  createdAt: z.optional(createdAt),
  updatedAt: z.optional(updatedAt),
});

export type VoiceAnswer = z.infer<typeof VoiceAnswer>;
export type Answer = z.infer<typeof Answer>;
export type Participant = z.infer<typeof Participant>;
export type SessionData = z.infer<typeof SessionData>;
export type Action = z.infer<typeof Action>;
export type Objective = z.infer<typeof Objective>;
export type ActionPlan = z.infer<typeof ActionPlan>;
export type Progress = z.infer<typeof Progress>;
export type TallyEntry = z.infer<typeof TallyEntry>;
export type Tally = z.infer<typeof Tally>;
export type ActionCount = z.infer<typeof ActionCount>;
export type Summaries = z.infer<typeof Summaries>;
export type Result = z.infer<typeof Result>;
export type ResumableResult = z.infer<typeof ResumableResult>;
