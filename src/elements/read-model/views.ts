import type { Direction } from '../../analysis/compare.js';
import type { Engine } from '../../engine/create-engine.js';
import type { Model } from '../../engine/model.js';
import type { Issue } from '../../engine/validation.js';
import type { AnswerValue } from '../../schema/common.js';
import type { Locale } from '../../schema/enums.js';
import type { AgeBand, Item, Section, SessionSpec, TallyRule } from '../../schema/instrument.js';
import type { FieldRef } from '../../schema/keys.js';
import type { Action, ActionPlan, Answer, Participant, Progress, SessionData, TallyEntry } from '../../schema/result.js';

/**
 * The read model: everything the parts render, as plain read-only data built from the engine and the
 * element's interaction state. Parts receive these views and nothing else, so a part cannot change
 * the engine. Views are kept between builds while nothing they hold changed (same object), so a
 * part's `guard` depends on its view alone: an unchanged view is not rendered again.
 */

/** What the engine offers to read; the builder never calls a command. */
export type EngineReader = Pick<
  Engine,
  'instrument' | 'model' | 'answer' | 'session' | 'ageBand' | 'actionPlan' | 'isVisible' | 'validate' | 'summaries' | 'typedDate'
>;

/** Shared by every view of one build; a new object when the language, review mode or disabled state change. */
export interface FormContext {
  readonly model: Model;
  readonly locale: Locale;
  /** Review mode: answers shown as text, no controls. */
  readonly readonly: boolean;
  /** The host form disabled the element (fieldset disabled): controls are disabled. */
  readonly disabled: boolean;
  /** The level of the title's heading (the host chooses it); the headings below it follow. */
  readonly headingLevel: number;
  /** Dates as typed in their three fields, while they are not dates (the form's engine). */
  readonly dates?: Pick<Engine, 'typedDate'>;
  /** The parts that show the previous record, when the host gave one (a chunk of their own, src/elements/form/previous-chunk.ts). */
  readonly previousParts?: Pick<typeof import('../parts/comparison.js'), 'previousLine' | 'renderFormComparison' | 'renderPreviousActions'>;
}

/** Messages of the issues shown now, keyed by `encodeKey(field)`: the fields of one part only. */
export type Messages = ReadonlyMap<string, string>;

export interface HeaderView {
  readonly ctx: FormContext;
  /** Some field is required: the form says how required fields are marked. */
  readonly hasRequired: boolean;
}

export interface ItemView {
  readonly ctx: FormContext;
  readonly item: Item;
  readonly answer: Answer | undefined;
  readonly messages: Messages;
  /** The voices gave different answers. */
  readonly disagreement: boolean;
  /** The question's number, when the instrument numbers its questions. */
  readonly number: number | undefined;
  /** Last time's answers, when the host gave the previous record. */
  readonly previous: PreviousAnswer | undefined;
}

/** Last time's answer to a question, per voice, with how it moved since. */
export interface PreviousAnswer {
  /** The previous record's session date. */
  readonly date: string | undefined;
  readonly voices: readonly { readonly perspective: string | undefined; readonly value: AnswerValue | undefined; readonly direction: Direction }[];
}

/** An open action of the previous record's plan, offered to carry into this one. */
export interface PreviousActionView {
  readonly objectiveId: string;
  readonly objectiveText: string;
  readonly action: Action;
  /** Already in this record's plan (same objective text, same action). */
  readonly carried: boolean;
}

/** A tally under a section: counts per level and the status. */
export interface TallyLine {
  readonly rule: TallyRule;
  readonly entry: TallyEntry;
}

export interface PlanView {
  readonly ctx: FormContext;
  readonly section: Section;
  readonly plan: ActionPlan;
  readonly messages: Messages;
  /** The previous record's open actions for this section, and its date. */
  readonly previous: { readonly date: string | undefined; readonly actions: readonly PreviousActionView[] } | undefined;
}

export interface SectionView {
  readonly ctx: FormContext;
  readonly section: Section;
  /** A top-level section (a heading of level 3), or a nested one. */
  readonly top: boolean;
  /** The visible items, in order. */
  readonly items: readonly ItemView[];
  /** The visible nested sections. */
  readonly sections: readonly SectionView[];
  readonly tallies: readonly TallyLine[];
  readonly plan: PlanView | undefined;
}

/** A participant just removed, who can be put back. */
export interface RemovedParticipant {
  readonly participant: Participant;
  /** Where it was in the list (0-based). */
  readonly index: number;
}

export interface SessionView {
  readonly ctx: FormContext;
  readonly spec: SessionSpec;
  readonly session: SessionData;
  readonly messages: Messages;
  /** The participant last removed, announced with a way to put it back. */
  readonly removed: RemovedParticipant | undefined;
}

export interface AgeBandView {
  readonly ctx: FormContext;
  readonly bands: readonly AgeBand[];
  readonly current: string | undefined;
  readonly messages: Messages;
}

