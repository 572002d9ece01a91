import { createEngine } from '../engine/create-engine.js';
import { EngineError } from '../engine/errors.js';
import type { Instrument } from '../schema/instrument.js';
import type { Result } from '../schema/result.js';
import type { DraftStore } from './store.js';

/**
 * Drafts of a filled instrument, kept where the host allows (decision 0006): this module is loaded
 * only when an element's drafts are on, so the elements carry none of it otherwise.
 *
 * A draft is an envelope of text: the instrument's id and version, when it was saved, when it
 * expires, and the result — as JSON, or, when the host gives an AES-GCM key, as ciphertext (a fresh
 * 12-byte IV per save, the storage key as additional data, so a draft copied under another key does
 * not decrypt). A draft that cannot be read is never dropped: it is set aside under its own key, in
 * an envelope that says when it expires. An encrypted draft found while there is no key is neither
 * read nor set aside: it waits for the key. Expired drafts and copies of every id are swept.
 */

export { localDraftStore, type DraftStore } from './store.js';

export interface DraftOptions {
  store: DraftStore;
  /** The host's key; without one, drafts are plain JSON. */
  key?: CryptoKey | undefined;
  /** Minutes a draft lives after its last save. */
  ttlMinutes: number;
  now?: () => number;
}

interface Envelope {
  boussoleDraft: 1;
  instrument: { id: string; version: string };
  savedAt: string;
  expiresAt: string;
  /** Present when the result is encrypted: base64 of the IV. */
  iv?: string;
  /** The result as JSON text, or base64 of its ciphertext. */
  data: string;
}

/** A draft that could not be read, kept aside with its own expiry (readable without any key). */
interface SetAside {
  boussoleSetAside: 1;
  reason: UnreadableReason;
  setAsideAt: string;
  expiresAt: string;
  /** The draft's text exactly as it was found. */
  draft: string;
}

/** Why a draft could not be read. */
export type UnreadableReason = 'corrupt' | 'wrong-key' | 'not-a-result' | 'instrument-mismatch' | 'version-mismatch';

export type Found =
  | { status: 'none' }
  | { status: 'expired' }
  /** Encrypted, and no key yet: left as it is, to be read once the key comes. */
  | { status: 'locked' }
  | { status: 'draft'; result: Result; savedAt: string }
  | { status: 'unreadable'; reason: UnreadableReason; asideKey: string };

const asidePrefix = (key: string) => `${key}:unreadable:`;

/** When a stored text (a draft or a copy set aside) expires, in ms; undefined when it cannot be told. */
function expiryOf(key: string, raw: string | null | undefined, ttlMinutes: number): number | undefined {
  let parsed: Partial<Envelope & SetAside> | undefined;
  try {
    parsed = JSON.parse(raw ?? '') as Partial<Envelope & SetAside>;
  } catch {
    parsed = undefined;
  }
  if ((parsed?.boussoleDraft === 1 || parsed?.boussoleSetAside === 1) && typeof parsed.expiresAt === 'string') {
    const at = Date.parse(parsed.expiresAt);
    if (!Number.isNaN(at)) return at;
  }
  // A copy set aside before copies had an envelope: the key tells when.
  const since = /:unreadable:(\d+)$/.exec(key)?.[1];
  return since === undefined ? undefined : Number(since) + ttlMinutes * 60_000;
}

/** Base64 of bytes, in slices (a spread of a large array would overflow the call stack). */
function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** Whether a key can protect drafts: AES-GCM, for encrypting and decrypting. */
export const usableKey = (key: unknown): key is CryptoKey =>
  typeof CryptoKey !== 'undefined' &&
  key instanceof CryptoKey &&
  key.algorithm.name === 'AES-GCM' &&
  key.usages.includes('encrypt') &&
  key.usages.includes('decrypt');

