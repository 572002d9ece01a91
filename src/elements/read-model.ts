import { compareResults, directionOf, type Direction } from '../analysis/compare.js';
import type { Engine, EngineChange } from '../engine/create-engine.js';
import { topSectionOf, type Model } from '../engine/model.js';
import type { Issue } from '../engine/validation.js';
import type { AnswerValue } from '../schema/common.js';
import { OPEN_ACTION_STATUSES, type Locale } from '../schema/enums.js';
import type { AgeBand, Item, Section, SessionSpec, TallyRule } from '../schema/instrument.js';
import { encodeKey, itemOf, planOf, type FieldRef } from '../schema/keys.js';
import type { Action, ActionPlan, Answer, Participant, Progress, SessionData, Summaries, TallyEntry } from '../schema/result.js';
import { formatNumber, tx } from '../localize/format.js';
import { fieldName, issueMessage, type FieldPlaces } from '../localize/messages.js';
import { msg, str } from '@lit/localize';
import { own } from '../engine/records.js';

/**
 * The read model: everything the parts render, as plain read-only data built from the engine and the
 * element's interaction state. Parts receive these views and nothing else, so a part cannot change
 * the engine. Views are kept between builds while nothing they hold changed (same object), so a
 * part's `guard` depends on its view alone: an unchanged view is not rendered again.
 */

/** What the engine offers to read; the builder never calls a command. */
export type EngineReader = Pick<
  Engine,
  'instrument' | 'model' | 'answer' | 'session' | 'ageBand' | 'actionPlan' | 'isVisible' | 'validate' | 'summaries' | 'subscribe' | 'toResult' | 'typedDate'
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
}

const NO_MESSAGES: Messages = new Map();

/** The top-level section a field is in (items, voices, comments and action plans); undefined for others. */
export function topSectionOfField(model: Model, field: FieldRef): string | undefined {
  const id = itemOf(field) ?? planOf(field);
  return id !== undefined && model.parent.has(id) ? topSectionOf(model, id) : undefined;
}

/** Where each participant, objective and action stands in its list, as the form numbers them. */
export function placesOf(engine: Pick<EngineReader, 'session' | 'actionPlan'>): FieldPlaces {
  const at = <T extends { id: string }>(list: readonly T[] | undefined, id: string) => {
    const i = list?.findIndex((x) => x.id === id) ?? -1;
    return i >= 0 ? i + 1 : undefined;
  };
  const objectives = (sectionId: string) => engine.actionPlan(sectionId).objectives;
  return {
    participant: (id) => at(engine.session.participants, id),
    objective: (sectionId, id) => at(objectives(sectionId), id),
    action: (sectionId, objectiveId, id) => at(objectives(sectionId).find((o) => o.id === objectiveId)?.actions, id),
  };
}

/** The name of a field as a person reads it, with the voice for a perspective (in the current msg() locale). */
export function fieldLabel(field: FieldRef, model: Model, locale: Locale, places?: FieldPlaces): string {
  const name = fieldName(field, model, locale, places);
  const voice = field.kind === 'voice' ? tx(model.perspective.get(field.perspective)?.label, locale) : '';
  return voice ? `${name} (${voice})` : name;
}

/** Which part shows a field's messages: its item, its plan, the session or the age band. */
function ownerOf(field: FieldRef): string {
  const item = itemOf(field);
  if (item !== undefined) return `item:${item}`;
  const plan = planOf(field);
  if (plan !== undefined) return `plan:${plan}`;
  return field.kind === 'age-band' ? 'age-band' : 'session';
}

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Builds the read model, reusing every view of the previous build that did not change. One builder
 * per element; it starts over when the instrument changes. It listens to the engine it reads: a
 * top-level section that no change since the last build can reach (an answer inside it that no
 * condition reads, its action plans) and whose messages are the same is reused without being walked.
 */
