/** Registers <boussole-needs-grid> alone (side effect only); src/define.ts registers every element. */
import { BoussoleNeedsGrid } from './boussole-needs-grid.js';

if (!customElements.get('boussole-needs-grid')) customElements.define('boussole-needs-grid', BoussoleNeedsGrid);

declare global {
  interface HTMLElementTagNameMap {
    'boussole-needs-grid': BoussoleNeedsGrid;
  }
}
