import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Moves focus once the next update has rendered what should receive it: the error summary after a
 * failed submit, the field an error-summary link names, the first field of a participant or an
 * action just added, a section heading in `layout="sections"`. The target is then scrolled into
 * view (`block`: its middle, or its top for a box whose heading must be seen first). Usable by any
 * element.
 */
export class FocusController implements ReactiveController {
  private target?: { id: string; block: ScrollLogicalPosition };

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Focuses the node with this id (in the host's render root) after the next update. */
  request(id: string, block: ScrollLogicalPosition = 'center'): void {
    this.target = { id, block };
    this.host.requestUpdate();
  }

  /** Like `request`, one frame later and only when focus is inside the host then (the browser moved it there). */
  requestIfFocused(id: string, focused: () => boolean, block: ScrollLogicalPosition = 'center'): void {
    requestAnimationFrame(() => {
      if (focused()) this.request(id, block);
    });
  }

  hostUpdated(): void {
    const target = this.target;
    if (target === undefined) return;
    this.target = undefined;
    const el = (this.host.renderRoot as ShadowRoot).getElementById?.(target.id) as HTMLElement | null;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView?.({ block: target.block });
  }
}
