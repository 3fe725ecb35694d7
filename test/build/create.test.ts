import { describe, expect, it } from 'vitest';
import { createSelfBilledCreditNote, createSelfBilledInvoice } from '../../src/build/create.js';
import { SELF_BILLING_CUSTOMIZATION_ID, SELF_BILLING_PROFILE_ID } from '../../src/model/document.js';
import { Decimal } from '../../src/model/decimal.js';
import { validInput } from './support.js';

const codesOf = (r: { issues: readonly { code: string }[] }): string[] => r.issues.map((i) => i.code);

describe('createSelfBilledInvoice', () => {
  it('builds a complete, calculated self-billed invoice with the self-billing defaults', () => {
    const r = createSelfBilledInvoice(validInput());
    if (!r.success) return expect.fail(JSON.stringify(r.issues));
    expect(r.data).toMatchObject({ documentType: 'Invoice', typeCode: '389', customizationId: SELF_BILLING_CUSTOMIZATION_ID, profileId: SELF_BILLING_PROFILE_ID });
    expect(r.data.lines.map((l) => [l.id, l.unitCode, l.netAmount.toFixed(2)])).toEqual([['1', 'DAY', '2800.00'], ['2', 'C62', '90.01']]);
    // 3 x 33.335 = 100.005 -> 100.01; allowance 10 % of 100.01 = 10.001 -> 10.00; line 90.01
    expect(r.data.totals.lineNetTotal.toFixed(2)).toBe('2890.01');
    expect(r.data.totals.vatTotal?.toFixed(2)).toBe('711.65'); // 2825 x 25 % = 706.25; 90.01 x 6 % = 5.4006 -> 5.40
    expect(r.data.totals.amountDue.toFixed(2)).toBe('3526.66'); // 2915.01 + 711.65 - 100
  });
  it('builds a debit note (527) on request', () => {
    const r = createSelfBilledInvoice(validInput(), { typeCode: '527' });
    expect(r.success && r.data.typeCode).toBe('527');
  });
  it('does not change its input', () => {
    const input = validInput();
    const before = JSON.stringify(input);
    createSelfBilledInvoice(input);
    expect(JSON.stringify(input)).toBe(before);
  });
  it('takes currency and issue date from the options when the input has none', () => {
    const { currencyCode: _c, issueDate: _d, ...rest } = validInput();
    const r = createSelfBilledInvoice(rest, { defaultCurrency: 'SEK', issueDate: '2024-05-01' });
    expect(r.success && [r.data.currencyCode, r.data.issueDate]).toEqual(['SEK', '2024-05-01']);
  });
  it('reports a missing currency (BR-05) and issue date (BT-2) instead of guessing', () => {
    const { currencyCode: _c, issueDate: _d, ...rest } = validInput();
    const r = createSelfBilledInvoice(rest);
    expect(r.success).toBe(false);
    expect(r.issues.map((i) => i.businessTerm)).toEqual(['BT-5', 'BT-2']);
  });
  it.each([
    ['a non-numeric amount', '12,50', 'BT-146'],
    ['NaN', 'NaN', 'BT-146'],
    ['Infinity', 'Infinity', 'BT-146'],
    ['1e400', '1e400', 'BT-146'],
  ])('reports %s as a price with the business term', (_name, price, term) => {
    const input = validInput();
    const r = createSelfBilledInvoice({ ...input, lines: [{ ...input.lines[0]!, price: { netPrice: price } }] });
    expect(r.success).toBe(false);
    expect(r.issues[0]).toMatchObject({ severity: 'error', businessTerm: term, path: 'lines.0.price.netPrice' });
    expect(r.issues[0]?.message).toMatch(/^BT-146 Item net price/);
  });
  it('reports a huge amount written out in digits as out of range', () => {
    const input = validInput();
    const r = createSelfBilledInvoice({ ...input, lines: [{ ...input.lines[0]!, quantity: `1${'0'.repeat(400)}` }] });
    expect(codesOf(r)).toEqual(['NUMBER-OUT-OF-RANGE']);
  });
  it('refuses JavaScript numbers and NaN Decimals', () => {
    const input = validInput();
    const asNumber = createSelfBilledInvoice({ ...input, paidAmount: 100 as unknown as string });
    expect(asNumber.issues[0]).toMatchObject({ businessTerm: 'BT-113', path: 'paidAmount' });
    const nan = createSelfBilledInvoice({ ...input, paidAmount: new Decimal(NaN) });
    expect(nan.success).toBe(false);
  });
  it('reports an unknown VAT category with the business term', () => {
    const input = validInput();
    const r = createSelfBilledInvoice({ ...input, lines: [{ ...input.lines[0]!, item: { name: 'X', vatCategory: { code: 'X', rate: '25' } } }] });
    expect(r.issues[0]).toMatchObject({ businessTerm: 'BT-151', path: 'lines.0.item.vatCategory.code' });
  });
  it('reports a percentage without base amount (PEPPOL-EN16931-R041)', () => {
    const r = createSelfBilledInvoice({ ...validInput(), allowanceCharges: [{ kind: 'allowance', reason: 'Discount', percentage: '5', vatCategory: { code: 'S', rate: '25' } }] });
    expect(r.issues[0]).toMatchObject({ code: 'PEPPOL-EN16931-R041', businessTerm: 'BT-93' });
  });
  it('reports a stated amount that contradicts base and percentage (PEPPOL-EN16931-R040)', () => {
    const r = createSelfBilledInvoice({ ...validInput(), allowanceCharges: [{ kind: 'charge', reason: 'Freight', amount: '10', percentage: '5', baseAmount: '100', vatCategory: { code: 'S', rate: '25' } }] });
    expect(codesOf(r)).toEqual(['PEPPOL-EN16931-R040']);
  });
  it('names a missing mandatory field and says what to set', () => {
    const { seller: _s, ...rest } = validInput();
    const r = createSelfBilledInvoice(rest as never);
    expect(r.issues[0]).toMatchObject({ code: 'MISSING-FIELD', path: 'seller' });
    expect(r.issues[0]?.message).toMatch(/BG-4 Seller is required: set "seller"/);
  });
  it('reports a misspelt field', () => {
    const r = createSelfBilledInvoice({ ...validInput(), currency: 'EUR' } as never);
    expect(r.issues[0]?.code).toBe('UNKNOWN-FIELD');
  });
  it('reports an empty line list (BR-16)', () => {
    const r = createSelfBilledInvoice({ ...validInput(), lines: [] });
    expect(r.issues[0]?.message).toMatch(/BR-16/);
  });
  it('reports VAT category rules before serialization (BR-E-10)', () => {
    const input = validInput();
    const r = createSelfBilledInvoice({ ...input, lines: [{ ...input.lines[0]!, item: { name: 'Course', vatCategory: { code: 'E', rate: '0' } } }] });
    expect(codesOf(r)).toEqual(['BR-E-10']);
    expect(r.issues[0]?.message).toMatch(/exemption reason/);
  });
  it('adds the standard exemption reason for reverse charge', () => {
    const input = validInput();
    const r = createSelfBilledInvoice({ ...input, allowanceCharges: [], lines: [{ ...input.lines[0]!, item: { name: 'Work', vatCategory: { code: 'AE', rate: '0' } } }] });
    expect(r.success && r.data.vatBreakdown[0]?.category).toMatchObject({ code: 'AE', exemptionReasonCode: 'VATEX-EU-AE', exemptionReason: 'Reverse charge' });
  });
  it('requires BT-111 with a VAT accounting currency (BR-53), or computes it from a rate', () => {
    const input = { ...validInput(), vatAccountingCurrencyCode: 'SEK' };
    expect(codesOf(createSelfBilledInvoice(input))).toEqual(['BR-53']);
    const r = createSelfBilledInvoice(input, { vatAccountingRate: '11' });
    expect(r.success && r.data.totals.vatTotalInAccountingCurrency?.toFixed(2)).toBe('7828.15');
  });
});

describe('createSelfBilledCreditNote', () => {
  it('builds a credit note (261) with positive amounts', () => {
    const r = createSelfBilledCreditNote({ ...validInput(), precedingInvoices: [{ id: 'SB-2023-099' }] });
    if (!r.success) return expect.fail(JSON.stringify(r.issues));
    expect([r.data.documentType, r.data.typeCode]).toEqual(['CreditNote', '261']);
    expect(r.data.totals.totalWithVat.isPositive()).toBe(true);
    expect(r.issues).toEqual([]);
  });
  it('warns when the credit note names no preceding invoice', () => {
    const r = createSelfBilledCreditNote(validInput());
    expect(r.success).toBe(true);
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([['CREDIT-NOTE-WITHOUT-REFERENCE', 'warning']]);
  });
});
