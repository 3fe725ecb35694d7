/**
 * Compiled rule sets: the built-in one shipped as `schematron/sef/self-billing.sef.json`
 * (every `schematron/*.sch` merged into one stylesheet, one traversal), and users' own
 * (`loadRuleSet`, `compileRuleSet`). Loaded SEF objects are cached per process: SaxonJS
 * primes a SEF object once (checksum, parent pointers) and reuses it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CompileSchematronOptions, SchematronSource } from '../schematron/compile.js';
import { findEmbeddedMetadata, rememberSefText, type RuleSetMetadata } from '../schematron/metadata.js';
import { compileSetToSef, compileToSef } from '../schematron/sef.js';

import { TRUSTED_SEF } from './saxon.js';

export { findSchematronDir } from './package-dir.js';
import { findSchematronDir, replaceFile } from './package-dir.js';

/** A rule set ready to run: its name, the SEF object and its rule metadata. */
export interface CompiledRuleSet {
  readonly name: string;
  readonly sef: Readonly<Record<string, unknown>>;
  /** Rules, and for a merged set (`metadata.ruleSets`) the rule set of each rule. */
  readonly metadata: RuleSetMetadata;
}

/** Name of the merged built-in rule set, and stem of its SEF file. */
export const BUILT_IN_RULE_SET = 'self-billing';

/** Title of the merged built-in rule set. */
const BUILT_IN_TITLE = 'Peppol BIS Self-Billing 3.0 (built-in rule sets)';

const EMPTY_METADATA: RuleSetMetadata = { title: '', phase: '#ALL', rules: [] };

/**
 * Wraps a SEF (object or JSON text) compiled by this package as a rule set.
 * SEF files compiled elsewhere load too; their rules then have no metadata and
 * business terms are read from the messages.
 *
 * @example
 * const mine = loadRuleSet(readFileSync('my-rules.sef.json', 'utf8'), 'my-rules');
 * await validateDocument(xml, { ruleSets: [mine] });
 */
export function loadRuleSet(sefJson: string | Readonly<Record<string, unknown>>, name: string): CompiledRuleSet {
  const sef = typeof sefJson === 'string' ? (JSON.parse(sefJson) as Record<string, unknown>) : sefJson;
  if (typeof sefJson === 'string') rememberSefText(sef, sefJson);
  return { name, sef, metadata: findEmbeddedMetadata(sef) ?? EMPTY_METADATA };
}

/**
 * Compiles a Schematron schema into a rule set at run time (about a second for a
 * small schema; compile once, reuse the result).
 *
 * @throws SchematronCompileError when the schema does not compile.
 *
 * @example
 * const mine = await compileRuleSet(readFileSync('my-rules.sch', 'utf8'), 'my-rules');
 */
export async function compileRuleSet(
  schText: string,
  name: string,
  options: CompileSchematronOptions = {},
): Promise<CompiledRuleSet> {
  return loadRuleSet(await compileToSef(schText, options), name);
}

/**
 * The built-in schemas of a `schematron/` directory, named by file stem, sorted by
 * name (so `cen-*` runs before `peppol-*` before `ubl-*`, the same order everywhere).
 *
 * @example
 * readBuiltInSources('schematron').map((s) => s.name); // ['peppol-document']
 */
