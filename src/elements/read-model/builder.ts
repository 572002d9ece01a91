import type { AnswerChange, Comparison } from '../../analysis/compare.js';
import { comparisons } from '../parsers.js';
import type { Model } from '../../engine/model.js';
import { own } from '../../engine/records.js';
import type { Item, Section } from '../../schema/instrument.js';
import { encodeKey } from '../../schema/keys.js';
import type { ActionPlan, Answer, Progress, Summaries, TallyEntry } from '../../schema/result.js';
import { issueMessage } from '../../localize/messages.js';
import { errorSummaryOf } from './error-summary.js';
import { groupShown, type ShownIssues } from './issues.js';
import { placesOf } from './naming.js';
import type {
  BuildInput,
  EngineReader,
  FormContext,
  FormView,
  HeaderView,
  ItemView,
  Messages,
  PlanView,
  PreviousAnswer,
  PreviousActionView,
  ProgressRow,
  SectionView,
  SessionView,
  AgeBandView,
  RemovedParticipant,
  SummaryView,
  TallyLine,
  TallyRow,
  TallyTable,
} from './views.js';

const NO_MESSAGES: Messages = new Map();

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Builds the read model, reusing every view of the previous build that did not change. One builder
 * per element; it starts over when the instrument changes. (It used to skip walking the top-level
 * sections no engine change could reach; `npm run bench` showed no gain from it, so it went.)
 */
export class ReadModelBuilder {
  /** The previous record of the build under way. */
  private previous?: EngineReader;
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
  /** The comparison with the previous record, while neither record changed. */
  private compared?: { previous: EngineReader; summaries: Summaries; comparison: Comparison; byItem: Map<string, AnswerChange[]>; view: SummaryView['comparison'] };
  /** The previous record each plan view was made with. */
  private plansPrevious = new Map<string, EngineReader | undefined>();

  build(input: BuildInput): FormView {
    const { engine } = input;
    const model = engine.model;
    if (model !== this.model) this.forget(model);
    const ctx = this.context(input);
    this.previous = input.previous;
    const summaries = engine.summaries();
    if (input.previous) this.compare(engine, input.previous, summaries);
    const shown = groupShown(input.shown, model);
    const messages = this.messagesOf(shown, input, model);
    const disagreements = new Set(summaries.disagreements);
    const sections = engine.instrument.sections
      .filter((s) => engine.isVisible(s.id))
      .map((s) => this.section(engine, ctx, summaries, messages, disagreements, s, true));
    const current = Math.max(0, Math.min(input.current, sections.length - 1));
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
        invalid: shown.byPart.has(v.section.id),
      })),
      summary: this.summary(engine, ctx, summaries),
      errors: input.submitted && input.shown.length ? errorSummaryOf(ctx, shown, placesOf(engine)) : undefined,
      submittedAt: input.submittedAt,
      handover: input.handover,
      draftOffer: input.draftOffer,
    };
  }

  private forget(model: Model): void {
    this.model = model;
    this.ctx = undefined;
    this.header = undefined;
    this.session = undefined;
    this.ageBand = undefined;
    for (const memo of [this.messages, this.items, this.itemsPrevious, this.sectionViews, this.plans, this.plansPrevious, this.tallyLines, this.progressRows, this.tallyRows]) memo.clear();
    this.compared = undefined;
  }

  private context({ engine, locale, readonly, disabled, headingLevel, previousParts }: BuildInput): FormContext {
    const c = this.ctx;
    if (
      c &&
      c.model === engine.model &&
      c.dates === engine &&
      c.locale === locale &&
      c.readonly === readonly &&
      c.disabled === disabled &&
      c.headingLevel === headingLevel &&
      c.previousParts === previousParts
    )
      return c;
    return (this.ctx = { model: engine.model, dates: engine, locale, readonly, disabled, headingLevel, previousParts });
  }

  /** The shown messages grouped by the part that shows them; a group keeps its map while its messages stay the same. */
  private messagesOf(shown: ShownIssues, { locale }: BuildInput, model: Model): (owner: string) => Messages {
    const kept = new Map<string, { signature: string; map: Messages }>();
    for (const [owner, issues] of shown.byOwner) {
      const map = new Map<string, string>();
      for (const issue of issues) {
        const key = encodeKey(issue.field);
        if (!map.has(key)) map.set(key, issueMessage(issue, model, locale));
      }
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
    const view: ItemView = { ctx, item, answer, messages: mine, disagreement, number, previous: previous && this.previousAnswer(previous, item) };
    this.itemsPrevious.set(item.id, last);
    this.items.set(item.id, view);
    return view;
  }

  /** Last time's answer to an item, per voice, and how it moved (the comparison's answer); undefined when it had none. */
  private previousAnswer(previous: EngineReader, item: Item): PreviousAnswer | undefined {
    const changes = this.compared?.byItem.get(item.id);
    const voices = (item.perspectives ?? [undefined]).map((perspective) => {
      const change = changes?.find((c) => c.perspective === perspective);
      return { perspective, value: change?.previous, direction: change?.direction ?? 'unchanged' };
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
    if (before && before.ctx === ctx && before.section === section && before.plan === plan && before.messages === mine && this.plansPrevious.get(section.id) === previous)
      return before;
    const view: PlanView = { ctx, section, plan, messages: mine, previous: previous && this.previousActions(previous, section.id, plan) };
    this.plans.set(section.id, view);
    this.plansPrevious.set(section.id, previous);
    return view;
  }

  /** The previous record's open actions of a section (the comparison's answer), and whether each is already in this plan. */
  private previousActions(previous: EngineReader, sectionId: string, plan: ActionPlan): PlanView['previous'] {
    const actions: PreviousActionView[] = [];
    for (const { sectionId: id, objectiveId, objectiveText, action, open } of this.compared?.comparison.previousActions ?? [])
      if (id === sectionId && open)
        actions.push({
          objectiveId,
          objectiveText,
          action,
          carried: plan.objectives.some((o) => o.text === objectiveText && o.actions.some((a) => a.what === action.what)),
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

  /** Compares with the previous record (again when either record changed): items, plans and the summary read it. */
  private compare(engine: EngineReader, previous: EngineReader, summaries: Summaries): void {
    if (this.compared?.previous === previous && this.compared.summaries === summaries) return;
    // Loaded before any previous record is read (PreviousController): an element has none without it.
    const comparison = comparisons.loaded()!.compareRecords([previous, engine]);
    const byItem = new Map<string, AnswerChange[]>();
    for (const change of comparison.changes) byItem.set(change.itemId, [...(byItem.get(change.itemId) ?? []), change]);
    const rows = engine.instrument.sections
      .filter((section) => engine.isVisible(section.id))
      .map((section) => {
        const found = comparison.sections.find((x) => x.sectionId === section.id)!;
        return { section, improved: found.improved, worsened: found.worsened, newlyAnswered: found.newlyAnswered };
      });
    this.compared = { previous, summaries, comparison, byItem, view: { date: previous.session.date, rows } };
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
      comparison: this.previous && this.compared?.view,
    };
  }
}

function sameEntry(a: TallyEntry, b: TallyEntry): boolean {
  if (a.status !== b.status || a.counted !== b.counted || a.missing !== b.missing || a.unanswered !== b.unanswered) return false;
  for (const code in b.counts) if (a.counts[code] !== b.counts[code]) return false;
  return true;
}

const sameProgress = (a: Progress, b: Progress) =>
  a.answered === b.answered && a.total === b.total && a.required === b.required && a.requiredAnswered === b.requiredAnswered && a.percent === b.percent;
