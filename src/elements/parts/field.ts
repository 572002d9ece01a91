import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { msg } from '@lit/localize';
import { domId, encodeKey, type FieldRef } from '../../schema/keys.js';
import type { FormContext, Messages } from '../read-model.js';

const HEADINGS = [1, 2, 3, 4, 5, 6].map((n) => unsafeStatic(`h${n}`));

export interface HeadingOptions {
  id?: string;
  part?: string;
  class?: string;
  /** Focusable by script (a section heading that takes focus in `layout="sections"`). */
  focusable?: boolean;
}

/**
 * A heading `depth` levels below the title, whose level the host chooses (`heading-level`, default
 * 2): the form's headings follow the page's outline. Levels stop at 6.
 */
export function heading(ctx: FormContext, depth: number, content: unknown, options: HeadingOptions = {}): TemplateResult {
  const tag = HEADINGS[Math.min(6, ctx.headingLevel + depth) - 1]!;
  return staticHtml`<${tag} id=${ifDefined(options.id)} part=${ifDefined(options.part)} class=${ifDefined(options.class)} tabindex=${ifDefined(options.focusable ? '-1' : undefined)}>${content}</${tag}>`;
}

/**
 * The pieces every field is made of, said once: the required mark, the error message (with the
 * screen-reader prefix "Erreur :"), the help text, the description links, and a labelled text
 * input (dates: date-input.ts). Controls carry `data-key` (the field's key); the form handles their events.
 */

export const requiredMark = (): TemplateResult =>
  html`<span class="req"><span aria-hidden="true"> *</span><span class="sr-only"> ${msg('(obligatoire)', { id: 'required-mark' })}</span></span>`;

/** The message shown for a field now, if any. */
export const messageOf = (messages: Messages, field: FieldRef): string | undefined => messages.get(encodeKey(field));

/** A field's error message, announced with its "Erreur :" prefix. */
export function errorLine(messages: Messages, field: FieldRef): TemplateResult | typeof nothing {
  const message = messageOf(messages, field);
  return message
    ? html`<p class="error" part="error" id=${domId('error', field)}><span class="sr-only">${msg('Erreur :', { id: 'error-prefix' })} </span>${message}</p>`
    : nothing;
}

/** A help paragraph, referred to by the control's `aria-describedby`. */
export const helpLine = (field: FieldRef, text: string | undefined): TemplateResult | typeof nothing =>
  text ? html`<p class="help" part="help" id=${domId('help', field)}>${text}</p>` : nothing;

/** `aria-describedby` for a control: its help (when it has one), its error (when shown). */
export function describedBy(messages: Messages, field: FieldRef, help?: FieldRef): string | undefined {
  const ids = [help ? domId('help', help) : '', messageOf(messages, field) ? domId('error', field) : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export const invalidAttr = (messages: Messages, field: FieldRef): 'true' | undefined => (messageOf(messages, field) ? 'true' : undefined);

export interface TextFieldOptions {
  required?: boolean;
  help?: string;
  /** A multi-line text area. */
  area?: boolean;
}

/** A labelled text input or text area for a session, participant or plan field. */
export function textField(
  ctx: FormContext,
  messages: Messages,
  field: FieldRef,
  label: string,
  value: string | undefined,
  options: TextFieldOptions = {},
): TemplateResult {
  const help = options.help ? field : undefined;
  const common = {
    id: domId('control', field),
    key: encodeKey(field),
    invalid: invalidAttr(messages, field),
    described: describedBy(messages, field, help),
  };
  return html`<div class="field">
    <label for=${common.id}>${label}${options.required ? requiredMark() : nothing}</label>
    ${helpLine(field, options.help)} ${errorLine(messages, field)}
    ${options.area
      ? html`<textarea id=${common.id} rows="2" data-key=${common.key} .value=${value ?? ''} ?disabled=${ctx.disabled}
          aria-invalid=${ifDefined(common.invalid)} aria-describedby=${ifDefined(common.described)}></textarea>`
      : html`<input
          id=${common.id}
          class="wide"
          type="text"
          autocomplete="off"
          data-key=${common.key}
          .value=${value ?? ''}
          ?disabled=${ctx.disabled}
          aria-invalid=${ifDefined(common.invalid)}
          aria-describedby=${ifDefined(common.described)}
        />`}
  </div>`;
}

export interface SelectFieldOptions {
  required?: boolean;
  help?: string;
  /** The first, empty option ("Choose…"); without it, one of the options is always selected. */
  choose?: string;
  options: readonly { readonly value: string; readonly label: string }[];
  /** Classes and part of the field's box, beside `field`. */
  class?: string;
  part?: string;
}

/** A labelled `<select>` for a session, participant, age band or plan field. */
export function selectField(ctx: FormContext, messages: Messages, field: FieldRef, label: string, value: string | undefined, options: SelectFieldOptions): TemplateResult {
  const id = domId('control', field);
  return html`<div class=${options.class ? `field ${options.class}` : 'field'} part=${ifDefined(options.part)}>
    <label for=${id}>${label}${options.required ? requiredMark() : nothing}</label>
    ${helpLine(field, options.help)} ${errorLine(messages, field)}
    <select
      id=${id}
      data-key=${encodeKey(field)}
      ?disabled=${ctx.disabled}
      aria-invalid=${ifDefined(invalidAttr(messages, field))}
      aria-describedby=${ifDefined(describedBy(messages, field, options.help ? field : undefined))}
    >
      ${options.choose !== undefined ? html`<option value="" ?selected=${!value}>${options.choose}</option>` : nothing}
      ${options.options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
    </select>
  </div>`;
}
