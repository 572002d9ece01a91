/**
 * `layout="sections"` as a chunk of its own (issue 19, decision 3): the section navigator, the
 * previous/next stepper and their stylesheet, loaded by the form only when a form is shown in that layout.
 */
export { renderNavigator, renderStepper } from '../parts/navigation.js';
export { navigationStyles } from '../parts/navigation.styles.js';
