// Lit's html`` and css`` templates written compact in what we build (issue 19: their indentation was
// ~0.7 KB gzipped of each element's first load). Lit's own rollup plugin, after TypeScript (whose
// plugin compiles from the files, not from earlier plugins' output), on our sources only.
// Whitespace is collapsed conservatively: every run becomes one space, none disappears, so the text
// a person reads and the accessible names stay as they were (inline elements keep their spacing).
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { defaultShouldMinify } from '@lit-labs/rollup-plugin-minify-html-literals/lib/minify-html-literals.js';

/** lit/static-html's `<${tag}>` (a tag name from an expression) is not HTML the minifier can read: left as written. */
const tagFromExpression = (template) => template.parts.slice(0, -1).some((part) => /<\/?$/.test(part.text));

export const minifyTemplates = () =>
  minifyHTML({
    include: [/[\\/]src[\\/].*\.ts$/],
    failOnError: true,
    options: {
      minifyOptions: { conservativeCollapse: true },
      shouldMinify: (template) => defaultShouldMinify(template) && !tagFromExpression(template),
    },
  });
