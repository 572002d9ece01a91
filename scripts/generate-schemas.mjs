// Writes schemas/*.schema.json from the zod schemas. Run: npm run schemas
import { writeFileSync } from 'node:fs';
import { jsonSchemaFiles } from './lib/json-schemas.mjs';

for (const [path, text] of Object.entries(jsonSchemaFiles())) {
  writeFileSync(new URL(`../${path}`, import.meta.url), text);
  console.log(`wrote ${path}`);
}
