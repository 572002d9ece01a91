/// <reference types="node" />
// The export formats of `boussole export --format …`, in one table: adding one is one entry here.
import { csvLines } from '../export/csv.js';
import { ndjsonLines } from '../export/ndjson.js';
import { loadEachAsync, type ExportOptions } from '../export/rows.js';
import { toFhirQuestionnaireResponse } from '../export/fhir/index.js';
import type { Instrument } from '../schema/instrument.js';

export interface CliFormat {
  /** One line for `--help`. */
  description: string;
  /** The text to write, piece by piece, for results read one at a time. */
  write(instrument: Instrument, results: AsyncIterable<unknown>, options: ExportOptions): AsyncIterable<string>;
}

/**
 * One FHIR R4 QuestionnaireResponse per result, one resource per line (the NDJSON of FHIR Bulk Data),
 * answering the Questionnaire `toFhirQuestionnaire` writes for the same instrument. `--locale` is the
 * language of its texts; `--comments` keeps the comments.
 */
async function* fhirLines(instrument: Instrument, results: AsyncIterable<unknown>, options: ExportOptions): AsyncIterable<string> {
  for await (const loaded of loadEachAsync(instrument, results, options.onInvalid)) {
    const { resource } = toFhirQuestionnaireResponse(instrument, loaded.engine.toResult(), { comments: options.comments ?? false, language: options.locale ?? 'fr' });
    yield JSON.stringify(resource) + '\n';
  }
}

export const FORMATS: Record<string, CliFormat> = {
  csv: { description: 'CSV (RFC 4180, one row per answer and voice, formulas neutralised)', write: csvLines },
  ndjson: { description: 'NDJSON (the same rows, one JSON object per line)', write: ndjsonLines },
  fhir: { description: 'FHIR R4 QuestionnaireResponse per result, one per line (Bulk Data NDJSON)', write: fhirLines },
};
