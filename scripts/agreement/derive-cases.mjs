#!/usr/bin/env node
/**
 * Picks regression cases from a harness run (compare.mjs --json) into
 * test/rules/agreement-cases.json: base document (path under ../shared), mutation recipes
 * and the official verdict (fired rule ids within the scope). Only documents on which our
 * rules already agree with the official ones are taken, so the test pins the agreement.
 *
 *   node scripts/agreement/derive-cases.mjs /tmp/agreement.json [--per-rule 3] [--out test/rules/agreement-cases.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [input, ...rest] = process.argv.slice(2);
const opt = (name, def) => {
  const i = rest.indexOf(name);
  return i < 0 ? def : rest[i + 1];
};
const perRule = Number(opt('--per-rule', '3'));
const out = opt('--out', 'test/rules/agreement-cases.json');
// The families this regression covers: the Peppol rules, the EN 16931 VAT category and code-list
// rules, and the UBL syntax rules the official wrapper transcribes (UBL-SR, UBL-DT, UBL-CR 001..101 and
// 623..682; only ids both sides define are judged).
const scope = ['PEPPOL-', 'BR-S-', 'BR-Z-', 'BR-E-', 'BR-AE-', 'BR-IC-', 'BR-G-', 'BR-O-', 'BR-AF-', 'BR-AG-', 'BR-CL-', 'UBL-SR-', 'UBL-DT-', 'UBL-CR-'];
const inScope = (id) => scope.some((p) => id.startsWith(p));

const run = JSON.parse(readFileSync(input, 'utf8'));
const compared = new Set(run.compared.filter(inScope));
// An official pass that aborted (ENGINE-ERROR) gave no verdict: never pin one from it.
const docs = run.results.filter((r) => r.base && !r.unitTest && !(r.officialAborted?.length > 0));
const agreeing = docs.filter((r) => {
  const a = r.ours.filter((id) => compared.has(id)).join(' ');
  const b = r.official.filter((id) => compared.has(id)).join(' ');
  return a === b;
});
const chosen = new Map();
const take = (r) => chosen.set(r.label, r);
// Each rule: documents where it fires officially (mutations first), and boundary mutations.
for (const id of compared) {
  const firing = agreeing.filter((r) => r.official.includes(id)).sort((x, y) => y.recipe.length - x.recipe.length || x.label.localeCompare(y.label));
  firing.slice(0, perRule).forEach(take);
}
// The tolerance boundaries and identifier mutations, on the official examples only (they
// cover every VAT category; the realistic documents add volume, not new boundaries).
for (const r of agreeing) if (r.base.includes('/examples/') && /boundary|line net \+|exemption code|profile |customization /.test(r.label)) take(r);
// A few unmutated documents as they are.
agreeing.filter((r) => r.recipe.length === 0).slice(0, 20).forEach(take);
const cases = [...chosen.values()].map((r) => ({
  name: r.label,
  base: r.base,
  mutations: r.recipe,
  official: r.official.filter((id) => compared.has(id)),
}));
writeFileSync(
  out,
  `${JSON.stringify({ about: 'Official verdicts (Peppol BIS Self-Billing 3.0.2, CEN EN16931 UBL 1.3.16) on shared documents and mutations of them, derived by scripts/agreement/derive-cases.mjs from a differential harness run. No official rule text here: base documents by path under ../shared, mutations as recipes (scripts/agreement/mutate.mjs), verdicts as rule ids.', scope, rules: [...compared].sort(), cases }, null, 1)}\n`,
);
console.log(`${cases.length} cases (${agreeing.length} of ${docs.length} base/mutated documents agree within the scope) -> ${out}`);
