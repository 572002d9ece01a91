import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Engine } from '../../engine/create-engine.js';
import type { Result } from '../../schema/result.js';
import type { DraftStore } from '../../drafts/store.js';
import { BoussoleDraftEvent, type DraftDetail } from '../events.js';
import type { NoticesController } from './notices.js';

type Host = ReactiveControllerHost & HTMLElement;
type DraftsModule = typeof import('../../drafts/index.js');

export const DRAFT_MODES = ['none', 'local'] as const;
export type DraftMode = (typeof DRAFT_MODES)[number];

/** A draft's life is short by default: a working day. */
export const DEFAULT_DRAFT_TTL_MINUTES = 12 * 60;
/** A change is saved at most this long after it was made. */
export const DRAFT_SAVE_DELAY_MS = 1000;
/** Every draft key starts so (then the instrument id and the draft id). */
const DRAFT_KEY_PREFIX = 'boussole-draft:';

/**
 * The clock drafts are dated and expired by. For tests only (to pass a TTL without waiting): not
 * part of the package's API, and nothing in the package changes it.
 */
export const draftClock = { now: (): number => Date.now() };

export interface DraftSettings {
  /** `local` (the browser's storage), or `none`; an explicit `none` also turns a host store off. */
  mode: string | undefined;
  draftId: string | undefined;
  ttlMinutes: number | undefined;
  store: DraftStore | undefined;
  key: CryptoKey | undefined;
}

export interface DraftControllerOptions {
  settings(): DraftSettings;
  engine(): Engine | undefined;
  /** Puts a found draft into the form (the person chose to restore it). */
  restore(result: Result): void;
}

/** A draft found on load, offered to the person. */
export interface DraftOffer {
  savedAt: string;
}

/**
 * Opt-in drafts (decision 0006), off unless the host turns them on: `drafts="local"` (the browser's
 * localStorage) or its own `draftStore`, always scoped by a `draft-id`. A found draft is offered,
 * not applied; saves run at most a second after a change and on `pagehide` and `visibilitychange`;
 * a successful submit deletes the draft. An encrypted draft found before the host's key came is
 * waited for: nothing is offered, set aside or saved over it until the key comes (hosts often
 * derive their key asynchronously, after the element is connected). The first check also sweeps
 * the expired drafts and set-aside copies of every id of the store. The storage and encryption code
 * (src/drafts) is loaded only once drafts are on.
 */
export class DraftController implements ReactiveController {
  /** The draft found and offered, until the person restores or discards it. */
  offer: DraftOffer | undefined;
  /** The offered draft, already read and checked: restoring it cannot fail. */
  private found?: { result: Result; savedAt: string };
  /** An encrypted draft is there and the key has not come yet: nothing is saved over it. */
  private waitingForKey = false;
  /** Counts configurations: the answer of a check made for an older one is dropped. */
  private generation = 0;
  /** When this element last saved (a draft found with this date is its own, not one to offer). */
  private lastSavedAt?: string;
  private drafts?: import('../../drafts/index.js').Drafts;
  private module?: Promise<DraftsModule>;
  /** What the current configuration is for (store, key, TTL, instrument, id); a change checks again. */
  private configured?: string;
  private storageKey?: string;
  private pending?: Result;
  private timer?: ReturnType<typeof setTimeout>;
  private unsubscribe?: () => void;
  private watched?: Engine;
  /** Saving waits until the check on load is done and the person answered an offer. */
  private ready = false;
  /** Something changed while saving waited: saved as soon as it may be. */
  private dirty = false;
  private saving: Promise<void> = Promise.resolve();
  private lastStore?: DraftStore;
  /** The store last swept (`local` for the browser's): once per element and store is enough. */
  private swept?: DraftStore | 'local';
  private lastKey?: CryptoKey;

  constructor(
    private readonly host: Host,
    private readonly notices: NoticesController,
    private readonly options: DraftControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.flush();
  }

  hostUpdated(): void {
    this.configure();
  }

  /** Whether drafts are on for this element now. */
  get active(): boolean {
    return this.storageKey !== undefined;
  }

  /** The person restores the offered draft (read when it was offered, so this cannot fail). */
  async restore(): Promise<void> {
    const found = this.found;
    if (!this.offer || !found) return;
    this.offer = undefined;
    this.found = undefined;
    this.dirty = false;
    this.ready = true;
    this.options.restore(found.result);
    this.fire({ type: 'restored', savedAt: found.savedAt });
    this.host.requestUpdate();
  }

