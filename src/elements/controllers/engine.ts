import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Engine } from '../../engine/engine.js';
import { EngineError, errorCodeOf } from '../../engine/errors.js';
import type { Instrument } from '../../schema/instrument.js';
import type { Result } from '../../schema/result.js';
import { engineOf, parsers, quickChecks } from '../parsers.js';
import type { LocaleController } from './locale.js';
import type { NoticesController } from './notices.js';

type Host = ReactiveControllerHost & HTMLElement;

/** The attributes that choose an age band and date the meeting. */
export interface AgeAttributes {
  ageBand?: string | undefined;
  birthDate?: string | undefined;
  sessionDate?: string | undefined;
}

export interface EngineControllerOptions {
  /** The instrument shipped with a ready element, if any (undefined while its text loads). */
  bundled?: () => Instrument | undefined;
  /** The age attributes as they are now. */
  ageAttributes?: () => AgeAttributes;
  /** A value given by the host was loaded (or the form emptied): interaction state starts over. */
  onValueLoaded?: () => void;
  /**
   * Read-only (a synthesis, a dashboard): nothing is typed, so nothing is carried over. A new
   * instrument starts empty, and the value shown is the last one given that could be read.
   */
  readonly?: boolean;
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/**
 * Whether a result holds anything a person gave: an answer, a session detail, a participant, a
 * plan (the meeting date the host's `session-date` set is the host's own).
 */
const hasTypedData = (result: Result, hostDate: string | undefined): boolean =>
  Object.keys(result.answers).length > 0 ||
  Object.entries(result.session).some(([k, v]) => (Array.isArray(v) ? v.length > 0 : v !== undefined && !(k === 'date' && v === hostDate))) ||
  Object.values(result.actionPlans).some((plan) => plan.objectives.length > 0);

/**
 * The engine of one filled instrument and where its data come from: the instrument (the host's
 * property, else a child `<script type="application/json">`, else the bundled one), a value to
 * resume (property, attribute or a child `<script data-boussole="value">`), and the age attributes.
 * Bad input is reported through the notices; nothing a person typed is lost:
 *
 * - a new instrument object (another version of the same MAJOR, an older MAJOR it migrates, or the
 *   same pack fetched again) takes over every answer, the session, the participants and the plans;
 *   if they cannot be carried (another instrument, another MAJOR), it is refused and the current
 *   one stays;
 * - a child value script is a pre-fill: read once, applied once to the first engine, never again
 *   (moving the element in the page does not re-arm it);
 * - only an explicit host action replaces what was typed: `setValue` (the `value` property or
 *   attribute) and `reset` (the host form's reset).
 */
export class EngineController implements ReactiveController {
  engine?: Engine;
  /** The raw instrument the engine was made from (object or text), to tell a new one. */
  private loaded: unknown;
  private scriptInstrument: unknown;
  private scriptsRead = false;
  /** A value given before there was an engine to take it, or while the format's parsers load. */
  private pending?: { value: unknown };
  /** The instrument property of the last `load`, to load again once the parsers are there. */
  private property: unknown;
  /** The value `reset` returns to: the last one the host gave. */
  private initial: unknown = null;
  private unsubscribe?: () => void;
  /** The child scripts by role (`instrument`, `value`, `previous`, `results`…), in page order, for the host to read. */
  private readonly scripts = new Map<string, string[]>();
  /** Read-only: the last value given is loaded (false while there is none, or it could not be read). */
  hasValue = false;

  constructor(
    private readonly host: Host,
    private readonly notices: NoticesController,
    private readonly locale: LocaleController,
    private readonly options: EngineControllerOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.scriptsRead) return;
    // While the parser is still inside the element, its child scripts may not all be there yet.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => this.readScripts(), { once: true });
    else this.readScripts();
  }

  hostDisconnected(): void {}

  /** Loads the instrument now given (`property`, else the child script, else the bundled one) when it is new. */
  load(property: unknown): void {
    this.property = property;
    const given = property ?? this.scriptInstrument;
    // The bundled instrument is looked for (and its text loaded) only when the host gives none.
    const bundled = given === undefined ? this.options.bundled?.() : undefined;
    const raw = given ?? bundled;
    if (raw === undefined || raw === this.loaded) return;
    let instrument: Instrument | undefined = bundled;
    if (raw !== bundled) {
      // An instrument given by the host (an object, or JSON text), checked against the format; its
      // problems are reported under the notice key `instrument`.
      const input = this.notices.read(raw, 'instrument', 'invalid-instrument', { count: 1 });
      if (input) {
        const retry = () => this.load(this.property);
        // The format's plan first, without zod; zod's parsers only to say what is wrong (decision 0018).
        const quick = quickChecks(this.host, retry);
        if (!quick) return; // loaded again once the check is there
        instrument = quick.quickInstrument(input.data);
        if (!instrument) {
          const check = parsers(this.host, retry);
          if (!check) return; // loaded again once the parsers are there
          const parsed = check.parseInstrument(input.data);
          if (parsed.ok) instrument = parsed.value;
          else this.notices.raise('instrument', 'invalid-instrument', { count: parsed.problems.length, problems: parsed.problems });
        }
      }
    }
    if (!instrument) {
      this.loaded = raw;
      return;
    }
    if (this.use(instrument)) {
      this.loaded = raw;
      this.notices.clear('instrument');
    }
  }

