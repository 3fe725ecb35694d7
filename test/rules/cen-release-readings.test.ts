/**
 * Readings of the EN 16931 VAT category and code-list rules where the CEN 1.3.16 release
 * decides something the statements leave open (found with scripts/agreement/compare.mjs;
 * docs/decisions/agreement.md). Each case mutates one of our valid fixtures and names the
 * rules that must and must not fire.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileRuleSet, type CompiledRuleSet } from '../../src/validate/rule-sets.js';
import { validateDocument } from '../../src/validate/validate.js';
import { mutate, type Recipe } from '../helpers/rule-scope.js';

const ROOT = process.cwd();
let ruleSets: CompiledRuleSet[] = [];

/** The rule ids our VAT category and code-list rules fire on a mutated valid fixture. */
async function firedOn(fixture: string, recipes: readonly Recipe[]): Promise<string[]> {
  const xml = mutate(readFileSync(resolve(ROOT, 'fixtures/valid', fixture), 'utf8'), recipes);
  if (xml === undefined) throw new Error(`a recipe does not apply to ${fixture}`);
  const report = await validateDocument(xml, { includeBuiltIn: false, ruleSets });
  return [...new Set(report.issues.filter((i) => i.source === 'rule').map((i) => i.ruleId))].sort();
}

/** Removes every match of `path` (the recipe re-reads the document, so index 0 each time). */
const removeAll = (path: string, times: number): Recipe[] => Array.from({ length: times }, () => ({ op: 'remove', path }));

beforeAll(async () => {
  ruleSets = await Promise.all(
    ['cen-vat-categories', 'cen-codes'].map(async (name) => compileRuleSet(readFileSync(resolve(ROOT, 'schematron', `${name}.sch`), 'utf8'), name)),
  );
});

describe('VAT category rules read a category as the release does', () => {
  it('ignore a breakdown entry without a tax scheme, so the lines of that category miss their breakdown (BR-Z-01)', async () => {
    const fired = await firedOn('cen-vat-Z.xml', [{ op: 'remove', path: 'cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme' }]);
    expect(fired).toContain('BR-Z-01');
    expect(fired).not.toContain('BR-Z-08');
    expect(fired).not.toContain('BR-Z-10');
  });

  it('fail BR-S-02 on standard rated lines without a VAT tax scheme, whatever the seller identifiers', async () => {
    const fired = await firedOn('cen-vat-S.xml', removeAll('cac:ClassifiedTaxCategory/cac:TaxScheme', 2));
    expect(fired).toContain('BR-S-02');
    expect(fired).not.toContain('BR-S-05');
    // BR-S-01 and BR-S-08 ignore the tax scheme: the lines still count as S.
    expect(fired).not.toContain('BR-S-01');
    expect(fired).not.toContain('BR-S-08');
  });

  it('count an allowance without ChargeIndicator neither as allowance nor as charge (BR-S-08 base, BR-CL-19)', async () => {
    const fired = await firedOn('cen-vat-S-allowance.xml', [
      { op: 'remove', path: 'cac:AllowanceCharge/cbc:ChargeIndicator' },
      { op: 'set', path: 'cac:AllowanceCharge/cbc:AllowanceChargeReasonCode', value: 'XYZ' },
    ]);
    expect(fired).toContain('BR-S-08');
    expect(fired).not.toContain('BR-CL-19');
    expect(fired).not.toContain('BR-CL-20');
    expect(fired).not.toContain('BR-S-06');
  });

  it('accept an exemption reason element that is there but empty (BR-E-10)', async () => {
    const fired = await firedOn('cen-vat-E.xml', [
      { op: 'empty', path: 'cbc:TaxExemptionReasonCode' },
      { op: 'remove', path: 'cbc:TaxExemptionReason' },
    ]);
    expect(fired).not.toContain('BR-E-10');
  });
});

describe('code-list rules use the CEN lists and contexts as released', () => {
  it('refuse currencies Peppol lists but the CEN rule does not (BR-CL-04: MRU)', async () => {
    expect(await firedOn('cen-vat-S.xml', [{ op: 'set', path: 'cbc:DocumentCurrencyCode', value: 'MRU' }])).toContain('BR-CL-04');
  });

  it('refuse the electronic address scheme 9901 (BR-CL-25)', async () => {
    expect(await firedOn('cen-vat-S.xml', [{ op: 'attr', path: 'cbc:EndpointID', attr: 'schemeID', value: '9901' }])).toContain('BR-CL-25');
  });

  it('judge the first #...# of a note wherever it stands, three characters only (BR-CL-08)', async () => {
    expect(await firedOn('cen-vat-S-codes.xml', [{ op: 'set', path: 'cbc:Note', value: 'Order #XYZ# delivered' }])).toContain('BR-CL-08');
    expect(await firedOn('cen-vat-S-codes.xml', [{ op: 'set', path: 'cbc:Note', value: 'See #ABCD#' }])).not.toContain('BR-CL-08');
    expect(await firedOn('cen-vat-S-codes.xml', [{ op: 'set', path: 'cbc:Note', value: 'Our #AAI# note' }])).not.toContain('BR-CL-08');
  });

  it('compare the MIME code as written (BR-CL-24)', async () => {
    const spaced = [{ op: 'attr', path: 'cbc:EmbeddedDocumentBinaryObject', attr: 'mimeCode', value: ' application/pdf' }];
    expect(await firedOn('cen-vat-S-codes.xml', spaced)).toContain('BR-CL-24');
  });
});
