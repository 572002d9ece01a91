// Browser tests: real headless Chromium (CHROME_PATH, else Debian's chromium-headless-shell, else a system Chromium) through Playwright.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROME_ARGS, findChrome } from './scripts/lib/chrome.mjs';

/** Writes {"passed": N, "failed": N} for the closing summary line of `npm test`. */
function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const test of suite.tests) if (!test.skipped) test.passed ? passed++ : failed++;
        for (const child of suite.suites) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that could not load, or an error outside any test, is one failure.
        if (session.errors?.length) failed++;
      }
      mkdirSync(new URL('./.test-results/', import.meta.url), { recursive: true });
      writeFileSync(new URL(file, import.meta.url), JSON.stringify({ passed, failed }));
    },
  };
}

/** Lets browser tests validate results with a standard JSON Schema validator, against the shipped file. */
function jsonSchemaCommand() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const read = (file) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
  const validators = {
    'validate-result': ajv.compile(read('./schemas/result.schema.json')),
    'validate-instrument': ajv.compile(read('./schemas/instrument.schema.json')),
  };
  return {
    name: 'json-schema-command',
    executeCommand({ command, payload }) {
      const validate = validators[command];
      if (!validate) return undefined;
      return { valid: validate(payload), errors: validate.errors ?? [] };
    },
  };
}

/**
 * Hands the browser tests the public FHIR corpus, which lives beside the repository (../shared/fhir-corpus, outside
 * the served root): `executeServerCommand('read-fhir-corpus')` gives its Questionnaires as `{ name, json }`.
 */
function fhirCorpusCommand() {
  return {
    name: 'fhir-corpus-command',
    executeCommand({ command }) {
      if (command !== 'read-fhir-corpus') return undefined;
      const here = fileURLToPath(new URL('./', import.meta.url));
      const dir = [process.env.BOUSSOLE_FHIR_CORPUS, `${here}../shared/fhir-corpus`, `${here}../../shared/fhir-corpus`].find(
        (d) => d && existsSync(`${d}/PROVENANCE.md`),
      );
      if (!dir) throw new Error('the FHIR corpus (../shared/fhir-corpus) is not found');
      return readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((name) => ({ name, json: JSON.parse(readFileSync(`${dir}/${name}`, 'utf8')) }))
        .filter((f) => f.json.resourceType === 'Questionnaire');
    },
  };
}

export default {
  files: 'tests/elements/**/*.test.ts',
  // Lit's production build, as pages get it (about 9 % faster here); BOUSSOLE_LIT_DEV=1 runs its development build,
  // whose warnings (an update scheduled after an update, …) show in the browser logs.
  nodeResolve: { exportConditions: process.env.BOUSSOLE_LIT_DEV ? ['development'] : ['production'] },
  concurrency: 2,
  plugins: [jsonSchemaCommand(), fhirCorpusCommand(), esbuildPlugin({ ts: true, target: 'esnext', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findChrome(), headless: true, args: CHROME_ARGS },
    }),
  ],
  testFramework: { config: { timeout: 20000 } },
  // Lit's development build (BOUSSOLE_LIT_DEV=1) announces itself; the banner is noise.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  reporters: [defaultReporter(), countReporter('./.test-results/browser.json')],
};
