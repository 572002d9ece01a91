import { LitElement } from 'lit';
import { LocaleController } from './controllers/locale.js';
import { NoticesController } from './controllers/notices.js';
import type { ErrorDetail } from './events.js';

/**
 * What every Boussole element shares, form or not: its language (own `lang`, ancestors', the page's;
 * an unsupported one reported) and its error box. The element's own `lang` is a native attribute,
 * not a Lit property: it is observed here so that a change re-renders at once.
 */
export class BoussoleElement extends LitElement {
  protected readonly localeCtl = new LocaleController(this, (lang) =>
    lang ? this.notices.raise('lang', 'unsupported-locale', { lang }) : this.notices.clear('lang'),
  );
  protected readonly notices = new NoticesController(this, this.localeCtl);

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

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
