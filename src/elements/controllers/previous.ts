import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Engine } from '../../engine/engine.js';
import { EngineError, errorCodeOf } from '../../engine/errors.js';
import type { Instrument } from '../../schema/instrument.js';
import { comparisons, engineOf, parsers } from '../parsers.js';
import type { NoticesController } from './notices.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The previous record (`previous`: last year's result, as an object or JSON text), read by the
 * instrument's version policy into an engine of its own, for comparisons. One that cannot be read,
 * or belongs to another instrument or MAJOR version, is reported (`boussole-error`) and ignored:
 * nothing else changes. Usable by any element.
 */
export class PreviousController implements ReactiveController {
  /** Last time's record, when there is a readable one. */
  engine?: Engine;
  private raw: unknown;
  private readFrom?: { raw: unknown; instrument: Instrument };

  constructor(
    private readonly host: Host,
    private readonly notices: NoticesController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  get value(): unknown {
    return this.raw;
  }

  set value(raw: unknown) {
    this.raw = raw;
    this.host.requestUpdate();
  }

  /**
   * Reads the previous record against the current instrument, when either changed (call before
   * rendering); `fallback` when the host gave none (a child script).
   */
  update(instrument: Instrument | undefined, fallback?: unknown): void {
    const raw = this.raw ?? fallback;
    if (this.readFrom && this.readFrom.raw === raw && this.readFrom.instrument === instrument) return;
    this.readFrom = instrument ? { raw, instrument } : undefined;
    this.engine = undefined;
    this.notices.clear('previous');
    if (!instrument || raw === undefined || raw === null || raw === '') return;
    const input = this.notices.read(raw, 'previous', 'unreadable-previous');
    if (!input) return;
    // Both the parsers and the comparison (items, plans and summary compare with it) are loaded on need.
    const needed = [parsers(this.host), comparisons.get(this.host)];
    if (!needed.every(Boolean)) {
      this.readFrom = undefined; // read again at the update once they are there
      return;
    }
    try {
      const engine = engineOf(instrument);
      engine.load(input.data);
      this.engine = engine;
    } catch (error) {
      const code = error instanceof EngineError ? errorCodeOf(error.code) : undefined;
      if (!code) throw error;
      this.notices.raise('previous', code === 'unreadable-value' ? 'unreadable-previous' : code, { ...(error as EngineError).params });
    }
  }
}