export class ReadModelBuilder {
  private engine?: EngineReader;
  /** The previous record of the build under way. */
  private previous?: EngineReader;
  private unsubscribe?: () => void;
  /** Top-level sections a change may have reached since the last build; `all` for any. */
  private reached = new Set<string>();
  private reachedAll = true;
  /** Per top-level section, the shown messages of its fields, as text (what the last build showed). */
  private sectionMessages = new Map<string, string>();
  private model?: Model;
  private ctx?: FormContext;
  private header?: HeaderView;
  private messages = new Map<string, { signature: string; map: Messages }>();
  private items = new Map<string, ItemView>();
  private sectionViews = new Map<string, SectionView>();
  private plans = new Map<string, PlanView>();
  private tallyLines = new Map<string, TallyLine>();
  private session?: SessionView;
  private ageBand?: AgeBandView;
  private progressRows = new Map<string, ProgressRow>();
  private tallyRows = new Map<string, TallyRow>();
  /** Last time's answer each item view was made with. */
  private itemsPrevious = new Map<string, Answer | undefined>();
  private compared?: { previous: EngineReader; summaries: Summaries; view: SummaryView['comparison'] };

  build(input: BuildInput): FormView {
    const { engine } = input;
    const model = engine.model;
    if (model !== this.model) this.forget(model);
    if (engine !== this.engine) this.watch(engine);
    const before = this.ctx;
    const ctx = this.context(input);
    if (input.previous !== this.previous) this.reachedAll = true;
    this.previous = input.previous;
    const summaries = engine.summaries();
    const messages = this.messagesOf(input, model);
    const disagreements = new Set(summaries.disagreements);
    const section = (s: Section, top: boolean): SectionView => this.section(engine, ctx, summaries, messages, disagreements, s, top);
    const messagesIn = this.messagesBySection(input.shown, model);
    const all = this.reachedAll || ctx !== before;
    const sections = engine.instrument.sections
      .filter((s) => engine.isVisible(s.id))
      .map((s) => {
        const kept = this.sectionViews.get(s.id);
        const same = !all && kept !== undefined && !this.reached.has(s.id) && (messagesIn.get(s.id) ?? '') === (this.sectionMessages.get(s.id) ?? '');
        return same ? kept : section(s, true);
      });
    this.reached = new Set();
    this.reachedAll = false;
    this.sectionMessages = messagesIn;
    const current = Math.max(0, Math.min(input.current, sections.length - 1));
    const invalidSections = new Set<string>();
    for (const issue of input.shown) {
      const top = topSectionOfField(model, issue.field);
      if (top !== undefined) invalidSections.add(top);
    }
    return {
      ctx,
      header: (this.header = this.header?.ctx === ctx ? this.header : { ctx, hasRequired: !!engine.instrument.session || model.items.some((i) => i.required) }),
      session: this.sessionView(engine, ctx, messages, input.removed),
      ageBand: this.ageBandView(engine, ctx, messages),
      sections,
      stepwise: input.stepwise && sections.length > 1,
      current,
      navOpen: input.navOpen ?? false,
      nav: sections.map((v) => ({
        section: v.section,
        progress: own(summaries.progress.sections, v.section.id),
        invalid: invalidSections.has(v.section.id),
      })),
      summary: this.summary(engine, ctx, summaries),
      errors: input.submitted && input.shown.length ? errorSummaryOf(ctx, input.shown, placesOf(engine)) : undefined,
      submittedAt: input.submittedAt,
      handover: input.handover,
      draftOffer: input.draftOffer,
    };
  }

  /** Follows what changes in the engine now read. */
  private watch(engine: EngineReader): void {
    this.unsubscribe?.();
    this.engine = engine;
    this.reachedAll = true;
    this.unsubscribe = engine.subscribe((change) => this.note(engine.model, change));
  }

  /** Which top-level sections a change of the engine can reach. */
  private note(model: Model, change: EngineChange): void {
    if (change.type === 'answer' && !model.conditionSources.has(change.itemId)) this.reached.add(topSectionOf(model, change.itemId));
    else if (change.type === 'plan') this.reached.add(topSectionOf(model, change.sectionId));
    else if (change.type === 'answer' || change.type === 'age-band' || change.type === 'load') this.reachedAll = true;
  }

  /** The shown messages of each top-level section's fields, as one text per section. */
  private messagesBySection(shown: readonly Issue[], model: Model): Map<string, string> {
    const out = new Map<string, string>();
    for (const issue of shown) {
      const top = topSectionOfField(model, issue.field);
      if (top !== undefined) out.set(top, `${out.get(top) ?? ''}${encodeKey(issue.field)}\u0000${issue.code}\u0000${JSON.stringify(issue.params ?? {})}\u0000`);
    }
    return out;
  }

