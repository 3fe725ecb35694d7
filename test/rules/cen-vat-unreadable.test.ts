/**
 * Documents the CEN 1.3.16 release cannot read: an allowance/charge indicator (cbc:ChargeIndicator)
 * that is not an xs:boolean ('yes', empty, 'TRUE') and a VAT breakdown rate (BT-119) that is not
 * one decimal. The release compares the indicator with true()/false() and converts the rate
 * with xs:decimal(); on such values that raises a dynamic error, which fails the rule being
 * evaluated. The expected ids are the verdicts of the official rules (compiled by our compiler)
 * on exactly these documents, measured with scripts/agreement/compare.mjs' machinery; only the
 * VAT category rules are judged here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper shared with the harness, no type declarations
import { applyMutations } from '../../scripts/agreement/mutate.mjs';
import { compileRuleSet, type CompiledRuleSet } from '../../src/validate/rule-sets.js';
import { validateDocument } from '../../src/validate/validate.js';

interface Recipe {
  readonly op: string;
  readonly path: string;
  readonly index?: number;
  readonly value?: string;
}
const mutate = applyMutations as (xml: string, recipes: readonly Recipe[]) => string | undefined;
const ROOT = process.cwd();
const VAT_RULE = /^BR-(S|Z|E|AE|IC|G|O|AF|AG)-\d+$/;

let ruleSet: CompiledRuleSet;
beforeAll(async () => {
  ruleSet = await compileRuleSet(readFileSync(resolve(ROOT, 'schematron/cen-vat-categories.sch'), 'utf8'), 'cen-vat-categories');
});

async function fired(fixture: string, recipes: readonly Recipe[]): Promise<string[]> {
  const xml = mutate(readFileSync(resolve(ROOT, 'fixtures/valid', fixture), 'utf8'), recipes);
  expect(xml).toBeDefined();
  const report = await validateDocument(xml ?? '', { includeBuiltIn: false, ruleSets: [ruleSet] });
  return [...new Set(report.issues.map((i) => i.ruleId).filter((id) => VAT_RULE.test(id)))].sort();
}

/** BR-x-03 and BR-x-04 of the categories whose rule reads every allowance and charge (`//`). */
const ALL_03_04 = ['S', 'Z', 'E', 'AE', 'IC', 'G', 'AF', 'AG'].flatMap((c) => [`BR-${c}-03`, `BR-${c}-04`]);
const O_03_04 = ['BR-O-03', 'BR-O-04'];
const sorted = (ids: readonly string[]): string[] => [...ids].sort();
const lineCharge = '<cac:AllowanceCharge><cbc:ChargeIndicator>TRUE</cbc:ChargeIndicator><cbc:AllowanceChargeReason>Packing</cbc:AllowanceChargeReason><cbc:Amount currencyID="EUR">0.00</cbc:Amount></cac:AllowanceCharge>';

describe('cen-vat-categories on an unreadable allowance/charge indicator', () => {
  it('fails BR-x-03/04 of every category, BR-O-03/04 and BR-S-08 when a document level indicator is "yes"', async () => {
    const ids = await fired('cen-vat-S-allowance.xml', [{ op: 'set', path: 'cac:AllowanceCharge/cbc:ChargeIndicator', value: 'yes' }]);
    expect(ids).toEqual(sorted([...ALL_03_04, ...O_03_04, 'BR-S-08']));
  });

  it('fails BR-x-03/04 but not BR-O-03/04 or the category bases when only a line level indicator is unreadable', async () => {
    const ids = await fired('cen-vat-S-allowance.xml', [{ op: 'after', path: 'cac:InvoiceLine/cbc:LineExtensionAmount', value: lineCharge }]);
    expect(ids).toEqual(sorted(ALL_03_04));
  });

  it('fails BR-O-08, BR-O-13 and BR-O-14 too when the document has a "Not subject to VAT" breakdown', async () => {
    const ids = await fired('cen-vat-O.xml', [{ op: 'empty', path: 'cac:AllowanceCharge/cbc:ChargeIndicator' }]);
    expect(ids).toEqual(sorted([...ALL_03_04, ...O_03_04, 'BR-O-08', 'BR-O-13', 'BR-O-14']));
  });

  it('fails the base rule of the breakdown category (BR-E-08, BR-AF-08)', async () => {
    expect(await fired('cen-vat-E.xml', [{ op: 'set', path: 'cac:AllowanceCharge/cbc:ChargeIndicator', value: 'yes' }])).toEqual(
      sorted([...ALL_03_04, ...O_03_04, 'BR-E-08']),
    );
    expect(await fired('cen-vat-L.xml', [{ op: 'set', path: 'cac:AllowanceCharge/cbc:ChargeIndicator', value: 'no' }])).toEqual(
      sorted([...ALL_03_04, ...O_03_04, 'BR-AF-08']),
    );
  });

  it('spares the allowance rules when an earlier indicator of the same allowance already says false', async () => {
    // Indicators 'false' then 'yes': the comparison with false() stops at the first, the one with true() reaches the second.
    const ids = await fired('cen-vat-S-allowance.xml', [
      { op: 'duplicate', path: 'cac:AllowanceCharge/cbc:ChargeIndicator' },
      { op: 'set', path: 'cac:AllowanceCharge/cbc:ChargeIndicator', index: 1, value: 'yes' },
    ]);
    expect(ids).toEqual(sorted([...ALL_03_04.filter((id) => id.endsWith('-04')), 'BR-O-04', 'BR-S-08']));
  });

  it('reads an indicator with surrounding spaces as a boolean', async () => {
    expect(await fired('cen-vat-E.xml', [{ op: 'set', path: 'cac:AllowanceCharge/cbc:ChargeIndicator', value: ' true ' }])).toEqual([]);
  });
});

describe('cen-vat-categories on an unreadable breakdown rate (BT-119)', () => {
  it('fails BR-S-08 and BR-S-09 on an empty rate', async () => {
    expect(await fired('cen-vat-S.xml', [{ op: 'empty', path: 'cac:TaxSubtotal/cac:TaxCategory/cbc:Percent' }])).toEqual(['BR-S-08', 'BR-S-09']);
  });

  it('fails BR-AF-08/09 and BR-AG-08/09 on a rate that is not a number', async () => {
    expect(await fired('cen-vat-L.xml', [{ op: 'empty', path: 'cac:TaxSubtotal/cac:TaxCategory/cbc:Percent' }])).toEqual(['BR-AF-08', 'BR-AF-09']);
    expect(await fired('cen-vat-M.xml', [{ op: 'set', path: 'cac:TaxSubtotal/cac:TaxCategory/cbc:Percent', value: '7%' }])).toEqual(['BR-AG-08', 'BR-AG-09']);
  });

  it('fails BR-S-08 and BR-S-09 on two rates', async () => {
    expect(await fired('cen-vat-S.xml', [{ op: 'duplicate', path: 'cac:TaxSubtotal/cac:TaxCategory/cbc:Percent' }])).toEqual(['BR-S-08', 'BR-S-09']);
  });

  it('leaves a missing rate to BR-S-09 (BR-S-08 has nothing to compare)', async () => {
    expect(await fired('cen-vat-S.xml', [{ op: 'remove', path: 'cac:TaxSubtotal/cac:TaxCategory/cbc:Percent' }])).toEqual(['BR-S-09']);
  });
});
