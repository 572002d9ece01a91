import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ErrorCode } from '../../engine/errors.js';
import { errorMessage } from '../../localize/messages.js';
import { jsonOf } from '../../schema/json.js';
import { BoussoleErrorEvent, type ErrorDetail } from '../events.js';
import type { LocaleController } from './locale.js';

type Host = ReactiveControllerHost & HTMLElement;

/** A problem with the host's input, shown in the element until its cause is fixed or it is closed. */
export interface Notice {
  readonly code: ErrorCode;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * The element's error box: bad input from the host (an instrument, a value, an attribute) is kept
 * under a key naming its source (`instrument`, `value`, `lang`…), shown, and reported once with a
 * `boussole-error` event carrying the localized message. Raising again under a key replaces it;
 * clearing a key removes its message. Usable by any element.
 */
export class NoticesController implements ReactiveController {
  private notices: ReadonlyMap<string, Notice> = new Map();

  constructor(
    private readonly host: Host,
    private readonly locale: LocaleController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The notices shown now, by key, in the order they were raised. */
  get entries(): ReadonlyMap<string, Notice> {
    return this.notices;
  }

  /** The notices as `boussole-error` details, in the element's language. */
  get errors(): ErrorDetail[] {
    return [...this.notices.values()].map((n) => this.detail(n));
  }

  /** Shows a problem with the host's input and fires `boussole-error`. */
  raise(key: string, code: ErrorCode, params: Readonly<Record<string, unknown>> = {}): void {
    const notice: Notice = { code, params };
    this.notices = new Map(this.notices).set(key, notice);
    this.host.requestUpdate();
    this.host.dispatchEvent(new BoussoleErrorEvent(this.detail(notice)));
  }

  /**
   * Host input (an object, or JSON text) as data. Text that is not JSON is shown under `key` as
   * `code`, with its `problems` (and `params`), and gives undefined.
   */
  read(raw: unknown, key: string, code: ErrorCode, params: Readonly<Record<string, unknown>> = {}): { data: unknown } | undefined {
    const json = jsonOf(raw);
    if (json.ok) return { data: json.data };
    this.raise(key, code, { ...params, problems: json.problems });
    return undefined;
  }

  clear(key: string): void {
    if (!this.notices.has(key)) return;
    const next = new Map(this.notices);
    next.delete(key);
    this.notices = next;
    this.host.requestUpdate();
  }

  private detail(notice: Notice): ErrorDetail {
    return {
      code: notice.code,
      message: this.locale.run(() => errorMessage(notice.code, notice.params, this.locale.locale)),
      params: { ...notice.params },
    };
  }
}
