#!/usr/bin/env node
/**
 * Compiles every schematron/*.sch, merged, into ONE stylesheet:
 * schematron/sef/self-billing.sef.json (one traversal of the document runs every
 * built-in rule; each rule keeps its file stem as rule set name). Uses our own compiler
 * from the fresh dist/ build. Runs after tsup in `npm run build`, so the SEF exists
 * after `npm install`. A schema that does not compile, or two that clash (prefix bound
 * to two namespaces, pattern id used twice), fails the build naming the file(s).
 * Other *.sef.json in sef/ (the per-file SEFs of earlier builds) are removed.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schDir = join(root, 'schematron');

const { compileBuiltInSef, builtInSefPath, loadRuleSet } = await import(join(root, 'dist', 'validate.js'));

const out = builtInSefPath(schDir);
mkdirSync(dirname(out), { recursive: true });
const files = readdirSync(schDir).filter((f) => f.endsWith('.sch')).sort();
const started = performance.now();
// Dated when compiling began: a .sch saved while we compiled stays newer than the SEF, so the
// development mode (src/validate/rule-sets.ts) compiles it again instead of trusting this SEF.
const startedAt = new Date();
try {
  const sef = await compileBuiltInSef(schDir);
  writeFileSync(out, JSON.stringify(sef));
  utimesSync(out, startedAt, startedAt);
  const meta = loadRuleSet(sef, 'self-billing').metadata;
  const counts = new Map();
  for (const r of meta?.rules ?? []) counts.set(r.ruleSet, (counts.get(r.ruleSet) ?? 0) + 1);
  const summary = files.map((f) => `${f} (${counts.get(f.slice(0, -4)) ?? 0} rules)`).join(', ');
  console.log(`schematron: ${summary} -> sef/${out.split('/').pop()} (${Math.round(performance.now() - started)} ms)`);
} catch (e) {
  console.error(`schematron: FAILED to compile ${schDir}/*.sch\n  ${e?.code ?? 'ERROR'}: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
for (const f of existsSync(dirname(out)) ? readdirSync(dirname(out)) : []) {
  if (f.endsWith('.sef.json') && join(dirname(out), f) !== out) rmSync(join(dirname(out), f));
}
