import type { Item, StatusCase, TallyRule } from '../schema/instrument.js';
import type { ActionCount, ActionPlan, Answer, Progress, Summaries, Tally, TallyEntry } from '../schema/result.js';
import { isOpenAction } from './actions.js';
import { isAnswered, isEmptyAnswer, isPresent, sameValue } from './answers.js';
import type { Model } from './model.js';
import { own } from './records.js';

export interface SummaryInput {
  readonly model: Model;
  readonly answers: Readonly<Record<string, Answer>>;
  readonly plans: Readonly<Record<string, ActionPlan>>;
  readonly visible: ReadonlyMap<string, boolean>;
}

/** How many visible items a section holds, and how many are answered (required ones apart). */
interface Counts {
  answered: number;
  total: number;
  required: number;
  requiredAnswered: number;
}

/**
 * Counts per section, kept by the engine between two summaries while nothing they read changed: an
 * answer that shows or hides nothing makes only the sections around its item count again.
 */
export type CountsCache = Map<string, Counts>;

function countItems(items: readonly Item[], answers: SummaryInput['answers'], visible: SummaryInput['visible']): Counts {
  const counts: Counts = { answered: 0, total: 0, required: 0, requiredAnswered: 0 };
  for (const item of items) {
    if (!visible.get(item.id)) continue;
    const done = isAnswered(own(answers, item.id));
    counts.total++;
    if (done) counts.answered++;
    if (item.required) {
      counts.required++;
      if (done) counts.requiredAnswered++;
    }
  }
  return counts;
}

/** Items with voices, per model: only they can disagree. */
const voicedItems = new WeakMap<Model, readonly Item[]>();

/** Progress, tallies and statuses, open actions, and what is kept but not counted. */
export function computeSummaries(input: SummaryInput, cache: CountsCache = new Map()): Summaries {
  const { model, answers, visible } = input;
  const countsOf = (sectionId: string): Counts => {
    let counts = cache.get(sectionId);
    if (!counts) cache.set(sectionId, (counts = countItems(model.itemsIn.get(sectionId) ?? [], answers, visible)));
    return counts;
  };
  const byRequired = model.instrument.summary?.completion === 'required';
  const progress = ({ answered, total, required, requiredAnswered }: Counts): Progress => {
    const [part, whole] = byRequired ? [requiredAnswered, required] : [answered, total];
    return { answered, total, required, requiredAnswered, percent: whole ? Math.floor((100 * part) / whole) : 100 };
  };

  const sections: Record<string, Progress> = {};
  const actions: Record<string, ActionCount> = {};
  // Every item sits in exactly one top-level section, and an item in a hidden section is hidden: the
  // whole form's counts are the sum of the top-level sections' counts, hidden ones included (zero).
  const overall: Counts = { answered: 0, total: 0, required: 0, requiredAnswered: 0 };
  for (const s of model.sections) {
    if (model.parent.get(s.id) === undefined) {
      const top = countsOf(s.id);
      overall.answered += top.answered;
      overall.total += top.total;
      overall.required += top.required;
      overall.requiredAnswered += top.requiredAnswered;
    }
    if (!visible.get(s.id)) continue;
    sections[s.id] = progress(countsOf(s.id));
    if (s.actionPlan) actions[s.id] = countActions(own(input.plans, s.id));
  }

  const tallies: Record<string, Tally> = {};
  for (const rule of model.instrument.summary?.tallies ?? []) tallies[rule.id] = tally(rule, input);

  const outOfScope: string[] = [];
  const unknownItems: string[] = [];
  for (const id in answers) {
    if (!model.item.has(id)) unknownItems.push(id);
    else if (!visible.get(id) && !isEmptyAnswer(answers[id]!)) outOfScope.push(id);
  }

  return {
    progress: { overall: progress(overall), sections },
    tallies,
    actions,
    outOfScope,
    unknownItems,
    disagreements: voiced(model)
      .filter((it) => visible.get(it.id) && disagree(it, own(answers, it.id)))
      .map((it) => it.id),
  };
}

function voiced(model: Model): readonly Item[] {
  let list = voicedItems.get(model);
  if (!list) voicedItems.set(model, (list = model.items.filter((it) => it.perspectives)));
  return list;
}

function countActions(plan: ActionPlan | undefined): ActionCount {
  const list = plan?.objectives.flatMap((o) => o.actions) ?? [];
  return {
    objectives: plan?.objectives.length ?? 0,
    actions: list.length,
    open: list.filter(isOpenAction).length,
  };
}

function tally(rule: TallyRule, { model, answers, visible }: SummaryInput): Tally {
  const options = model.option.get(rule.scale);
  const sections: Record<string, TallyEntry> = {};
  const statuses: Record<string, number> = {};
  for (const s of model.sections) {
    if (s.kind !== rule.sectionKind || !visible.get(s.id)) continue;
    const entry: TallyEntry = { counts: {}, counted: 0, missing: 0, unanswered: 0, status: null };
    for (const code of options?.keys() ?? []) entry.counts[code] = 0;
    for (const item of model.itemsIn.get(s.id) ?? []) {
      if (item.type !== 'single-choice' || item.scale !== rule.scale || !visible.get(item.id)) continue;
      const value = own(answers, item.id)?.value;
      const option = typeof value === 'string' ? options?.get(value) : undefined;
      if (!option) {
        entry.unanswered++;
        continue;
      }
      entry.counts[option.code]!++;
      if (option.missing) entry.missing++;
      else entry.counted++;
    }
    entry.status = statusOf(rule.statuses ?? [], entry)?.id ?? null;
    if (entry.status) statuses[entry.status] = (own(statuses, entry.status) ?? 0) + 1;
    sections[s.id] = entry;
  }
  return { sections, statuses };
}

/** The first status whose clauses all hold. Shares are of counted answers; without a level, of all items. */
export function statusOf(cases: readonly StatusCase[], entry: TallyEntry): StatusCase | undefined {
  const items = entry.counted + entry.missing + entry.unanswered;
  return cases.find((c) =>
    (c.when ?? []).every((clause) => {
      const count = clause.level === undefined ? entry.counted : (own(entry.counts, clause.level) ?? 0);
      const whole = clause.level === undefined ? items : entry.counted;
      const share = whole ? count / whole : 0;
      return (
        (clause.minCount === undefined || count >= clause.minCount) &&
        (clause.maxCount === undefined || count <= clause.maxCount) &&
        (clause.minShare === undefined || share >= clause.minShare) &&
        (clause.maxShare === undefined || share <= clause.maxShare)
      );
    }),
  );
}

/** Several voices answered a closed question differently. Open text differs by nature and is left out. */
function disagree(item: Item, answer: Answer | undefined): boolean {
  if (!answer?.perspectives || item.type === 'short-text' || item.type === 'long-text') return false;
  const values = Object.values(answer.perspectives)
    .map((v) => v.value)
    .filter(isPresent);
  return values.some((v) => !sameValue(v, values[0]!));
}

