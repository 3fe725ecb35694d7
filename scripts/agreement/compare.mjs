#!/usr/bin/env node
/**
 * Differential harness: our built-in rule sets against the official Peppol / CEN
 * Schematron, compiled by OUR compiler, on the same documents.
 *
 *   npm run build
 *   node scripts/agreement/compare.mjs --official /tmp/official [--docs dir ...] [--rules ID,ID-PREFIX*]
 *        [--seed 1] [--max-mutations 80] [--no-mutations] [--json out.json] [--verbose]
 *        [--reuse-official earlier.json]   (take the official verdicts of an earlier --json run
 *                                           with the same seed: only our rules run again)
 *
 * --official: every *.sch directly in the directory is one official schema (includes are
 *   resolved relative to it). The official files are never part of this repository.
 * Documents: ../shared/peppol-sb/examples, ../shared/peppol-sb/realistic (or --docs), every
 *   payload of the official unit tests (../shared/peppol-sb/unit-tests/**), and seeded
 *   mutations of each example/realistic document (recipes: scripts/agreement/mutate.mjs).
 * Only rule ids both sides define are compared. Per rule id it prints the documents where
 * only ours fires, where only the official rule fires, and severity mismatches.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMutations, readElements } from './mutate.mjs';
import { generateMutations } from './mutations.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = resolve(root, '..', 'shared', 'peppol-sb');

function parseArgs(argv) {
  const args = { docs: [], rules: [], seed: 1, maxMutations: 80, mutations: true, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--official') args.official = next();
    else if (a === '--docs') args.docs.push(next());
    else if (a === '--rules') args.rules.push(...next().split(',').filter(Boolean));
    else if (a === '--seed') args.seed = Number(next());
    else if (a === '--max-mutations') args.maxMutations = Number(next());
    else if (a === '--no-mutations') args.mutations = false;
    else if (a === '--json') args.json = next();
    else if (a === '--verbose') args.verbose = true;
    else if (a === '--reuse-official') args.reuseOfficial = next();
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.official) throw new Error('--official <dir> is required');
  return args;
}

const args = parseArgs(process.argv.slice(2));
const v = await import(join(root, 'dist', 'validate.js'));

// --- official rule sets, compiled by our compiler (SEF cached in /tmp by content hash) ---
const cacheDir = join(process.env.TMPDIR ?? '/tmp', 'agreement-sef-cache');
mkdirSync(cacheDir, { recursive: true });
function collectText(file, seen = new Set()) {
  // The hash covers the schema and everything it includes.
  const text = readFileSync(file, 'utf8');
  let all = text;
  for (const m of text.matchAll(/<(?:\w+:)?include\s+href="([^"]+)"/g)) {
    const inc = resolve(dirname(file), m[1]);
    if (!seen.has(inc)) {
      seen.add(inc);
      all += collectText(inc, seen);
    }
  }
  return all;
}
const compilerText = readFileSync(join(root, 'dist', 'validate.js'));
const officialSets = [];
for (const f of readdirSync(args.official).filter((n) => n.endsWith('.sch')).sort()) {
  const file = join(args.official, f);
  // The key covers the compiler too (dist/validate.js): a SEF compiled by an earlier compiler
  // keeps that compiler's behaviour (e.g. a failing let aborting the whole pass).
  const key = createHash('sha256').update(collectText(file)).update(compilerText).digest('hex').slice(0, 16);
  const cached = join(cacheDir, `${basename(f, '.sch')}-${key}.sef.json`);
  let set;
  if (existsSync(cached)) set = v.loadRuleSet(readFileSync(cached, 'utf8'), `official:${basename(f, '.sch')}`);
  else {
    const started = performance.now();
    try {
      const sef = await v.compileToSef(readFileSync(file, 'utf8'), { resolveInclude: (href) => readFileSync(resolve(dirname(file), href), 'utf8') });
      writeFileSync(cached, JSON.stringify(sef));
      set = v.loadRuleSet(sef, `official:${basename(f, '.sch')}`);
    } catch (e) {
      console.error(`COMPILER: ${f} does not compile with our compiler: ${e?.code ?? ''} ${e?.message ?? e}`);
      process.exit(2);
    }
    console.error(`compiled ${f} (${set.metadata.rules.length} rules, ${Math.round(performance.now() - started)} ms)`);
  }
  officialSets.push(set);
}
const officialRules = new Map(officialSets.flatMap((s) => s.metadata.rules.map((r) => [r.id, r])));
const ours = await v.loadBuiltInRuleSets();
const ourRules = new Map(ours.flatMap((s) => s.metadata.rules.map((r) => [r.id, r])));
const selected = (id) =>
  args.rules.length === 0 || args.rules.some((r) => (r.endsWith('*') ? id.startsWith(r.slice(0, -1)) : id === r));
const compared = new Set([...officialRules.keys()].filter((id) => ourRules.has(id) && selected(id)));

// Severity as declared, and against the catalogue (ground truth for ids and flags).
const catalogue = new Map(JSON.parse(readFileSync(join(shared, 'rules.json'), 'utf8')).map((r) => [r.id, r]));
const declared = [];
for (const id of compared) {
  const o = officialRules.get(id);
  const m = ourRules.get(id);
  const c = catalogue.get(id);
  const sev = (f) => (/^warn|^info/i.test(f ?? '') ? 'warning' : 'fatal');
  if (sev(o.flag) !== sev(m.flag)) declared.push(`${id}: official ${sev(o.flag)}, ours ${sev(m.flag)}`);
  if (c && sev(o.flag) !== c.flag) declared.push(`${id}: official file ${sev(o.flag)}, catalogue ${c.flag} (wrong official version?)`);
}
const onlyOfficialIds = [...officialRules.keys()].filter((id) => !ourRules.has(id));

// --- documents ---
function listXml(dir) {
  const out = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...listXml(p));
    else if (n.endsWith('.xml')) out.push(p);
  }
  return out;
}
/** The payloads of a VEFA testSet, with the namespace declarations they inherit. */
function testPayloads(text) {
  const rootTag = /<(?:\w+:)?testSet\b([^>]*)>/.exec(text);
  const inherited = [...(rootTag?.[1] ?? '').matchAll(/xmlns:(\w+)="([^"]*)"/g)];
  const out = [];
  for (const m of text.matchAll(/<test(?:\s[^>]*)?>([\s\S]*?)<\/test>/g)) {
    const body = m[1];
    const after = body.indexOf('</assert>');
    const start = body.slice(after).search(/<(?:[\w.-]+:)?(?:Invoice|CreditNote)[\s>]/);
    if (after < 0 || start < 0) continue;
    let doc = body.slice(after + start);
    const q = /^<([\w.:-]+)/.exec(doc)[1];
    doc = doc.slice(0, doc.lastIndexOf(`</${q}>`) + q.length + 3);
    const tagEnd = doc.indexOf('>');
    const decl = inherited.filter(([, p]) => !doc.slice(0, tagEnd).includes(`xmlns:${p}=`)).map(([, p, u]) => ` xmlns:${p}="${u}"`).join('');
    out.push(doc.slice(0, q.length + 1) + decl + doc.slice(q.length + 1));
  }
  return out;
}
const baseDirs = args.docs.length > 0 ? args.docs : [join(shared, 'examples'), join(shared, 'realistic')];
const bases = baseDirs.flatMap(listXml).map((p) => ({ label: relative(join(shared, '..'), p), path: relative(join(shared, '..'), p), xml: readFileSync(p, 'utf8') }));
const docs = bases.map((b) => ({ label: b.label, base: b.path, recipe: [], xml: b.xml }));
for (const p of listXml(join(shared, 'unit-tests'))) {
  testPayloads(readFileSync(p, 'utf8')).forEach((xml, i) => docs.push({ label: `${relative(join(shared, '..'), p)}#${i + 1}`, unitTest: true, xml }));
}
let mutationCount = 0;
const seenLabels = new Set();
if (args.mutations) {
  for (const b of bases) {
    let elements;
    try {
      elements = readElements(b.xml);
    } catch {
      continue;
    }
    for (const recipe of generateMutations(b.xml, elements, { seed: args.seed, label: b.path, max: args.maxMutations })) {
      const xml = applyMutations(b.xml, recipe.ops);
      if (xml === undefined || xml === b.xml) continue;
      // Two recipes can share a name (same path, another index): labels stay unique so that
      // --reuse-official maps each document to its own verdict.
      let label = `${b.path} ${recipe.name}`;
      for (let k = 2; seenLabels.has(label); k++) label = `${b.path} ${recipe.name} #${k}`;
      seenLabels.add(label);
      docs.push({ label, base: b.path, recipe: recipe.ops, name: recipe.name, xml });
      mutationCount++;
    }
  }
}
console.error(`documents: ${bases.length} examples/realistic, ${docs.length - bases.length - mutationCount} unit-test payloads, ${mutationCount} mutations; comparing ${compared.size} rule ids`);

