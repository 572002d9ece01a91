/**
 * Registers every Boussole element, six tags: <boussole-form>, <boussole-ces>, <boussole-needs-grid>,
 * <boussole-pin-grid>, <boussole-summary>, <boussole-dashboard>. Side effect only: importing any other module defines no tag.
 * A tag already defined (another copy of the library on the page) is left as it is.
 */
import './elements/form/define.js';
import './elements/ces/define.js';
import './elements/needs-grid/define.js';
import './elements/pin-grid/define.js';
import './elements/summary/define.js';
import './elements/dashboard/define.js';
// Each element's define module also declares its tag in HTMLElementTagNameMap.
