/**
 * Data-driven check of the Peppol self-billing rule fixtures (scripts/generate-peppol-fixtures.mjs):
 * each fixtures/invalid/PEPPOL-*.xml fires its rule with the catalogue flag, and no other Peppol
 * rule except the companions listed below; its valid counterpart (named in the fixture's leading
 * comment) does not fire the rule, and no valid Peppol fixture has a Peppol issue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/validate/validate.js';

interface CatalogueRule {
  readonly id: string;
  readonly flag: 'fatal' | 'warning';
  readonly source: string;
}
const catalogue = (JSON.parse(readFileSync(resolve(process.cwd(), '../shared/peppol-sb/rules.json'), 'utf8')) as CatalogueRule[]).filter(
  (r) => r.source.startsWith('Peppol'),
);
const peppolIds = new Set(catalogue.map((r) => r.id));
const flagOf = new Map(catalogue.map((r) => [r.id, r.flag]));

/** Rules that cannot fire alone for a given mutation, and why. */
const COMPANIONS: Readonly<Record<string, readonly string[]>> = {
  // An unknown currency code is also not the document currency.
  'PEPPOL-EN16931-CL007': ['PEPPOL-EN16931-R051'],
  // Scheme 9907 (R046's only scheme) is not in the EAS code list.
  'PEPPOL-COMMON-R046': ['PEPPOL-EN16931-CL008'],
  // As released, a missing BT-23 also names no self-billing process.
  'PEPPOL-EN16931-R001': ['PEPPOL-EN16931-R007'],
  // As released, a VAT accounting currency without a VAT total in it also fails R055.
  'PEPPOL-EN16931-R054': ['PEPPOL-EN16931-R055'],
};

const invalidDir = resolve(process.cwd(), 'fixtures/invalid');
const fixtures = readdirSync(invalidDir)
  .filter((f) => f.startsWith('PEPPOL-') && f.endsWith('.xml'))
  .sort()
  .map((file) => {
    const xml = readFileSync(join(invalidDir, file), 'utf8');
    const m = /Fires (\S+)\. Valid counterpart: (\S+)\./.exec(xml);
    if (!m?.[1] || !m[2]) throw new Error(`${file}: no leading comment naming the rule and the valid counterpart`);
    return { file, rule: m[1], xml, validPath: m[2] };
  });

async function peppolIssues(xml: string) {
  const report = await validateDocument(xml);
  return report.issues.filter((i) => peppolIds.has(i.ruleId));
}

describe('Peppol self-billing rule fixtures', () => {
  it('has one invalid fixture for each of the 62 Peppol rules', () => {
    expect(peppolIds.size).toBe(62);
    expect(fixtures.map((f) => f.rule).sort()).toEqual([...peppolIds].sort());
    for (const f of fixtures) expect(f.file).toBe(`${f.rule}.xml`);
  });

  for (const f of fixtures) {
    it(`${f.rule} fires as ${flagOf.get(f.rule)} on its fixture, alone, and not on ${f.validPath}`, async () => {
      const issues = await peppolIssues(f.xml);
      const fired = issues.filter((i) => i.ruleId === f.rule);
      expect(fired.length).toBeGreaterThan(0);
      expect(new Set(fired.map((i) => i.severity))).toEqual(new Set([flagOf.get(f.rule)]));
      const others = [...new Set(issues.map((i) => i.ruleId).filter((id) => id !== f.rule))].sort();
      expect(others).toEqual([...(COMPANIONS[f.rule] ?? [])].sort());
      const valid = await peppolIssues(readFileSync(resolve(process.cwd(), f.validPath), 'utf8'));
      expect(valid.filter((i) => i.ruleId === f.rule)).toEqual([]);
    });
  }

  const validDir = resolve(process.cwd(), 'fixtures/valid');
  for (const file of readdirSync(validDir).filter((f) => f.startsWith('peppol-')).sort()) {
    it(`finds no Peppol issue in fixtures/valid/${file}`, async () => {
      const issues = await peppolIssues(readFileSync(join(validDir, file), 'utf8'));
      expect(issues.map((i) => `${i.ruleId}: ${i.message}`)).toEqual([]);
    });
  }
});