// --- run ---
const fired = (report) => {
  const m = new Map();
  for (const i of report.issues) if (compared.has(i.ruleId)) m.set(i.ruleId, m.get(i.ruleId) === 'fatal' || i.severity === 'fatal' ? 'fatal' : 'warning');
  return m;
};
const engineErrors = [];
const reused = args.reuseOfficial ? new Map(JSON.parse(readFileSync(args.reuseOfficial, 'utf8')).results.map((r) => [r.label, r])) : undefined;
// Documents on which an official rule set aborted (ENGINE-ERROR, e.g. a schema-level let that
// raises): that set gave no verdict there, so "official did not fire" means nothing on them.
const aborted = [];
const perRule = new Map();
const entry = (id) => perRule.get(id) ?? perRule.set(id, { onlyOurs: [], onlyOfficial: [], severity: [], agreeFired: 0 }).get(id);
const results = [];
const started = performance.now();
let n = 0;
for (const d of docs) {
  const mine = await v.validateDocument(d.xml);
  const earlier = reused?.get(d.label);
  const theirs = earlier
    ? { issues: earlier.official.map((ruleId) => ({ ruleId, severity: officialRules.get(ruleId)?.flag === 'warning' ? 'warning' : 'fatal', message: '' })) }
    : await v.validateDocument(d.xml, { includeBuiltIn: false, ruleSets: officialSets });
  const officialAborted = earlier ? (earlier.officialAborted ?? []) : [...new Set(theirs.issues.filter((i) => i.ruleId === 'ENGINE-ERROR').map((i) => `${i.ruleSet ?? ''} ${i.message.slice(0, 160)}`.trim()))];
  if (officialAborted.length > 0) aborted.push({ label: d.label, why: officialAborted });
  for (const r of [mine, theirs]) for (const i of r.issues) if (i.ruleId === 'ENGINE-ERROR' || i.message.includes('could not be evaluated')) engineErrors.push(`${d.label}: ${i.ruleSet} ${i.ruleId} ${i.message.slice(0, 200)}`);
  const a = fired(mine);
  const b = fired(theirs);
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const e = entry(id);
    if (a.has(id) && !b.has(id)) e.onlyOurs.push(d.label);
    else if (!a.has(id) && b.has(id)) e.onlyOfficial.push(d.label);
    else if (a.get(id) !== b.get(id)) e.severity.push(`${d.label} (ours ${a.get(id)}, official ${b.get(id)})`);
    else e.agreeFired++;
  }
  if (args.json) results.push({ label: d.label, base: d.base, recipe: d.recipe, unitTest: d.unitTest ?? false, ours: [...a.keys()].sort(), official: [...b.keys()].sort(), ...(officialAborted.length > 0 ? { officialAborted } : {}) });
  if (++n % 500 === 0) console.error(`  ${n}/${docs.length} (${Math.round((performance.now() - started) / 1000)} s)`);
}

