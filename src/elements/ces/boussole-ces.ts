import ces from '../../../schemas/instruments/ces.json' with { type: 'json' };
import type { Instrument } from '../../schema/instrument.js';
import { BoussoleForm } from '../form/boussole-form.js';
import { registerInstrument } from '../instruments.js';

/** Also found by id by elements given only a result (`<boussole-summary>`). */
const bundled = registerInstrument(ces as unknown as Instrument);

/**
 * The CÉS (Cahier d'évaluation et de suivi, SOCEN approach): seven spheres of development, one record
 * per age band, each sphere ending in an action plan. Ships Boussole's illustrative items; set
 * `instrument` to an organisation's licensed content pack in the same format.
 *
 * @summary The CÉS, by age band (`age-band`, or `birth-date` with `session-date`).
 */
export class BoussoleCes extends BoussoleForm {
  protected override bundledInstrument(): Instrument {
    return bundled;
  }
}
