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
 * not decrypt). A draft that cannot be read is never dropped: it is set aside under its own key.
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

/** Why a draft could not be read. */
export type UnreadableReason = 'corrupt' | 'no-key' | 'wrong-key' | 'not-a-result' | 'instrument-mismatch' | 'version-mismatch';

export type Found =
  | { status: 'none' }
  | { status: 'expired' }
  | { status: 'draft'; result: Result; savedAt: string }
  | { status: 'unreadable'; reason: UnreadableReason; asideKey: string };

const asidePrefix = (key: string) => `${key}:unreadable:`;

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
   * or unreadable (then set aside under its own key, and the original deleted).
   */
  async find(key: string, instrument: Instrument): Promise<Found> {
    const raw = await this.options.store.get(key);
    if (raw === null || raw === undefined) return { status: 'none' };
    const opened = await this.open(key, raw, instrument);
    if (opened.status === 'expired') await this.options.store.remove(key);
    if (opened.status !== 'unreadable') return opened;
    const asideKey = `${asidePrefix(key)}${this.now()}`;
    await this.options.store.set(asideKey, raw);
    await this.options.store.remove(key);
    return { status: 'unreadable', reason: opened.reason, asideKey };
  }

  private async open(key: string, raw: string, instrument: Instrument): Promise<Found | { status: 'unreadable'; reason: UnreadableReason }> {
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
      if (!this.options.key) return unreadable('no-key');
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