// --- report ---
const rows = [...perRule.entries()].filter(([, e]) => e.onlyOurs.length + e.onlyOfficial.length + e.severity.length > 0).sort(([a], [b]) => a.localeCompare(b));
console.log(`# Agreement: ${docs.length} documents (${bases.length} base, ${mutationCount} mutations), ${compared.size} rule ids compared`);
console.log(`official rule ids we do not implement: ${onlyOfficialIds.length}${onlyOfficialIds.length ? ` (${onlyOfficialIds.slice(0, 20).join(' ')}${onlyOfficialIds.length > 20 ? ' ...' : ''})` : ''}`);
if (declared.length) console.log(`declared severity differences:\n  ${declared.join('\n  ')}`);
if (engineErrors.length) console.log(`dynamic errors (${engineErrors.length}):\n  ${[...new Set(engineErrors)].slice(0, 20).join('\n  ')}`);
if (aborted.length) {
  const abortedLabels = new Set(aborted.map((x) => x.label));
  const onAborted = rows.reduce((n, [, e]) => n + [...e.onlyOurs, ...e.onlyOfficial].filter((l) => abortedLabels.has(l)).length, 0);
  console.log(`official pass aborted (ENGINE-ERROR, no official verdict) on ${aborted.length} documents; ${onAborted} of the disagreements below are on them:`);
  for (const x of aborted.slice(0, args.verbose ? 1000 : 5)) console.log(`    ${x.label}: ${x.why.join('; ')}`);
}
console.log(`rules with disagreements: ${rows.length}`);
for (const [id, e] of rows) {
  console.log(`${id}: only ours ${e.onlyOurs.length}, only official ${e.onlyOfficial.length}, severity ${e.severity.length} (agree fired ${e.agreeFired})`);
  const show = args.verbose ? 1000 : 3;
  for (const l of e.onlyOurs.slice(0, show)) console.log(`    ours only:     ${l}`);
  for (const l of e.onlyOfficial.slice(0, show)) console.log(`    official only: ${l}`);
  for (const l of e.severity.slice(0, show)) console.log(`    severity:      ${l}`);
}
const total = rows.reduce((s, [, e]) => s + e.onlyOurs.length + e.onlyOfficial.length + e.severity.length, 0);
// Per family (the id without its number: BR-S, BR-CL, BR-CO, BR for BR-nn, PEPPOL-EN16931-R, ...).
const families = new Map();
for (const [id, e] of rows) {
  const family = id.replace(/-[A-Z]*\d+[A-Z]?(-\d+)?$/, '') || id;
  families.set(family, (families.get(family) ?? 0) + e.onlyOurs.length + e.onlyOfficial.length + e.severity.length);
}
if (families.size) console.log(`per family: ${[...families].map(([f, n]) => `${f} ${n}`).join(', ')}`);
console.log(`total disagreements (rule x document): ${total}`);
if (args.json) writeFileSync(args.json, JSON.stringify({ compared: [...compared].sort(), seed: args.seed, results }, null, 0));
