/** Registers <boussole-dashboard> alone (side effect only); src/define.ts registers every element. */
import { BoussoleDashboard } from './boussole-dashboard.js';

if (!customElements.get('boussole-dashboard')) customElements.define('boussole-dashboard', BoussoleDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'boussole-dashboard': BoussoleDashboard;
  }
}
