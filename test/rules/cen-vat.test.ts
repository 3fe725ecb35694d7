/**
 * Data-driven check of our EN 16931 VAT category rules (schematron/cen-vat-categories.sch)
 * and code-list rules (schematron/cen-codes.sch): for every rule id, fixtures/invalid/<id>.xml
 * makes the rule fire with the catalogue's flag, and the valid counterpart of its category
 * (fixtures/valid/cen-vat-*.xml) does not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileRuleSet, type CompiledRuleSet } from '../../src/validate/rule-sets.js';
import { validateDocument } from '../../src/validate/validate.js';

const RULE_FILES = ['cen-vat-categories', 'cen-codes'] as const;
const ROOT = process.cwd();

interface CatalogueRule {
  readonly id: string;
  readonly flag: string;
  readonly source: string;
}

const catalogue = JSON.parse(readFileSync(resolve(ROOT, '../shared/peppol-sb/rules.json'), 'utf8')) as CatalogueRule[];
const ours = catalogue.filter((r) => r.source.startsWith('CEN') && /^BR-(S|Z|E|AE|IC|G|O|AF|AG|CL)-\d+$/.test(r.id));

/** Rule-id family -> the valid document of that VAT category. */
const CATEGORY_DOC: Readonly<Record<string, string>> = {
  S: 'cen-vat-S.xml',
  Z: 'cen-vat-Z.xml',
  E: 'cen-vat-E.xml',
  AE: 'cen-vat-AE.xml',
  IC: 'cen-vat-K.xml',
  G: 'cen-vat-G.xml',
  O: 'cen-vat-O.xml',
  AF: 'cen-vat-L.xml',
  AG: 'cen-vat-M.xml',
};

/** Code-list rules whose context the plain S document lacks get a document that has it. */
const CODE_DOC: Readonly<Record<string, string>> = {
  'BR-CL-06': 'cen-vat-S-codes.xml',
  'BR-CL-07': 'cen-vat-S-codes.xml',
  'BR-CL-08': 'cen-vat-S-codes.xml',
  'BR-CL-19': 'cen-vat-S-allowance.xml',
  'BR-CL-20': 'cen-vat-S-codes.xml',
  'BR-CL-22': 'cen-vat-E.xml',
  'BR-CL-24': 'cen-vat-S-codes.xml',
};

/**
 * The valid counterpart of a rule's invalid fixture.
 *
 * @example
 * validCounterpart('BR-IC-05'); // 'cen-vat-K.xml'
 */
function validCounterpart(ruleId: string): string {
  if (ruleId.startsWith('BR-CL-')) return CODE_DOC[ruleId] ?? 'cen-vat-S.xml';
  const family = /^BR-([A-Z]+)-/.exec(ruleId)?.[1] ?? '';
  const doc = CATEGORY_DOC[family];
  if (doc === undefined) throw new Error(`no valid document for ${ruleId}`);
  return doc;
}

let ruleSets: CompiledRuleSet[] = [];

async function issuesOf(file: string) {
  const report = await validateDocument(readFileSync(file, 'utf8'), { includeBuiltIn: false, ruleSets });
  return report.issues.filter((i) => i.source === 'rule');
}

beforeAll(async () => {
  ruleSets = await Promise.all(
    RULE_FILES.map(async (name) => compileRuleSet(readFileSync(resolve(ROOT, 'schematron', `${name}.sch`), 'utf8'), name)),
  );
});

describe('cen-vat-categories and cen-codes', () => {
  it('implement every VAT category and code-list rule of the catalogue with its flag', () => {
    const implemented = new Map(ruleSets.flatMap((s) => s.metadata.rules.map((r) => [r.id, r.flag] as const)));
    expect(ours.length).toBe(119);
    for (const rule of ours) expect([rule.id, implemented.get(rule.id)]).toEqual([rule.id, rule.flag]);
    expect(implemented.size).toBe(ours.length);
  });

  it('name at least one business term in every message', () => {
    for (const rule of ruleSets.flatMap((s) => s.metadata.rules)) expect([rule.id, rule.businessTerms.length > 0]).toEqual([rule.id, true]);
  });

  for (const doc of new Set([...Object.values(CATEGORY_DOC), ...Object.values(CODE_DOC)])) {
    it(`find nothing wrong in fixtures/valid/${doc}`, async () => {
      expect(await issuesOf(resolve(ROOT, 'fixtures/valid', doc))).toEqual([]);
    });
  }

  for (const rule of ours) {
    describe(rule.id, () => {
      it(`fires as ${rule.flag} on fixtures/invalid/${rule.id}.xml`, async () => {
        const file = resolve(ROOT, 'fixtures/invalid', `${rule.id}.xml`);
        expect(existsSync(file)).toBe(true);
        const fired = (await issuesOf(file)).filter((i) => i.ruleId === rule.id);
        expect(fired.length).toBeGreaterThan(0);
        expect(fired.map((f) => f.severity)).toEqual(fired.map(() => rule.flag));
      });

      it(`does not fire on its valid counterpart fixtures/valid/${validCounterpart(rule.id)}`, async () => {
        const fired = (await issuesOf(resolve(ROOT, 'fixtures/valid', validCounterpart(rule.id)))).filter((i) => i.ruleId === rule.id);
        expect(fired).toEqual([]);
      });
    });
  }
});
