import { BoussoleForm } from '../form/boussole-form.js';
import { bundleInstrument } from '../instruments.js';

/**
 * The instrument's text: a module of its own, loaded when an element first needs it (and also found
 * by id by elements given only a result, `<boussole-summary>`). Validated when built, not at run time.
 */
bundleInstrument('needs-grid', () => import('../../../schemas/instruments/needs-grid.json', { with: { type: 'json' } }));

/**
 * The fundamental-needs grid (2017 French consensus): seven needs, the first three forming the
 * meta-need of safety; per need a rating, parental competences, the voices of child, parents and
 * professionals, and actions; then a conclusion (no danger, risk of danger, danger).
 *
 * @summary The fundamental-needs grid with its needs overview.
 */
export class BoussoleNeedsGrid extends BoussoleForm {
  protected override bundledInstrumentId(): string {
    return 'needs-grid';
  }
}
