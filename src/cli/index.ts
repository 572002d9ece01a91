/// <reference types="node" />
// `boussole validate | export | aggregate`: the command line over instrument and result files (JSON,
// NDJSON or folders of them). Node built-ins only. Errors name the file, the NDJSON line and the path.
import { createReadStream, createWriteStream, existsSync, readFileSync, readdirSync, statSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createEngine } from '../engine/create-engine.js';
import { EngineError } from '../engine/errors.js';
import { Aggregator, type GroupField } from '../export/aggregate.js';
import { ExportError } from '../export/rows.js';
import type { Locale } from '../schema/enums.js';
import type { Instrument } from '../schema/instrument.js';
import { parseInstrument, type SchemaProblem } from '../schema/parse.js';
import { FORMATS } from './formats.js';

const HELP: Record<string, string> = {
  main: `Usage: boussole <command> [options] <files or folders…>

Commands:
  validate    check instruments and results (JSON or NDJSON files, or folders of them)
  export      write results as rows (CSV or NDJSON), one per answer and voice
  aggregate   de-identified counts across results, small counts suppressed (JSON)

Run "boussole <command> --help" for a command's options.
`,
  validate: `Usage: boussole validate [--instrument file] [--progress] <files or folders…>

Checks every instrument and every result. A result is checked against --instrument, or the instrument
among the files or the bundled ones (ces, needs-grid, pin-grid) with its id.
Exit code 1 when anything is invalid; each problem as file:line: path: message.
`,
  export: `Usage: boussole export --instrument file --format ${Object.keys(FORMATS).join('|')} [options] <results…>

Options:
  --instrument file   the instrument (JSON), or the id of a bundled one (ces, needs-grid, pin-grid)
  --format name       ${Object.entries(FORMATS).map(([k, f]) => `${k}: ${f.description}`).join('\n                      ')}
  --locale fr|en      language of the labels (default fr)
  --comments          add the comment column (off by default: free text identifies people)
  -o, --output file   write there instead of the standard output
  --progress          a progress line on stderr (shown anyway when stderr is a terminal)
A result that cannot be read is reported (file:line: path: message) and left out; the exit code is then 1.
`,
  aggregate: `Usage: boussole aggregate --instrument file [--min-cell 5] [--group-by territory] [-o file] <results…>

De-identified counts per section, item and level, and statuses per tally, as JSON. Every count under
--min-cell (default 5) is suppressed (null), then the cells that would let it be recovered from a total.
`,
};

/** One JSON document from a file: where it came from, for messages. */
interface Doc {
  file: string;
  /** NDJSON line (from 1), or the array index + 1 in a JSON array; undefined for a whole JSON file. */
  line?: number;
  value?: unknown;
  /** Why it could not be parsed as JSON. */
  error?: string;
}

const where = (doc: Doc): string => (doc.line === undefined ? doc.file : `${doc.file}:${doc.line}`);

function filesOf(paths: string[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    if (statSync(path).isDirectory())
      out.push(...filesOf(readdirSync(path).sort().filter((f) => /\.(nd)?json$/i.test(f) || statSync(join(path, f)).isDirectory()).map((f) => join(path, f))));
    else out.push(path);
  }
  return out;
}

/** Reads files one document at a time (NDJSON line by line, so large files stream). */
async function* docsOf(paths: string[]): AsyncGenerator<Doc> {
  for (const file of filesOf(paths)) {
    if (/\.ndjson$/i.test(file) || /\.jsonl$/i.test(file)) {
      let line = 0;
      for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
        line++;
        if (!text.trim()) continue;
        try {
          yield { file, line, value: JSON.parse(text) };
        } catch (error) {
          yield { file, line, error: `not JSON (${(error as Error).message})` };
        }
      }
    } else {
      let value: unknown;
      try {
        value = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        yield { file, error: `not JSON (${(error as Error).message})` };
        continue;
      }
      if (Array.isArray(value)) for (const [i, v] of value.entries()) yield { file, line: i + 1, value: v };
      else yield { file, value };
    }
  }
}

const isInstrument = (v: unknown): boolean => !!v && typeof v === 'object' && 'sections' in v && !('answers' in v);