  /** The person discards the offered draft: it is deleted, and saving starts afresh. */
  async discard(): Promise<void> {
    if (!this.offer || !this.drafts || !this.storageKey) return;
    const { savedAt } = this.offer;
    this.offer = undefined;
    this.found = undefined;
    this.becomeReady();
    await this.attempt(() => this.drafts!.remove(this.storageKey!));
    this.fire({ type: 'discarded', savedAt, reason: 'person' });
    this.host.requestUpdate();
  }

  /** Deletes the draft and what was set aside for it (the host's `purgeDraft()`). */
  async purge(): Promise<void> {
    this.cancel();
    await this.saving;
    const key = this.storageKey ?? this.keyFor();
    const drafts = this.drafts ?? (key ? await this.load() : undefined);
    if (!drafts || !key) return;
    this.offer = undefined;
    this.found = undefined;
    await this.attempt(() => drafts.purge(key));
    // Nothing is left to offer or to wait for: what is typed from now on is saved.
    if (this.waitingForKey && key === this.storageKey) {
      this.waitingForKey = false;
      this.becomeReady();
    }
    this.fire({ type: 'discarded', reason: 'purge' });
    this.host.requestUpdate();
  }

  /** A submit succeeded: the draft has served (not one still waiting for its key: it was never read). */
  async submitted(): Promise<void> {
    if (!this.active || !this.drafts || this.waitingForKey) return;
    this.cancel();
    await this.saving;
    this.offer = undefined;
    await this.attempt(() => this.drafts!.remove(this.storageKey!));
    this.fire({ type: 'discarded', reason: 'submitted' });
  }

  /** The form changed before this controller was there (its chunk loading): saved once saving may start. */
  changedMeanwhile(): void {
    if (!this.active) return;
    if (this.ready) this.schedule();
    else this.dirty = true;
  }

  // ——— configuration and the check on load ———

  private keyFor(): string | undefined {
    const { draftId } = this.options.settings();
    const engine = this.options.engine();
    return draftId && engine ? `boussole-draft:${engine.instrument.id}:${draftId}` : undefined;
  }

  private configure(): void {
    const settings = this.options.settings();
    const engine = this.options.engine();
    const on = settings.mode === 'local' || (settings.store !== undefined && settings.mode !== 'none');
    const badMode = settings.mode !== undefined && !(DRAFT_MODES as readonly string[]).includes(settings.mode);
    const badTtl = settings.ttlMinutes !== undefined && !(settings.ttlMinutes > 0);
    const missingId = on && !settings.draftId;
    // Objects (store, key) have no text form: their identity is part of the configuration.
    const signature = JSON.stringify([on && !badMode && !badTtl && !missingId, settings.mode, settings.draftId, settings.ttlMinutes, engine?.instrument.id]);
    const sameButKey = signature === this.configured && settings.store === this.lastStore;
    const same = sameButKey && settings.key === this.lastKey;
    if (same && engine === this.watched) return;
    if (!same) {
      this.generation++;
      this.configured = signature;
      this.lastStore = settings.store;
      this.lastKey = settings.key;
      this.notices.clear('drafts');
      if (badMode) this.notices.raise('drafts', 'invalid-draft-setting', { attribute: 'drafts', value: settings.mode });
      else if (badTtl) this.notices.raise('drafts', 'invalid-draft-setting', { attribute: 'draft-ttl', value: String(settings.ttlMinutes) });
      else if (missingId) this.notices.raise('drafts', 'invalid-draft-setting', { attribute: 'draft-id' });
      // Only the key changed (it came, say): what was typed meanwhile is still to be saved.
      const unsaved = this.dirty || this.timer !== undefined || this.pending !== undefined;
      this.cancel();
      this.offer = undefined;
      this.found = undefined;
      this.waitingForKey = false;
      this.ready = false;
      this.dirty = sameButKey && unsaved;
      this.storageKey = on && !badMode && !badTtl && !missingId ? this.keyFor() : undefined;
    }
    this.watch(engine);
    if (!same && this.storageKey) void this.check();
  }

  /** Listens to the engine's changes, to save them. */
  private watch(engine: Engine | undefined): void {
    if (engine === this.watched) return;
    this.unsubscribe?.();
    this.watched = engine;
    this.unsubscribe = engine?.subscribe(() => this.schedule());
  }

