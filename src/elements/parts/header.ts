import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { tx } from '../../localize/format.js';
import type { HeaderView } from '../read-model.js';
import { heading } from './field.js';

/** The id of the form's title: focus goes there once the person has answered a draft's offer. */
export const FORM_TITLE_ID = 'form-title';

/** Title, description, the note of illustrative content, and how required fields are marked. */
export function renderHeader({ ctx, hasRequired }: HeaderView): TemplateResult {
  const inst = ctx.model.instrument;
  return html`<header part="header">
    ${heading(ctx, 0, tx(inst.title, ctx.locale), { id: FORM_TITLE_ID, part: 'title', class: 'title', focusable: true })}
    ${inst.description ? html`<p class="description">${tx(inst.description, ctx.locale)}</p>` : nothing}
    ${inst.source.illustrative ? html`<p class="source">${tx(inst.source.note, ctx.locale)}</p>` : nothing}
    ${hasRequired && !ctx.readonly
      ? html`<p class="hint">${msg('Les champs marqués d’un astérisque (*) sont obligatoires.', { id: 'required-hint' })}</p>`
      : nothing}
  </header>`;
}
