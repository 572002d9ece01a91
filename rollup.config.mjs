// Two builds:
// - dist/*.js: ES modules for applications with their own bundler (lit, @lit/localize and zod stay
//   imports), with type declarations in dist/types;
// - dist/boussole.bundle.js: the no-build bundle for a plain <script type="module">, minified, with lit,
//   @lit/localize and zod inside; what is loaded lazily (each bundled instrument's text, the English
//   messages, the draft storage…) is in chunks under dist/bundle/, imported relative to the entry.
// Every bundled instrument is validated as it is built (scripts/lib/validated-instruments.mjs).
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { generateFrameworkTypes } from './scripts/generate-framework-types.mjs';
import { minifyTemplates } from './scripts/lib/minify-templates.mjs';
import { validatedInstruments } from './scripts/lib/validated-instruments.mjs';

// react and @lit/react are optional peer dependencies of boussole/react.js: never bundled.
const external = [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^react($|\/)/, /^node:/];

/** zod and lit print harmless warnings about their own annotations and cycles. */
function onwarn(warning, warn) {
  const fromDependency = warning.ids?.some?.((id) => id.includes('node_modules')) || warning.id?.includes('node_modules');
  if ((warning.code === 'INVALID_ANNOTATION' || warning.code === 'CIRCULAR_DEPENDENCY') && fromDependency) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.message.includes('node_modules')) return;
  warn(warning);
}

const ts = (declarations) =>
  typescript({
    tsconfig: './tsconfig.build.json',
    noEmit: false,
    declaration: declarations,
    declarationDir: declarations ? 'dist/types' : undefined,
    outDir: 'dist',
    sourceMap: true,
    noEmitOnError: true,
    // The type checks run on their own (`npm test`'s first stage, `npm run typecheck`): the build only emits.
    noCheck: true,
  });

/**
 * V8's explicit compile hint (Chromium 136+; other engines read a comment): the no-build bundle's
 * entry holds the form elements, lit and the engine, nearly all of it run by an element's first
 * render, so V8 compiles it as the script loads (off the main thread where it can) rather than
 * function by function during that render. Chunks loaded on need do not carry it: for them it made
 * the compile run on the main thread. docs/decisions/0017-compile-hint.md has the measurements.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

const minify = terser({
  ecma: 2022,
  module: true,
  // No comment survives but the compile hint, which must stay the entry's first line (a RegExp, not a
  // function: the plugin hands its options to worker threads as text).
  format: { comments: new RegExp(`^${COMPILE_HINT.slice(2)}$`) },
});

export default [
  {
    input: {
      index: 'src/index.ts',
      define: 'src/define.ts',
      engine: 'src/engine/index.ts',
      analysis: 'src/analysis/index.ts',
      export: 'src/export/index.ts',
      cli: 'src/cli/index.ts',
      react: 'src/react/index.ts',
      'elements/form': 'src/elements/form/define.ts',
      'elements/ces': 'src/elements/ces/define.ts',
      'elements/needs-grid': 'src/elements/needs-grid/define.ts',
      'elements/pin-grid': 'src/elements/pin-grid/define.ts',
      'elements/summary': 'src/elements/summary/define.ts',
      'elements/dashboard': 'src/elements/dashboard/define.ts',
    },
    external,
    // After the declarations: the JSX (React 19) and Vue declarations of the tags, from the manifest.
    plugins: [validatedInstruments(), json({ compact: true }), ts(true), minifyTemplates(), { name: 'framework-types', writeBundle: generateFrameworkTypes }],
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      chunkFileNames: 'chunks/[name]-[hash].js',
      // The command line (package.json "bin") runs as a script.
      banner: (chunk) => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
    },
    onwarn,
  },
  {
    input: 'src/bundle.ts',
    plugins: [nodeResolve(), validatedInstruments(), json({ compact: true }), ts(false), minifyTemplates(), minify],
    output: {
      dir: 'dist',
      entryFileNames: 'boussole.bundle.js',
      chunkFileNames: 'bundle/[name]-[hash].js',
      format: 'es',
      sourcemap: true,
      banner: (chunk) => (chunk.isEntry ? COMPILE_HINT : ''),
    },
    onwarn,
  },
];
