// The read model reuses the views of sections no change reached: after any sequence of what a person
// does, the element must show exactly what a fresh element given the same result shows.
import { expect, fixture } from '@open-wc/testing';
import '../../src/define.js';
import type { BoussoleForm } from '../../src/elements/form/boussole-form.js';
import { allByRole, byRole, choose, click, clickOption, field, nameOf, pick, settle, topSections, typeInto } from './helpers.js';

/** What a person perceives: every text, every control's name, value and state. */
function seen(el: Element): string {
  const controls = ['radio', 'checkbox', 'textbox', 'combobox'].flatMap((role) =>
    allByRole(el, role).map((c) => `${role}:${nameOf(c)}=${(c as HTMLInputElement).type === 'radio' || (c as HTMLInputElement).type === 'checkbox' ? (c as HTMLInputElement).checked : (c as HTMLInputElement).value}|${c.getAttribute('aria-invalid') ?? ''}`),
  );
  return `${el.shadowRoot!.textContent!.replace(/\s+/g, ' ')}\n${controls.join('\n')}`;
}

async function expectSameAsFresh(el: BoussoleForm, tag: string, attrs: string): Promise<void> {
  const fresh = await fixture<BoussoleForm>(`<${tag} ${attrs}></${tag}>`);
  fresh.value = el.value;
  await settle(fresh);
  expect(seen(el)).to.equal(seen(fresh));
}

const t = (fr: string, en = fr) => ({ fr, en });
/** Two sections, the second's question shown by an answer in the first. */
const crossing = {
  id: 'crossing',
  version: '1.0.0',
  title: t('Deux sections'),
  source: { note: t('Note'), licence: t('Libre'), illustrative: true },
  sections: [
    { id: 'a', kind: 'k', title: t('Première'), items: [{ id: 'x', type: 'yes-no', label: t('Une visite a eu lieu') }] },
    {
      id: 'b',
      kind: 'k',
      title: t('Seconde'),
      items: [
        { id: 'y', type: 'short-text', label: t('Qui est venu'), visibleWhen: { item: 'x', op: 'equals', value: 'yes' } },
        { id: 'z', type: 'yes-no', label: t('Toujours affiché') },
      ],
    },
  ],
};

describe('incremental rendering shows what a fresh render shows', () => {
  it('an answer in one section that shows a question in another', async () => {
    const el = await fixture<BoussoleForm>('<boussole-form></boussole-form>');
    el.instrument = crossing;
    await settle(el);
    await choose(el, /^Toujours affiché/, 'Non');
    await choose(el, /^Une visite a eu lieu/, 'Oui');
    await settle(el);
    expect(field(el, /^Qui est venu/)).to.exist;
    const fresh = await fixture<BoussoleForm>('<boussole-form></boussole-form>');
    fresh.instrument = crossing;
    fresh.value = el.value;
    await settle(fresh);
    expect(seen(el)).to.equal(seen(fresh));
  });

  it('needs grid: ratings that reveal questions, voices, a plan, a band change, a language change', async () => {
    const attrs = 'age-band="y6-11"';
    const el = await fixture<BoussoleForm>(`<boussole-needs-grid ${attrs}></boussole-needs-grid>`);
    await settle(el);
    const needs = topSections(el);
    await choose(byRole(el, 'region', { name: 'Besoins de protection' }), /^Dans quelle mesure/, 'Non satisfait');
    await settle(el);
    await typeInto(field(byRole(el, 'region', { name: 'Besoins de protection' }), /^Quels soutiens/), 'Voisins');
    await click(byRole(needs[1]!, 'button', { name: 'Ajouter un objectif' }));
    await settle(el);
    await typeInto(field(needs[1]!, /^Objectif visé/), 'Activités');
    await choose(byRole(el, 'region', { name: 'Besoins de protection' }), /^Dans quelle mesure/, 'Satisfait');
    await settle(el);
    await expectSameAsFresh(el, 'boussole-needs-grid', attrs);
    pick(field<HTMLSelectElement>(el, /^Tranche d’âge/), 'y12-17');
    await settle(el);
    await expectSameAsFresh(el, 'boussole-needs-grid', 'age-band="y12-17"');
    el.setAttribute('lang', 'en');
    await settle(el);
    await expectSameAsFresh(el, 'boussole-needs-grid', 'age-band="y12-17" lang="en"');
  });

  it('PIN grid: answers across themes, then a failed submit and fixes', async () => {
    const el = await fixture<BoussoleForm>('<boussole-pin-grid></boussole-pin-grid>');
    await settle(el);
    for (const theme of topSections(el).slice(0, 3)) await clickOption(allByRole(theme, 'radio')[2] as HTMLInputElement);
    await click(byRole(el, 'button', { name: 'Soumettre' }));
    await settle(el);
    await clickOption(allByRole(topSections(el)[4]!, 'radio')[0] as HTMLInputElement);
    await settle(el);
    const fresh = await fixture<BoussoleForm>('<boussole-pin-grid></boussole-pin-grid>');
    fresh.value = el.value;
    fresh.reportValidity();
    await settle(fresh);
    expect(seen(el)).to.equal(seen(fresh));
  });
});
