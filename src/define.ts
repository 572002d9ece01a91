/**
 * Registers every Boussole element. Side effect only: importing any other module defines no tag.
 * A tag already defined (another copy of the library on the page) is left as it is.
 */
import './elements/form/define.js';
import './elements/ces/define.js';
import './elements/needs-grid/define.js';
import './elements/pin-grid/define.js';
import type { BoussoleCes } from './elements/ces/boussole-ces.js';
import type { BoussoleForm } from './elements/form/boussole-form.js';
import type { BoussoleNeedsGrid } from './elements/needs-grid/boussole-needs-grid.js';
import type { BoussolePinGrid } from './elements/pin-grid/boussole-pin-grid.js';

declare global {
  interface HTMLElementTagNameMap {
    'boussole-form': BoussoleForm;
    'boussole-ces': BoussoleCes;
    'boussole-needs-grid': BoussoleNeedsGrid;
    'boussole-pin-grid': BoussolePinGrid;
  }
}
