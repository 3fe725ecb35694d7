/**
 * The official Peppol self-billing unit tests, for every rule our built-in rule sets
 * implement. "Implemented" comes from the compiled rule sets' metadata, so rules that
 * colleagues add under schematron/ are picked up without touching this file.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltInRuleSets } from '../../src/validate/rule-sets.js';
import { validateDocument } from '../../src/validate/validate.js';
import { KNOWN_DIFFERENCES, knownDifferenceKey } from './known-differences.js';
import { loadTestSet } from './testset.js';

const dir = resolve(__dirname, '../../../shared/peppol-sb/unit-tests/peppol-sb');
const sets = readdirSync(dir)
  .filter((f) => f.endsWith('.xml'))
  .sort()
  .map((f) => loadTestSet(join(dir, f)));
const ruleSets = await loadBuiltInRuleSets();
const implemented = new Set(ruleSets.flatMap((s) => s.metadata.rules.map((r) => r.id)));
const runnable = sets.filter((s) => s.scope.some((rule) => implemented.has(rule)));

describe('official Peppol self-billing unit tests', () => {
  it('finds test sets for the implemented rules', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(6);
  });

  for (const set of runnable) {
    describe(set.scope.join(', '), () => {
      set.tests.forEach((test, i) => {
        it(`test ${i + 1}: ${test.rule} ${test.expect === 'success' ? 'does not fire' : `fires as ${test.expect}`}`, async () => {
          const report = await validateDocument(test.xml);
          const fired = report.issues.filter((issue) => issue.ruleId === test.rule);
          const known = KNOWN_DIFFERENCES[knownDifferenceKey(set.file, i)];
          if (known !== undefined) {
            // A known difference must still differ; once it agrees, the entry must go.
            const severity = test.expect === 'error' ? 'fatal' : 'warning';
            const agrees = test.expect === 'success' ? fired.length === 0 : fired.length > 0 && fired.every((f) => f.severity === severity);
            expect(agrees, `listed in known-differences.ts (${known}) but agrees now`).toBe(false);
          } else if (test.expect === 'success') expect(fired).toEqual([]);
          else {
            expect(fired.length).toBeGreaterThan(0);
            expect(fired.every((f) => f.severity === (test.expect === 'error' ? 'fatal' : 'warning'))).toBe(true);
          }
        });
      });
    });
  }
});
