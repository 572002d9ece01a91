/**
 * The no-build bundle's entry (dist/boussole.bundle.js): registers every Boussole element, as src/define.ts does.
 * The four form elements are in its first load; <boussole-summary> and <boussole-dashboard>, which are not form
 * elements, are chunks of their own that the entry fetches at once and that define their tag when they arrive
 * (issue 19, decision 3): the host still does nothing but load the entry. A tag already defined is left as it is.
 */
import './elements/form/define.js';
import './elements/ces/define.js';
import './elements/needs-grid/define.js';
import './elements/pin-grid/define.js';

void import('./elements/summary/define.js');
void import('./elements/dashboard/define.js');
