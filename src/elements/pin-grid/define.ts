/** Registers <boussole-pin-grid> alone (side effect only); src/define.ts registers every element. */
import { BoussolePinGrid } from './boussole-pin-grid.js';

if (!customElements.get('boussole-pin-grid')) customElements.define('boussole-pin-grid', BoussolePinGrid);

declare global {
  interface HTMLElementTagNameMap {
    'boussole-pin-grid': BoussolePinGrid;
  }
}
