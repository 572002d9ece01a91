import needs from '../../../schemas/instruments/needs-grid.json' with { type: 'json' };
import type { Instrument } from '../../schema/instrument.js';
import { BoussoleForm } from '../form/boussole-form.js';
import { registerInstrument } from '../instruments.js';

/** Also found by id by elements given only a result (`<boussole-summary>`). */
const bundled = registerInstrument(needs as unknown as Instrument);

/**
 * The fundamental-needs grid (2017 French consensus): seven needs, the first three forming the
 * meta-need of safety; per need a rating, parental competences, the voices of child, parents and
 * professionals, and actions; then a conclusion (no danger, risk of danger, danger).
 *
 * @summary The fundamental-needs grid with its needs overview.
 */
export class BoussoleNeedsGrid extends BoussoleForm {
  protected override bundledInstrument(): Instrument {
    return bundled;
  }
}
