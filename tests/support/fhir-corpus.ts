// The public FHIR corpus beside the repository (../shared/fhir-corpus; PROVENANCE.md there), and the
// README table generated from the import snapshot (tests/engine/fhir-corpus.snapshot.json).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The corpus folder: $BOUSSOLE_FHIR_CORPUS, else `shared/fhir-corpus` beside the repository (or beside a worktree's parent). */
export function corpusDir(): string {
  const candidates = [process.env.BOUSSOLE_FHIR_CORPUS, resolve(root, '../shared/fhir-corpus'), resolve(root, '../../shared/fhir-corpus')];
  const found = candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'PROVENANCE.md')));
  if (!found) throw new Error(`the FHIR corpus is not found (tried ${candidates.filter(Boolean).join(', ')})`);
  return found;
}

export interface CorpusFile {
  name: string;
  json: Record<string, any>;
}

export function corpus(): CorpusFile[] {
  const dir = corpusDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, json: JSON.parse(readFileSync(join(dir, name), 'utf8')) }));
}

/** Which Questionnaire each corpus response answers (the adaptive one carries its own). */
export const RESPONSE_PAIRS: Record<string, string> = {
  'sdc-questionnaireresponse-sdc-profile-example-PHQ9.json': 'sdc-questionnaire-sdc-profile-example-PHQ9.json',
  'sdc-adaptive-questionnaireresponse-sdc-profile-example-PHQ9.json': '#contained',
  'sdc-QuestionnaireResponse-Cardiology-MariaSantos.json': 'sdc-Questionnaire-CardiologyForm.json',
  'lforms-qr-items-under-repeating-choice-item.json': 'lforms-q-items-under-repeating-choice-item.json',
  'androidfhir-questionnaire_response_outbreak.json': 'androidfhir-questionnaire_outbreak.json',
};

export interface ImportSnapshot {
  questionnaires: Record<string, { questions: number; imported: number; leftOut: string[]; kept: string[] }>;
  responses: Record<string, { answers: number; leftOut: string[] }>;
}

export const README_START = '<!-- fhir-corpus:start (generated from tests/engine/fhir-corpus.snapshot.json) -->';
export const README_END = '<!-- fhir-corpus:end -->';

/** The README table: per corpus file, what imported and what did not. */
export function corpusTable(snapshot: ImportSnapshot): string {
  const rows = Object.entries(snapshot.questionnaires).map(
    ([file, s]) =>
      `| \`${file}\` | ${s.imported} of ${s.questions} | ${s.leftOut.join(', ') || '—'} | ${s.kept.join(', ') || '—'} |`,
  );
  const responses = Object.entries(snapshot.responses).map(([file, s]) => `| \`${file}\` | ${s.answers} | ${s.leftOut.join(', ') || '—'} |`);
  return [
    README_START,
    '| Questionnaire | questions imported | left out (feature: items) | kept without (feature) |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '| QuestionnaireResponse | answers read | left out |',
    '| --- | --- | --- |',
    ...responses,
    README_END,
  ].join('\n');
}
