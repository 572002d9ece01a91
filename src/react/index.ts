/**
 * React wrappers for the six elements (`boussole/react.js`), made with `@lit/react` for React 18 and 19:
 * properties such as `instrument` and `value` are set as properties (never as the attribute
 * "[object Object]"), and each `boussole-*` event is a camel-case prop (`onBoussoleSubmit`…). Importing
 * this module registers the tags, so the elements exist before React's first render.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { BoussoleForm as BoussoleFormElement } from '../elements/form/boussole-form.js';
import { BoussoleCes as BoussoleCesElement } from '../elements/ces/boussole-ces.js';
import { BoussoleNeedsGrid as BoussoleNeedsGridElement } from '../elements/needs-grid/boussole-needs-grid.js';
import { BoussolePinGrid as BoussolePinGridElement } from '../elements/pin-grid/boussole-pin-grid.js';
import { BoussoleSummary as BoussoleSummaryElement } from '../elements/summary/boussole-summary.js';
import { BoussoleDashboard as BoussoleDashboardElement } from '../elements/dashboard/boussole-dashboard.js';
import type {
  BoussoleChangeEvent,
  BoussoleDraftEvent,
  BoussoleErrorEvent,
  BoussoleInvalidEvent,
  BoussoleSubmitEvent,
} from '../elements/events.js';
import '../elements/form/define.js';
import '../elements/ces/define.js';
import '../elements/needs-grid/define.js';
import '../elements/pin-grid/define.js';
import '../elements/summary/define.js';
import '../elements/dashboard/define.js';

/** The events of the elements that collect answers, as React props. */
const formEvents = {
  onBoussoleChange: 'boussole-change' as EventName<BoussoleChangeEvent>,
  onBoussoleSubmit: 'boussole-submit' as EventName<BoussoleSubmitEvent>,
  onBoussoleInvalid: 'boussole-invalid' as EventName<BoussoleInvalidEvent>,
  onBoussoleError: 'boussole-error' as EventName<BoussoleErrorEvent>,
  onBoussoleDraft: 'boussole-draft' as EventName<BoussoleDraftEvent>,
};

/** The event of the elements that only show results. */
const viewEvents = {
  onBoussoleError: 'boussole-error' as EventName<BoussoleErrorEvent>,
};

/** `<boussole-form>`: any instrument given as `instrument`, answers as `value`. */
export const BoussoleForm = createComponent({
  tagName: 'boussole-form',
  elementClass: BoussoleFormElement,
  react: React,
  events: formEvents,
  displayName: 'BoussoleForm',
});

/** `<boussole-ces>`: the bundled CÉS instrument. */
export const BoussoleCes = createComponent({
  tagName: 'boussole-ces',
  elementClass: BoussoleCesElement,
  react: React,
  events: formEvents,
  displayName: 'BoussoleCes',
});

/** `<boussole-needs-grid>`: the bundled fundamental-needs grid. */
export const BoussoleNeedsGrid = createComponent({
  tagName: 'boussole-needs-grid',
  elementClass: BoussoleNeedsGridElement,
  react: React,
  events: formEvents,
  displayName: 'BoussoleNeedsGrid',
});

/** `<boussole-pin-grid>`: the bundled PIN self-assessment grid. */
export const BoussolePinGrid = createComponent({
  tagName: 'boussole-pin-grid',
  elementClass: BoussolePinGridElement,
  react: React,
  events: formEvents,
  displayName: 'BoussolePinGrid',
});

/** `<boussole-summary>`: a read-only summary of a result. */
export const BoussoleSummary = createComponent({
  tagName: 'boussole-summary',
  elementClass: BoussoleSummaryElement,
  react: React,
  events: viewEvents,
  displayName: 'BoussoleSummary',
});

/** `<boussole-dashboard>`: results across assessments. */
export const BoussoleDashboard = createComponent({
  tagName: 'boussole-dashboard',
  elementClass: BoussoleDashboardElement,
  react: React,
  events: viewEvents,
  displayName: 'BoussoleDashboard',
});
