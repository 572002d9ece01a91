// Builds the JSON Schemas in schemas/ from the zod schemas in src/schema (the single source of truth).
// Descriptions for back-end developers live here, so the shipped bundle does not carry them.
import * as z from 'zod/mini';
import * as s from '../../src/schema/index.ts';

const BASE = 'urn:boussole:schema:';

const named = [
  [s.Id, 'Id', 'Identifier: a letter, then letters, digits, "-", "_" or "." (80 characters at most).'],
  [s.Text, 'Text', 'Text in French (the source language) and English.'],
  [s.IsoDate, 'IsoDate', 'A calendar date, YYYY-MM-DD, of a year from 1900 to 2100.'],
  [s.AnswerValue, 'AnswerValue', 'An option code or text (string), a number, or several option codes (multiple choice).'],
  [s.Perspective, 'Perspective', 'A voice that can answer (child, foster family, worker, birth parent, partner…) or a role.'],
  [s.AgeBand, 'AgeBand', 'An age band in completed months; minMonths and maxMonths are both included.'],
  [s.ScaleOption, 'ScaleOption', 'One choice of a response scale. "missing" marks answers such as "don\'t know" or "not applicable", kept out of tallies.'],
  [s.Scale, 'Scale', 'A response scale shared by the choice items that name it.'],
  [s.Condition, 'Condition', 'A declarative visibility condition: {item, op, value}, {ageBand: [ids]}, {all: [...]}, {any: [...]} or {not: ...}. Evaluated, never run as code.'],
  [s.Item, 'Item', 'A question; "type" decides its other fields.'],
  [s.Section, 'Section', 'A sphere, need, theme… ("kind" is free data); sections nest and may end with an action plan.'],
  [s.TallyRule, 'TallyRule', 'Counts the answers on "scale" in each section of "sectionKind" (nested items included) and gives each section the first status whose clauses all hold.'],
  [s.StatusCase, 'StatusCase', 'A status and the clauses that give it; without "when" it always holds.'],
  [s.TallyClause, 'TallyClause', 'Bounds on the count or share (0–1, over counted answers) of one level, or of all counted answers when "level" is absent.'],
  [s.SessionSpec, 'SessionSpec', 'Which session details the instrument asks for: "required", "optional" or "hidden" (the default).'],
  [s.Answer, 'Answer', 'The answer to one item: value/comment (perspective: who gave it), or one entry per voice in "perspectives".'],
  [s.Participant, 'Participant', 'Someone present at the session; the name is optional.'],
  [s.ActionPlan, 'ActionPlan', 'Objectives, each with actions: what, who, by when, review date and status.'],
  [s.Progress, 'Progress', 'Answered and required counts of visible items; percent on the instrument\'s completion basis.'],
  [s.TallyEntry, 'TallyEntry', 'Answers per level in one section; "counted" excludes missing levels.'],
  [s.Summaries, 'Summaries', 'Figures derived from the answers by the engine; recomputed whenever a result is resumed.'],
];

function build(schema, file, title, description) {
  const registry = z.registry();
  for (const [part, id, text] of named) if (part !== schema) registry.add(part, { id, description: text });
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', metadata: registry });
  return { $id: BASE + file.replace('.schema.json', ''), title, description, ...json };
}

/** The generated files, path → text. */
export function jsonSchemaFiles() {
  const files = {
    'schemas/instrument.schema.json': build(
      s.Instrument,
      'instrument.schema.json',
      'Boussole instrument',
      'An assessment instrument: texts in French and English, age bands, scales, nested sections of items, session details and summary rules. Generated from src/schema; do not edit. Cross-references (unique ids, known scales, age bands, perspectives and condition items, no visibility cycle) are checked by parseInstrument() in the library.',
    ),
    'schemas/result.schema.json': build(
      s.Result,
      'result.schema.json',
      'Boussole result',
      'A filled instrument as the elements emit it (boussole-submit) and the engine produces it (toResult). Generated from src/schema; do not edit.',
    ),
  };
  return Object.fromEntries(Object.entries(files).map(([path, value]) => [path, `${JSON.stringify(value, null, 2)}\n`]));
}
