import type { AnswerValue } from '../schema/common.js';
import type { Locale } from '../schema/enums.js';
import type { AgeBand, Instrument, Item } from '../schema/instrument.js';
import type { Parsed } from '../schema/parse.js';
import type { Action, ActionPlan, Answer, Objective, Participant, Result, ResumableResult, SessionData, Summaries } from '../schema/result.js';
import { ageBandFor, isIsoDate } from './age-bands.js';
import { readDateParts, yearInRange, type DateParts } from './dates.js';
import { answerRef, encodeKey, itemIdOf, type FieldRef } from '../schema/keys.js';
import { isEmptyAnswer, isPresent } from './answers.js';
import { EngineError } from './errors.js';
import { modelOf, type Model } from './model.js';
import { computeSummaries, type CountsCache } from './summaries.js';
import { type Issue, issueOf, type TypedDateCheck, validateItem, validatePlans, validateSession } from './validation.js';
import { computeVisibility } from './visibility.js';
import { own } from './records.js';
import { adoptResult } from './versions.js';

/** The plan of a section nobody planned for yet: shared, so that it compares equal between renders. */
const NO_PLAN: ActionPlan = Object.freeze({ objectives: [] });

export interface EngineOptions {
  /** Locale recorded in results (default `fr`). */
  locale?: Locale;
  /** Age band chosen explicitly; wins over the dates. */
  ageBand?: string;
  /** With `sessionDate`, selects the age band. The birth date itself is never stored. */
  birthDate?: string;
  sessionDate?: string;
  /** A result to resume (see `load`). */
  result?: unknown;
  /** Clock for timestamps (tests). */
  now?: () => Date;
}

export type EngineChange =
  | { type: 'answer'; itemId: string; perspective?: string }
  | { type: 'age-band' }
  | { type: 'session' }
  | { type: 'plan'; sectionId: string }
  | { type: 'locale' }
  | { type: 'load' };

export interface AnswerTarget {
  /** The voice answering, for items that collect perspectives (required there), or who answered otherwise. */
  perspective?: string;
}

interface State {
  answers: Readonly<Record<string, Answer>>;
  session: SessionData;
  plans: Readonly<Record<string, ActionPlan>>;
  ageBand: string | undefined;
  locale: Locale;
  createdAt: string;
  updatedAt: string;
}

/**
 * The format's check of a result to resume (`parseResumable`, zod). Given to the engine when it is
 * made, so that this module does not import zod: `createEngine` gives it (create-engine.ts); the
 * elements give the same parser, which they load only when a result or an instrument comes from
 * outside (elements/parsers.ts).
 */
export type ResultCheck = (input: unknown) => Parsed<ResumableResult>;

type ParticipantFields = Omit<Participant, 'id'>;
type ActionFields = Omit<Action, 'id'>;

/**
 * The state of one filled instrument and every rule about it: answers per item and perspective,
 * age band, session details, action plans, visibility, validation issues, summaries, results.
 * Plain TypeScript, no DOM; elements render what it decides. When a person sees an issue (touched
 * fields, a submit tried) is interaction state, kept by the element (elements/form/interaction.ts).
 */
export class Engine {
  readonly instrument: Instrument;
  readonly model: Model;
  private state: State;
  private readonly now: () => Date;
  private readonly listeners = new Set<(change: EngineChange) => void>();
  private idCounter = 0;
  /**
   * Dates as a person typed them in three fields, by field key, kept until the field is given a value
   * another way: what was typed stays on screen, and a typed date that is not one is an issue.
   */
  private typed = new Map<string, { field: FieldRef; parts: DateParts }>();
  /**
   * What is derived from the state, computed when first asked for. An answer clears only what it can
   * change: its own item's issues, and visibility only when a condition reads that item.
   */
  private cache: {
    visible?: ReadonlyMap<string, boolean>;
    issues?: Issue[];
    summaries?: Summaries;
    /** Issues of each item's answer, whether or not the item is visible (they do not depend on it). */
    itemIssues?: Map<string, readonly Issue[]>;
    /** Answered and shown counts per section (summaries). */
    counts?: CountsCache;
  } = {};

