// What a designer sees in Storybook: the elements' public API only, colour pickers for the colour
// custom properties, and the custom properties applied to the story as they are changed.
import type { Preview } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

interface Member {
  kind?: string;
  name?: string;
  privacy?: string;
  static?: boolean;
}
interface Declaration {
  tagName?: string;
  members?: Member[];
  attributes?: { name?: string }[];
  events?: { name?: string }[];
  cssParts?: { name?: string }[];
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

/** Form-associated callbacks and static fields are the platform's business, not a designer's. */
const PLATFORM = /^form[A-Z]\w*Callback$|^formAssociated$/;

/**
 * The manifest with only the public API: private and protected fields, statics and platform
 * callbacks go, so do events the analyzer guessed from code (ours are all `boussole-*`); a part named
 * like an attribute (`age-band`) is renamed in the table so it does not hide the attribute's control.
 */
export function publicManifest<T extends object>(manifest: T): T {
  const copy = structuredClone(manifest);
  for (const module of (copy as unknown as Manifest).modules)
    for (const d of module.declarations ?? []) {
      if (d.members) d.members = d.members.filter((m) => !m.static && (m.privacy === undefined || m.privacy === 'public') && !PLATFORM.test(m.name ?? ''));
      if (d.events) d.events = d.events.filter((e) => e.name?.startsWith('boussole-'));
      const attributes = new Set((d.attributes ?? []).map((a) => a.name));
      for (const part of d.cssParts ?? []) if (part.name && attributes.has(part.name)) part.name = `${part.name} (part)`;
    }
  return copy;
}

type Enhancer = NonNullable<Preview['argTypesEnhancers']>[number];

/** Colour pickers for `--boussole-color-*`, text boxes for the other custom properties. */
export const cssPropertyControls: Enhancer = ({ argTypes }) => {
  const out = { ...argTypes };
  for (const [name, argType] of Object.entries(argTypes))
    if (name.startsWith('--boussole-')) out[name] = { ...argType, control: name.startsWith('--boussole-color-') ? { type: 'color' } : { type: 'text' } };
  return out;
};

/** Applies the custom properties a designer set in Controls to the story, through an ancestor. */
export function withCustomProperties(story: () => unknown, context: { args: Record<string, unknown> }): TemplateResult {
  const vars = Object.fromEntries(Object.entries(context.args).filter(([k, v]) => k.startsWith('--boussole-') && typeof v === 'string' && v));
  return html`<div class="story" style=${styleMap(vars as Record<string, string>)}>${story()}</div>`;
}