  private forget(model: Model): void {
    this.model = model;
    this.reachedAll = true;
    this.ctx = undefined;
    this.header = undefined;
    this.session = undefined;
    this.ageBand = undefined;
    for (const memo of [this.messages, this.items, this.itemsPrevious, this.sectionViews, this.plans, this.tallyLines, this.progressRows, this.tallyRows]) memo.clear();
    this.compared = undefined;
  }

  private context({ engine, locale, readonly, disabled, headingLevel }: BuildInput): FormContext {
    const c = this.ctx;
    if (c && c.model === engine.model && c.dates === engine && c.locale === locale && c.readonly === readonly && c.disabled === disabled && c.headingLevel === headingLevel)
      return c;
    return (this.ctx = { model: engine.model, dates: engine, locale, readonly, disabled, headingLevel });
  }

  /** The shown messages grouped by the part that shows them; a group keeps its map while its messages stay the same. */
  private messagesOf({ shown, locale }: BuildInput, model: Model): (owner: string) => Messages {
    const groups = new Map<string, Map<string, string>>();
    for (const issue of shown) {
      const owner = ownerOf(issue.field);
      let group = groups.get(owner);
      if (!group) groups.set(owner, (group = new Map()));
      const key = encodeKey(issue.field);
      if (!group.has(key)) group.set(key, issueMessage(issue, model, locale));
    }
    const kept = new Map<string, { signature: string; map: Messages }>();
    for (const [owner, map] of groups) {
      let signature = '';
      for (const [key, message] of map) signature += `${key}\u0000${message}\u0000`;
      const before = this.messages.get(owner);
      kept.set(owner, before?.signature === signature ? before : { signature, map });
    }
    this.messages = kept;
    return (owner) => kept.get(owner)?.map ?? NO_MESSAGES;
  }

  private section(
    engine: EngineReader,
    ctx: FormContext,
    summaries: Summaries,
    messages: (owner: string) => Messages,
    disagreements: ReadonlySet<string>,
    section: Section,
    top: boolean,
  ): SectionView {
    const items: ItemView[] = [];
    for (const item of section.items ?? []) if (engine.isVisible(item.id)) items.push(this.item(engine, ctx, messages, disagreements, item));
    const sections: SectionView[] = [];
    for (const sub of section.sections ?? [])
      if (engine.isVisible(sub.id)) sections.push(this.section(engine, ctx, summaries, messages, disagreements, sub, false));
    const tallies = this.tallies(engine, summaries, section);
    const plan = section.actionPlan ? this.plan(engine, ctx, messages, section) : undefined;
    const before = this.sectionViews.get(section.id);
    if (
      before &&
      before.ctx === ctx &&
      before.section === section &&
      before.plan === plan &&
      sameList(before.items, items) &&
      sameList(before.sections, sections) &&
      sameList(before.tallies, tallies)
    )
      return before;
    const view: SectionView = { ctx, section, top, items, sections, tallies, plan };
    this.sectionViews.set(section.id, view);
    return view;
  }

  private item(
    engine: EngineReader,
    ctx: FormContext,
    messages: (owner: string) => Messages,
    disagreements: ReadonlySet<string>,
    item: Item,
  ): ItemView {
    const answer = engine.answer(item.id);
    const mine = messages(`item:${item.id}`);
    const disagreement = disagreements.has(item.id);
    const before = this.items.get(item.id);
    const previous = this.previous;
    const last = previous?.answer(item.id);
    // Last time's answer is compared by identity: another previous record gives other objects.
    const same = this.itemsPrevious.get(item.id) === last;
    if (before && same && before.ctx === ctx && before.item === item && before.answer === answer && before.messages === mine && before.disagreement === disagreement)
      return before;
    const number = engine.instrument.numbering === 'items' ? engine.model.itemNumber.get(item.id) : undefined;
    const view: ItemView = { ctx, item, answer, messages: mine, disagreement, number, previous: previous && this.previousAnswer(previous, item, answer) };
    this.itemsPrevious.set(item.id, last);
    this.items.set(item.id, view);
    return view;
  }

