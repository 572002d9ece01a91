// custom-elements.json against the sources it describes, so the docs, the framework types made from it and the
// elements cannot drift apart. For every element of the manifest, from its module and every module it imports
// (transitively, within src/elements): the events it dispatches (`new Boussole…Event`), the parts it renders
// (`part="…"`, and part names handed to the template parts), the custom properties its styles use
// (`var(--boussole-…)`), the slots it renders, and — read with the TypeScript compiler API — its Lit reactive
// properties with their attributes and its public instance fields and accessors. Regenerate the manifest with
// `node -e "import('./scripts/lib/setup.mjs').then(m=>m.generate())"` after changing an element's JSDoc.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as {
  modules: { path: string; declarations?: Declaration[] }[];
};
interface Named { name: string; fieldName?: string; kind?: string; privacy?: string; static?: boolean }
interface Declaration {
  name: string; tagName?: string; superclass?: { name: string; module?: string };
  attributes?: Named[]; members?: Named[]; events?: Partial<Named>[]; cssParts?: Named[]; cssProperties?: Named[]; slots?: Named[];
}

const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => ({ path: m.path, d })));

/**
 * The source text an element really uses: its class, then every top-level declaration it names, followed through
 * relative imports, declaration by declaration (a module imported for one helper does not bring its other templates).
 */
const parsed = new Map<string, ts.SourceFile>();
function sourceOf(file: string): ts.SourceFile {
  let source = parsed.get(file);
  if (!source) parsed.set(file, (source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.ES2022, true)));
  return source;
}
function declarationNames(statement: ts.Statement): string[] {
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) return [statement.name.text];
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  return [];
}
function usedText(file: string, name: string): string {
  const seen = new Set<string>();
  const texts: string[] = [];
  const visit = (file: string, name: string) => {
    const key = `${file}#${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const source = sourceOf(file);
    const statement = source.statements.find((s) => declarationNames(s).includes(name));
    if (!statement) {
      // Imported here, or re-exported from elsewhere.
      for (const s of source.statements) {
        if (!(ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) || !s.moduleSpecifier || !ts.isStringLiteral(s.moduleSpecifier)) continue;
        const spec = s.moduleSpecifier.text;
        if (!spec.startsWith('.')) continue;
        const target = relative(root, join(root, dirname(file), spec)).replace(/\.js$/, '.ts');
        const bindings = ts.isImportDeclaration(s) ? s.importClause?.namedBindings : s.exportClause;
        if (bindings && (ts.isNamedImports(bindings) || ts.isNamedExports(bindings)))
          for (const el of bindings.elements) if (el.name.text === name) visit(target, (el.propertyName ?? el.name).text);
      }
      return;
    }
    texts.push(statement.getText(source));
    const walk = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && node.text !== name) visit(file, node.text);
      // A module loaded on need (`import('./x.js')`): everything it exports is the element's too.
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [spec] = node.arguments;
        if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.') && spec.text.endsWith('.js')) {
          const target = relative(root, join(root, dirname(file), spec.text)).replace(/\.js$/, '.ts');
          for (const s of sourceOf(target).statements) {
            for (const declared of declarationNames(s)) visit(target, declared);
            if (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause)) for (const el of s.exportClause.elements) visit(target, el.name.text);
          }
        }
      }
      ts.forEachChild(node, walk);
    };
    walk(statement);
  };
  visit(file, name);
  return texts.join('\n');
}

/** Event class name → event type, from src/elements/events.ts. */
const eventTypes = new Map(
  [...readFileSync(join(root, 'src/elements/events.ts'), 'utf8').matchAll(/class (Boussole\w+Event)\b[^\n]*\{\s*static readonly type = '([^']+)'/g)].map((m) => [m[1]!, m[2]!]),
);

function dispatched(text: string): string[] {
  return [...text.matchAll(/new (Boussole\w+Event)\(/g)].map((m) => {
    const type = eventTypes.get(m[1]!);
    assert.ok(type, `no event type for ${m[1]}`);
    return type!;
  });
}

function rendered(text: string): string[] {
  const parts: string[] = [];
  for (const [, value] of text.matchAll(/\bpart="([^"]*)"/g)) parts.push(...value!.replace(/\$\{[^}]*\}/g, ' ').split(/\s+/).filter(Boolean));
  for (const [, value] of text.matchAll(/\b(?:part|[a-z]+Part):\s*'([a-z][a-z-]*)'/g)) parts.push(value!);
  for (const [, value] of text.matchAll(/\bpart=\$\{[^}]*?'([a-z][a-z-]*)'/g)) parts.push(value!);
  return parts;
}

/** Lit reactive properties (decorated with `@property`) and public instance fields/accessors, from the class chain. */
function classMembers(path: string, className: string) {
  const attributes = new Map<string, string>(); // attribute → field
  const publicFields = new Set<string>();
  let file: string | undefined = path;
  let name: string | undefined = className;
  while (file && name) {
    const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    const cls = source.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === name);
    assert.ok(cls, `class ${name} in ${file}`);
    for (const member of cls.members) {
      if (!(ts.isPropertyDeclaration(member) || ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member))) continue;
      if (!member.name || !ts.isIdentifier(member.name)) continue;
      const field = member.name.text;
      const modifiers = ts.getModifiers(member) ?? [];
      const hidden = modifiers.some((m) => [ts.SyntaxKind.PrivateKeyword, ts.SyntaxKind.ProtectedKeyword, ts.SyntaxKind.StaticKeyword].includes(m.kind));
      if (!hidden && !field.startsWith('_')) publicFields.add(field);
      for (const decorator of ts.getDecorators(member) ?? []) {
        const call = decorator.expression;
        if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'property') continue;
        let attribute: string | false = field.toLowerCase();
        const options = call.arguments[0];
        if (options && ts.isObjectLiteralExpression(options))
          for (const p of options.properties)
            if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'attribute')
              attribute = ts.isStringLiteral(p.initializer) ? p.initializer.text : p.initializer.kind === ts.SyntaxKind.FalseKeyword ? false : field.toLowerCase();
        if (attribute && !attributes.has(attribute)) attributes.set(attribute, field);
      }
    }
    // Follow `extends X` to the module it is imported from.
    const base = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    name = base && ts.isIdentifier(base) ? base.text : undefined;
    const from = name && source.text.match(new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*'(\\.[^']+)'`))?.[1];
    file = from ? relative(root, join(root, dirname(file), from)).replace(/\.js$/, '.ts') : undefined;
  }
  return { attributes, publicFields };
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** The manifest's list equals the source's, with a message naming what is missing on each side. */
function same(documented: Iterable<string>, actual: Iterable<string>, what: string) {
  const doc = sorted(documented);
  const real = sorted(actual);
  const undocumented = real.filter((x) => !doc.includes(x));
  const absent = doc.filter((x) => !real.includes(x));
  assert.ok(undocumented.length + absent.length === 0,
    `${what}: in the source but not in the manifest: ${JSON.stringify(undocumented)}; in the manifest but not in the source: ${JSON.stringify(absent)}`);
}