export class Drafts {
  constructor(private readonly options: DraftOptions) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Saves a result under `key`; returns when it was saved. */
  async save(key: string, result: Result): Promise<string> {
    const now = this.now();
    const savedAt = new Date(now).toISOString();
    const expiresAt = new Date(now + this.options.ttlMinutes * 60_000).toISOString();
    const json = JSON.stringify(result);
    const envelope: Envelope = { boussoleDraft: 1, instrument: result.instrument, savedAt, expiresAt, data: json };
    const cryptoKey = this.options.key;
    if (cryptoKey) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(key) }, cryptoKey, new TextEncoder().encode(json));
      envelope.iv = toBase64(iv);
      envelope.data = toBase64(new Uint8Array(sealed));
    }
    await this.options.store.set(key, JSON.stringify(envelope));
    return savedAt;
  }

  /**
   * The draft under `key`, checked against the instrument: none, expired (then deleted), readable,
   * locked (encrypted and no key: left untouched), or unreadable (then set aside under its own key,
   * for the same TTL, and the original deleted — unless `current()` says the answer is no longer
   * wanted, for example because another key came meanwhile).
   */
  async find(key: string, instrument: Instrument, current: () => boolean = () => true): Promise<Found> {
    const raw = await this.options.store.get(key);
    if (raw === null || raw === undefined) return { status: 'none' };
    const opened = await this.open(key, raw, instrument);
    if (opened.status === 'expired') await this.options.store.remove(key);
    if (opened.status !== 'unreadable') return opened;
    const now = this.now();
    const asideKey = `${asidePrefix(key)}${now}`;
    if (!current()) return { status: 'unreadable', reason: opened.reason, asideKey };
    const aside: SetAside = {
      boussoleSetAside: 1,
      reason: opened.reason,
      setAsideAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.options.ttlMinutes * 60_000).toISOString(),
      draft: raw,
    };
    await this.options.store.set(asideKey, JSON.stringify(aside));
    await this.options.store.remove(key);
    return { status: 'unreadable', reason: opened.reason, asideKey };
  }

  /**
   * Deletes every draft and every set-aside copy under `prefix` (every draft id of the store) whose
   * expiry has passed, except under `except` (the draft being opened, which `find` handles). Their
   * expiry is outside the ciphertext, so no key is needed. A store without `keys()` is not swept.
   */
  async sweep(prefix: string, except?: string): Promise<string[]> {
    const store = this.options.store;
    const keys = (await store.keys?.(prefix)) ?? [];
    const now = this.now();
    const deleted: string[] = [];
    for (const key of keys) {
      if (key === except) continue;
      const expires = expiryOf(key, await store.get(key), this.options.ttlMinutes);
      if (expires === undefined || expires > now) continue;
      await store.remove(key);
      deleted.push(key);
    }
    return deleted;
  }

  private async open(key: string, raw: string, instrument: Instrument): Promise<Exclude<Found, { status: 'unreadable' }> | { status: 'unreadable'; reason: UnreadableReason }> {
    const unreadable = (reason: UnreadableReason) => ({ status: 'unreadable' as const, reason });
    let envelope: Envelope;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch {
      return unreadable('corrupt');
    }
    if (envelope?.boussoleDraft !== 1 || typeof envelope.data !== 'string' || typeof envelope.expiresAt !== 'string') return unreadable('corrupt');
    if (Date.parse(envelope.expiresAt) <= this.now()) return { status: 'expired' };
    let json = envelope.data;
    if (envelope.iv !== undefined) {
      if (!this.options.key) return { status: 'locked' };
      try {
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: fromBase64(envelope.iv), additionalData: new TextEncoder().encode(key) },
          this.options.key,
          fromBase64(envelope.data),
        );
        json = new TextDecoder().decode(plain);
      } catch {
        return unreadable('wrong-key');
      }
    }
    let result: unknown;
    try {
      result = JSON.parse(json);
    } catch {
      return unreadable('corrupt');
    }
    // The same policy as any value: same instrument, same MAJOR (or a declared migration).
    try {
      createEngine(instrument).load(result);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      if (error.code === 'instrument-mismatch' || error.code === 'version-mismatch') return unreadable(error.code);
      return unreadable('not-a-result');
    }
    return { status: 'draft', result: result as Result, savedAt: envelope.savedAt };
  }

  async remove(key: string): Promise<void> {
    await this.options.store.remove(key);
  }

  /** Deletes the draft and every copy set aside for it. */
  async purge(key: string): Promise<void> {
    await this.options.store.remove(key);
    for (const aside of (await this.options.store.keys?.(asidePrefix(key))) ?? []) await this.options.store.remove(aside);
  }
}