  /** Last time's answer to an item, per voice, and how it moved; undefined when it had none. */
  private previousAnswer(previous: EngineReader, item: Item, answer: Answer | undefined): PreviousAnswer | undefined {
    const last = previous.answer(item.id);
    const voices = (item.perspectives ?? [undefined]).map((perspective) => {
      const value = perspective ? own(last?.perspectives, perspective)?.value : last?.value;
      const now = perspective ? own(answer?.perspectives, perspective)?.value : answer?.value;
      return { perspective, value, direction: directionOf(previous.model, item, value, now) };
    });
    return voices.some((v) => v.value !== undefined) ? { date: previous.session.date, voices } : undefined;
  }

  /** The tally lines under a section with at least two tallied items. */
  private tallies(engine: EngineReader, summaries: Summaries, section: Section): TallyLine[] {
    const lines: TallyLine[] = [];
    for (const rule of engine.instrument.summary?.tallies ?? []) {
      const entry = own(own(summaries.tallies, rule.id)?.sections, section.id);
      if (!entry || entry.counted + entry.missing + entry.unanswered < 2) continue;
      const key = `${rule.id}\u0000${section.id}`;
      const before = this.tallyLines.get(key);
      if (before && before.rule === rule && sameEntry(before.entry, entry)) lines.push(before);
      else {
        const line = { rule, entry };
        this.tallyLines.set(key, line);
        lines.push(line);
      }
    }
    return lines;
  }

  private plan(engine: EngineReader, ctx: FormContext, messages: (owner: string) => Messages, section: Section): PlanView {
    const plan = engine.actionPlan(section.id);
    const mine = messages(`plan:${section.id}`);
    const before = this.plans.get(section.id);
    const previous = this.previous;
    if (before && before.ctx === ctx && before.section === section && before.plan === plan && before.messages === mine && (before.previous === undefined) === (previous === undefined))
      return before;
    const view: PlanView = { ctx, section, plan, messages: mine, previous: previous && this.previousActions(previous, section.id, plan) };
    this.plans.set(section.id, view);
    return view;
  }

  /** The previous record's open actions of a section, and whether each is already in this plan. */
  private previousActions(previous: EngineReader, sectionId: string, plan: ActionPlan): PlanView['previous'] {
    const actions: PreviousActionView[] = [];
    for (const objective of previous.actionPlan(sectionId).objectives)
      for (const action of objective.actions)
        if (OPEN_ACTION_STATUSES.includes(action.status))
          actions.push({
            objectiveId: objective.id,
            objectiveText: objective.text,
            action,
            carried: plan.objectives.some((o) => o.text === objective.text && o.actions.some((a) => a.what === action.what)),
          });
    return actions.length ? { date: previous.session.date, actions } : undefined;
  }

  private sessionView(engine: EngineReader, ctx: FormContext, messages: (owner: string) => Messages, removed: RemovedParticipant | undefined): SessionView | undefined {
    const spec = engine.instrument.session;
    if (!spec) return undefined;
    const session = engine.session;
    const mine = messages('session');
    const b = this.session;
    if (b && b.ctx === ctx && b.spec === spec && b.session === session && b.messages === mine && b.removed === removed) return b;
    return (this.session = { ctx, spec, session, messages: mine, removed });
  }

  private ageBandView(engine: EngineReader, ctx: FormContext, messages: (owner: string) => Messages): AgeBandView | undefined {
    const bands = engine.instrument.ageBands;
    if (!bands) return undefined;
    const current = engine.ageBand;
    const mine = messages('age-band');
    const b = this.ageBand;
    if (b && b.ctx === ctx && b.bands === bands && b.current === current && b.messages === mine) return b;
    return (this.ageBand = { ctx, bands, current, messages: mine });
  }

  /** What moved since the previous record, per top-level section (recomputed when the answers change). */
  private comparison(engine: EngineReader, previous: EngineReader): SummaryView['comparison'] {
    const summaries = engine.summaries();
    if (this.compared?.previous === previous && this.compared.summaries === summaries) return this.compared.view;
    const c = compareResults(engine.instrument, [previous.toResult(), engine.toResult()]);
    const rows = engine.instrument.sections
      .filter((section) => engine.isVisible(section.id))
      .map((section) => {
        const found = c.sections.find((x) => x.sectionId === section.id)!;
        return { section, improved: found.improved, worsened: found.worsened, newlyAnswered: found.newlyAnswered };
      });
    const view = { date: previous.session.date, rows };
    this.compared = { previous, summaries, view };
    return view;
  }

