/** Registers <boussole-form> alone (side effect only); src/define.ts registers every element. */
import { BoussoleForm } from './boussole-form.js';

if (!customElements.get('boussole-form')) customElements.define('boussole-form', BoussoleForm);

declare global {
  interface HTMLElementTagNameMap {
    'boussole-form': BoussoleForm;
  }
}
