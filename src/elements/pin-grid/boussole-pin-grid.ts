import pin from '../../../schemas/instruments/pin-grid.json' with { type: 'json' };
import type { Instrument } from '../../schema/instrument.js';
import { BoussoleForm } from '../form/boussole-form.js';
import { registerInstrument } from '../instruments.js';

/** Also found by id by elements given only a result (`<boussole-summary>`). */
const bundled = registerInstrument(pin as unknown as Instrument);

/**
 * The PIN self-assessment grid (INESSS): 24 statements in six themes, filled as a group by a
 * territorial team with partners and parent-partners, tallied per theme with a status.
 *
 * @summary The PIN implementation self-assessment grid, with its session and tallies.
 */
export class BoussolePinGrid extends BoussoleForm {
  protected override bundledInstrument(): Instrument {
    return bundled;
  }
}
