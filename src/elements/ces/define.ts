/** Registers <boussole-ces> alone (side effect only); src/define.ts registers every element. */
import { BoussoleCes } from './boussole-ces.js';

if (!customElements.get('boussole-ces')) customElements.define('boussole-ces', BoussoleCes);

declare global {
  interface HTMLElementTagNameMap {
    'boussole-ces': BoussoleCes;
  }
}