  private load(): Promise<import('../../drafts/index.js').Drafts> {
    this.module ??= import('../../drafts/index.js');
    return this.module.then((m) => {
      const { store, key, ttlMinutes } = this.options.settings();
      return new m.Drafts({
        store: store ?? m.localDraftStore(),
        key: m.usableKey(key) ? key : undefined,
        ttlMinutes: ttlMinutes ?? DEFAULT_DRAFT_TTL_MINUTES,
        now: () => draftClock.now(),
      });
    });
  }

  /**
   * Looks for a draft under the key: offers it, deletes it when expired, sets it aside when
   * unreadable, waits when it is encrypted and there is no key yet; then sweeps what has expired.
   */
  private async check(): Promise<void> {
    const key = this.storageKey!;
    const generation = this.generation;
    const current = () => generation === this.generation;
    const engine = this.options.engine();
    if (!engine) return;
    const settings = this.options.settings();
    if (settings.key !== undefined) {
      const m = await (this.module ??= import('../../drafts/index.js'));
      if (!current()) return;
      if (!m.usableKey(settings.key)) this.notices.raise('drafts', 'invalid-draft-setting', { attribute: 'draftEncryptionKey', value: 'CryptoKey AES-GCM (encrypt, decrypt)' });
    }
    let drafts: import('../../drafts/index.js').Drafts;
    try {
      drafts = await this.load();
      if (!current()) return;
      this.drafts = drafts;
      const found = await drafts.find(key, engine.instrument, current);
      if (!current()) return;
      if (found.status === 'draft' && found.savedAt === this.lastSavedAt) {
        // This element's own save, read again because the key changed: saved again under the new key.
        this.dirty = true;
        this.becomeReady();
      } else if (found.status === 'draft') {
        this.found = found;
        this.offer = { savedAt: found.savedAt };
        this.notices.clear('draft');
      } else if (found.status === 'locked') {
        this.waitingForKey = true;
        this.fire({ type: 'waiting', reason: 'key' });
      } else {
        this.becomeReady();
        if (found.status === 'expired') this.fire({ type: 'expired' });
        else if (found.status === 'unreadable') await this.report(found);
      }
    } catch {
      if (!current()) return;
      this.becomeReady();
      this.fire({ type: 'failed', reason: 'store' });
      this.host.requestUpdate();
      return;
    }
    this.host.requestUpdate();
    const store = settings.store ?? 'local';
    if (this.swept === store) return;
    try {
      await drafts.sweep(DRAFT_KEY_PREFIX, key);
      this.swept = store;
    } catch {
      // A store that cannot be swept now is swept at the next check.
    }
  }

  /** Saving may start; what changed while it waited is saved now. */
  private becomeReady(): void {
    this.ready = true;
    if (this.dirty) this.schedule();
  }

  private async report(found: { status: string; reason?: string; asideKey?: string }): Promise<void> {
    if (found.status !== 'unreadable') return;
    // Never an offer beside the notice that the draft could not be read.
    this.offer = undefined;
    this.found = undefined;
    this.notices.raise('draft', 'unreadable-draft', { reason: found.reason, setAsideAs: found.asideKey });
    this.fire({ type: 'failed', reason: 'unreadable' });
  }

  // ——— saving ———

  private schedule(): void {
    if (!this.active) return;
    if (!this.ready) {
      this.dirty = true;
      return;
    }
    this.dirty = false;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.save();
    }, DRAFT_SAVE_DELAY_MS);
  }

  private cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Saves now what is pending (the page is hidden or goes away). */
  private readonly flush = (): void => {
    if (this.timer === undefined) return;
    this.cancel();
    this.save();
  };

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  private save(): void {
    const engine = this.options.engine();
    const key = this.storageKey;
    if (!engine || !key || !this.drafts || !this.ready) return;
    this.pending = engine.toResult();
    const drafts = this.drafts;
    const generation = this.generation;
    // One save at a time, in order; the latest state is what is written.
    this.saving = this.saving.then(async () => {
      const result = this.pending;
      if (!result || key !== this.storageKey || generation !== this.generation) return;
      this.pending = undefined;
      try {
        const savedAt = await drafts.save(key, result);
        this.lastSavedAt = savedAt;
        this.fire({ type: 'saved', savedAt });
      } catch {
        this.fire({ type: 'failed', reason: 'store' });
      }
    });
  }

  private async attempt(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch {
      this.fire({ type: 'failed', reason: 'store' });
    }
  }

  private fire(detail: DraftDetail): void {
    this.host.dispatchEvent(new BoussoleDraftEvent(detail));
  }
}
