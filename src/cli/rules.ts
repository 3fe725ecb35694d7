/**
 * Loads the extra rule sets given with `--rules`: Schematron sources are compiled on the fly,
 * SEF files (from `peppol-sb compile` or any SaxonJS compiler) are loaded as they are.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { compileRuleSet, loadRuleSet, type CompiledRuleSet } from '../validate/rule-sets.js';
import { readFileSync } from 'node:fs';

/**
 * Reads each path as a rule set named after the file (`my-rules.sch` -> `my-rules`).
 *
 * @param paths - `.sch` or `.sef.json` files
 * @returns the rule sets, in the given order
 * @throws Error naming the file when one cannot be read or compiled
 * @example
 * const extra = await loadExtraRuleSets(['company-rules.sch']);
 */
export async function loadExtraRuleSets(paths: readonly string[]): Promise<CompiledRuleSet[]> {
  const sets: CompiledRuleSet[] = [];
  for (const path of paths) {
    const name = basename(path).replace(/\.sef\.json$|\.json$|\.sch$/i, '');
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      throw new Error(`cannot read rule set ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      if (/\.sch$/i.test(path)) {
        const dir = dirname(path);
        sets.push(await compileRuleSet(text, name, { resolveInclude: (href: string) => readFileSync(join(dir, href), 'utf8') }));
      } else {
        sets.push(loadRuleSet(text, name));
      }
    } catch (e) {
      throw new Error(`rule set ${path} does not load: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return sets;
}