export function readBuiltInSources(dir: string): SchematronSource[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sch'))
    .sort()
    .map((f) => ({ name: f.slice(0, -4), text: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Compiles the built-in schemas of `dir` into the one merged SEF (what the build writes
 * to `sef/self-billing.sef.json`).
 *
 * @throws SchematronCompileError naming the file at fault.
 *
 * @example
 * writeFileSync('schematron/sef/self-billing.sef.json', JSON.stringify(await compileBuiltInSef('schematron')));
 */
export function compileBuiltInSef(dir: string): Promise<Record<string, unknown>> {
  return compileSetToSef(readBuiltInSources(dir), {
    title: BUILT_IN_TITLE,
    resolveInclude: (href) => readFileSync(join(dir, href), 'utf8'),
  });
}

/**
 * Path of the merged built-in SEF inside a `schematron/` directory.
 *
 * @example
 * builtInSefPath('/app/node_modules/peppol-self-billing/schematron'); // '.../schematron/sef/self-billing.sef.json'
 */
export function builtInSefPath(dir: string): string {
  return join(dir, 'sef', `${BUILT_IN_RULE_SET}.sef.json`);
}

function mtime(path: string): number {
  return existsSync(path) ? statSync(path).mtimeMs : Number.NEGATIVE_INFINITY;
}

/**
 * Keeps only the rules of `keep` in a merged set's metadata. The SEF still holds the
 * others: `validateDocument` drops issues of rule sets a merged set does not list.
 */
function restrict(set: CompiledRuleSet, keep: ReadonlySet<string>): CompiledRuleSet {
  const metadata: RuleSetMetadata = {
    ...set.metadata,
    rules: set.metadata.rules.filter((r) => r.ruleSet !== undefined && keep.has(r.ruleSet)),
    ruleSets: (set.metadata.ruleSets ?? []).filter((n) => keep.has(n)),
  };
  return { ...set, metadata };
}

/** Marks a rule set this package compiled itself: SaxonJS skips its checksum check (see saxon.ts). */
function trusted(set: CompiledRuleSet): CompiledRuleSet {
  (set.sef as Record<string, unknown>)[TRUSTED_SEF] = true;
  return set;
}

let builtIn: Promise<readonly CompiledRuleSet[]> | undefined;

/**
 * The shipped (built) case: `sef/self-billing.sef.json` holds every `.sch`, newer than
 * all of them: one rule set, one traversal.
 *
 * The development case (a `.sch` edited, added or removed since the last build, so
 * rule authors can just run the tests): compiling the whole merged set takes a minute
 * or more once the full official rule sets are in, so only the changed files are
 * compiled, each into its own SEF (cached as `sef/<stem>.sef.json`, which the build
 * removes) and run as its own pass; the merged SEF still runs the unchanged files, its
 * issues from changed or removed files are dropped. Same issues, a few more passes.
 * npm gives every file of a package the same mtime, so installed packages always take
 * the shipped SEF.
 */
async function loadBuiltIn(dir: string): Promise<readonly CompiledRuleSet[]> {
  const stems = readdirSync(dir).filter((f) => f.endsWith('.sch')).map((f) => f.slice(0, -4)).sort();
  const mergedPath = builtInSefPath(dir);
  const merged = existsSync(mergedPath) ? trusted(loadRuleSet(readFileSync(mergedPath, 'utf8'), BUILT_IN_RULE_SET)) : undefined;
  const built = mtime(mergedPath);
  const members = new Set(merged?.metadata.ruleSets ?? []);
  const fresh = new Set(stems.filter((s) => members.has(s) && mtime(join(dir, `${s}.sch`)) <= built));
  if (merged && fresh.size === stems.length && members.size === stems.length) return [merged];
  const sets: CompiledRuleSet[] = merged && fresh.size > 0 ? [restrict(merged, fresh)] : [];
  for (const stem of stems.filter((s) => !fresh.has(s))) {
    const sch = join(dir, `${stem}.sch`);
    const cachePath = join(dir, 'sef', `${stem}.sef.json`);
    if (mtime(cachePath) >= mtime(sch)) {
      const cached = trusted(loadRuleSet(readFileSync(cachePath, 'utf8'), stem));
      if (cached.metadata.ruleSets?.[0] === stem) {
        sets.push(cached);
        continue;
      }
    }
    const started = new Date();
    const sef = await compileSetToSef([{ name: stem, text: readFileSync(sch, 'utf8') }], {
      resolveInclude: (href) => readFileSync(join(dir, href), 'utf8'),
    });
    // Dated when compiling began: a .sch saved while we compiled stays newer, so stale.
    replaceFile(cachePath, JSON.stringify(sef), started);
    sets.push(trusted(loadRuleSet(sef, stem)));
  }
  return sets;
}

/**
 * The built-in rule set: every `schematron/*.sch` of the package merged into ONE
 * compiled stylesheet (`schematron/sef/self-billing.sef.json`), loaded once per
 * process. Each rule keeps the name of its file (`metadata.rules[i].ruleSet`), and
 * issues carry it as `ruleSet`.
 *
 * @returns A list (one entry today), so callers need not care how the rules are packed.
 *
 * @example
 * const ids = (await loadBuiltInRuleSets()).flatMap((s) => s.metadata.rules.map((r) => r.id));
 */
export function loadBuiltInRuleSets(): Promise<readonly CompiledRuleSet[]> {
  if (!builtIn) {
    const dir = findSchematronDir();
    builtIn = dir === undefined ? Promise.resolve([]) : loadBuiltIn(dir);
    // A failed load is not cached: the next call retries (and reports again).
    builtIn.catch(() => {
      builtIn = undefined;
    });
  }
  return builtIn;
}