describe('custom-elements.json against the sources', () => {
  it('describes the six elements', () => {
    assert.deepEqual(sorted(elements.map((e) => e.d.tagName!)),
      ['boussole-ces', 'boussole-dashboard', 'boussole-form', 'boussole-needs-grid', 'boussole-pin-grid', 'boussole-summary']);
  });

  for (const { path, d } of elements) {
    describe(`<${d.tagName}>`, () => {
      const text = usedText(path, d.name);

      it('lists, by name, exactly the events it dispatches', () => {
        assert.deepEqual((d.events ?? []).filter((e) => !e.name), [], 'an event without a name (the analyzer saw a dispatch it could not name)');
        same((d.events ?? []).map((e) => e.name!), dispatched(text), 'events');
        const classOf = new Map([...eventTypes].map(([cls, type]) => [type, cls]));
        for (const e of d.events ?? []) assert.equal((e as { type?: { text?: string } }).type?.text, classOf.get(e.name!), `the type of ${e.name}`);
      });

      it('lists exactly the parts it renders', () => {
        same((d.cssParts ?? []).map((p) => p.name), rendered(text), 'parts');
      });

      it('lists exactly the custom properties its styles use', () => {
        same((d.cssProperties ?? []).map((p) => p.name), [...text.matchAll(/var\((--boussole-[a-z0-9-]+)/g)].map((m) => m[1]!), 'CSS custom properties');
      });

      it('lists exactly the slots it renders', () => {
        same((d.slots ?? []).map((s) => s.name), [...text.matchAll(/<slot(?:\s+name="([^"]*)")?/g)].map((m) => m[1] ?? ''), 'slots');
      });

      it('lists every reactive attribute with its property, and every public field', () => {
        const { attributes, publicFields } = classMembers(path, d.name);
        const documented = new Map((d.attributes ?? []).filter((a) => a.fieldName).map((a) => [a.name, a.fieldName!]));
        same([...documented].map(([a, f]) => `${a} → ${f}`), [...attributes].map(([a, f]) => `${a} → ${f}`), 'attributes');
        const fields = (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.privacy && !m.name.startsWith('_') && !m.name.startsWith('#'));
        same(fields.map((m) => m.name), publicFields, 'public fields');
      });
    });
  }
});
