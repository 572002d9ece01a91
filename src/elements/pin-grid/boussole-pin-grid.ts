import { BoussoleForm } from '../form/boussole-form.js';
import { bundleInstrument } from '../instruments.js';

/**
 * The instrument's text: a module of its own, loaded when an element first needs it (and also found
 * by id by elements given only a result, `<boussole-summary>`). Validated when built, not at run time.
 */
bundleInstrument('pin-grid', () => import('../../../schemas/instruments/pin-grid.json', { with: { type: 'json' } }));

/**
 * The PIN self-assessment grid (INESSS): 24 statements in six themes, filled as a group by a
 * territorial team with partners and parent-partners, tallied per theme with a status.
 *
 * @summary The PIN implementation self-assessment grid, with its session and tallies.
 */
export class BoussolePinGrid extends BoussoleForm {
  protected override bundledInstrumentId(): string {
    return 'pin-grid';
  }
}
