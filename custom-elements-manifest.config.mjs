// Manifest analyzer plugin: every event of an element is named and typed by its event class.
// The analyzer reads `dispatchEvent(new BoussoleInvalidEvent(…))` as a nameless event (the type string lives in
// the class, not at the call), beside the named entry from `@fires`; this merges the two and gives every
// `boussole-*` event its class (src/elements/events.ts, `static readonly type = '…'`) as `type`, for the framework
// types made from the manifest. tests/engine/manifest.test.ts checks the result against the sources.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const classOf = new Map(
  [...readFileSync(new URL('./src/elements/events.ts', import.meta.url), 'utf8')
    .matchAll(/class (Boussole\w+Event)\b[^\n]*\{\s*static readonly type = '([^']+)'/g)].map((m) => [m[2], m[1]]),
);

/**
 * Each event class's payload, read by the TypeScript checker from src/elements/events.ts: the type of
 * `detail` (the `CustomEvent<…>` argument, as written) and its fields, each with its type, whether it
 * is optional, and its JSDoc. The docs' Events page lists them, so they cannot drift from the code.
 */
function eventDetails() {
  const file = fileURLToPath(new URL('./src/elements/events.ts', import.meta.url));
  const program = ts.createProgram([file], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, experimentalDecorators: true, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const out = new Map();
  for (const node of source.statements) {
    if (!ts.isClassDeclaration(node) || !node.name) continue;
    const base = node.heritageClauses?.flatMap((h) => h.types).find((t) => t.expression.getText(source) === 'CustomEvent');
    const argument = base?.typeArguments?.[0];
    if (!argument) continue;
    const type = checker.getTypeFromTypeNode(argument);
    const fields = checker.getPropertiesOfType(type).map((p) => ({
      name: p.name,
      type: checker.typeToString(checker.getTypeOfSymbolAtLocation(p, argument), argument, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope),
      ...(p.flags & ts.SymbolFlags.Optional ? { optional: true } : {}),
      description: ts.displayPartsToString(p.getDocumentationComment(checker)).replace(/\s+/g, ' ').trim(),
    }));
    out.set(node.name.text, { type: argument.getText(source).replace(/\s+/g, ' '), fields });
  }
  return out;
}

function typeEvents() {
  const details = eventDetails();
  return {
    name: 'boussole-event-types',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules)
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.events) continue;
          declaration.events = declaration.events.filter((e) => e.name);
          for (const event of declaration.events)
            if (classOf.has(event.name)) {
              event.type = { text: classOf.get(event.name) };
              const detail = details.get(classOf.get(event.name));
              if (detail) event.detail = detail;
            }
        }
    },
  };
}

export default { plugins: [typeEvents()] };