const problemLines = (problems: readonly SchemaProblem[]): string[] => problems.map((p) => `${p.path}: ${p.message}`);

/** The problems of an engine refusal as lines "path: message". */
function refusal(error: unknown): string[] {
  const cause = error instanceof ExportError ? error.cause : error;
  if (cause instanceof EngineError) {
    const problems = (cause.params as { problems?: SchemaProblem[] }).problems;
    if (problems?.length) return problemLines(problems);
    return [`${cause.code === 'instrument-mismatch' ? 'instrument.id' : cause.code === 'version-mismatch' ? 'instrument.version' : '(root)'}: ${cause.message}`];
  }
  return [`(root): ${error instanceof Error ? error.message : String(error)}`];
}

const BUNDLED_IDS = ['ces', 'needs-grid', 'pin-grid'];

/** A bundled instrument, read from the package's schemas/instruments (beside dist/, or from src/cli/). */
function bundled(id: string): unknown {
  if (!BUNDLED_IDS.includes(id)) return undefined;
  for (const up of ['../schemas/instruments/', '../../schemas/instruments/']) {
    const url = new URL(`${up}${id}.json`, import.meta.url);
    if (existsSync(url)) return JSON.parse(readFileSync(url, 'utf8'));
  }
  return undefined;
}

class CliError extends Error {}

function readInstrument(spec: string): Instrument {
  let value: unknown = bundled(spec);
  if (value === undefined) {
    try {
      value = JSON.parse(readFileSync(spec, 'utf8'));
    } catch (error) {
      throw new CliError(`${spec}: ${(error as Error).message}`);
    }
  }
  const parsed = parseInstrument(value);
  if (!parsed.ok) throw new CliError(problemLines(parsed.problems).map((l) => `${spec}: ${l}`).join('\n'));
  return parsed.value;
}

/** Prints "N results" every `every` results when asked or when stderr is a terminal. */
function progress(enabled: boolean, every = 1000) {
  let n = 0;
  const tty = process.stderr.isTTY;
  return {
    tick() {
      if (enabled && ++n % every === 0) process.stderr.write(tty ? `\r${n} results…` : `${n} results…\n`);
    },
    done() {
      if (enabled && n >= every) process.stderr.write(tty ? `\r${n} results.\n` : `${n} results.\n`);
    },
  };
}

interface Context {
  out: (text: string) => void;
  err: (text: string) => void;
}

async function validate(paths: string[], instrumentSpec: string | undefined, showProgress: boolean, ctx: Context): Promise<number> {
  const forced = instrumentSpec ? readInstrument(instrumentSpec) : undefined;
  const known = new Map<string, Instrument>();
  for (const id of BUNDLED_IDS) {
    const parsed = parseInstrument(bundled(id));
    if (parsed.ok) known.set(id, parsed.value);
  }
  // Instruments first, so a result finds one given in the same run.
  let failures = 0;
  let instruments = 0;
  let results = 0;
  for await (const doc of docsOf(paths)) {
    if (doc.error || !isInstrument(doc.value)) continue;
    instruments++;
    const parsed = parseInstrument(doc.value);
    if (parsed.ok) known.set(parsed.value.id, parsed.value);
    else for (const line of problemLines(parsed.problems)) (failures++, ctx.err(`${where(doc)}: ${line}\n`));
  }
  const engines = new Map<Instrument, ReturnType<typeof createEngine>>();
  const tick = progress(showProgress);
  for await (const doc of docsOf(paths)) {
    if (doc.error) {
      failures++;
      ctx.err(`${where(doc)}: ${doc.error}\n`);
      continue;
    }
    if (isInstrument(doc.value)) continue;
    results++;
    tick.tick();
    const id = (doc.value as { instrument?: { id?: unknown } } | null)?.instrument?.id;
    const instrument = forced ?? (typeof id === 'string' ? known.get(id) : undefined);
    if (!instrument) {
      failures++;
      ctx.err(`${where(doc)}: instrument.id: no instrument ${JSON.stringify(id ?? null)} (give one with --instrument)\n`);
      continue;
    }
    let engine = engines.get(instrument);
    if (!engine) engines.set(instrument, (engine = createEngine(instrument)));
    try {
      engine.load(doc.value);
    } catch (error) {
      failures++;
      for (const line of refusal(error)) ctx.err(`${where(doc)}: ${line}\n`);
    }
  }
  tick.done();
  ctx.out(`${instruments} instrument(s), ${results} result(s) checked; ${failures ? `${failures} problem(s)` : 'all valid'}.\n`);
  return failures ? 1 : 0;
}

