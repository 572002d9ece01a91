import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController } from './controllers/locale.js';
import { NoticesController } from './controllers/notices.js';
import type { ErrorDetail } from './events.js';
import { waitedBy } from './on-need.js';

const HEADING_LEVELS = [1, 2, 3, 4, 5, 6];

/**
 * What every Boussole element shares, form or not: its language (own `lang`, ancestors', the page's;
 * an unsupported one reported) and its error box, its heading level. The element's own `lang` is a native attribute,
 * not a Lit property: it is observed here so that a change re-renders at once.
 */
export class BoussoleElement extends LitElement {
  protected readonly localeCtl = new LocaleController(this, (lang) =>
    lang ? this.notices.raise('lang', 'unsupported-locale', { lang }) : this.notices.clear('lang'),
  );
  protected readonly notices = new NoticesController(this, this.localeCtl);

  /** Level of the title's heading, 1 to 6 (default 2); the element's other headings follow it. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The heading level in use: the host's when it is 1 to 6, else 2 (the error box says why). */
  protected get level(): number {
    return HEADING_LEVELS.includes(this.headingLevel) ? this.headingLevel : 2;
  }

  /**
   * Reports a `heading-level` that is not 1 to 6 in the error box (a form calls it from its willUpdate;
   * its message says the form can still be filled, so an element that is not a form only clamps).
   */
  protected reportHeadingLevel(changed: PropertyValues<this>): void {
    if (!changed.has('headingLevel')) return;
    if (HEADING_LEVELS.includes(this.headingLevel)) this.notices.clear('heading-level');
    else this.notices.raise('heading-level', 'invalid-heading-level', { value: this.getAttribute('heading-level') ?? String(this.headingLevel) });
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /**
   * An update waits for the messages of the element's language when they are not loaded yet (English,
   * the first time on the page): msg() is synchronous, and the element never shows French in their
   * place. `updateComplete` waits with it.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const messages = this.localeCtl.messagesLoading();
    if (!messages) return super.scheduleUpdate();
    // Loaded or not, the update runs: a chunk that cannot be fetched leaves the element in French, the
    // source language, and says so (its error box, `boussole-error` unavailable-module, module "en").
    const update = () => super.scheduleUpdate();
    return messages.then(update, () => {
      this.moduleFailed('en');
      return update();
    });
  }

  /**
   * Also waits for the modules the element asked for and that are not loaded yet (src/elements/on-need.ts:
   * the format's parsers for a host's instrument or value, a layout's parts…), and the update that follows.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let waiting = waitedBy(this); waiting; waiting = waitedBy(this)) {
      await waiting;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /**
   * A module the element waits for could not be loaded (src/elements/on-need.ts: the parsers, a layout,
   * a bundled instrument's text…; the English messages; the drafts' controller): the person reads that
   * part of the form is missing, the host gets `boussole-error` with the module's name, once per module.
   */
  protected moduleFailed(name: string): void {
    if (this.failedModules.has(name)) return;
    this.failedModules.add(name);
    this.notices.raise('module', 'unavailable-module', { module: name });
  }

  /** The modules this element already said it could not load. */
  private readonly failedModules = new Set<string>();

  /** The problems currently shown in the element's error box, as sent with `boussole-error`. */
  get errors(): ErrorDetail[] {
    return this.notices.errors;
  }

  /**
   * Properties a framework set before the tag was defined shadow the class's accessors: takes them
   * over (call in the constructor).
   */
  protected adoptEarly(...names: string[]): void {
    for (const name of names)
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const early = (this as unknown as Record<string, unknown>)[name];
        delete (this as unknown as Record<string, unknown>)[name];
        (this as unknown as Record<string, unknown>)[name] = early;
      }
  }
}
