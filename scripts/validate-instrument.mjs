// Checks instrument files against the format and prints what each age band shows.
// Usage: node --import ./scripts/lib/register-ts.mjs scripts/validate-instrument.mjs schemas/instruments/ces.json [...]
import { readFileSync } from 'node:fs';
import { parseInstrument } from '../src/schema/parse.ts';
import { createEngine } from '../src/engine/index.ts';

let failed = false;
for (const file of process.argv.slice(2)) {
  const parsed = parseInstrument(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) {
    failed = true;
    console.log(`${file}: INVALID`);
    for (const p of parsed.problems) console.log(`  ${p.path}: ${p.message}`);
    continue;
  }
  const inst = parsed.value;
  const engine = createEngine(inst);
  console.log(`${file}: valid — ${engine.model.items.length} items, ${engine.model.sections.length} sections`);
  for (const band of inst.ageBands ?? [undefined]) {
    if (band) engine.setAgeBand(band.id);
    const counts = inst.sections.map((s) => {
      const n = (engine.model.itemsIn.get(s.id) ?? []).filter((it) => engine.isVisible(it.id)).length;
      return `${s.id}=${n}`;
    });
    console.log(`  ${band ? band.id : '(no bands)'}: ${counts.join(' ')}`);
  }
}
process.exit(failed ? 1 : 0);