  /** An explicit host action: resume from this result (object or JSON text), or empty the form (null, ''). */
  setValue(value: unknown): void {
    this.initial = value;
    this.apply(value);
  }

  /** The host form was reset: back to the last value the host gave. */
  reset(): void {
    this.apply(this.initial);
  }

  /** The browser restores the field's state (JSON text of a result), or the person restores a draft. */
  restore(state: unknown): void {
    this.apply(state);
  }

  /** Applies `age-band`, or `birth-date` with `session-date`; and `session-date` as the meeting date (unless `bandOnly`). */
  applyAgeAttributes(bandOnly = false): void {
    const engine = this.engine;
    if (!engine) return;
    const { ageBand, birthDate, sessionDate } = this.options.ageAttributes?.() ?? {};
    this.notices.clear('age');
    try {
      if (sessionDate && engine.instrument.session?.date && !bandOnly) engine.setSession({ date: sessionDate });
      if (ageBand) engine.setAgeBand(ageBand);
      else if (birthDate && sessionDate && engine.instrument.ageBands) engine.setAgeFromDates(birthDate, sessionDate);
    } catch (error) {
      this.report('age', error);
    }
  }

  /** The last value the host gave (property, attribute or child script); null when none. */
  get given(): unknown {
    return this.pending ? this.pending.value : this.initial;
  }

  /** The text of the first child JSON script of a role (`instrument`, `value`, `previous`…). */
  script(role: string): string | undefined {
    return this.scripts.get(role)?.[0];
  }

  /** The texts of every child JSON script of a role (the dashboard's `results`), in page order. */
  scriptsOf(role: string): readonly string[] {
    return this.scripts.get(role) ?? [];
  }

  /** The child scripts have been read (the parser was past the element's children). */
  get scriptsReady(): boolean {
    return this.scriptsRead;
  }

  /** Reads the child JSON scripts, once in the element's life. */
  private readScripts(): void {
    if (this.scriptsRead) return;
    this.scriptsRead = true;
    for (const script of this.host.querySelectorAll<HTMLScriptElement>(':scope > script[type="application/json"]')) {
      const role = script.dataset.boussole ?? 'instrument';
      if (role === 'instrument' && this.scriptInstrument === undefined) this.scriptInstrument = script.textContent ?? '';
      // A pre-fill, unless the host already gave a value.
      if (role === 'value' && this.initial === null && this.pending === undefined) this.setValue(script.textContent ?? '');
      this.scripts.set(role, [...(this.scripts.get(role) ?? []), script.textContent ?? '']);
    }
    this.host.requestUpdate();
  }

  /**
   * Makes the engine of `instrument`, carrying over everything a person put in the current one. When
   * that cannot be carried (another instrument, another MAJOR version without a migration), the new
   * instrument is refused, the current one stays, and the host is told why. False when refused.
   */
  private use(instrument: Instrument, carry = true): boolean {
    const previous = carry && !this.options.readonly ? this.engine : undefined;
    const engine = engineOf(instrument, { locale: this.locale.locale });
    const carried = previous?.toResult();
    if (carried && hasTypedData(carried, this.options.ageAttributes?.().sessionDate)) {
      const ageBand = instrument.ageBands?.some((b) => b.id === carried.ageBand) ? carried.ageBand : undefined;
      try {
        // The engine's own result: it follows the format, no check needed.
        engine.adopt({ ...carried, ageBand });
      } catch (error) {
        this.report('instrument', error);
        return false;
      }
    }
    this.unsubscribe?.();
    this.engine = engine;
    this.hasValue = false;
    this.unsubscribe = engine.subscribe(() => this.host.requestUpdate());
    this.applyAgeAttributes();
    if (this.pending) {
      const { value } = this.pending;
      this.pending = undefined;
      this.apply(value);
    } else if (this.options.readonly && !isEmpty(this.initial)) this.apply(this.initial);
    this.host.requestUpdate();
    return true;
  }

  private apply(value: unknown): void {
    const engine = this.engine;
    if (!engine) {
      this.pending = { value };
      return;
    }
    this.pending = undefined;
    this.host.requestUpdate();
    this.hasValue = false;
    if (isEmpty(value)) {
      this.notices.clear('value');
      this.use(engine.instrument, false);
      this.options.onValueLoaded?.();
      return;
    }
    const input = this.notices.read(value, 'value', 'unreadable-value');
    if (!input) return;
    if (!parsers(this.host, () => this.applyPending())) {
      this.pending = { value }; // applied once the parsers are there
      return;
    }
    try {
      engine.load(input.data);
    } catch (error) {
      this.report('value', error);
      return;
    }
    this.hasValue = true;
    this.notices.clear('value');
    // A saved draft without an age band takes the one the attributes give.
    if (!engine.ageBand && engine.instrument.ageBands) this.applyAgeAttributes(true);
    this.options.onValueLoaded?.();
  }

  /** Applies the value that waited for the parsers, unless another one came since. */
  private applyPending(): void {
    const pending = this.pending;
    if (!pending || !this.engine) return;
    this.pending = undefined;
    this.apply(pending.value);
  }

  /** Reports an engine refusal caused by the host's input; rethrows anything else. */
  private report(key: string, error: unknown): void {
    const code = error instanceof EngineError ? errorCodeOf(error.code) : undefined;
    if (!code) throw error;
    this.notices.raise(key, code, { ...(error as EngineError).params });
  }
}
