/**
 * Compiled rule sets: the built-in ones shipped as `schematron/sef/*.sef.json`, and
 * users' own (`loadRuleSet`, `compileRuleSet`). Loaded SEF objects are cached per
 * process: SaxonJS primes a SEF object once (checksum, parent pointers) and reuses it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompileSchematronOptions } from '../schematron/compile.js';
import { findEmbeddedMetadata, type RuleSetMetadata } from '../schematron/metadata.js';
import { compileToSef } from '../schematron/sef.js';

/** A rule set ready to run: its name, the SEF object and its rule metadata. */
export interface CompiledRuleSet {
  readonly name: string;
  readonly sef: Readonly<Record<string, unknown>>;
  readonly metadata: RuleSetMetadata;
}

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

/** Directory of this module, in the ESM build, the CJS build and under vitest. */
function moduleDir(): string {
  // esbuild empties `import.meta` in the CJS build; `__dirname` exists there instead.
  const url = (import.meta as { url?: string }).url;
  if (url !== undefined) return dirname(fileURLToPath(url));
  return typeof __dirname === 'string' ? __dirname : process.cwd();
}

/**
 * Finds the package's `schematron/` directory by walking up from this module
 * (src/validate/ in development, dist/ once built, node_modules/... when installed).
 *
 * @example
 * findSchematronDir(); // '/app/node_modules/peppol-self-billing/schematron'
 */
export function findSchematronDir(from = moduleDir()): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, 'schematron');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

let builtIn: Promise<readonly CompiledRuleSet[]> | undefined;

async function loadBuiltIn(dir: string): Promise<readonly CompiledRuleSet[]> {
  const sefDir = join(dir, 'sef');
  const names = new Set<string>();
  for (const f of readdirSync(dir)) if (f.endsWith('.sch')) names.add(f.slice(0, -4));
  if (existsSync(sefDir)) for (const f of readdirSync(sefDir)) if (f.endsWith('.sef.json')) names.add(f.slice(0, -9));
  const sets: CompiledRuleSet[] = [];
  for (const name of [...names].sort()) {
    const sch = join(dir, `${name}.sch`);
    const sef = join(sefDir, `${name}.sef.json`);
    // A .sch edited after the last build (or never built) is compiled here, so rules
    // under development run under vitest without a rebuild. npm gives every file of a
    // package the same mtime, so installed packages always take the shipped SEF.
    const stale = existsSync(sch) && (!existsSync(sef) || statSync(sch).mtimeMs > statSync(sef).mtimeMs);
    if (stale) {
      sets.push(await compileRuleSet(readFileSync(sch, 'utf8'), name, { resolveInclude: (href) => readFileSync(join(dir, href), 'utf8') }));
    } else {
      sets.push(loadRuleSet(readFileSync(sef, 'utf8'), name));
    }
  }
  return sets;
}

/**
 * The built-in rule sets, every `schematron/sef/*.sef.json` of the package, loaded
 * once per process.
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
