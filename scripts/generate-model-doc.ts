// Generates docs/concepts/model-fields.md from the zod model: every field with its business term.
// Run: npx tsx scripts/generate-model-doc.ts  (test/model/describe.test.ts fails when the file is stale)
import { writeFileSync } from 'node:fs';
import { renderModelFieldsDoc } from './model-doc.js';

writeFileSync(new URL('../docs/concepts/model-fields.md', import.meta.url), renderModelFieldsDoc());
console.log('wrote docs/concepts/model-fields.md');
