// Drafts over time and keys, as a host sets them up and a person meets them: a key derived after the
// element is connected, drafts and set-aside copies of several ids expiring by a clock, focus after
// the person answers the offer, and a draft that must not open under another draft-id.
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { BoussoleDraftEvent, BoussoleErrorEvent } from '../../src/elements/events.js';
import { draftClock } from '../../src/elements/controllers/drafts.js';
import {
  aesKey,
  answerAndSave,
  deepActive,
  derivedKey,
  drafts,
  eachTestHasItsDraftId,
  hostPage,
  ID,
  KEY,
  make,
  mirrorKeys,
  offer,
  until,
  wait,
  where,
} from './drafts-support.js';
import { allByRole, byRole, click, clickOption, errorBoxes, expectAccessible, press, settle, topSections } from './helpers.js';

eachTestHasItsDraftId();

describe('drafts over time and keys', () => {
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
    await until(() => errors.length || offer(el));
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
      await expectAccessible(el);
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
      expect(where(deepActive())).to.equal(where(byRole(offer(el)!, 'button', { name: choice })));
      await press(key);
      await until(() => !offer(el));
      await settle(el);
      await settle(el);
      expect(where(deepActive()), 'the form’s title, not the page').to.equal(where(allByRole(el, 'heading')[0]!));
      expect(where(deepActive())).to.equal("h2: Grille d'autoévaluation de la mise en œuvre du PIN");
      await expectAccessible(el);
    });
});
