/**
 * `layout="presentation"` as a chunk of its own (issue 19, decision 3): its controller, template part and
 * stylesheet, loaded by the form only when a form is shown in that layout.
 */
export { PresentationController } from './presentation.js';
export { renderPresentation } from '../parts/presentation.js';
export { presentationStyles } from './presentation.styles.js';
