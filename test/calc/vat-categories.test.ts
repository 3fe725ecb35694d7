import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calculateTotals } from '../../src/calc/totals.js';
import { checkVatCategories, VAT_CATEGORIES, type VatCheckDocument } from '../../src/calc/vat-categories.js';
import { d, docAc, makeDoc, type LineSpec } from './support/factory.js';
import { readUblForCalc } from './support/read-ubl.js';

function withReason(doc: VatCheckDocument, code: string, reasonCode: string): VatCheckDocument {
  return { ...doc, vatBreakdown: [{ taxableAmount: d('0'), taxAmount: d('0'), category: { code, rate: code === 'O' ? undefined : d('0'), exemptionReasonCode: reasonCode } }] };
}
const codes = (doc: VatCheckDocument): string[] => checkVatCategories(calculateTotals(doc)).map((i) => i.code).sort();
const one = (spec: Partial<LineSpec>): LineSpec[] => [{ quantity: '1', price: '100', ...spec }];

describe('VAT_CATEGORIES', () => {
  it('lists the ten Peppol categories of UNCL 5305', () => {
    expect([...VAT_CATEGORIES.keys()].sort()).toEqual(['AE', 'B', 'E', 'G', 'K', 'L', 'M', 'O', 'S', 'Z']);
  });
});

describe('checkVatCategories', () => {
  it('accepts a standard rated invoice with a seller VAT identifier', () => {
    expect(codes(makeDoc(one({})))).toEqual([]);
  });
  it('requires a rate above zero for S (BR-S-05) and on S charges (BR-S-07)', () => {
    const doc = makeDoc(one({ rate: '0' }), { allowanceCharges: [docAc('charge', '5', 'S', '0')] });
    expect(codes(doc)).toEqual(['BR-S-05', 'BR-S-07']);
  });
  it('requires a seller identifier for S (BR-S-02) and names the business term', () => {
    const doc = makeDoc(one({}), { seller: { postalAddress: { countryCode: 'SE' } } });
    const issues = checkVatCategories(calculateTotals(doc));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'BR-S-02', businessTerm: 'BT-31', severity: 'error' });
  });
  it('forbids an exemption reason on S (BR-S-10) and Z (BR-Z-10)', () => {
    const doc = makeDoc(one({}));
    const calc = calculateTotals(doc);
    const withReasonText = { ...calc, vatBreakdown: calc.vatBreakdown.map((e) => ({ ...e, category: { ...e.category, exemptionReason: 'why' } })) };
    expect(checkVatCategories(withReasonText).map((i) => i.code)).toEqual(['BR-S-10']);
  });
  it('requires an exemption reason for E (BR-E-10) and accepts one carried in the breakdown', () => {
    expect(codes(makeDoc(one({ category: 'E', rate: '0' })))).toEqual(['BR-E-10']);
    expect(codes(withReason(makeDoc(one({ category: 'E', rate: '0' })), 'E', 'VATEX-EU-132'))).toEqual([]);
  });
  it('requires rate zero for Z, E, AE, K and G (BR-x-05)', () => {
    for (const [code, prefix] of [['Z', 'Z'], ['E', 'E'], ['AE', 'AE'], ['K', 'IC'], ['G', 'G']] as const) {
      const found = codes(withReason(makeDoc(one({ category: code, rate: '25' })), code, 'VATEX-EU-AE'));
      expect(found).toContain(`BR-${prefix}-05`);
    }
  });
  it('requires seller and buyer identifiers for reverse charge (BR-AE-02)', () => {
    const doc = withReason(makeDoc(one({ category: 'AE', rate: '0' }), { buyer: { postalAddress: { countryCode: 'NO' } } }), 'AE', 'VATEX-EU-AE');
    expect(codes(doc)).toEqual(['BR-AE-02']);
  });
  it('accepts the buyer legal registration identifier instead of the VAT identifier for AE', () => {
    const doc = withReason(makeDoc(one({ category: 'AE', rate: '0' }), { buyer: { legalRegistrationIdentifier: { id: '987654321' }, postalAddress: { countryCode: 'NO' } } }), 'AE', 'VATEX-EU-AE');
    expect(codes(doc)).toEqual([]);
  });
  it('requires delivery date and country for intra-community supply (BR-IC-11, BR-IC-12)', () => {
    const doc = withReason(makeDoc(one({ category: 'K', rate: '0' })), 'K', 'VATEX-EU-IC');
    expect(codes(doc)).toEqual(['BR-IC-11', 'BR-IC-12']);
    const delivered = { ...doc, delivery: { actualDeliveryDate: '2024-03-01', address: { countryCode: 'DE' } } };
    expect(codes(delivered)).toEqual([]);
  });
  it('forbids VAT identifiers and a rate for O (BR-O-02, BR-O-05) and other categories next to O (BR-O-11, BR-O-12)', () => {
    const doc = withReason(makeDoc([{ quantity: '1', price: '1', category: 'O', rate: '0' }, { quantity: '1', price: '1' }]), 'O', 'VATEX-EU-O');
    expect(codes(doc)).toEqual(['BR-O-02', 'BR-O-05', 'BR-O-11', 'BR-O-12']);
  });
  it('accepts a clean O invoice without identifiers', () => {
    const doc = withReason(
      makeDoc(one({ category: 'O', rate: null }), { seller: { postalAddress: { countryCode: 'SE' } }, buyer: { postalAddress: { countryCode: 'NO' } } }),
      'O',
      'VATEX-EU-O',
    );
    expect(codes(doc)).toEqual([]);
  });
  it('allows rate zero for L and M but not a negative one (BR-AF-05, BR-AG-05)', () => {
    expect(codes(makeDoc(one({ category: 'L', rate: '0' })))).toEqual([]);
    expect(codes(makeDoc(one({ category: 'M', rate: '-1' })))).toEqual(['BR-AG-05']);
  });
  it('keeps split payment to Italian invoices without S (BR-B-01, BR-B-02)', () => {
    expect(codes(makeDoc([{ quantity: '1', price: '1', category: 'B', rate: '22' }, { quantity: '1', price: '1' }]))).toEqual(['BR-B-01', 'BR-B-02']);
  });
  it('reports a breakdown that does not match the lines (BR-S-08, BR-S-09) on an uncalculated document', () => {
    const doc = calculateTotals(makeDoc(one({})));
    const stale = { ...doc, vatBreakdown: doc.vatBreakdown.map((e) => ({ ...e, taxableAmount: d('90'), taxAmount: d('20') })) };
    expect(checkVatCategories(stale).map((i) => i.code)).toEqual(['BR-S-08', 'BR-S-09']);
  });
  it('requires exactly one breakdown entry for E (BR-E-01) when rates differ', () => {
    const doc = withReason(makeDoc([{ quantity: '1', price: '1', category: 'E', rate: '0' }, { quantity: '1', price: '1', category: 'E', rate: '10' }]), 'E', 'VATEX-EU-132');
    // BR-E-08 sums every E line, so each of the two entries misses the other's amount.
    expect(codes(doc)).toEqual(['BR-E-01', 'BR-E-05', 'BR-E-08', 'BR-E-08', 'BR-E-09']);
  });
});

describe('checkVatCategories on the official examples', () => {
  const dir = path.resolve(process.cwd(), '../shared/peppol-sb/examples');
  it.each(readdirSync(dir).filter((f) => f.endsWith('.xml')).sort())('finds nothing in %s (all examples are valid)', (file) => {
    expect(checkVatCategories(readUblForCalc(path.join(dir, file)).doc)).toEqual([]);
  });
});
