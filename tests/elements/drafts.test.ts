// Opt-in drafts (decision 0006), driven as a host and a person would: off by default, scoped by
// draft-id, offered not applied, encrypted when the host gives a key, never silently dropped.
import { expect, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import pin from '../../schemas/instruments/pin-grid.json' with { type: 'json' };
import type { BoussoleDraftEvent, BoussoleErrorEvent } from '../../src/elements/events.js';
import type { DraftStore } from '../../src/drafts/store.js';
import { createEngine } from '../../src/engine/index.js';
import type { Instrument } from '../../src/schema/index.js';
import { fillAll } from '../support/fill.js';
import { aesKey, answerAndSave, drafts, eachTestHasItsDraftId, KEY, make, offer, until, wait } from './drafts-support.js';
import { allByRole, byRole, click, clickOption, queryByRole, settle, submitButton, textOf, topSections } from './helpers.js';

eachTestHasItsDraftId();

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

  it('a page that deletes the drafts database (a sign-out on a shared computer) is not blocked by a form holding it open; the form and the next one go on', async () => {
    const first = await make();
    await answerAndSave(first);
    // The portal's sign-out wipes the database while the form is still on the page.
    const deleted = await new Promise<string>((resolve) => {
      const request = indexedDB.deleteDatabase('boussole-drafts');
      request.onsuccess = () => resolve('deleted');
      request.onerror = () => resolve(`error: ${request.error?.message}`);
      setTimeout(() => resolve('still blocked after 3 s'), 3000);
    });
    expect(deleted).to.equal('deleted');
    // The form still saves what the person does next, and the next form finds the draft.
    const saved = oneEvent(first, 'boussole-draft') as Promise<BoussoleDraftEvent>;
    await clickOption(allByRole(topSections(first)[0]!, 'radio')[2] as HTMLInputElement);
    expect((await saved).detail.type).to.equal('saved');
    first.remove();
    const el = await make();
    await until(() => offer(el));
    expect(textOf(offer(el)!)).to.match(/Un brouillon enregistré le .+ a été trouvé/);
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
