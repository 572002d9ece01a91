import { expect } from '@open-wc/testing';
import * as library from '../../src/index.js';

describe('registration', () => {
  it('importing the library defines no tag', () => {
    expect(typeof library.BoussoleForm).to.equal('function');
    for (const tag of ['boussole-form', 'boussole-ces', 'boussole-needs-grid', 'boussole-pin-grid'])
      expect(customElements.get(tag), tag).to.equal(undefined);
  });

  it('src/define.ts registers every element, and elements already in the page upgrade in their language', async () => {
    const early = document.createElement('boussole-pin-grid');
    early.setAttribute('lang', 'en');
    document.body.append(early);
    await import('../../src/define.js');
    for (const tag of ['boussole-form', 'boussole-ces', 'boussole-needs-grid', 'boussole-pin-grid'])
      expect(customElements.get(tag), tag).to.not.equal(undefined);
    await (early as library.BoussoleForm).updateComplete;
    expect(early.shadowRoot!.querySelector('[part="submit"]')!.textContent!.trim()).to.equal('Submit');
    early.setAttribute('lang', 'fr');
    await (early as library.BoussoleForm).updateComplete;
    expect(early.shadowRoot!.querySelector('[part="submit"]')!.textContent!.trim()).to.equal('Soumettre');
    early.remove();
  });
});