  /** Use `createEngine` (it gives the format's check); the elements make theirs with a lazily loaded check. */
  constructor(
    instrument: Instrument,
    options: EngineOptions = {},
    private readonly check: ResultCheck,
  ) {
    this.instrument = instrument;
    this.model = modelOf(instrument);
    this.now = options.now ?? (() => new Date());
    const stamp = this.now().toISOString();
    this.state = {
      answers: {},
      session: {},
      plans: {},
      ageBand: undefined,
      locale: options.locale ?? 'fr',
      createdAt: stamp,
      updatedAt: stamp,
    };
    if (options.result !== undefined) this.load(options.result);
    if (options.ageBand !== undefined) this.setAgeBand(options.ageBand);
    else if (options.birthDate && options.sessionDate) this.setAgeFromDates(options.birthDate, options.sessionDate);
  }

  // ——— reading ———

  get answers(): Readonly<Record<string, Answer>> {
    return this.state.answers;
  }
  answer(itemId: string): Answer | undefined {
    return own(this.state.answers, itemId);
  }
  get ageBand(): string | undefined {
    return this.state.ageBand;
  }
  get session(): SessionData {
    return this.state.session;
  }
  get locale(): Locale {
    return this.state.locale;
  }
  /** A section's plan; the same empty plan object for every section without one. */
  actionPlan(sectionId: string): ActionPlan {
    return own(this.state.plans, sectionId) ?? NO_PLAN;
  }

  /** Whether a section or item is shown now (age band, conditions, parents). */
  isVisible(id: string): boolean {
    return this.visibility().get(id) ?? false;
  }

  /** Every validation issue now: age band, session, visible items, action plans. */
  validate(): readonly Issue[] {
    if (!this.cache.issues) {
      const visible = this.visibility();
      const needsBand = this.model.band.size > 0 && this.state.ageBand === undefined;
      // Most of the time no date is kept as typed: then no field's key is worked out (session, every plan's dates).
      const typed = (field: FieldRef) => {
        if (!this.typed.size) return undefined;
        const entry = this.typed.get(encodeKey(field));
        const problem = entry && readDateParts(entry.parts).problem;
        return problem && { code: problem.code, ...(problem.params ? { params: problem.params } : {}) };
      };
      this.cache.issues = [
        ...(needsBand ? [issueOf({ kind: 'age-band' }, 'required')] : []),
        ...validateSession(this.instrument.session, this.state.session, typed),
        ...this.answerIssues(visible, typed),
        ...validatePlans(this.state.plans, visible, this.state.session.date, typed),
      ];
    }
    return this.cache.issues;
  }

  get valid(): boolean {
    return this.validate().length === 0;
  }

  summaries(): Summaries {
    return (this.cache.summaries ??= computeSummaries({
      model: this.model,
      answers: this.state.answers,
      plans: this.state.plans,
      visible: this.visibility(),
    }, (this.cache.counts ??= new Map())));
  }

  // ——— answers ———

  /** Sets an answer; an empty value (`undefined`, `null`, `''`, `[]`) clears it and keeps the comment. */
  setAnswer(itemId: string, value: AnswerValue | null | undefined, target: AnswerTarget = {}): void {
    const item = this.itemOf(itemId);
    const normalized = normalize(item, value);
    this.forgetTyped(answerRef(itemId, item.perspectives ? target.perspective : undefined));
    this.patchAnswer(item, target, (a) => withField(a, 'value', normalized));
    this.emit({ type: 'answer', itemId, ...(target.perspective ? { perspective: target.perspective } : {}) });
  }

  clearAnswer(itemId: string, target: AnswerTarget = {}): void {
    this.setAnswer(itemId, undefined, target);
  }

