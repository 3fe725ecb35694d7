/**
 * Development aid: for one built-in `.sch`, compiles each pattern alone (the schema with the
 * other patterns cut out, compiled SEFs cached in the OS temp dir by content hash) and
 * prints what each adds to a warm validation of SB-base-example and of a 1000-line invoice.
 * `node --import tsx bench/profile-patterns.ts cen-vat-categories [pattern-id...]`
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileToSef } from '../src/schematron/sef.js';
import { loadRuleSet } from '../src/validate/rule-sets.js';
import { validateDocument } from '../src/validate/validate.js';
import { examplePath, makeLargeInvoice } from './make-large.js';
import { measureCpu as measure } from './stats.js';

const [stem, ...only] = process.argv.slice(2);
if (!stem) throw new Error('usage: profile-patterns.ts <stem> [pattern-id...]');
const text = readFileSync(join('schematron', `${stem}.sch`), 'utf8');
const patterns = [...text.matchAll(/<pattern\b[^>]*?id="([^"]+)"[\s\S]*?<\/pattern>/g)];
const base = readFileSync(examplePath('SB-base-example.xml'), 'utf8');
const large = makeLargeInvoice(1000);

async function cost(schText: string): Promise<{ base: number; large: number }> {
  const hash = createHash('sha256').update(schText).update(readFileSync('src/schematron/emit.ts')).digest('hex').slice(0, 16);
  const cache = join(tmpdir(), `psb-pattern-${hash}.sef.json`);
  let sefText: string;
  if (existsSync(cache)) sefText = readFileSync(cache, 'utf8');
  else {
    sefText = JSON.stringify(await compileToSef(schText, { resolveInclude: (h) => readFileSync(join('schematron', h), 'utf8') }));
    writeFileSync(cache, sefText);
  }
  const opts = { includeBuiltIn: false, ruleSets: [loadRuleSet(sefText, stem ?? '')] };
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
