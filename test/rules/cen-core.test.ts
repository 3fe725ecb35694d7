/**
 * Fixtures of the EN 16931 core, calculation and decimal rules (schematron/cen-core.sch,
 * cen-calculation.sch, cen-decimals.sch): for every catalogue rule BR-01..65, BR-B-*, BR-CO-*
 * and BR-DEC-*, fixtures/invalid/<RULE-ID>.xml fires the rule with the catalogue's flag, its
 * valid counterpart does not, and no other rule of these three files fires on the invalid
 * fixture except the companions listed below (a mutation that necessarily breaks two rules).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scopedRules } from '../helpers/rule-scope.js';
import { validateAgainstUblXsd } from '../helpers/xsd.js';

const catalogue = JSON.parse(readFileSync(resolve(process.cwd(), '../shared/peppol-sb/rules.json'), 'utf8')) as {
  id: string;
  flag: string;
  source: string;
}[];
/** The rules of these three files: the CEN core, split-payment, BR-CO and BR-DEC rules. */
const MINE = /^BR-(\d\d|B-\d\d|CO-\d\d|DEC-\d\d)$/;
const rules = catalogue.filter((r) => r.source.startsWith('CEN') && MINE.test(r.id));
const mine = new Set(rules.map((r) => r.id));

/** Rules that necessarily fire with the one under test on its invalid fixture, and why. */
const COMPANIONS: Readonly<Record<string, readonly string[]>> = {
  // Officially the arithmetic rules also fail when a total they use is absent.
  'BR-12': ['BR-CO-10', 'BR-CO-13'],
  'BR-13': ['BR-CO-13', 'BR-CO-15'],
  'BR-14': ['BR-CO-15', 'BR-CO-16'],
  'BR-26': ['BR-27'], // officially, a line without net price (BT-146) also fails BR-27
  'BR-15': ['BR-CO-16'], // officially, BR-CO-16 also fails when BT-115 is absent
  'BR-16': ['BR-CO-10'], // without lines, BT-106 is no longer their sum
  'BR-46': ['BR-CO-17'], // officially, BR-CO-17 also fails when BT-117 is absent
  'BR-22': ['BR-23'], // the unit code (BT-130) is an attribute of the quantity
  'BR-24': ['BR-CO-10'], // a line without net amount drops out of the sum
  'BR-31': ['BR-CO-11'], // the allowance without amount drops out of BT-107
  'BR-36': ['BR-CO-12'], // the charge without amount drops out of BT-108
  'BR-33': ['BR-CO-21'], // BR-33/BR-CO-21 and their siblings state the same condition
  'BR-CO-21': ['BR-33'],
  'BR-38': ['BR-CO-22'],
  'BR-CO-22': ['BR-38'],
  'BR-42': ['BR-CO-23'],
  'BR-CO-23': ['BR-42'],
  'BR-44': ['BR-CO-24'],
  'BR-CO-24': ['BR-44'],
};

/**
 * Rules whose official 1.3.16 test is always true (BR-CO-05..08: `true()`; BR-DEC-13/15: a
 * currency condition on a child the TaxAmount never has). Ours must never fire either: their
 * fixture breaks the statement, and the rule stays silent on it, as the official one does.
 */
const NEVER_FIRES = new Set(['BR-CO-05', 'BR-CO-06', 'BR-CO-07', 'BR-CO-08', 'BR-DEC-13', 'BR-DEC-15']);

/** Valid counterpart of each invalid fixture. */
function counterpart(rule: string): string {
  return rule.startsWith('BR-B-') ? 'cen-split-payment.xml' : 'cen-invoice.xml';
}

const fixtures = resolve(process.cwd(), 'fixtures');
const read = (dir: string, name: string) => readFileSync(join(fixtures, dir, name), 'utf8');

/** The built-in rule sets holding these rules (the others are not needed here and cost time). */
const scope = scopedRules(mine);
const myIssues = scope.issues;

describe('EN 16931 core, calculation and decimal rules', () => {
  it('cover every catalogue rule of their scope (104 rules)', async () => {
    expect(rules.length).toBe(104);
    const implemented = new Map(scope.ruleSets().flatMap((s) => s.metadata.rules.map((r) => [r.id, r.flag] as const)));
    for (const r of rules) expect(implemented.get(r.id), r.id).toBe(r.flag);
  });

  it.each(['cen-invoice.xml', 'cen-split-payment.xml'])('find nothing in the valid fixture %s, which is UBL 2.1 XSD-valid', async (name) => {
    const xml = read('valid', name);
    expect(await myIssues(xml)).toEqual([]);
    expect((await validateAgainstUblXsd(xml, 'Invoice')).errors).toEqual([]);
  });

  for (const id of NEVER_FIRES) {
    it(`${id} never fires, as the official rule, even on fixtures/invalid/${id}.xml`, async () => {
      expect(existsSync(join(fixtures, 'invalid', `${id}.xml`))).toBe(true);
      expect((await myIssues(read('invalid', `${id}.xml`))).filter((i) => i.ruleId === id)).toEqual([]);
    });
  }

  for (const { id, flag } of rules.filter((r) => !NEVER_FIRES.has(r.id))) {
    it(`${id} fires as ${flag} on fixtures/invalid/${id}.xml and not on fixtures/valid/${counterpart(id)}`, async () => {
      expect(existsSync(join(fixtures, 'invalid', `${id}.xml`))).toBe(true);
      const issues = await myIssues(read('invalid', `${id}.xml`));
      const own = issues.filter((i) => i.ruleId === id);
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((i) => i.severity === flag)).toBe(true);
      expect(own.every((i) => i.businessTerms.length > 0)).toBe(true);
      expect([...new Set(issues.map((i) => i.ruleId))].sort()).toEqual([id, ...(COMPANIONS[id] ?? [])].sort());
      expect((await myIssues(read('valid', counterpart(id)))).filter((i) => i.ruleId === id)).toEqual([]);
    });
  }
});
