/**
 * Field keys: the one place where a field of a filled instrument is named. A field is referred to by a
 * typed `FieldRef`; it becomes text only here, in three forms:
 *
 * - `itemIdOf(ref)`: the public name carried by events and issues (`itemId`), as documented in the
 *   README (`session.date`, `plan.<section>.<objective>.text`…). Written, never parsed back.
 * - `encodeKey(ref)` / `decodeKey(key)`: the internal key a control carries (its `data-key`, the
 *   `name` of a radio group, the suffix of its DOM ids). Segments are ids, which use only letters,
 *   digits, `-`, `_` and `.`, joined by `:`, which no id holds: the grammar cannot collide (an item
 *   `a--b` and the voice `b` of item `a` are `item:a--b` and `voice:a:b`).
 * - `domId(role, ref)`: the id of a control, its error or its help, so labels, descriptions and the
 *   error summary can point at each other inside one shadow root.
 */

export const SESSION_FIELDS = ['date', 'subjectId', 'territory'] as const;
export const PARTICIPANT_FIELDS = ['name', 'organisation', 'role', 'parentPartner'] as const;
export const ACTION_FIELDS = ['what', 'who', 'due', 'review', 'status'] as const;

export type SessionField = (typeof SESSION_FIELDS)[number];
export type ParticipantField = (typeof PARTICIPANT_FIELDS)[number];
export type ActionField = (typeof ACTION_FIELDS)[number];

/** A field of a filled instrument, or a row that holds fields (a participant, an objective, an action). */
export type FieldRef =
  /** The single answer of an item. */
  | { readonly kind: 'item'; readonly itemId: string }
  /** One voice's answer to an item that collects perspectives. */
  | { readonly kind: 'voice'; readonly itemId: string; readonly perspective: string }
  /** The free comment beside an item's answer. */
  | { readonly kind: 'comment'; readonly itemId: string }
  | { readonly kind: 'age-band' }
  | { readonly kind: 'session'; readonly field: SessionField }
  /** The participants list as a whole (its minimum). */
  | { readonly kind: 'participants' }
  /** A participant, or one of its fields. */
  | { readonly kind: 'participant'; readonly participantId: string; readonly field?: ParticipantField }
  /** A section's action plan as a whole. */
  | { readonly kind: 'plan'; readonly sectionId: string }
  /** An objective of a plan; its one field is its text. */
  | { readonly kind: 'objective'; readonly sectionId: string; readonly objectiveId: string }
  /** An action of an objective, or one of its fields. */
  | {
      readonly kind: 'action';
      readonly sectionId: string;
      readonly objectiveId: string;
      readonly actionId: string;
      readonly field?: ActionField;
    };

export type FieldKind = FieldRef['kind'];

/** The public name of a field, as events and issues carry it in `itemId`. */
export function itemIdOf(ref: FieldRef): string {
  switch (ref.kind) {
    case 'item':
    case 'voice':
    case 'comment':
      return ref.itemId;
    case 'age-band':
      return 'ageBand';
    case 'session':
      return `session.${ref.field}`;
    case 'participants':
      return 'session.participants';
    case 'participant':
      return `session.participants.${ref.participantId}${ref.field ? `.${ref.field}` : ''}`;
    case 'plan':
      return `plan.${ref.sectionId}`;
    case 'objective':
      return `plan.${ref.sectionId}.${ref.objectiveId}.text`;
    case 'action':
      return `plan.${ref.sectionId}.${ref.objectiveId}.${ref.actionId}${ref.field ? `.${ref.field}` : ''}`;
  }
}

/** The item a field belongs to, for item, voice and comment fields. */
export const itemOf = (ref: FieldRef): string | undefined =>
  ref.kind === 'item' || ref.kind === 'voice' || ref.kind === 'comment' ? ref.itemId : undefined;