  setComment(itemId: string, comment: string | undefined, target: AnswerTarget = {}): void {
    const item = this.itemOf(itemId);
    this.patchAnswer(item, target, (a) => withField(a, 'comment', comment || undefined));
    this.emit({ type: 'answer', itemId, ...(target.perspective ? { perspective: target.perspective } : {}) });
  }

  // ——— age band ———

  setAgeBand(bandId: string | undefined): void {
    if (bandId !== undefined && !this.model.band.has(bandId)) throw new EngineError('unknown-age-band', { ageBand: bandId });
    if (bandId === this.state.ageBand) return;
    this.commit({ ageBand: bandId });
    this.emit({ type: 'age-band' });
  }

  /** Selects the band for a birth date on a session date, and records the session date (not the birth date). */
  setAgeFromDates(birthDate: string, sessionDate: string): AgeBand {
    const band = ageBandFor(this.instrument.ageBands ?? [], birthDate, sessionDate);
    this.commit({ ageBand: band.id, session: { ...this.state.session, date: sessionDate } });
    this.emit({ type: 'age-band' });
    return band;
  }

  // ——— session ———

  /** Updates date, subject id or territory; an empty string removes the field. */
  setSession(patch: Partial<Pick<SessionData, 'date' | 'subjectId' | 'territory'>>): void {
    let session = this.state.session;
    for (const [key, raw] of Object.entries(patch) as [keyof typeof patch, string | undefined][]) {
      const value = raw?.trim() ? raw : undefined;
      if (key === 'date' && value !== undefined && !(isIsoDate(value) && yearInRange(value)))
        throw new EngineError('invalid-date', { field: 'session.date', value });
      if (key === 'date') this.forgetTyped({ kind: 'session', field: 'date' });
      session = withField(session, key, value);
    }
    this.commit({ session });
    this.emit({ type: 'session' });
  }

  addParticipant(fields: ParticipantFields = {}): string {
    const list = this.state.session.participants ?? [];
    const id = this.freshId('p', list.map((p) => p.id));
    this.commit({ session: { ...this.state.session, participants: [...list, clean({ id, ...fields })] } });
    this.emit({ type: 'session' });
    return id;
  }

  updateParticipant(id: string, patch: ParticipantFields): void {
    const list = this.state.session.participants ?? [];
    if (!list.some((p) => p.id === id)) throw new EngineError('invalid-value', { participant: id });
    const participants = list.map((p) => (p.id === id ? clean({ ...p, ...patch }) : p));
    this.commit({ session: { ...this.state.session, participants } });
    this.emit({ type: 'session' });
  }

  removeParticipant(id: string): void {
    const participants = (this.state.session.participants ?? []).filter((p) => p.id !== id);
    this.commit({ session: { ...this.state.session, participants } });
    this.emit({ type: 'session' });
  }

  /** Puts back a participant that was removed, at its place in the list (an undo). */
  restoreParticipant(participant: Participant, index: number): void {
    const list = (this.state.session.participants ?? []).filter((p) => p.id !== participant.id);
    const participants = [...list.slice(0, index), clean({ ...participant }), ...list.slice(index)];
    this.commit({ session: { ...this.state.session, participants } });
    this.emit({ type: 'session' });
  }

  // ——— action plans ———

  addObjective(sectionId: string, text = ''): string {
    const plan = this.planOf(sectionId);
    const id = this.freshId('o', plan.objectives.map((o) => o.id));
    this.setPlan(sectionId, { objectives: [...plan.objectives, { id, text, actions: [] }] });
    return id;
  }

  updateObjective(sectionId: string, objectiveId: string, text: string): void {
    this.mapObjective(sectionId, objectiveId, (o) => ({ ...o, text }));
  }

  removeObjective(sectionId: string, objectiveId: string): void {
    const plan = this.planOf(sectionId);
    this.setPlan(sectionId, { objectives: plan.objectives.filter((o) => o.id !== objectiveId) });
  }

