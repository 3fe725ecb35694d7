/**
 * Compiled rule sets for the benchmark tools, cached in the OS temp directory by content: the
 * schemas and the compiler's own source (src/schematron/*.ts and src/validate/saxon.ts, which
 * post-processes the SEF), so an edited rule or compiler never reuses a stale SEF.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SchematronSource } from '../src/schematron/compile.js';
import { compileSetToSef } from '../src/schematron/sef.js';
import { loadRuleSet, type CompiledRuleSet } from '../src/validate/rule-sets.js';

const COMPILER_FILES = [...readdirSync('src/schematron').map((f) => join('src/schematron', f)), 'src/validate/saxon.ts'];

/**
 * The rule set compiled from `sources` (merged like the shipped SEF), from the cache when the
 * schemas and the compiler are unchanged.
 *
 * @example
 * const set = await cachedRuleSet([{ name: 'cen-core', text }], 'schematron', 'cen-core');
 */
export async function cachedRuleSet(sources: readonly SchematronSource[], dir: string, name: string): Promise<CompiledRuleSet> {
  const hash = createHash('sha256');
  for (const s of sources) hash.update(s.name).update('\0').update(s.text).update('\0');
  for (const f of COMPILER_FILES) hash.update(readFileSync(f));
  const cache = join(tmpdir(), `peppol-sb-bench-${hash.digest('hex').slice(0, 16)}.sef.json`);
  if (!existsSync(cache)) {
    const sef = await compileSetToSef(sources, { resolveInclude: (href) => readFileSync(join(dir, href), 'utf8') });
    writeFileSync(cache, JSON.stringify(sef));
  }
  return loadRuleSet(readFileSync(cache, 'utf8'), name);
}
