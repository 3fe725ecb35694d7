/**
 * The official CEN TC434 unit tests (validation artefacts 1.3.16) for the EN 16931 UBL rules,
 * for every rule our built-in rule sets implement (taken from the compiled metadata, so rules
 * added under schematron/ are picked up without touching this file).
 *
 * The tests still call the IGIC and IPSI rules BR-IG-* and BR-IP-*; the UBL binding (and the
 * catalogue) calls them BR-AF-* and BR-AG-*. The names are mapped here, not in the rules.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltInRuleSets } from '../../src/validate/rule-sets.js';
import { validateDocument } from '../../src/validate/validate.js';
import { KNOWN_DIFFERENCES, knownDifferenceKey } from './known-differences.js';
import { loadTestSet, type TestSet } from './testset.js';

/** BR-IG-05 -> BR-AF-05, BR-IP-10 -> BR-AG-10; other ids unchanged. */
export function bindingRuleId(id: string): string {
  return id.replace(/^BR-IG-/, 'BR-AF-').replace(/^BR-IP-/, 'BR-AG-');
}

const root = resolve(__dirname, '../../../shared/peppol-sb/unit-tests/cen');
const sets: TestSet[] = ['Invoice', 'CreditNote'].flatMap((kind) =>
  readdirSync(join(root, kind))
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => loadTestSet(join(root, kind, f))),
);
const ruleSets = await loadBuiltInRuleSets();
const implemented = new Set(ruleSets.flatMap((s) => s.metadata.rules.map((r) => r.id)));
const runnable = sets.filter((s) => s.scope.some((rule) => implemented.has(bindingRuleId(rule))));

describe('official CEN EN 16931 UBL unit tests', () => {
  it('reads every test set of both document kinds', () => {
    expect(sets.length).toBe(277);
  });

  for (const set of runnable) {
    const name = set.file.split('/').slice(-2).join('/');
    describe(name, () => {
      set.tests.forEach((test, i) => {
        const rule = bindingRuleId(test.rule);
        it(`test ${i + 1}: ${rule} ${test.expect === 'success' ? 'does not fire' : `fires as ${test.expect}`}`, async () => {
          const report = await validateDocument(test.xml);
          const fired = report.issues.filter((issue) => issue.ruleId === rule);
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
