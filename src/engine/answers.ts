import type { AnswerValue } from '../schema/common.js';
import type { Answer } from '../schema/result.js';

/** An empty string or an empty selection is no answer. */
export const isPresent = (value: AnswerValue | undefined): value is AnswerValue =>
  value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

/** Every answer given to an item: its single value and each voice's value. */
export function valuesOf(answer: Answer | undefined): AnswerValue[] {
  if (!answer) return [];
  const out: AnswerValue[] = [];
  if (isPresent(answer.value)) out.push(answer.value);
  for (const voice of Object.values(answer.perspectives ?? {})) if (isPresent(voice.value)) out.push(voice.value);
  return out;
}

/** True when the answer or one of its voices holds a value (allocates nothing: summaries ask it for every item). */
export function isAnswered(answer: Answer | undefined): boolean {
  if (!answer) return false;
  if (isPresent(answer.value)) return true;
  for (const key in answer.perspectives) if (isPresent(answer.perspectives[key]!.value)) return true;
  return false;
}

export function sameValue(a: AnswerValue, b: AnswerValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    const set = new Set(a);
    return b.every((x) => set.has(x));
  }
  return a === b;
}

/** True when an answer carries nothing worth keeping (no value, comment or voice). */
export function isEmptyAnswer(answer: Answer): boolean {
  return (
    !isPresent(answer.value) &&
    !answer.comment &&
    Object.values(answer.perspectives ?? {}).every((v) => !isPresent(v.value) && !v.comment)
  );
}
