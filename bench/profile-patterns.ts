/**
 * Development aid: for one built-in `.sch`, compiles each pattern alone (the schema with the
 * other patterns cut out, compiled SEFs cached by bench/sef-cache.ts) and
 * prints what each adds to a warm validation of SB-base-example and of a 1000-line invoice.
 * `node --import tsx bench/profile-patterns.ts cen-vat-categories [pattern-id...]`
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../src/validate/validate.js';
import { examplePath, makeLargeInvoice } from './make-large.js';
import { cachedRuleSet } from './sef-cache.js';
import { measureCpu as measure } from './stats.js';

const [stem, ...only] = process.argv.slice(2);
if (!stem) throw new Error('usage: profile-patterns.ts <stem> [pattern-id...]');
const text = readFileSync(join('schematron', `${stem}.sch`), 'utf8');
const patterns = [...text.matchAll(/<pattern\b[^>]*?id="([^"]+)"[\s\S]*?<\/pattern>/g)];
const base = readFileSync(examplePath('SB-base-example.xml'), 'utf8');
const large = makeLargeInvoice(1000);

async function cost(schText: string): Promise<{ base: number; large: number }> {
  const set = await cachedRuleSet([{ name: stem ?? '', text: schText }], 'schematron', stem ?? '');
  const opts = { includeBuiltIn: false, ruleSets: [set] };
  return {
    base: await measure(() => validateDocument(base, opts), { runs: 20, warmup: 5 }),
    large: await measure(() => validateDocument(large, opts), { runs: 7, warmup: 2 }),
  };
}

const empty = await cost(text.replace(/<pattern\b[\s\S]*?<\/pattern>/g, ''));
console.log(`${stem} without patterns: base ${empty.base.toFixed(1)} ms, 1000 lines ${empty.large.toFixed(0)} ms`);
for (const m of patterns) {
  const id = m[1] ?? '';
  if (only.length > 0 && !only.includes(id)) continue;
  const alone = text.replace(/<pattern\b[\s\S]*?<\/pattern>/g, (p) => (p === m[0] ? p : ''));
  const c = await cost(alone);
  console.log(`${id.padEnd(44)} base ${(c.base - empty.base).toFixed(1).padStart(6)} ms  1000 lines ${(c.large - empty.large).toFixed(0).padStart(5)} ms`);
}
