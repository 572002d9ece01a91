/**
 * The read model: what the parts render, as plain read-only data (see read-model/views.ts). One module
 * per job: the view types, how fields are named and placed, the builder, the shown issues grouped once
 * and the error summary. This file only re-exports them.
 */
export * from './read-model/views.js';
export { fieldLabel, placesOf, topSectionOfField } from './read-model/naming.js';
export { ReadModelBuilder } from './read-model/builder.js';
