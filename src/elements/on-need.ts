import { supportsAdoptingStyleSheets, type CSSResult, type ReactiveControllerHost } from 'lit';

/**
 * Modules an element loads the first time it needs them (issue 19, decisions 0012–0013): the format's
 * parsers, the comparison with a previous record, a layout's parts and styles. Until one is there the
 * element shows what it can, then updates; `updateComplete` waits for every module the element asked
 * for (`waitedBy`, BoussoleElement). Once loaded, everything is synchronous again.
 */
export interface OnNeed<M> {
  /** The module when loaded, else undefined. */
  loaded(): M | undefined;
  /** The module when loaded; else starts loading it, and once it is there runs `retry` and updates `host`. */
  get(host: ReactiveControllerHost, retry?: () => void): M | undefined;
  /**
   * Starts loading it now, for an element that knows it will need it at its next update (a host just gave
   * an instrument): the fetch then runs while the element sets itself up. A failure is told by `get`.
   */
  preload(): void;
}

/** Every module loaded on need, and the elements waiting for each. */
const all: { waitedBy(host: ReactiveControllerHost): Promise<unknown> | undefined }[] = [];

/**
 * Tells an element that a module it waits for cannot be loaded: BoussoleElement.moduleFailed shows it and
 * sends `boussole-error`, once per element and module. For the loaders below and those with their own
 * (the drafts' controller).
 */
export const tellUnavailable = (host: ReactiveControllerHost, name: string): void =>
  (host as { moduleFailed?(name: string): void }).moduleFailed?.(name);

/**
 * `name` says which module, in the error an element gets when it cannot be loaded (a deployment that left
 * a chunk out, a network failure): each element that asks for it is told (`tellUnavailable`), and says
 * so once; the page has to be loaded again (an element asking again in a loop would fetch in a loop).
 */
export function onNeed<M>(name: string, load: () => Promise<M>): OnNeed<M> {
  let loaded: M | undefined;
  let loading: Promise<M> | undefined;
  let failed = false;
  /** Elements that asked for the module and wait for it. */
  const waiting = new WeakSet<ReactiveControllerHost>();
  const start = () =>
    (loading ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        failed = true;
        throw error;
      },
    ));
  all.push({ waitedBy: (host) => (waiting.has(host) && loading ? loading.catch(() => undefined) : undefined) });
  return {
    loaded: () => loaded,
    preload() {
      if (!loaded && !failed) start().catch(() => undefined);
    },
    get(host, retry) {
      if (loaded) return loaded;
      if (failed) {
        tellUnavailable(host, name);
        return undefined;
      }
      const pending = start();
      waiting.add(host);
      pending.then(
        () => {
          waiting.delete(host);
          retry?.();
          host.requestUpdate();
        },
        () => {
          waiting.delete(host);
          tellUnavailable(host, name);
        },
      );
      return undefined;
    },
  };
}

/** A module `host` asked for and still waits for, if any; resolves once it is loaded (or could not be). */
export const waitedBy = (host: ReactiveControllerHost): Promise<unknown> | undefined => {
  for (const module of all) {
    const waiting = module.waitedBy(host);
    if (waiting) return waiting;
  }
  return undefined;
};

/** Adds a module's stylesheet after the element's own (last in the cascade, as if it were the last of `styles`). */
export function adoptLast(root: ShadowRoot, styles: CSSResult): void {
  if (supportsAdoptingStyleSheets && styles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
  else {
    const style = document.createElement('style');
    style.textContent = styles.cssText;
    root.appendChild(style);
  }
}