  private summary(engine: EngineReader, ctx: FormContext, summaries: Summaries): SummaryView {
    const model = engine.model;
    const withPlans = model.sections.some((s) => s.actionPlan);
    const rows: ProgressRow[] = [];
    for (const section of engine.instrument.sections) {
      const progress = own(summaries.progress.sections, section.id);
      if (!progress) continue;
      const open = withPlans
        ? [section, ...(section.sections ?? [])].reduce((sum, x) => sum + (own(summaries.actions, x.id)?.open ?? 0), 0)
        : undefined;
      const before = this.progressRows.get(section.id);
      if (before && before.ctx === ctx && before.section === section && before.open === open && sameProgress(before.progress, progress)) rows.push(before);
      else {
        const row = { ctx, section, progress, open };
        this.progressRows.set(section.id, row);
        rows.push(row);
      }
    }
    const tallies: TallyTable[] = [];
    for (const rule of engine.instrument.summary?.tallies ?? []) {
      const tally = own(summaries.tallies, rule.id);
      if (!tally) continue;
      const tallyRows = Object.entries(tally.sections).map(([sectionId, entry]) => {
        const key = `${rule.id}\u0000${sectionId}`;
        const before = this.tallyRows.get(key);
        if (before && before.ctx === ctx && before.rule === rule && sameEntry(before.entry, entry)) return before;
        const row = { ctx, rule, sectionId, entry };
        this.tallyRows.set(key, row);
        return row;
      });
      tallies.push({ rule, rows: tallyRows, statuses: tally.statuses });
    }
    return {
      ctx,
      overall: summaries.progress.overall,
      rows,
      withPlans,
      tallies,
      disagreements: summaries.disagreements.length,
      kept: summaries.outOfScope.length + summaries.unknownItems.length,
      byRequired: model.instrument.summary?.completion === 'required',
      comparison: this.previous && this.comparison(engine, this.previous),
    };
  }

}

/** The error summary's entries, one per problem or one per part of the form (see ErrorSummaryView). */
function errorSummaryOf(ctx: FormContext, shown: readonly Issue[], places: FieldPlaces): ErrorSummaryView {
  const { model, locale } = ctx;
  const problem = (issue: Issue) => `${fieldLabel(issue.field, model, locale, places)} — ${issueMessage(issue, model, locale)}`;
  if (shown.length <= ERROR_SUMMARY_MAX_LINKS)
    return { count: shown.length, grouped: false, entries: shown.map((issue) => ({ field: issue.field, text: problem(issue) })) };
  const groups = new Map<string, Issue[]>();
  for (const issue of shown) {
    const top = topSectionOfField(model, issue.field);
    const key = top ?? (issue.field.kind === 'age-band' ? 'age-band' : 'session');
    groups.set(key, [...(groups.get(key) ?? []), issue]);
  }
  const entries = [...groups].map(([key, issues]): ErrorEntry => {
    const title =
      key === 'session'
        ? msg('La rencontre', { id: 'session.legend' })
        : key === 'age-band'
          ? msg('Tranche d’âge', { id: 'field.age-band' })
          : tx(model.section.get(key)?.title, locale);
    const count = issues.length === 1 ? msg('1 problème', { id: 'error-summary.one' }) : msg(str`${formatNumber(issues.length, locale)} problèmes`, { id: 'error-summary.many' });
    return { field: issues[0]!.field, text: `${title} — ${count}` };
  });
  return { count: shown.length, grouped: true, entries };
}

function sameEntry(a: TallyEntry, b: TallyEntry): boolean {
  if (a.status !== b.status || a.counted !== b.counted || a.missing !== b.missing || a.unanswered !== b.unanswered) return false;
  for (const code in b.counts) if (a.counts[code] !== b.counts[code]) return false;
  return true;
}

const sameProgress = (a: Progress, b: Progress) =>
  a.answered === b.answered && a.total === b.total && a.required === b.required && a.requiredAnswered === b.requiredAnswered && a.percent === b.percent;
