import { OPEN_ACTION_STATUSES } from '../schema/enums.js';
import type { Action } from '../schema/result.js';

/**
 * An action that still needs work: planned or in progress, and saying what it is. An action that
 * does not say what it is yet is not work to follow up. Every count of open actions reads this.
 */
export const isOpenAction = (action: Action): boolean => OPEN_ACTION_STATUSES.includes(action.status) && action.what.trim() !== '';

/** An action done or dropped. */
export const isClosedAction = (action: Action): boolean => !OPEN_ACTION_STATUSES.includes(action.status);
