// Mutation testing, on demand (`npm run mutation`; not part of `npm test` or CI): StrykerJS plants
// small bugs in the pure layers one at a time and runs the Node tests that reach each one. A bug no
// test notices (a surviving mutant) is a test to write, or a change no one could observe (README,
// "Mutation testing"). Narrow a run with `npm run mutation -- --mutate src/engine/visibility.ts`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/engine/**/*.ts', 'src/analysis/**/*.ts', 'src/schema/**/*.ts', '!src/**/index.ts'],
  testRunner: 'tap',
  tap: {
    // Slow checks of generated files (XLIFF, JSON Schemas, the DOM-free type check) are left out:
    // they compare text, and a planted bug in the engine never reaches them.
    testFiles: ['tests/engine/!(translations|no-dom|json-schemas).test.ts'],
    // Each test file runs in one Node process with the TypeScript hooks, reporting TAP.
    nodeArgs: ['-r', '{{hookFile}}', '--import', './scripts/lib/register-ts.mjs', '--test-reporter=tap', '{{testFile}}'],
    forceBail: true,
  },
  checkers: ['typescript'],
  tsconfigFile: 'tests/tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 1,
  timeoutMS: 10000,
  ignorePatterns: ['dist', 'storybook-static', 'bench/.out', '.test-results', 'reports'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
