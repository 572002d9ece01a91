import type { Issue } from '../engine/validation.js';
import type { AnswerValue } from '../schema/common.js';
import type { Result } from '../schema/result.js';
import type { ErrorCode } from '../engine/errors.js';

/** All Boussole events bubble and cross shadow roots, so a host can listen on any ancestor. */
const init = { bubbles: true, composed: true } as const;

export interface ChangeDetail {
  /** An item id, or a field key: `ageBand`, `session.date`, `session.participants`, `plan.<section>`. */
  itemId: string;
  /** The new value; undefined when cleared. */
  value: AnswerValue | undefined;
  /** The voice that answered, for items that collect perspectives. */
  perspective?: string;
  /** The new comment, when the comment changed. */
  comment?: string;
}

/** A person changed an answer or a field. Never fired for a programmatic `value` set. */
export class BoussoleChangeEvent extends CustomEvent<ChangeDetail> {
  static readonly type = 'boussole-change';
  constructor(detail: ChangeDetail) {
    super(BoussoleChangeEvent.type, { ...init, detail });
  }
}

/**
 * A submit succeeded: `detail` is the complete result, valid against schemas/result.schema.json.
 * A listener that saves the result passes its promise to `waitUntil`: the form shows that it is
 * sending, then the confirmation when the promise resolves, or a failure the person can retry when it
 * rejects.
 */
export class BoussoleSubmitEvent extends CustomEvent<Result> {
  static readonly type = 'boussole-submit';

  constructor(detail: Result) {
    super(BoussoleSubmitEvent.type, { ...init, detail });
    waits.set(this, []);
  }

  /**
   * Tells the form how the hand-over goes: it shows that it is sending until every promise given
   * settles, then the confirmation when all resolve, or a failure with a retry when one rejects. Like
   * `ExtendableEvent.waitUntil`, call it synchronously in a listener: once the event has been
   * dispatched it throws an `InvalidStateError` DOMException.
   */
  waitUntil(promise: PromiseLike<unknown>): void {
    const given = waits.get(this);
    if (!given) throw new DOMException('waitUntil() must be called while boussole-submit is dispatched', 'InvalidStateError');
    given.push(promise);
  }
}

/** The promises given to `waitUntil`, while the event can still take them. */
const waits = new WeakMap<BoussoleSubmitEvent, PromiseLike<unknown>[]>();

/**
 * For the element that dispatched a submit event, once `dispatchEvent` returned: closes `waitUntil`
 * and gives the promise of the hand-over, or undefined when no listener gave one. Not exported by the
 * package.
 */
export function handoverOf(event: BoussoleSubmitEvent): Promise<void> | undefined {
  const given = waits.get(event);
  waits.delete(event);
  return given?.length ? Promise.all(given).then(() => undefined) : undefined;
}

/** An issue as `boussole-invalid` reports it: its public field name, code, parameters and message. */
export interface InvalidIssue extends Omit<Issue, 'field'> {
  /** The localized message shown beside the field. */
  message: string;
}

/** The documented fields of an issue, with its message. */
export const invalidIssue = ({ itemId, code, params, perspective }: Issue, message: string): InvalidIssue => ({
  itemId,
  code,
  ...(params ? { params } : {}),
  ...(perspective ? { perspective } : {}),
  message,
});

/** A submit (or reportValidity) found problems; they are shown in an error summary that takes focus. */
export class BoussoleInvalidEvent extends CustomEvent<{ issues: InvalidIssue[] }> {
  static readonly type = 'boussole-invalid';
  constructor(issues: InvalidIssue[]) {
    super(BoussoleInvalidEvent.type, { ...init, detail: { issues } });
  }
}

export interface ErrorDetail {
  code: ErrorCode;
  /**
   * Localized, as shown in the element; for the page's settings (`invalid-layout`,
   * `invalid-heading-level`, `invalid-draft-setting`) the detail for the developer, while the person
   * sees a short neutral message.
   */
  message: string;
  /** Technical details (for example the schema problems of an invalid instrument). */
  params?: Record<string, unknown>;
}

/** Bad input (instrument, value, attribute): the element shows `message` and keeps every answer. */
export class BoussoleErrorEvent extends CustomEvent<ErrorDetail> {
  static readonly type = 'boussole-error';
  constructor(detail: ErrorDetail) {
    super(BoussoleErrorEvent.type, { ...init, detail });
  }
}

/** What happened to the draft: never carries the answers. */
export interface DraftDetail {
  type: 'saved' | 'restored' | 'discarded' | 'expired' | 'failed' | 'waiting';
  /** When the draft concerned was saved (ISO date-time). */
  savedAt?: string;
  /** For `failed`: why (`unreadable`: a draft could not be read and was set aside; `store`: the store refused). For `discarded`: `person`, `purge` or `submitted`. For `waiting`: `key` (an encrypted draft waits for `draftEncryptionKey`). */
  reason?: string;
}

/** Drafts (when the host turned them on): saved, offered and restored, discarded, expired, failed, or waiting for the key. */
export class BoussoleDraftEvent extends CustomEvent<DraftDetail> {
  static readonly type = 'boussole-draft';
  constructor(detail: DraftDetail) {
    super(BoussoleDraftEvent.type, { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'boussole-draft': BoussoleDraftEvent;
    'boussole-change': BoussoleChangeEvent;
    'boussole-submit': BoussoleSubmitEvent;
    'boussole-invalid': BoussoleInvalidEvent;
    'boussole-error': BoussoleErrorEvent;
  }
}
