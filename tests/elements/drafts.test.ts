// Opt-in drafts (decision 0006), driven as a host and a person would: off by default, scoped by
// draft-id, offered not applied, encrypted when the host gives a key, never silently dropped.
import { expect, fixture, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import pin from '../../schemas/instruments/pin-grid.json' with { type: 'json' };
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import type { BoussoleDraftEvent, BoussoleErrorEvent } from '../../src/elements/events.js';
import type { DraftStore } from '../../src/drafts/store.js';
import { createEngine } from '../../src/engine/index.js';
import type { Instrument } from '../../src/schema/index.js';
import { fillAll } from '../support/fill.js';
import { draftClock } from '../../src/elements/controllers/drafts.js';
import { allByRole, byRole, click, clickOption, errorBoxes, focused, press, queryByRole, settle, submitButton, textOf, topSections } from './helpers.js';

// Each test has its own draft id: an element a previous test left saves once more as it goes.
let n = 0;
let ID = '';
let KEY = '';
const drafts = () => Object.keys(localStorage).filter((k) => k.startsWith(`${KEY}`));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until `done()` holds (the draft module loads and the store answers asynchronously). */
async function until<T>(done: () => T, timeout = 5000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = done();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error('timed out');
    await wait(10);
  }
}

async function make(attrs = 'drafts="local" draft-id="ID"', setup?: (el: BoussoleForm) => void): Promise<BoussoleForm> {
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
async function answerAndSave(el: BoussoleForm): Promise<BoussoleDraftEvent> {
  const saved = oneEvent(el, 'boussole-draft') as Promise<BoussoleDraftEvent>;
  await clickOption(allByRole(topSections(el)[0]!, 'radio')[1] as HTMLInputElement);
  return saved;
}

const offer = (el: Element) => allByRole(el, 'status').find((s) => /Un brouillon enregistré/.test(textOf(s)));

const aesKey = (bytes = 1) =>
  crypto.subtle.importKey('raw', new Uint8Array(32).fill(bytes), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);

/** A key as a portal derives it from a login secret: PBKDF2, so it comes asynchronously. */
async function derivedKey(secret = 'secret-du-portail'): Promise<CryptoKey> {
  const text = new TextEncoder();
  const base = await crypto.subtle.importKey('raw', text.encode(secret), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', salt: text.encode('sel-du-portail'), iterations: 200_000, hash: 'SHA-256' }, base, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

/**
 * The page as a host writes it: the element in the HTML with its draft attributes, and a module that
 * derives the key and sets it once it has it (after the element is connected; `delay` more ms later).
 */
async function hostPage(delay: number, listen?: (el: BoussoleForm) => void): Promise<{ el: BoussoleForm; keyed: Promise<void> }> {
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
async function mirrorKeys(prefix: string): Promise<string[]> {
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

beforeEach(() => {
  ID = `ENF-${++n}`;
  KEY = `boussole-draft:pin-grid:${ID}`;
});
afterEach(() => {
  draftClock.now = realClock;
  localStorage.clear();
});

describe('drafts', () => {
  it('are off by default: filling the form stores nothing anywhere', async () => {
    const writes: string[] = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      writes.push(key);
      return setItem.call(this, key, value);
    };
    try {
      const el = await make('');
      await clickOption(allByRole(el, 'radio')[0] as HTMLInputElement);
      await wait(1300);
      expect(writes).to.deep.equal([]);
      expect(document.cookie).to.equal('');
      expect(el.shadowRoot!.querySelector('.draft-offer:not([hidden])')).to.equal(null);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });

  it('need a draft-id: without one, a clear message and nothing stored', async () => {
    const errors: string[] = [];
    const el = await make('drafts="local"', (e) => e.addEventListener('boussole-error', (ev) => errors.push((ev as BoussoleErrorEvent).detail.message)));
    await clickOption(allByRole(el, 'radio')[0] as HTMLInputElement);
    await wait(1200);
    expect(errors.join(' ')).to.contain('« draft-id »');
    expect(Object.keys(localStorage).filter((k) => k.startsWith('boussole-draft:pin-grid:undefined') || k === 'boussole-draft:pin-grid:')).to.deep.equal([]);
  });

  it('save a second after a change, in plain JSON without a key, and never put answers in events', async () => {
    const el = await make();
    const started = performance.now();
    const { detail } = await answerAndSave(el);
    expect(performance.now() - started).to.be.below(1600);
    expect(detail.type).to.equal('saved');
    expect(Object.keys(detail).sort()).to.deep.equal(['savedAt', 'type']);
    const stored = JSON.parse(localStorage.getItem(KEY)!);
    expect(stored.iv).to.equal(undefined);
    expect(JSON.parse(stored.data).answers['pin.ecosystemic.needs-together']).to.deep.equal({ value: 'partial' });
  });

  it('a found draft is offered, not applied; restoring brings every answer back', async () => {
    const first = await make();
    const engine = createEngine(pin as unknown as Instrument);
    fillAll(engine, { share: 0.5 });
    first.value = engine.toResult();
    await answerAndSave(first);
    const typed = first.value!;
    first.remove();

    const events: string[] = [];
    const el = await make('drafts="local" draft-id="ID"', (e) => e.addEventListener('boussole-draft', (ev) => events.push((ev as BoussoleDraftEvent).detail.type)));
    await until(() => offer(el));
    expect(textOf(offer(el)!)).to.match(/Un brouillon enregistré le .+ a été trouvé/);
    expect(el.value!.answers, 'not applied before the person says so').to.deep.equal({});
    await click(byRole(offer(el)!, 'button', { name: 'Reprendre le brouillon' }));
    await wait(30);
    await settle(el);
    expect(el.value!.answers).to.deep.equal(typed.answers);
    expect(el.value!.session).to.deep.equal(typed.session);
    expect(events).to.deep.equal(['restored']);
    expect(offer(el)).to.equal(undefined);
  });

  it('discarding deletes the draft; a successful submit deletes it too', async () => {
    const first = await make();
    await answerAndSave(first);
    first.remove();
    const el = await make();
    await until(() => offer(el));
    const discarded = oneEvent(el, 'boussole-draft') as Promise<BoussoleDraftEvent>;
    await click(byRole(offer(el)!, 'button', { name: 'Supprimer le brouillon' }));
    expect((await discarded).detail).to.include({ type: 'discarded', reason: 'person' });
    expect(drafts()).to.deep.equal([]);

    const engine = createEngine(pin as unknown as Instrument);
    fillAll(engine);
    el.value = engine.toResult();
    await answerAndSave(el);
    expect(drafts()).to.deep.equal([KEY]);
    await click(submitButton(el));
    await wait(50);
    expect(drafts(), 'the draft has served').to.deep.equal([]);
  });

  it('an expired draft is deleted when found, and says so', async () => {
    const first = await make('drafts="local" draft-id="ID" draft-ttl="0.001"');
    await answerAndSave(first);
    first.remove();
    await wait(120);
    const events: string[] = [];
    const el = await make('drafts="local" draft-id="ID"', (e) => e.addEventListener('boussole-draft', (ev) => events.push((ev as BoussoleDraftEvent).detail.type)));
    await until(() => events.length);
    expect(events).to.deep.equal(['expired']);
    expect(offer(el)).to.equal(undefined);
    expect(drafts()).to.deep.equal([]);
  });

  for (const [what, corrupt] of [
    ['corrupt JSON', () => '{"boussoleDraft": 1, "data": '],
    ['another instrument', () => JSON.stringify({ boussoleDraft: 1, instrument: { id: 'ces', version: '1.0.0' }, savedAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 6e5).toISOString(), data: JSON.stringify({ instrument: { id: 'ces', version: '1.0.0' }, session: {}, answers: {}, actionPlans: {} }) })],
    ['an unknown MAJOR version', () => JSON.stringify({ boussoleDraft: 1, instrument: { id: 'pin-grid', version: '9.0.0' }, savedAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 6e5).toISOString(), data: JSON.stringify({ instrument: { id: 'pin-grid', version: '9.0.0' }, session: {}, answers: {}, actionPlans: {} }) })],
  ] as const)
    it(`a draft of ${what} is set aside, reported, and the form stays usable`, async () => {
      localStorage.setItem(KEY, corrupt());
      const raw = localStorage.getItem(KEY);
      const errors: string[] = [];
      const el = await make('drafts="local" draft-id="ID"', (e) => e.addEventListener('boussole-error', (ev) => errors.push((ev as BoussoleErrorEvent).detail.code)));
      await until(() => errors.length);
      expect(errors).to.deep.equal(['unreadable-draft']);
      await settle(el);
      expect(textOf(allByRole(el, 'alert')[0]!)).to.contain('mis de côté');
      const aside = drafts().filter((k) => k.startsWith(`${KEY}:unreadable:`));
      expect(aside.length).to.equal(1);
      const copy = JSON.parse(localStorage.getItem(aside[0]!)!);
      expect(copy.draft, 'kept as it was').to.equal(raw);
      expect(Date.parse(copy.expiresAt) - Date.parse(copy.setAsideAt), 'for the drafts’ TTL').to.equal(720 * 60_000);
      await answerAndSave(el);
      expect(drafts().sort()).to.deep.equal([KEY, aside[0]!].sort());
      await el.purgeDraft();
      expect(drafts(), 'purgeDraft deletes the draft and what was set aside').to.deep.equal([]);
    });

  it('with the host’s key, only ciphertext is stored, a fresh IV each time; the same key restores', async () => {
    const key = await aesKey();
    const first = await make('drafts="local" draft-id="ID"', (e) => (e.draftEncryptionKey = key));
    await answerAndSave(first);
    const one = localStorage.getItem(KEY)!;
    expect(one).to.not.contain('pin.ecosystemic');
    expect(one).to.not.contain('partial');
    const saved = oneEvent(first, 'boussole-draft');
    await clickOption(allByRole(topSections(first)[0]!, 'radio')[5] as HTMLInputElement);
    await saved;
    const two = localStorage.getItem(KEY)!;
    expect(JSON.parse(one).iv).to.not.equal(JSON.parse(two).iv);
    first.remove();
    const el = await make('drafts="local" draft-id="ID"', (e) => (e.draftEncryptionKey = key));
    await until(() => offer(el));
    await click(byRole(offer(el)!, 'button', { name: 'Reprendre le brouillon' }));
    await wait(30);
    expect(el.value!.answers['pin.ecosystemic.needs-together']).to.deep.equal({ value: 'partial' });
  });

  it('with the wrong key, the draft is unreadable and set aside, never dropped', async () => {
    const right = await aesKey(1);
    const first = await make('drafts="local" draft-id="ID"', (e) => (e.draftEncryptionKey = right));
    await answerAndSave(first);
    const sealed = localStorage.getItem(KEY);
    first.remove();
    const wrong = await aesKey(2);
    const errors: string[] = [];
    await make('drafts="local" draft-id="ID"', (e) => {
      e.draftEncryptionKey = wrong;
      e.addEventListener('boussole-error', (ev) => errors.push((ev as BoussoleErrorEvent).detail.code));
    });
    await until(() => errors.length);
    expect(errors).to.deep.equal(['unreadable-draft']);
    const aside = drafts().filter((k) => k.includes(':unreadable:'));
    expect(aside.map((k) => JSON.parse(localStorage.getItem(k)!).draft)).to.deep.equal([sealed]);
  });

  it('a draft encrypted under one draft-id does not open under another: it is judged wrong-key and set aside', async () => {
    const key = await aesKey();
    const first = await make('drafts="local" draft-id="ID"', (e) => (e.draftEncryptionKey = key));
    await answerAndSave(first);
    first.remove();
    // Someone copies the child's draft under another child's storage key.
    const other = `${ID}-autre`;
    localStorage.setItem(`boussole-draft:pin-grid:${other}`, localStorage.getItem(KEY)!);
    const errors: BoussoleErrorEvent['detail'][] = [];
    const el = await make(`drafts="local" draft-id="${other}"`, (e) => {
      e.draftEncryptionKey = key;
      e.addEventListener('boussole-error', (ev) => errors.push((ev as BoussoleErrorEvent).detail));
    });
    await until(() => errors.length);
    expect(errors.map((e) => [e.code, e.params?.reason])).to.deep.equal([['unreadable-draft', 'wrong-key']]);
    await settle(el);
    expect(offer(el), 'nothing to resume').to.equal(undefined);
    expect(el.value!.answers).to.deep.equal({});
  });

  for (const delay of [0, 400])
    it(`an encrypted draft waits for the host’s key, derived after the element is connected${delay ? ` and set ${delay} ms later` : ''}; then it is offered and restored`, async () => {
      const first = await hostPage(delay);
      await first.keyed;
      await answerAndSave(first.el);
      expect(JSON.parse(localStorage.getItem(KEY)!).iv, 'stored as ciphertext').to.be.a('string');
      const typed = first.el.value!;
      first.el.remove(); // the page is reloaded: the same element, the same key, derived again

      const events: string[] = [];
      const errors: string[] = [];
      const { el } = await hostPage(delay, (e) => {
        e.addEventListener('boussole-draft', (ev) => events.push((ev as BoussoleDraftEvent).detail.type));
        e.addEventListener('boussole-error', (ev) => errors.push((ev as BoussoleErrorEvent).detail.code));
      });
      if (delay) {
        await until(() => events.includes('waiting'));
        await settle(el);
        expect(offer(el), 'nothing offered before the draft can be read').to.equal(undefined);
        expect(errorBoxes(el)).to.deep.equal([]);
      }
      await until(() => offer(el));
      expect(errorBoxes(el), 'never the offer beside an unreadable notice').to.deep.equal([]);
      await click(byRole(offer(el)!, 'button', { name: 'Reprendre le brouillon' }));
      await until(() => events.includes('restored'));
      await settle(el);
      expect(el.value!.answers).to.deep.equal(typed.answers);
      expect(offer(el)).to.equal(undefined);
      expect(errors).to.deep.equal([]);
      expect(events).to.not.include('failed');
      expect(Object.keys(localStorage).filter((k) => k.includes(':unreadable:'))).to.deep.equal([]);
      await import('./helpers.js').then((h) => h.expectAccessible(el));
    });

  it('while the key has not come, the encrypted draft is left as it is and what is typed stays in the form', async () => {
    const key = await derivedKey();
    const first = await make('drafts="local" draft-id="ID"', (e) => (e.draftEncryptionKey = key));
    await answerAndSave(first);
    const sealed = localStorage.getItem(KEY);
    first.remove();

    const events: BoussoleDraftEvent['detail'][] = [];
    const el = await make('drafts="local" draft-id="ID"', (e) => e.addEventListener('boussole-draft', (ev) => events.push((ev as BoussoleDraftEvent).detail)));
    await until(() => events.length);
    expect(events).to.deep.equal([{ type: 'waiting', reason: 'key' }]);
    expect(offer(el)).to.equal(undefined);
    expect(errorBoxes(el)).to.deep.equal([]);
    await clickOption(allByRole(topSections(el)[0]!, 'radio')[0] as HTMLInputElement);
    const typed = el.value!.answers;
    expect(Object.keys(typed).length).to.equal(1);
    await wait(1300);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await wait(50);
    expect(drafts(), 'nothing set aside').to.deep.equal([KEY]);
    expect(localStorage.getItem(KEY), 'nothing saved over it').to.equal(sealed);

    el.draftEncryptionKey = key;
    await until(() => offer(el));
    expect(el.value!.answers, 'kept in the form meanwhile').to.deep.equal(typed);
    await click(byRole(offer(el)!, 'button', { name: 'Supprimer le brouillon' }));
    await until(() => events.some((e) => e.type === 'saved'));
    expect(localStorage.getItem(KEY)).to.not.equal(sealed);
    el.remove();
    const again = await make('drafts="local" draft-id="ID"', (e) => (e.draftEncryptionKey = key));
    await until(() => offer(again));
    await click(byRole(offer(again)!, 'button', { name: 'Reprendre le brouillon' }));
    await until(() => Object.keys(again.value!.answers).length);
    expect(again.value!.answers, 'what was typed while waiting is saved once the person chose').to.deep.equal(typed);
  });

  it('expired drafts and set-aside copies of every draft id are swept when drafts load, by their own expiry', async () => {
    const t0 = Date.now();
    const keyOf = (suffix: string) => `${KEY}${suffix}`;
    // A: a draft saved now (12 hours to live, the default).
    const a = await make();
    await answerAndSave(a);
    a.remove();
    // B: a damaged draft, set aside now.
    localStorage.setItem(keyOf('-b'), '{"boussoleDraft": 1, "data": ');
    const b = await make(`drafts="local" draft-id="${ID}-b"`);
    const aside = await until(() => drafts().find((k) => k.startsWith(`${keyOf('-b')}:unreadable:`)));
    b.remove();
    // C, eleven hours later: nothing has expired yet.
    draftClock.now = () => t0 + 11 * 3_600_000;
    const c = await make(`drafts="local" draft-id="${ID}-c"`);
    await answerAndSave(c);
    c.remove();
    await wait(200);
    expect(drafts().sort()).to.deep.equal([KEY, aside, keyOf('-c')].sort());
    // D, thirteen hours after A and B: their draft and copy are gone, C's draft stays.
    draftClock.now = () => t0 + 13 * 3_600_000;
    await make(`drafts="local" draft-id="${ID}-d"`);
    await until(() => drafts().length === 1);
    expect(drafts()).to.deep.equal([keyOf('-c')]);
    expect(await mirrorKeys(KEY), 'and from the IndexedDB copy').to.deep.equal([keyOf('-c')]);
  });

  for (const [choice, key, tabs] of [
    ['Reprendre le brouillon', 'Enter', 1],
    ['Supprimer le brouillon', 'Space', 2],
  ] as const)
    it(`after “${choice}” with the keyboard, focus goes to the form’s title, not to the page`, async () => {
      const first = await make();
      await answerAndSave(first);
      first.remove();
      const el = await make();
      await until(() => offer(el));
      const before = document.createElement('button');
      before.textContent = 'Avant le formulaire';
      el.before(before);
      before.focus();
      for (let i = 0; i < tabs; i++) await press('Tab');
      expect(focused(el)).to.equal(byRole(offer(el)!, 'button', { name: choice }));
      await press(key);
      await until(() => !offer(el));
      await settle(el);
      await settle(el);
      expect(document.activeElement, 'focus stays in the form').to.equal(el);
      expect(focused(el)).to.equal(allByRole(el, 'heading')[0]);
      expect(textOf(focused(el)!)).to.contain('PIN');
      await import('./helpers.js').then((h) => h.expectAccessible(el));
    });

  it('the host’s own store, asynchronous, is used instead of localStorage', async () => {
    const memory = new Map<string, string>();
    const store: DraftStore = {
      get: async (k) => (await wait(5), memory.get(k) ?? null),
      set: async (k, v) => void (await wait(5), memory.set(k, v)),
      remove: async (k) => void (await wait(5), memory.delete(k)),
    };
    const first = await make('draft-id="ID"', (e) => (e.draftStore = store));
    await answerAndSave(first);
    expect(drafts()).to.deep.equal([]);
    expect([...memory.keys()]).to.deep.equal([KEY]);
    first.remove();
    const el = await make('draft-id="ID"', (e) => (e.draftStore = store));
    await until(() => offer(el));
    await click(byRole(offer(el)!, 'button', { name: 'Reprendre le brouillon' }));
    await wait(40);
    expect(el.value!.answers['pin.ecosystemic.needs-together']).to.deep.equal({ value: 'partial' });
    const none = await make('drafts="none" draft-id="ID"', (e) => (e.draftStore = store));
    expect(offer(none), 'drafts="none" turns the host store off too').to.equal(undefined);
  });

  it('a page about to go away saves at once, without waiting', async () => {
    const el = await make();
    await wait(200);
    await clickOption(allByRole(el, 'radio')[0] as HTMLInputElement);
    expect(drafts()).to.deep.equal([]);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await until(() => drafts().length);
    expect(drafts()).to.deep.equal([KEY]);
  });

  it('the restore notice passes axe and is reached by keyboard', async () => {
    const first = await make();
    await answerAndSave(first);
    first.remove();
    const el = await make();
    await until(() => offer(el));
    expect(queryByRole(offer(el)!, 'button', { name: 'Reprendre le brouillon' })!.tabIndex).to.equal(0);
    const { expectAccessible } = await import('./helpers.js');
    await expectAccessible(el);
  });
});
