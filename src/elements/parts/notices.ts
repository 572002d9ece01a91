import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Locale } from '../../schema/enums.js';
import { shownErrorMessage } from '../../localize/messages.js';
import type { Notice } from '../controllers/notices.js';

/**
 * The error box: one message per problem with the host's input, its technical details folded, and a
 * button that closes it. `keptAnswers` says the answers already given are kept (when a form is shown).
 */
export function renderNotices(
  notices: ReadonlyMap<string, Notice>,
  locale: Locale,
  keptAnswers: (key: string) => boolean,
): TemplateResult | typeof nothing {
  if (notices.size === 0) return nothing;
  return html`${[...notices].map(([key, notice]) => {
    const problems = (notice.params.problems as { path: string; message: string }[] | undefined) ?? [];
    return html`<div class="notice" part="error-box" role="alert">
      <p>${shownErrorMessage(notice.code, notice.params, locale)}</p>
      ${keptAnswers(key) ? html`<p>${msg('Les réponses déjà données sont conservées.', { id: 'notice.kept' })}</p>` : nothing}
      ${problems.length
        ? html`<details>
            <summary>${msg('Détails techniques', { id: 'notice.details' })}</summary>
            <ul>
              ${problems.slice(0, 20).map((p) => html`<li><code>${p.path}</code> — ${p.message}</li>`)}
            </ul>
          </details>`
        : nothing}
      <button type="button" class="link" data-action="dismiss" data-target=${key}>${msg('Fermer ce message', { id: 'notice.close' })}</button>
    </div>`;
  })}`;
}