/** A row of the summary's progress table (a visible top-level section). */
export interface ProgressRow {
  readonly ctx: FormContext;
  readonly section: Section;
  readonly progress: Progress;
  /** Open actions in the section and its nested ones; undefined when the instrument has no plans. */
  readonly open: number | undefined;
}

export interface TallyRow {
  readonly ctx: FormContext;
  readonly rule: TallyRule;
  readonly sectionId: string;
  readonly entry: TallyEntry;
}

export interface TallyTable {
  readonly rule: TallyRule;
  readonly rows: readonly TallyRow[];
  /** How many sections got each status. */
  readonly statuses: Readonly<Record<string, number>>;
}

export interface SummaryView {
  readonly ctx: FormContext;
  readonly overall: Progress;
  readonly rows: readonly ProgressRow[];
  readonly withPlans: boolean;
  readonly tallies: readonly TallyTable[];
  readonly disagreements: number;
  /** Answers kept but not shown (another band, a hidden or removed question). */
  readonly kept: number;
  /** The percentage counts required questions only (the instrument's completion basis). */
  readonly byRequired: boolean;
  /** Since the previous record, per top-level section: what improved, worsened, is new (item ids). */
  readonly comparison: { readonly date: string | undefined; readonly rows: readonly ComparisonRow[] } | undefined;
}

export interface ComparisonRow {
  readonly section: Section;
  readonly improved: readonly string[];
  readonly worsened: readonly string[];
  readonly newlyAnswered: readonly string[];
}

/** An entry of the error summary: a link to a field, and what it says. */
export interface ErrorEntry {
  /** The field the link goes to (for a group, its first problem). */
  readonly field: FieldRef;
  /** The link's text: the field and its problem, or the group and how many problems it has. */
  readonly text: string;
}

/**
 * The error summary after a failed submit. With few problems, one link per problem (the GOV.UK
 * pattern); with more, one link per part of the form (a top-level section, the meeting, the age
 * band) to its first problem, with their count: a long list would push its own heading off the
 * screen and be read in full, while each field still shows its own message.
 */
export interface ErrorSummaryView {
  /** How many problems in all. */
  readonly count: number;
  readonly grouped: boolean;
  readonly entries: readonly ErrorEntry[];
}

/** Up to this many problems, the summary lists each one. */
export const ERROR_SUMMARY_MAX_LINKS = 5;

/** A section in the navigator of `layout="sections"`. */
export interface NavEntry {
  readonly section: Section;
  readonly progress: Progress | undefined;
  readonly invalid: boolean;
}

export interface FormView {
  readonly ctx: FormContext;
  readonly header: HeaderView;
  readonly session: SessionView | undefined;
  readonly ageBand: AgeBandView | undefined;
  /** The visible top-level sections. */
  readonly sections: readonly SectionView[];
  /** One section at a time (`layout="sections"` with more than one section). */
  readonly stepwise: boolean;
  /** Index of the section shown in stepwise layout. */
  readonly current: number;
  readonly nav: readonly NavEntry[];
  /** The navigator's menu is open (it folds on a narrow screen). */
  readonly navOpen: boolean;
  readonly summary: SummaryView;
  /** The error summary, once a submit was tried and while problems remain. */
  readonly errors: ErrorSummaryView | undefined;
  /** When the current answers were last submitted (ISO date-time), until something changes. */
  readonly submittedAt: string | undefined;
  /** The host's save of a submitted result (`waitUntil`): still running, or failed. */
  readonly handover: 'sending' | 'failed' | undefined;
  /** A draft found on load and offered to the person (restore or discard). */
  readonly draftOffer: { readonly savedAt: string } | undefined;
}

export interface BuildInput {
  readonly engine: EngineReader;
  /** The issues a person is shown now (see Interaction). */
  readonly shown: readonly Issue[];
  /** Whether a submit was tried: the error summary is shown. */
  readonly submitted: boolean;
  readonly locale: Locale;
  readonly readonly: boolean;
  readonly disabled: boolean;
  readonly headingLevel: number;
  readonly stepwise: boolean;
  readonly current: number;
  /** The navigator's menu is open (narrow screens). */
  readonly navOpen?: boolean;
  /** The participant last removed (see RemovedParticipant). */
  readonly removed?: RemovedParticipant | undefined;
  readonly submittedAt?: string | undefined;
  readonly handover?: 'sending' | 'failed' | undefined;
  readonly draftOffer?: { readonly savedAt: string } | undefined;
  /** The previous record, read with the instrument's version policy (see PreviousController). */
  readonly previous?: EngineReader | undefined;
  /** The parts that show it, once their chunk is there (src/elements/form/previous-chunk.ts); given only with `previous`. */
  readonly previousParts?: FormContext['previousParts'];
}

