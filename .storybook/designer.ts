// What a designer sees in Storybook: the elements' public API only, one control per attribute or
// writable property, colour pickers for the colour custom properties, and the custom properties applied
// to the story as they are changed (in Controls or in the story URL's `args`).
import type { Preview } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

interface Member {
  kind?: string;
  name?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  description?: string;
}
interface Attribute {
  name?: string;
  fieldName?: string;
  description?: string;
}
interface Declaration {
  tagName?: string;
  members?: Member[];
  attributes?: Attribute[];
  events?: { name?: string }[];
  cssParts?: { name?: string }[];
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

/** Form-associated callbacks and static fields are the platform's business, not a designer's. */
const PLATFORM = /^form[A-Z]\w*Callback$|^formAssociated$/;

const declarations = (manifest: object) => (manifest as Manifest).modules.flatMap((m) => m.declarations ?? []);

/**
 * The manifest with only the public API, one row per attribute or property: private and protected
 * fields, statics and platform callbacks go, so do events the analyzer guessed from code (ours are all
 * `boussole-*`). A field behind an attribute is listed once, under the attribute's name (`age-band`,
 * not also `ageBand`); an attribute named like a property that takes more (`value`: JSON text, while
 * the property takes an object) is described in the property's row. A part named like an attribute
 * (`age-band`) or a property (`previous`) is renamed in the table so it does not hide its control.
 */
export function publicManifest<T extends object>(manifest: T): T {
  const copy = structuredClone(manifest);
  for (const d of declarations(copy)) {
    const fields = new Set((d.attributes ?? []).map((a) => a.fieldName).filter(Boolean));
    if (d.members)
      d.members = d.members.filter(
        (m) => !m.static && (m.privacy === undefined || m.privacy === 'public') && !PLATFORM.test(m.name ?? '') && !fields.has(m.name),
      );
    const properties = new Map((d.members ?? []).filter((m) => m.kind === 'field').map((m) => [m.name, m]));
    if (d.attributes)
      d.attributes = d.attributes.filter((a) => {
        const property = properties.get(a.name);
        if (!property) return true;
        property.description = `${property.description ?? ''} Also the \`${a.name}\` attribute: ${a.description ?? ''}`.trim();
        return false;
      });
    if (d.events) d.events = d.events.filter((e) => e.name?.startsWith('boussole-'));
    // Storybook keys its table by name: a part named like an attribute or a property would replace its row (and control).
    const taken = new Set([...(d.attributes ?? []).map((a) => a.name), ...(d.members ?? []).filter((m) => m.kind === 'field').map((m) => m.name)]);
    for (const part of d.cssParts ?? []) if (part.name && taken.has(part.name)) part.name = `${part.name} (part)`;
  }
  return copy;
}

type Enhancer = NonNullable<Preview['argTypesEnhancers']>[number];
type ArgType = ReturnType<Enhancer>[string];

/** Attributes with a fixed set of values: a choice, not a text box. */
const CHOICES: Record<string, Partial<ArgType>> = {
  lang: { control: { type: 'inline-radio' }, options: ['fr', 'en'], type: { name: 'enum', value: ['fr', 'en'] } },
  layout: { control: { type: 'inline-radio' }, options: ['all', 'sections', 'presentation'], type: { name: 'enum', value: ['all', 'sections', 'presentation'] } },
  drafts: { control: { type: 'inline-radio' }, options: ['none', 'local'], type: { name: 'enum', value: ['none', 'local'] } },
  'heading-level': { control: { type: 'select' }, options: [1, 2, 3, 4, 5, 6], type: { name: 'number' } },
};

/**
 * Writable, but not from a control unless a story gives one: a store with methods and a `CryptoKey`
 * are set by code; `instrument` is the bundled one but on the generic form; `name` only names the
 * field in a host form's data; the age band (and the birth date that selects one) only means something
 * for an instrument with bands, so a story whose element has bands gives `age-band` its choices.
 */
const NO_CONTROL_UNLESS_DECLARED = new Set(['draftStore', 'draftEncryptionKey', 'instrument', 'name', 'age-band', 'birth-date']);

/** The control a property or attribute gets from its declared type, and the type URL args are read as. */
function fromType(text: string | undefined): Partial<ArgType> {
  if (!text) return { control: { type: 'text' }, type: { name: 'string' } };
  if (/\bboolean\b/.test(text)) return { control: { type: 'boolean' }, type: { name: 'boolean' } };
  if (/\bnumber\b/.test(text)) return { control: { type: 'number' }, type: { name: 'number' } };
  if (/^(string)( \| undefined| \| null)*$/.test(text)) return { control: { type: 'text' }, type: { name: 'string' } };
  return { control: { type: 'object' }, type: { name: 'object', value: {} } };
}

/**
 * One control per meaningful writable attribute or property: read-only properties, events and parts
 * stay in the table without a control; fixed sets of values get a choice; colours get a colour picker.
 * Every control has a type, so that args given in the story URL are applied (Storybook drops a URL arg
 * whose type it does not know). A control a story declares itself is kept.
 */
export function designerControls(manifest: object): Enhancer {
  const readonly = new Map<string, Set<string>>();
  for (const d of declarations(manifest))
    if (d.tagName) readonly.set(d.tagName, new Set((d.members ?? []).filter((m) => m.kind === 'field' && m.readonly).map((m) => m.name!)));
  return ({ argTypes, component }) => {
    const readOnly = readonly.get(String(component)) ?? new Set<string>();
    const out: typeof argTypes = {};
    for (const [name, argType] of Object.entries(argTypes)) {
      const category = argType.table?.category;
      const declared = argType.control !== undefined;
      const tableType = typeof argType.table?.type?.summary === 'string' ? argType.table.type.summary : undefined;
      if (name.startsWith('--boussole-'))
        out[name] = { ...argType, type: { name: 'string' }, control: declared ? argType.control : { type: name.startsWith('--boussole-color-') ? 'color' : 'text' } };
      else if (category === 'events' || category === 'css shadow parts' || category === 'slots' || readOnly.has(name))
        out[name] = { ...argType, control: false, table: { ...argType.table, readonly: readOnly.has(name) || undefined } };
      else if (category !== 'properties' && category !== 'attributes') out[name] = argType;
      else if (declared) out[name] = { ...argType, type: fromType(tableType).type };
      else if (NO_CONTROL_UNLESS_DECLARED.has(name)) out[name] = { ...argType, control: false };
      else out[name] = { ...argType, ...fromType(tableType), ...CHOICES[name] };
    }
    return out;
  };
}

/** Applies the custom properties set in Controls or in the story URL to the story, through an ancestor. */
export function withCustomProperties(story: () => unknown, context: { args: Record<string, unknown> }): TemplateResult {
  const vars = Object.fromEntries(Object.entries(context.args).filter(([k, v]) => k.startsWith('--boussole-') && typeof v === 'string' && v));
  return html`<div class="story" style=${styleMap(vars as Record<string, string>)}>${story()}</div>`;
}
