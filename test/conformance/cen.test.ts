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
import { describeTestSets, implementedRules } from './run-testsets.js';
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
const implemented = await implementedRules();

describe('official CEN EN 16931 UBL unit tests', () => {
  it('reads every test set of both document kinds', () => {
    expect(sets.length).toBe(277);
  });

  describeTestSets(sets, implemented, bindingRuleId, (set) => set.file.split('/').slice(-2).join('/'));
});