  addAction(sectionId: string, objectiveId: string, fields: Partial<ActionFields> = {}): string {
    const ids = this.planOf(sectionId).objectives.flatMap((o) => o.actions.map((a) => a.id));
    const id = this.freshId('a', ids);
    const action = checkAction({ what: '', status: 'planned', ...fields, id });
    this.mapObjective(sectionId, objectiveId, (o) => ({ ...o, actions: [...o.actions, action] }));
    return id;
  }

  updateAction(sectionId: string, objectiveId: string, actionId: string, patch: Partial<ActionFields>): void {
    for (const field of ['due', 'review'] as const) if (field in patch) this.forgetTyped({ kind: 'action', sectionId, objectiveId, actionId, field });
    this.mapObjective(sectionId, objectiveId, (o) => ({
      ...o,
      actions: o.actions.map((a) => (a.id === actionId ? checkAction({ ...a, ...patch }) : a)),
    }));
  }

  removeAction(sectionId: string, objectiveId: string, actionId: string): void {
    this.mapObjective(sectionId, objectiveId, (o) => ({ ...o, actions: o.actions.filter((a) => a.id !== actionId) }));
  }

  /**
   * A date typed in three fields (day, month, year): of a date item or voice, the session, or an
   * action's due or review date. A real date of a year from 1900 to 2100 is stored as `YYYY-MM-DD`;
   * anything else (a part missing, not digits, 31 February, month 13, a two-digit year) stores no
   * date. Either way what was typed is kept (`typedDate`), and a typed date that is not one is an
   * issue of `validate()`, until the field is given another value.
   */
  enterDate(field: FieldRef, parts: DateParts): void {
    const { value } = readDateParts(parts);
    if (field.kind === 'item' || field.kind === 'voice')
      this.setAnswer(field.itemId, value, field.kind === 'voice' ? { perspective: field.perspective } : {});
    else if (field.kind === 'session' && field.field === 'date') this.setSession({ date: value ?? '' });
    else if (field.kind === 'action' && (field.field === 'due' || field.field === 'review'))
      this.updateAction(field.sectionId, field.objectiveId, field.actionId, { [field.field]: value });
    else throw new EngineError('invalid-value', { field: itemIdOf(field) });
    this.typed.set(encodeKey(field), { field, parts: { day: parts.day, month: parts.month, year: parts.year } });
    this.cache.issues = undefined;
  }

  /** What was typed in a date's three fields, while it is kept (see `enterDate`). */
  typedDate(field: FieldRef): DateParts | undefined {
    return this.typed.get(encodeKey(field))?.parts;
  }

  setLocale(locale: Locale): void {
    if (locale === this.state.locale) return;
    this.state = { ...this.state, locale };
    this.emit({ type: 'locale' });
  }

  // ——— results ———

  /**
   * The result as data, valid against `schemas/result.schema.json`. Its status is `complete` only when
   * asked for and nothing is invalid. Every answer is kept, hidden ones included.
   */
  toResult(options: { complete?: boolean } = {}): Result {
    const { answers, session, plans, ageBand, locale, createdAt, updatedAt } = this.state;
    const kept: Record<string, Answer> = {};
    for (const [id, answer] of Object.entries(answers)) if (!isEmptyAnswer(answer)) kept[id] = answer;
    const result: Result = {
      instrument: { id: this.instrument.id, version: this.instrument.version },
      locale,
      status: options.complete && this.valid ? 'complete' : 'draft',
      ...(ageBand !== undefined ? { ageBand } : {}),
      session,
      answers: kept,
      actionPlans: plans,
      summaries: this.summaries(),
      createdAt,
      updatedAt,
    };
    // A deep copy: the host may change what it receives without touching the engine.
    return JSON.parse(JSON.stringify(result)) as Result;
  }

