// The host says how its save of a submitted result went (issue 21, finding 3): `event.waitUntil(promise)`
// on `boussole-submit`. Driven as the worker and the host would: Submit clicked, a save that fails
// then succeeds, impatient clicks while it runs.
import { expect, fixture } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../src/define.js';
import pin from '../../schemas/instruments/pin-grid.json' with { type: 'json' };
import type { BoussoleDraftEvent, BoussoleSubmitEvent } from '../../src/elements/events.js';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import { createEngine } from '../../src/engine/index.js';
import type { Instrument } from '../../src/schema/index.js';
import { fillAll } from '../support/fill.js';
import { allByRole, byRole, click, clickOption, expectAccessible, focused, group, press, settle, submitButton, textOf } from './helpers.js';

const filledPin = async (lang = 'fr', attrs = ''): Promise<BoussoleForm> => {
  const host = await fixture<HTMLElement>(`<div><boussole-pin-grid lang="${lang}" ${attrs}></boussole-pin-grid></div>`);
  const el = host.querySelector<BoussoleForm>('boussole-pin-grid')!;
  const engine = createEngine(pin as unknown as Instrument);
  fillAll(engine);
  el.value = engine.toResult();
  await settle(el);
  return el;
};

/** A promise the test settles, as a host's `fetch` would later. */
function deferred() {
  let resolve!: () => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A live region (role status) showing this text now. */
const statusWith = (el: Element, text: RegExp) => allByRole(el, 'status').find((s) => text.test(textOf(s)));
const failure = (el: Element) => allByRole(el, 'alert').find((a) => /pas pu être transmises|could not be handed/.test(textOf(a)));
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('a host that saves the result with event.waitUntil', () => {
  it('a save that fails: the person sees the failure, clicks Submit again, the save succeeds and is confirmed (two events)', async () => {
    const el = await filledPin();
    const saves = [deferred(), deferred()];
    const events: BoussoleSubmitEvent[] = [];
    el.addEventListener('boussole-submit', (event) => {
      event.waitUntil(saves[events.length]!.promise);
      events.push(event);
    });

    await click(submitButton(el));
    await settle(el);
    expect(events.length).to.equal(1);
    expect(statusWith(el, /^Envoi en cours…$/), 'sending is announced').to.not.equal(undefined);
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(submitButton(el).getAttribute('aria-busy')).to.equal('true');
    expect(statusWith(el, /^Réponses soumises/), 'no confirmation before the host says it saved').to.equal(undefined);

    saves[0]!.reject(new Error('HTTP 503'));
    await tick();
    await settle(el);
    expect(statusWith(el, /^Réponses soumises/), 'no confirmation after a failed save').to.equal(undefined);
    expect(statusWith(el, /^Envoi en cours/)).to.equal(undefined);
    const alert = failure(el);
    expect(!!alert, 'a failure the person sees').to.equal(true);
    expect(textOf(alert!)).to.match(/n’ont pas pu être transmises.*soumettez de nouveau/);
    expect(focused(el) === alert, 'the failure takes focus').to.equal(true);
    expect(submitButton(el).hasAttribute('aria-disabled')).to.equal(false);
    await expectAccessible(el);

    // The natural retry: Submit again, nothing changed.
    await click(submitButton(el));
    await settle(el);
    expect(events.length, 'the retry sends the result again').to.equal(2);
    expect(events[1]!.detail).to.deep.include({ answers: events[0]!.detail.answers });
    expect(failure(el), 'the failure goes while it retries').to.equal(undefined);
    saves[1]!.resolve();
    await tick();
    await settle(el);
    const confirmation = statusWith(el, /^Réponses soumises/);
    expect(confirmation?.checkVisibility()).to.equal(true);
    expect(focused(el) === confirmation, 'the confirmation takes focus').to.equal(true);
    expect(events.length).to.equal(2);
  });

  it('double click and Enter while the save runs fire one event', async () => {
    const el = await filledPin();
    const save = deferred();
    let submits = 0;
    el.addEventListener('boussole-submit', (event) => {
      submits++;
      event.waitUntil(save.promise);
    });
    const button = submitButton(el);
    button.scrollIntoView({ block: 'center' });
    const r = button.getBoundingClientRect();
    const at: [number, number] = [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
    await sendMouse({ type: 'click', position: at });
    await sendMouse({ type: 'click', position: at });
    await settle(el);
    expect(focused(el) === submitButton(el), `the busy button keeps focus (focus on ${focused(el)?.outerHTML.slice(0, 80)})`).to.equal(true);
    await press('Enter');
    await press(' ');
    await settle(el);
    expect(submits).to.equal(1);
    save.resolve();
    await tick();
    await settle(el);
    expect(statusWith(el, /^Réponses soumises/)).to.not.equal(undefined);
    expect(submits).to.equal(1);
  });

  it('in English too, and a change after a failure sends the new result', async () => {
    const el = await filledPin('en');
    let submits = 0;
    el.addEventListener('boussole-submit', (event) => {
      submits++;
      event.waitUntil(submits === 1 ? Promise.reject(new Error('offline')) : Promise.resolve());
    });
    await click(submitButton(el));
    await tick();
    await settle(el);
    expect(textOf(failure(el)!)).to.match(/^Your answers could not be handed over/);
    await clickOption(byRole(group(el, /^1\. /), 'radio', { name: 'Partly implemented' }) as HTMLInputElement);
    await click(submitButton(el));
    await tick();
    await settle(el);
    expect(submits).to.equal(2);
    expect(statusWith(el, /^Answers submitted/)).to.not.equal(undefined);
  });

  it('waitUntil called after the event was dispatched throws InvalidStateError', async () => {
    const el = await filledPin();
    let kept: BoussoleSubmitEvent | undefined;
    el.addEventListener('boussole-submit', (event) => (kept = event));
    await click(submitButton(el));
    await settle(el);
    expect(() => kept!.waitUntil(Promise.resolve())).to.throw(DOMException, /waitUntil/);
    expect(statusWith(el, /^Réponses soumises/), 'without waitUntil, confirmed at once as before').to.not.equal(undefined);
  });

  it('a failed save keeps the draft: it is discarded only once the save succeeds', async () => {
    const el = await filledPin('fr', `drafts="local" draft-id="handover-${Date.now()}"`);
    const drafts: string[] = [];
    el.addEventListener('boussole-draft', (e) => drafts.push(`${(e as BoussoleDraftEvent).detail.type}:${(e as BoussoleDraftEvent).detail.reason ?? ''}`));
    let submits = 0;
    el.addEventListener('boussole-submit', (event) => {
      submits++;
      event.waitUntil(submits === 1 ? Promise.reject(new Error('HTTP 500')) : Promise.resolve());
    });
    await new Promise((r) => setTimeout(r, 100)); // the draft module loads
    await click(submitButton(el));
    await new Promise((r) => setTimeout(r, 200));
    await settle(el);
    expect(drafts, 'nothing discarded after a failed save').to.not.include('discarded:submitted');
    await click(submitButton(el));
    await new Promise((r) => setTimeout(r, 200));
    await settle(el);
    expect(submits).to.equal(2);
    expect(drafts).to.include('discarded:submitted');
    localStorage.clear();
  });
});