/** The section whose action plan holds a field, for plan, objective and action fields. */
export const planOf = (ref: FieldRef): string | undefined =>
  ref.kind === 'plan' || ref.kind === 'objective' || ref.kind === 'action' ? ref.sectionId : undefined;

/** The answer field of an item: its voice when `perspective` is given. */
export const answerRef = (itemId: string, perspective?: string): FieldRef =>
  perspective === undefined ? { kind: 'item', itemId } : { kind: 'voice', itemId, perspective };

const SEP = ':';

/** The internal key of a field (see the module's comment). */
export function encodeKey(ref: FieldRef): string {
  const parts: string[] = [ref.kind];
  switch (ref.kind) {
    case 'item':
    case 'comment':
      parts.push(ref.itemId);
      break;
    case 'voice':
      parts.push(ref.itemId, ref.perspective);
      break;
    case 'session':
      parts.push(ref.field);
      break;
    case 'participant':
      parts.push(ref.participantId, ...(ref.field ? [ref.field] : []));
      break;
    case 'plan':
      parts.push(ref.sectionId);
      break;
    case 'objective':
      parts.push(ref.sectionId, ref.objectiveId);
      break;
    case 'action':
      parts.push(ref.sectionId, ref.objectiveId, ref.actionId, ...(ref.field ? [ref.field] : []));
      break;
  }
  return parts.join(SEP);
}

const isId = (s: string | undefined): s is string => !!s && /^[A-Za-z][A-Za-z0-9_.-]*$/.test(s);
const oneOf = <T extends string>(list: readonly T[], s: string | undefined): s is T => (list as readonly string[]).includes(s ?? '');

/** The field an internal key names, or undefined when the text is not a key of this grammar. */
export function decodeKey(key: string): FieldRef | undefined {
  const [kind, ...rest] = key.split(SEP);
  const [a, b, c, d] = rest;
  const n = rest.length;
  switch (kind) {
    case 'item':
    case 'comment':
      return n === 1 && isId(a) ? { kind, itemId: a } : undefined;
    case 'voice':
      return n === 2 && isId(a) && isId(b) ? { kind, itemId: a, perspective: b } : undefined;
    case 'age-band':
    case 'participants':
      return n === 0 ? { kind } : undefined;
    case 'session':
      return n === 1 && oneOf(SESSION_FIELDS, a) ? { kind, field: a } : undefined;
    case 'participant':
      if (!isId(a) || n > 2) return undefined;
      if (n === 1) return { kind, participantId: a };
      return oneOf(PARTICIPANT_FIELDS, b) ? { kind, participantId: a, field: b } : undefined;
    case 'plan':
      return n === 1 && isId(a) ? { kind, sectionId: a } : undefined;
    case 'objective':
      return n === 2 && isId(a) && isId(b) ? { kind, sectionId: a, objectiveId: b } : undefined;
    case 'action':
      if (!isId(a) || !isId(b) || !isId(c) || n > 4) return undefined;
      if (n === 3) return { kind, sectionId: a, objectiveId: b, actionId: c };
      return oneOf(ACTION_FIELDS, d) ? { kind, sectionId: a, objectiveId: b, actionId: c, field: d } : undefined;
    default:
      return undefined;
  }
}

/** Ids of the DOM nodes a field has: its (first) control, its error message, its help text, the format it expects, last time's answer. */
export type DomRole = 'control' | 'error' | 'help' | 'format' | 'previous';
const PREFIX: Record<DomRole, string> = { control: 'c', error: 'e', help: 'h', format: 'f', previous: 'p' };

export const domId = (role: DomRole, ref: FieldRef): string => `${PREFIX[role]}-${encodeKey(ref)}`;

/** Ids of the DOM nodes a section and a question have. */
export const sectionDomId = (sectionId: string): string => `s-${sectionId}`;
export const sectionTitleId = (sectionId: string): string => `t-${sectionId}`;
export const questionDomId = (itemId: string): string => `q-${itemId}`;