  /**
   * Resumes from a result of this instrument: of the same MAJOR version, or of an older one the
   * instrument declares a migration from (versions.ts). Throws `invalid-result` (with `problems`),
   * `instrument-mismatch`, `version-mismatch` or `unknown-age-band` and then changes nothing.
   * Answers to unknown or hidden items are kept and reported in the summaries.
   */
  load(input: unknown): void {
    const parsed = this.check(input);
    if (!parsed.ok) throw new EngineError('invalid-result', { problems: parsed.problems });
    this.adopt(parsed.value);
  }

  /**
   * `load` without the format check, for a result already known to follow it: one this engine's
   * `toResult()` gave (an element carrying what was typed over to a new instrument), or one
   * `parseResult` accepted. The version policy and the age band are checked as in `load`.
   */
  adopt(result: ResumableResult): void {
    const r = adoptResult(this.instrument, result);
    if (r.ageBand !== undefined && !this.model.band.has(r.ageBand))
      throw new EngineError('unknown-age-band', { ageBand: r.ageBand });
    const stamp = this.now().toISOString();
    this.state = {
      answers: r.answers,
      session: r.session,
      plans: r.actionPlans,
      ageBand: r.ageBand,
      locale: r.locale ?? this.state.locale,
      createdAt: r.createdAt ?? stamp,
      updatedAt: r.updatedAt ?? stamp,
    };
    this.cache = {};
    this.typed.clear();
    this.emit({ type: 'load' });
  }

