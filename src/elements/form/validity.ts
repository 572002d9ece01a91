import { msg } from '@lit/localize';
import type { Engine } from '../../engine/create-engine.js';
import type { Locale } from '../../schema/enums.js';
import { domId } from '../../schema/keys.js';
import { issueMessage } from '../../localize/messages.js';
import type { Invalidity } from '../controllers/form-association.js';
import { invalidIssue, type InvalidIssue } from '../events.js';
import { fieldLabel, placesOf } from '../read-model.js';

/**
 * What the host form is told (call in the element's language): valid, or the first problem with its
 * field's name, pointing at its control (or at the Submit button when the control is not shown).
 */
export function invalidityOf(engine: Engine | undefined, root: ShadowRoot, locale: Locale): Invalidity | undefined {
  if (engine?.valid) return undefined;
  const first = engine?.validate()[0];
  const anchor = (first && root.getElementById(domId('control', first.field))) || root.querySelector<HTMLElement>('[data-action="submit"]') || undefined;
  const message =
    engine && first
      ? `${fieldLabel(first.field, engine.model, locale, placesOf(engine))} — ${issueMessage(first, engine.model, locale)}`
      : msg('Ce questionnaire ne peut pas être rempli.', { id: 'validity.unavailable' });
  return { flags: first?.code === 'required' ? { valueMissing: true } : { customError: true }, message, anchor };
}

/** Every issue as `boussole-invalid` reports it (call in the element's language). */
export const invalidIssues = (engine: Engine, locale: Locale): InvalidIssue[] =>
  engine.validate().map((issue) => invalidIssue(issue, issueMessage(issue, engine.model, locale)));
