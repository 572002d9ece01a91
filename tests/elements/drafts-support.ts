// What the draft tests share: a draft id per test, an element made as a host makes it, a person's
// answer and its save, a key derived as a portal derives it, and a look at both stores.
import { fixture, oneEvent } from '@open-wc/testing';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import type { BoussoleDraftEvent } from '../../src/elements/events.js';
import { draftClock } from '../../src/elements/controllers/drafts.js';
import { allByRole, clickOption, settle, textOf, topSections } from './helpers.js';

// Each test has its own draft id: an element a previous test left saves once more as it goes.
let n = 0;
/** This test's draft id and its storage key (live bindings: they change before each test). */
export let ID = '';
export let KEY = '';
/** This test's keys in localStorage (its drafts and what was set aside for them). */
export const drafts = () => Object.keys(localStorage).filter((k) => k.startsWith(`${KEY}`));
export const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until `done()` holds (the draft module loads and the store answers asynchronously). */
export async function until<T>(done: () => T, timeout = 5000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = done();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error('timed out');
    await wait(10);
  }
}

export async function make(attrs = 'drafts="local" draft-id="ID"', setup?: (el: BoussoleForm) => void): Promise<BoussoleForm> {
  const host = await fixture<HTMLElement>('<div></div>');
  const el = document.createElement('boussole-pin-grid') as BoussoleForm;
  for (const [, name, value] of attrs.matchAll(/([\w-]+)="([^"]*)"/g)) el.setAttribute(name!, value === 'ID' ? ID : value!);
  setup?.(el);
  host.append(el);
  await settle(el);
  await wait(30); // the draft module loads and the store answers
  await settle(el);
  return el;
}

/** Answers the first statement, as a person does, and waits for the save. */
export async function answerAndSave(el: BoussoleForm): Promise<BoussoleDraftEvent> {
  const saved = oneEvent(el, 'boussole-draft') as Promise<BoussoleDraftEvent>;
  await clickOption(allByRole(topSections(el)[0]!, 'radio')[1] as HTMLInputElement);
  return saved;
}

export const offer = (el: Element) => allByRole(el, 'status').find((s) => /Un brouillon enregistré/.test(textOf(s)));

export const aesKey = (bytes = 1) =>
  crypto.subtle.importKey('raw', new Uint8Array(32).fill(bytes), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);

/** A key as a portal derives it from a login secret: PBKDF2 (600 000 rounds, OWASP's advice for SHA-256), so it comes asynchronously. */
export async function derivedKey(secret = 'secret-du-portail'): Promise<CryptoKey> {
  const text = new TextEncoder();
  const base = await crypto.subtle.importKey('raw', text.encode(secret), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', salt: text.encode('sel-du-portail'), iterations: 600_000, hash: 'SHA-256' }, base, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

/**
 * The page as a host writes it: the element in the HTML with its draft attributes, and a module that
 * derives the key and sets it once it has it (after the element is connected; `delay` more ms later).
 */
export async function hostPage(delay: number, listen?: (el: BoussoleForm) => void): Promise<{ el: BoussoleForm; keyed: Promise<void> }> {
  const host = await fixture<HTMLElement>(`<div><boussole-pin-grid drafts="local" draft-id="${ID}"></boussole-pin-grid></div>`);
  const el = host.querySelector('boussole-pin-grid') as BoussoleForm;
  listen?.(el);
  const keyed = derivedKey().then(async (key) => {
    await wait(delay);
    el.draftEncryptionKey = key;
  });
  return { el, keyed };
}

/** The keys the IndexedDB copy of localStorage holds under a prefix. */
export async function mirrorKeys(prefix: string): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('boussole-drafts', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('drafts');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
    const request = db.transaction('drafts').objectStore('drafts').getAllKeys();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return keys.map(String).filter((k) => k.startsWith(prefix));
}

const realClock = draftClock.now;

/** The element that has focus, inside shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
/** An element as a person would name it: its tag and its text (compared as text, not as objects). */
export const where = (el: Element | null) => (el ? `${el.localName}: ${textOf(el)}` : 'nothing');

/** A fresh draft id for each test; storage emptied and the real clock back after it. */
export function eachTestHasItsDraftId(): void {
  beforeEach(() => {
    ID = `ENF-${++n}`;
    KEY = `boussole-draft:pin-grid:${ID}`;
  });
  afterEach(() => {
    draftClock.now = realClock;
    localStorage.clear();
  });
}

