// Decision 4 of issue 19: a bundled instrument is validated when it is built, not on every page load.
// This rollup plugin parses each instrument JSON the build takes in (schemas/instruments/*.json) with
// the format's own parser (src/schema/parse.ts, zod: the single source of truth) and fails the build
// on an invalid one, or on one whose id is not its file's name (the elements find it by that id).
// Place it before @rollup/plugin-json.
import { register } from 'node:module';
import { basename, relative } from 'node:path';

const INSTRUMENT = /[\\/]schemas[\\/]instruments[\\/]([^\\/]+)\.json$/;

/** @returns {import('rollup').Plugin} */
export function validatedInstruments() {
  let parseInstrument;
  return {
    name: 'validated-instruments',
    async buildStart() {
      if (parseInstrument) return;
      register('./ts-hooks.mjs', import.meta.url);
      ({ parseInstrument } = await import('../../src/schema/parse.ts'));
    },
    transform(code, id) {
      const file = INSTRUMENT.exec(id);
      if (!file) return null;
      const where = relative(process.cwd(), id) || basename(id);
      let data;
      try {
        data = JSON.parse(code);
      } catch (error) {
        this.error(`${where} is not JSON: ${error.message}`);
      }
      const parsed = parseInstrument(data);
      if (!parsed.ok)
        this.error(`${where} is not a valid instrument (${parsed.problems.length} problem(s)):\n${parsed.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
      if (parsed.value.id !== file[1]) this.error(`${where}: its id "${parsed.value.id}" is not its file's name "${file[1]}"`);
      return null;
    },
  };
}
