import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DraftController, DraftControllerOptions, DraftOffer } from '../controllers/drafts.js';
import type { NoticesController } from '../controllers/notices.js';
import { tellUnavailable } from '../on-need.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The form's drafts, loaded on need (issue 19, decision 3): the draft controller (src/elements/controllers/drafts.ts)
 * is a chunk of its own, fetched only once a drafts setting is given (`drafts` other than `none`, a `draftStore`, a
 * `draft-ttl`) or the host calls `purgeDraft()`. Until then there is no draft to offer, save or delete. While it
 * loads, `loading()` gives the promise `updateComplete` waits for; a change made meanwhile is saved once it is there.
 */
export class DraftsOnNeed implements ReactiveController {
  private controller?: DraftController;
  private pending?: Promise<DraftController>;
  /** Something changed in the form while the controller loaded. */
  private changed = false;

  constructor(
    private readonly host: Host,
    private readonly notices: NoticesController,
    private readonly options: DraftControllerOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.controller || this.pending) return;
    const { mode, store, ttlMinutes } = this.options.settings();
    // A chunk that cannot be fetched is told by load() itself.
    if ((mode !== undefined && mode !== 'none') || store !== undefined || ttlMinutes !== undefined) this.load().catch(() => undefined);
  }

  /** The controller's chunk while it loads (then the element updates); undefined otherwise. */
  loading(): Promise<unknown> | undefined {
    return this.controller ? undefined : this.pending?.catch(() => undefined);
  }

  /** The draft found and offered, until the person restores or discards it. */
  get offer(): DraftOffer | undefined {
    return this.controller?.offer;
  }

  restore(): Promise<void> {
    return this.controller?.restore() ?? Promise.resolve();
  }

  discard(): Promise<void> {
    return this.controller?.discard() ?? Promise.resolve();
  }

  submitted(): Promise<void> {
    return this.controller?.submitted() ?? Promise.resolve();
  }

  /** Deletes the draft (the host's `purgeDraft()`): loads the controller when drafts were never on. */
  async purge(): Promise<void> {
    const controller = this.controller ?? (await this.load());
    await controller.purge();
  }

  private load(): Promise<DraftController> {
    if (this.pending) return this.pending;
    const unsubscribe = this.options.engine()?.subscribe(() => {
      this.changed = true;
    });
    this.pending = import('../controllers/drafts.js').then(
      (m) => {
        unsubscribe?.();
        const controller = (this.controller = new m.DraftController(this.host, this.notices, this.options));
        controller.hostUpdated();
        if (this.changed) controller.changedMeanwhile();
        this.host.requestUpdate();
        return controller;
      },
      (error: unknown) => {
        // The drafts' chunk cannot be fetched: nothing is kept, and the person and the host are told so,
        // as for every module loaded on need (BoussoleElement.moduleFailed). purgeDraft() rejects.
        unsubscribe?.();
        tellUnavailable(this.host, 'drafts');
        throw error;
      },
    );
    return this.pending;
  }
}
