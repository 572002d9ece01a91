/** Registers <boussole-summary> alone (side effect only); src/define.ts registers every element. */
import { BoussoleSummary } from './boussole-summary.js';

if (!customElements.get('boussole-summary')) customElements.define('boussole-summary', BoussoleSummary);

declare global {
  interface HTMLElementTagNameMap {
    'boussole-summary': BoussoleSummary;
  }
}
