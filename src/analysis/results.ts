import { createEngine } from '../engine/create-engine.js';
import type { Instrument } from '../schema/instrument.js';
import { compareRecords, type Comparison } from './compare.js';

// Apart from compare.ts, which the elements use (compareRecords): this one checks results with the
// format's parsers (zod), which the elements load only on need.

/**
 * Compares results of one instrument for one subject, oldest first (at least two). Throws
 * EngineError (`invalid-result`, `instrument-mismatch`, `version-mismatch`) when one cannot be read.
 * Items compared are those the current record shows, or answered in it.
 */
export function compareResults(instrument: Instrument, results: readonly unknown[]): Comparison {
  if (results.length < 2) throw new RangeError('compareResults needs at least two results');
  return compareRecords(
    results.map((result) => {
      const engine = createEngine(instrument);
      engine.load(result);
      return engine;
    }),
  );
}
