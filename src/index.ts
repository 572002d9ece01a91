/**
 * The library's public API (`boussole`), as the README documents it: element and event classes, the
 * engine, the zod schemas of both formats and their vocabularies. Defines no tag: import
 * `boussole/define.js` for that.
 */
export { BoussoleForm, LAYOUTS, type Layout } from './elements/form/boussole-form.js';
export { BoussoleCes } from './elements/ces/boussole-ces.js';
export { BoussoleNeedsGrid } from './elements/needs-grid/boussole-needs-grid.js';
export { BoussolePinGrid } from './elements/pin-grid/boussole-pin-grid.js';
export { BoussoleSummary } from './elements/summary/boussole-summary.js';
export { BoussoleDashboard } from './elements/dashboard/boussole-dashboard.js';
export {
  BoussoleChangeEvent,
  BoussoleSubmitEvent,
  BoussoleInvalidEvent,
  BoussoleErrorEvent,
  BoussoleDraftEvent,
  type ChangeDetail,
  type InvalidIssue,
  type ErrorDetail,
  type DraftDetail,
} from './elements/events.js';
export * from './engine/index.js';
export * from './schema/index.js';
export { ERROR_CODES, type ErrorCode } from './engine/errors.js';
export * from './analysis/index.js';
