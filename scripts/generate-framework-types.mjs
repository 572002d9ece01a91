// JSX (React 19) and Vue 3 declarations of the six tags, generated from custom-elements.json into
// dist/types, so a consumer's `tsc` (or vue-tsc) catches a wrong attribute, property or event prop.
// Run by the first rollup build (after its declarations are written) and by hand:
// `node scripts/generate-framework-types.mjs`.
// Each property is typed by the element class itself (`BoussoleForm['layout']`), so the declarations
// cannot drift from the code; attributes with no property (e.g. `lang`) and kebab-case attributes are
// plain strings; each event's class is the one the package exports (boussole-submit → BoussoleSubmitEvent).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = new URL('../', import.meta.url);

/** boussole-submit → BoussoleSubmitEvent */
const eventClass = (name) => name.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('') + 'Event';

/** The tags of the manifest, each with its class, writable public properties, attributes and events. */
export function elementsOf(manifest) {
  const out = [];
  for (const mod of manifest.modules)
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      const properties = (d.members ?? [])
        .filter((m) => m.kind === 'field' && !m.static && !m.readonly && (!m.privacy || m.privacy === 'public') && !m.name.startsWith('_'))
        .map((m) => m.name);
      const attributes = (d.attributes ?? []).map((a) => a.name).filter((a) => !properties.includes(a));
      const events = [...new Set((d.events ?? []).map((e) => e.name).filter(Boolean))];
      out.push({ tag: d.tagName, className: d.name, properties: [...new Set(properties)], attributes, events });
    }
  return out.sort((a, b) => a.tag.localeCompare(b.tag));
}

const q = (s) => (/^[A-Za-z_$][\w$]*$/.test(s) ? s : `'${s}'`);

function propsOf({ className, properties, attributes, events }, eventProp) {
  return [
    ...properties.map((p) => `    ${q(p)}?: ${className}[${JSON.stringify(p).replaceAll('"', "'")}];`),
    ...attributes.map((a) => `    ${q(a)}?: string;`),
    ...events.map((e) => `    ${q(eventProp(e))}?: (event: ${eventClass(e)}) => void;`),
  ].join('\n');
}

function imports(elements) {
  const classes = elements.map((e) => e.className);
  const events = [...new Set(elements.flatMap((e) => e.events.map(eventClass)))].sort();
  return `import type { ${[...classes, ...events].join(', ')} } from './index.js';`;
}

const HEADER = '// Generated from custom-elements.json by scripts/generate-framework-types.mjs: do not edit.\n';

/** React 19: JSX.IntrinsicElements; properties by name, attributes as strings, events as `onboussole-…`. */
export function reactJsx(elements) {
  const props = elements.map(
    (e) =>
      `export interface ${e.className}JsxProps extends React.HTMLAttributes<HTMLElement> {\n  ref?: React.Ref<${e.className}>;\n  children?: React.ReactNode;\n${propsOf(e, (ev) => `on${ev}`).replaceAll('\n    ', '\n  ').replace(/^    /, '  ')}\n}`,
  );
  return `${HEADER}// React 19 JSX for the tags: \`import type {} from 'boussole/react-jsx';\` once in the application.
import type * as React from 'react';
${imports(elements)}

${props.join('\n\n')}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map((e) => `      ${q(e.tag)}: ${e.className}JsxProps;`).join('\n')}
    }
  }
}
`;
}

/** Vue 3: GlobalComponents; properties, attributes and events as `onBoussole…` props. */
export function vueComponents(elements) {
  const camel = (ev) => 'on' + ev.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  const props = elements.map((e) => `export interface ${e.className}VueProps {\n${propsOf(e, camel).replaceAll('\n    ', '\n  ').replace(/^    /, '  ')}\n}`);
  return `${HEADER}// Vue 3 templates for the tags (with vue-tsc): \`import type {} from 'boussole/vue';\` once in the application.
import type { DefineComponent } from 'vue';
${imports(elements)}

${props.join('\n\n')}

declare module 'vue' {
  interface GlobalComponents {
${elements.map((e) => `    ${q(e.tag)}: DefineComponent<${e.className}VueProps>;`).join('\n')}
  }
}
`;
}

export function generateFrameworkTypes() {
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', repo), 'utf8'));
  const elements = elementsOf(manifest);
  const dir = new URL('dist/types/', repo);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('react-jsx.d.ts', dir), reactJsx(elements));
  writeFileSync(new URL('vue.d.ts', dir), vueComponents(elements));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generateFrameworkTypes();