  /** Listens to every change; returns the function that stops listening. */
  subscribe(listener: (change: EngineChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ——— internals ———

  private visibility(): ReadonlyMap<string, boolean> {
    return (this.cache.visible ??= computeVisibility({
      model: this.model,
      answers: this.state.answers,
      ageBand: this.state.ageBand,
    }));
  }

  /** Issues of the visible items, in document order, from the per-item cache. */
  private answerIssues(visible: ReadonlyMap<string, boolean>, typed: TypedDateCheck): Issue[] {
    const perItem = (this.cache.itemIssues ??= new Map());
    const issues: Issue[] = [];
    for (const item of this.model.items) {
      if (!visible.get(item.id)) continue;
      let found = perItem.get(item.id);
      if (!found) perItem.set(item.id, (found = validateItem(this.model, item, own(this.state.answers, item.id))));
      if (item.type === 'date' && this.typed.size) {
        // A date typed wrong is said as such, not as a missing answer.
        const wrong = (item.perspectives ?? [undefined]).flatMap((p) => {
          const field = answerRef(item.id, p);
          const problem = typed(field);
          return problem ? [issueOf(field, problem.code, problem.params)] : [];
        });
        if (wrong.length) {
          for (const issue of found) if (issue.code !== 'required') issues.push(issue);
          issues.push(...wrong);
          continue;
        }
      }
      for (const issue of found) issues.push(issue);
    }
    return issues;
  }

  private forgetTyped(field: FieldRef): void {
    if (this.typed.delete(encodeKey(field))) this.cache.issues = undefined;
  }

  private itemOf(itemId: string): Item {
    const item = this.model.item.get(itemId);
    if (!item) throw new EngineError('unknown-item', { itemId });
    return item;
  }

  private planOf(sectionId: string): ActionPlan {
    if (!this.model.section.get(sectionId)?.actionPlan) throw new EngineError('unknown-section', { sectionId });
    return this.actionPlan(sectionId);
  }

  private setPlan(sectionId: string, plan: ActionPlan): void {
    this.commit({ plans: { ...this.state.plans, [sectionId]: plan } });
    this.emit({ type: 'plan', sectionId });
  }

  private mapObjective(sectionId: string, objectiveId: string, change: (o: Objective) => Objective): void {
    const plan = this.planOf(sectionId);
    if (!plan.objectives.some((o) => o.id === objectiveId)) throw new EngineError('invalid-value', { objectiveId });
    this.setPlan(sectionId, { objectives: plan.objectives.map((o) => (o.id === objectiveId ? change(o) : o)) });
  }

  private patchAnswer(item: Item, { perspective }: AnswerTarget, change: (a: Answer) => Answer): void {
    const current = own(this.state.answers, item.id) ?? {};
    let next: Answer;
    if (item.perspectives) {
      if (!perspective) throw new EngineError('perspective-required', { itemId: item.id });
      if (!item.perspectives.includes(perspective))
        throw new EngineError('unknown-perspective', { itemId: item.id, perspective });
      const voices = { ...current.perspectives };
      const voice = change(own(voices, perspective) ?? {});
      if (isEmptyAnswer(voice)) delete voices[perspective];
      else voices[perspective] = voice;
      next = withField(current, 'perspectives', Object.keys(voices).length ? voices : undefined);
    } else {
      if (perspective !== undefined && !this.model.perspective.has(perspective))
        throw new EngineError('unknown-perspective', { itemId: item.id, perspective });
      next = change(perspective === undefined ? current : { ...current, perspective });
    }
    const answers = { ...this.state.answers };
    if (isEmptyAnswer(next)) delete answers[item.id];
    else answers[item.id] = next;
    this.commit({ answers }, item.id);
  }

  /** Applies a change; `answered` names the one item whose answer changed, if that is all that did. */
  private commit(patch: Partial<State>, answered?: string): void {
    this.state = { ...this.state, ...patch, updatedAt: this.now().toISOString() };
    const { visible, itemIssues, counts } = this.cache;
    const sameVisibility = answered !== undefined && !this.model.conditionSources.has(answered);
    if (answered !== undefined) itemIssues?.delete(answered);
    // Section counts read answers and visibility: one answer that hides nothing recounts only its
    // item's sections; other answers or an age band recount all.
    if (sameVisibility) for (let id = this.model.parent.get(answered); id !== undefined; id = this.model.parent.get(id)) counts?.delete(id);
    this.cache = {
      visible: sameVisibility ? visible : undefined,
      itemIssues: patch.answers && answered === undefined ? undefined : itemIssues,
      counts: sameVisibility || !(patch.answers || 'ageBand' in patch) ? counts : undefined,
    };
  }

  private emit(change: EngineChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private freshId(prefix: string, taken: readonly string[]): string {
    const used = new Set(taken);
    let id: string;
    do id = `${prefix}${++this.idCounter}`;
    while (used.has(id));
    return id;
  }
}

/** Brings a value to the item's form: numbers from text ("3,5" → 3.5), single codes to lists. */
function normalize(item: Item, value: AnswerValue | null | undefined): AnswerValue | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const ok =
    typeof value === 'string' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    (Array.isArray(value) && value.every((v) => typeof v === 'string'));
  if (!ok) throw new EngineError('invalid-value', { itemId: item.id });
  if (item.type === 'number' && typeof value === 'string') {
    const text = value.trim().replace(/\s/g, '').replace(',', '.');
    const n = text === '' ? NaN : Number(text);
    if (Number.isFinite(n)) return n;
  }
  if (item.type === 'multiple-choice' && typeof value === 'string') value = [value];
  if (Array.isArray(value)) value = [...new Set(value)];
  return isPresent(value) ? value : undefined;
}

function withField<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): T {
  const next = { ...obj };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** Drops empty optional fields so results stay small and valid. */
function clean<T extends Record<string, unknown>>(obj: T): T {
  const out = { ...obj };
  for (const key of Object.keys(out) as (keyof T)[]) if (out[key] === undefined || out[key] === '') delete out[key];
  return out;
}

function checkAction(action: Action): Action {
  for (const field of ['due', 'review'] as const) {
    const value = action[field];
    if (value !== undefined && value !== '' && !(isIsoDate(value) && yearInRange(value)))
      throw new EngineError('invalid-date', { field, value });
  }
  const { id, what, status, ...rest } = action;
  return { id, what, status, ...clean(rest) };
}
