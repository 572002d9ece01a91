// Manifest analyzer plugin: every event of an element is named and typed by its event class.
// The analyzer reads `dispatchEvent(new BoussoleInvalidEvent(…))` as a nameless event (the type string lives in
// the class, not at the call), beside the named entry from `@fires`; this merges the two and gives every
// `boussole-*` event its class (src/elements/events.ts, `static readonly type = '…'`) as `type`, for the framework
// types made from the manifest. tests/engine/manifest.test.ts checks the result against the sources.
import { readFileSync } from 'node:fs';

const classOf = new Map(
  [...readFileSync(new URL('./src/elements/events.ts', import.meta.url), 'utf8')
    .matchAll(/class (Boussole\w+Event)\b[^\n]*\{\s*static readonly type = '([^']+)'/g)].map((m) => [m[2], m[1]]),
);

function typeEvents() {
  return {
    name: 'boussole-event-types',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules)
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.events) continue;
          declaration.events = declaration.events.filter((e) => e.name);
          for (const event of declaration.events) if (classOf.has(event.name)) event.type = { text: classOf.get(event.name) };
        }
    },
  };
}

export default { plugins: [typeEvents()] };
