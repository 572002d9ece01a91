import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '../../schema/enums.js';
import { allMessagesLoaded, enterLocale, inLocale, messagesOf, toLocale } from '../../localize/locale.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The language an element speaks, and the scope in which its interface text is produced.
 *
 * Which language: the element's own `lang`, else the nearest ancestor's across shadow roots, else
 * French; changes to the ancestors' (the page's `<html lang>` included) re-render the element. The
 * element observes its own `lang` (in `observedAttributes`), so that a change re-renders at once. The
 * scope: @lit/localize runs in reentrant mode (decision 0001), so msg() answers in the language set
 * for the current call. The controller sets it from `hostUpdate` to `hostUpdated`, so the render and
 * the commit, where directives such as `guard` produce their templates, speak the element's
 * language; `run()` does the same for text produced outside an update (event details).
 *
 * Usable by any element, form or not (the @lit/localize `localized()` controller re-renders on a
 * global locale change; this one follows each element's own `lang`).
 */
export class LocaleController implements ReactiveController {
  /** The locale of the last resolution. */
  locale: Locale = 'fr';
  /** The element's own `lang` when it is not a supported language (French is used then). */
  unsupported: string | undefined;
  private leave?: () => void;
  private observers: MutationObserver[] = [];

  /** `onUnsupported` is called when the element's own unsupported `lang` appears or goes (undefined). */
  constructor(
    private readonly host: Host,
    private readonly onUnsupported?: (lang: string | undefined) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Every `lang` in the document and the shadow roots above the element.
    const watch = (target: Node) => {
      const observer = new MutationObserver(() => this.host.requestUpdate());
      observer.observe(target, { attributes: true, attributeFilter: ['lang'], subtree: true });
      this.observers.push(observer);
    };
    for (let root = this.host.getRootNode(); ; root = (root as ShadowRoot).host.getRootNode()) {
      watch(root instanceof Document ? root.documentElement : root);
      if (!(root instanceof ShadowRoot)) break;
    }
  }

  hostDisconnected(): void {
    for (const observer of this.observers) observer.disconnect();
    this.observers = [];
  }

  hostUpdate(): void {
    this.leave?.();
    this.leave = enterLocale(this.resolve());
  }

  hostUpdated(): void {
    this.leave?.();
    this.leave = undefined;
  }

  /** Works out the locale now (the host calls it before using the locale in `willUpdate`). */
  resolve(): Locale {
    const { locale, unsupported } = this.wanted();
    if (unsupported !== this.unsupported) {
      this.unsupported = unsupported;
      this.onUnsupported?.(unsupported);
    }
    this.locale = locale ?? 'fr';
    return this.locale;
  }

  /**
   * The loading of the messages of the language the element is about to speak, when they are not
   * there yet (English, the first time on the page); undefined otherwise. Changes nothing: until they
   * are there, the element keeps speaking the language it spoke.
   */
  messagesLoading(): Promise<unknown> | undefined {
    return allMessagesLoaded() ? undefined : messagesOf(this.wanted().locale ?? 'fr');
  }

  private wanted(): { locale: Locale | undefined; unsupported: string | undefined } {
    const own = this.host.getAttribute('lang');
    const locale = own ? toLocale(own) : toLocale(inheritedLang(this.host));
    return { locale, unsupported: own && !locale ? own : undefined };
  }

  /** Runs `fn` with interface text in the element's language. */
  run<T>(fn: () => T): T {
    return inLocale(this.locale, fn);
  }
}

/** The `lang` of the nearest ancestor, across shadow roots. */
function inheritedLang(el: Element): string | undefined {
  let node: Element | null = el;
  while (node) {
    const found: Element | null | undefined = node.parentElement?.closest('[lang]');
    if (found) return found.getAttribute('lang') ?? undefined;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
    if (node?.hasAttribute('lang')) return node.getAttribute('lang') ?? undefined;
  }
  return undefined;
}
