/**
 * Development aid: compiles each built-in `.sch` alone (cached by bench/sef-cache.ts) and reports the warm median of each on SB-base-example and a 1000-line
 * invoice, so the cost of every rule set is visible. `node --import tsx bench/profile-rule-sets.ts [stem...]`
 */
import { readFileSync } from 'node:fs';
import { readBuiltInSources } from '../src/validate/rule-sets.js';
import { validateDocument } from '../src/validate/validate.js';
import { examplePath, makeLargeInvoice } from './make-large.js';
import { cachedRuleSet } from './sef-cache.js';
import { measureCpu as measure } from './stats.js';

const only = process.argv.slice(2);
const base = readFileSync(examplePath('SB-base-example.xml'), 'utf8');
const large = makeLargeInvoice(1000);
const none = { includeBuiltIn: false };
const baseEmpty = await measure(() => validateDocument(base, none), { runs: 20, warmup: 5 });
const largeEmpty = await measure(() => validateDocument(large, none), { runs: 7, warmup: 2 });
console.log(`no rules: base ${baseEmpty.toFixed(1)} ms, 1000 lines ${largeEmpty.toFixed(0)} ms`);
for (const src of readBuiltInSources('schematron')) {
  if (only.length > 0 && !only.includes(src.name)) continue;
  const set = await cachedRuleSet([src], 'schematron', src.name);
  const sefKb = JSON.stringify(set.sef).length / 1024;
  const opts = { includeBuiltIn: false, ruleSets: [set] };
  const b = await measure(() => validateDocument(base, opts), { runs: 20, warmup: 5 });
  const l = await measure(() => validateDocument(large, opts), { runs: 7, warmup: 2 });
  console.log(`${src.name.padEnd(22)} base ${(b - baseEmpty).toFixed(1).padStart(6)} ms  1000 lines ${(l - largeEmpty).toFixed(0).padStart(5)} ms  sef ${sefKb.toFixed(0)} KB`);
}

