/**
 * The one runner behind the official conformance suites: for each test of each testSet whose
 * scoped rule our built-in rule sets implement, validate the payload and judge only that rule
 * (`success` = not fired, `error` = fired as fatal, `warning` = fired as warning). Tests listed
 * in KNOWN_DIFFERENCES must still disagree, so an entry cannot outlive its reason.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltInRuleSets } from '../../src/validate/rule-sets.js';
import { validateDocument } from '../../src/validate/validate.js';
import { KNOWN_DIFFERENCES, knownDifferenceKey } from './known-differences.js';
import type { TestSet } from './testset.js';

/** Rule ids implemented by the built-in rule sets (from the compiled metadata). */
export async function implementedRules(): Promise<ReadonlySet<string>> {
  const ruleSets = await loadBuiltInRuleSets();
  return new Set(ruleSets.flatMap((s) => s.metadata.rules.map((r) => r.id)));
}

/**
 * Declares one `describe` per runnable test set and one `it` per test.
 *
 * @param sets - the parsed testSet files
 * @param implemented - rule ids we implement
 * @param ruleId - maps a rule id as the tests write it to ours (identity by default)
 * @param title - the describe title of a set
 */
export function describeTestSets(
  sets: readonly TestSet[],
  implemented: ReadonlySet<string>,
  ruleId: (id: string) => string = (id) => id,
  title: (set: TestSet) => string = (set) => set.scope.join(', '),
): void {
  for (const set of sets.filter((s) => s.scope.some((rule) => implemented.has(ruleId(rule))))) {
    describe(title(set), () => {
      set.tests.forEach((test, i) => {
        const rule = ruleId(test.rule);
        it(`test ${i + 1}: ${rule} ${test.expect === 'success' ? 'does not fire' : `fires as ${test.expect}`}`, async () => {
          const report = await validateDocument(test.xml);
          const fired = report.issues.filter((issue) => issue.ruleId === rule);
          const severity = test.expect === 'error' ? 'fatal' : 'warning';
          const agrees = test.expect === 'success' ? fired.length === 0 : fired.length > 0 && fired.every((f) => f.severity === severity);
          const known = KNOWN_DIFFERENCES[knownDifferenceKey(set.file, i)];
          if (known !== undefined) {
            expect(agrees, `listed in known-differences.ts (${known}) but agrees now`).toBe(false);
          } else if (test.expect === 'success') {
            expect(fired).toEqual([]);
          } else {
            expect(fired.length, `${rule} did not fire`).toBeGreaterThan(0);
            expect(fired.map((f) => f.severity)).toEqual(fired.map(() => severity));
          }
        });
      });
    });
  }
}
