import { BoussoleForm } from '../form/boussole-form.js';
import { bundleInstrument } from '../instruments.js';

/**
 * The instrument's text: a module of its own, loaded when an element first needs it (and also found
 * by id by elements given only a result, `<boussole-summary>`). Validated when built, not at run time.
 */
bundleInstrument('ces', () => import('../../../schemas/instruments/ces.json', { with: { type: 'json' } }));

/**
 * The CÉS (Cahier d'évaluation et de suivi, SOCEN approach): seven spheres of development, one record
 * per age band, each sphere ending in an action plan. Ships Boussole's illustrative items; set
 * `instrument` to an organisation's licensed content pack in the same format.
 *
 * @summary The CÉS, by age band (`age-band`, or `birth-date` with `session-date`).
 */
export class BoussoleCes extends BoussoleForm {
  protected override bundledInstrumentId(): string {
    return 'ces';
  }
}