/** Results in order, remembering where the last one came from (for the messages of refusals). */
function resultsOf(paths: string[], state: { doc?: Doc; failures: number }, ctx: Context, tick: () => void): AsyncGenerator<unknown> {
  return (async function* () {
    for await (const doc of docsOf(paths)) {
      if (doc.error) {
        state.failures++;
        ctx.err(`${where(doc)}: ${doc.error}\n`);
        continue;
      }
      state.doc = doc;
      tick();
      yield doc.value;
    }
  })();
}

async function main(argv: string[], ctx: Context): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    ctx.out(HELP.main!);
    return command ? 0 : 1;
  }
  if (!(command in HELP) || command === 'main') {
    ctx.err(`boussole: unknown command "${command}"\n\n${HELP.main}`);
    return 1;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        instrument: { type: 'string' },
        format: { type: 'string' },
        locale: { type: 'string' },
        comments: { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        'min-cell': { type: 'string' },
        'group-by': { type: 'string', multiple: true },
        progress: { type: 'boolean' },
      },
    });
  } catch (error) {
    ctx.err(`boussole ${command}: ${(error as Error).message}\n\n${HELP[command]}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    ctx.out(HELP[command]!);
    return 0;
  }
  if (!positionals.length) {
    ctx.err(`boussole ${command}: no file given\n\n${HELP[command]}`);
    return 1;
  }
  const showProgress = Boolean(values.progress || process.stderr.isTTY);
  if (command === 'validate') return validate(positionals, values.instrument, showProgress, ctx);

  if (!values.instrument) throw new CliError(`boussole ${command}: --instrument is required`);
  const instrument = readInstrument(values.instrument);
  const state: { doc?: Doc; failures: number } = { failures: 0 };
  const onInvalid = (error: ExportError) => {
    state.failures++;
    for (const line of refusal(error)) ctx.err(`${state.doc ? where(state.doc) : `result ${error.index}`}: ${line}\n`);
  };
  const counter = progress(showProgress);
  const results = resultsOf(positionals, state, ctx, () => counter.tick());
  const output: WriteStream | undefined = values.output ? createWriteStream(values.output) : undefined;
  const write = async (text: string) => {
    if (!output) return void ctx.out(text);
    if (!output.write(text)) await new Promise<void>((ok) => output.once('drain', () => ok()));
  };

  if (command === 'export') {
    const format = FORMATS[values.format ?? ''];
    if (!format) throw new CliError(`boussole export: --format must be one of ${Object.keys(FORMATS).join(', ')}`);
    const locale = (values.locale ?? 'fr') as Locale;
    if (locale !== 'fr' && locale !== 'en') throw new CliError('boussole export: --locale must be fr or en');
    for await (const text of format.write(instrument, results, { locale, comments: Boolean(values.comments), onInvalid })) await write(text);
  } else {
    const minCell = Number(values['min-cell'] ?? 5);
    if (!Number.isInteger(minCell) || minCell < 1) throw new CliError('boussole aggregate: --min-cell must be a whole number from 1');
    const groupBy = (values['group-by'] ?? []) as GroupField[];
    for (const field of groupBy) if (field !== 'territory') throw new CliError('boussole aggregate: --group-by accepts territory');
    const aggregator = new Aggregator(instrument, { minCell, groupBy, onInvalid });
    for await (const result of results) aggregator.add(result);
    await write(JSON.stringify(aggregator.finish(), null, 2) + '\n');
  }
  counter.done();
  if (output) await new Promise<void>((ok) => output.end(() => ok()));
  return state.failures ? 1 : 0;
}

main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof CliError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
