import { describe, expect, it } from 'vitest';
import { createSelfBilledCreditNote, createSelfBilledInvoice } from '../../src/build/create.js';
import type { Document } from '../../src/model/document.js';
import { checkAgainstAgreement, parseAgreement } from '../../src/process/agreement.js';
import { agreementInput, invoiceInput } from './support.js';

function invoice(over: Record<string, unknown> = {}): Document {
  const r = createSelfBilledInvoice({ ...invoiceInput(), ...over });
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.data;
}
const today = { today: '2024-04-02' };
const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe('parseAgreement', () => {
  it('reads a complete agreement, amounts as Decimals and defaults applied', () => {
    const r = parseAgreement({ ...agreementInput(), requiredReferences: undefined });
    if (!r.success) return expect.fail(JSON.stringify(r.issues));
    expect(r.data.maximumAmount?.amount.toFixed(2)).toBe('50000.00');
    expect(r.data.requiredReferences).toEqual([]);
    expect(r.data.numbering).toEqual({ prefix: 'GN-TUIN-', width: 4, suffix: '', start: 1, next: 1 });
  });
  it('names each missing field with its business term', () => {
    const { supplier: _s, validFrom: _v, ...partial } = agreementInput();
    const r = parseAgreement(partial);
    expect(r.success).toBe(false);
    expect(r.issues.map((i) => [i.code, i.path, i.businessTerm])).toEqual([
      ['AGREEMENT-INVALID', 'supplier', undefined],
      ['AGREEMENT-INVALID', 'validFrom', 'BT-2'],
    ]);
  });
  it('refuses malformed dates, a period that ends before it starts and an acceptance without days', () => {
    expect(parseAgreement({ ...agreementInput(), validFrom: '2024-02-30' }).issues.map((i) => i.path)).toEqual(['validFrom']);
    expect(parseAgreement({ ...agreementInput(), validUntil: '2023-12-31' }).issues.map((i) => i.path)).toEqual(['validUntil']);
    expect(parseAgreement({ ...agreementInput(), acceptance: { mode: 'tacit' } }).success).toBe(false);
  });
  it('refuses amounts as JavaScript numbers and non-positive maximums', () => {
    expect(parseAgreement({ ...agreementInput(), maximumAmount: { amount: 50000, currencyCode: 'EUR' } }).success).toBe(false);
    expect(parseAgreement({ ...agreementInput(), maximumAmount: { amount: '0', currencyCode: 'EUR' } }).issues[0]?.path).toBe('maximumAmount.amount');
  });
  it('refuses document kinds outside 389, 527 and 261', () => {
    expect(parseAgreement({ ...agreementInput(), documentKinds: ['380'] }).success).toBe(false);
    expect(parseAgreement({ ...agreementInput(), documentKinds: [] }).success).toBe(false);
  });
  it('returns issues for input that is not an object at all', () => {
    expect(codes(parseAgreement(undefined).issues)).toEqual(['AGREEMENT-INVALID']);
  });
});

describe('checkAgainstAgreement', () => {
  it('finds nothing wrong with a document that follows the agreement', () => {
    expect(checkAgainstAgreement(invoice(), agreementInput(), today)).toEqual([]);
  });
  it('accepts an already parsed agreement and does not change it or the document', () => {
    const parsed = parseAgreement(agreementInput());
    if (!parsed.success) return expect.fail();
    const doc = invoice();
    const before = JSON.stringify([parsed.data, doc]);
    expect(checkAgainstAgreement(doc, parsed.data, today)).toEqual([]);
    expect(JSON.stringify([parsed.data, doc])).toBe(before);
  });
  it('reports an issuer that is not the agreement customer, by endpoint (BT-49)', () => {
    const doc = invoice({ buyer: { ...invoiceInput().buyer, endpoint: { id: '87654321', schemeId: '0106' } } });
    const issues = checkAgainstAgreement(doc, agreementInput(), today);
    expect(issues.map((i) => [i.code, i.businessTerm])).toEqual([['AGREEMENT-CUSTOMER-MISMATCH', 'BT-49']]);
    expect(issues[0]?.message).toContain('Groothandel Noord BV');
  });
  it('reports an issuer whose VAT id differs (BT-48), ignoring spacing and case of both ids', () => {
    expect(checkAgainstAgreement(invoice({ buyer: { ...invoiceInput().buyer, vatIdentifier: 'nl 1234.56789 b01' } }), agreementInput(), today)).toEqual([]);
    expect(codes(checkAgainstAgreement(invoice({ buyer: { ...invoiceInput().buyer, vatIdentifier: 'NL000000000B01' } }), agreementInput(), today))).toEqual(['AGREEMENT-CUSTOMER-MISMATCH']);
  });
  it('matches Peppol endpoint ids case-insensitively', () => {
    const agreement = { ...agreementInput(), customer: { ...agreementInput().customer, endpoint: { id: 'ABC123', schemeId: '0106' } } };
    expect(checkAgainstAgreement(invoice({ buyer: { ...invoiceInput().buyer, endpoint: { id: 'abc123', schemeId: '0106' } } }), agreement, today)).toEqual([]);
  });
  it('reports a supplier mismatch (BT-34)', () => {
    const doc = invoice({ seller: { ...invoiceInput().seller, endpoint: { id: '7300010000002', schemeId: '0088' } } });
    expect(checkAgainstAgreement(doc, agreementInput(), today).map((i) => [i.code, i.businessTerm])).toEqual([['AGREEMENT-SUPPLIER-MISMATCH', 'BT-34']]);
  });
  it('reports parties that cannot be identified at all', () => {
    const { endpoint: _b, vatIdentifier: _bv, ...buyer } = invoiceInput().buyer;
    const { endpoint: _s, vatIdentifier: _sv, ...seller } = invoiceInput().seller;
    const doc = { ...invoice(), buyer: { ...invoice().buyer, ...buyer, endpoint: undefined, vatIdentifier: undefined }, seller: { ...invoice().seller, ...seller, endpoint: undefined, vatIdentifier: undefined } } as unknown as Document;
    expect(codes(checkAgainstAgreement(doc, agreementInput(), today))).toEqual(['AGREEMENT-CUSTOMER-UNIDENTIFIED', 'AGREEMENT-SUPPLIER-UNIDENTIFIED']);
  });
  it('reports a document dated outside the validity period', () => {
    const issues = checkAgainstAgreement(invoice({ issueDate: '2023-12-31' }), agreementInput(), today);
    expect(issues.map((i) => [i.code, i.businessTerm])).toEqual([['AGREEMENT-NOT-IN-FORCE', 'BT-2']]);
    expect(codes(checkAgainstAgreement(invoice({ issueDate: '2025-01-01' }), agreementInput(), { today: '2025-01-02' }))).toEqual(['AGREEMENT-NOT-IN-FORCE', 'AGREEMENT-EXPIRED']);
  });
  it('accepts the first and last day of the period', () => {
    expect(checkAgainstAgreement(invoice({ issueDate: '2024-01-01' }), agreementInput(), today)).toEqual([]);
    expect(codes(checkAgainstAgreement(invoice({ issueDate: '2024-12-31' }), agreementInput(), { today: '2024-12-31' }))).toEqual([]);
  });
  it('reports a document dated after today', () => {
    expect(codes(checkAgainstAgreement(invoice({ issueDate: '2024-04-03' }), agreementInput(), today))).toEqual(['ISSUE-DATE-IN-FUTURE']);
  });
  it('warns, without failing, when the agreement has expired by today', () => {
    const issues = checkAgainstAgreement(invoice(), agreementInput(), { today: '2025-01-15' });
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['AGREEMENT-EXPIRED', 'warning']]);
  });
  it('reports a document kind the agreement does not allow (BT-3)', () => {
    const r = createSelfBilledInvoice(invoiceInput(), { typeCode: '527' });
    if (!r.success) return expect.fail();
    expect(checkAgainstAgreement(r.data, agreementInput(), today).map((i) => [i.code, i.businessTerm])).toEqual([['DOCUMENT-KIND-NOT-ALLOWED', 'BT-3']]);
  });
  it('accepts a credit note when the agreement allows 261', () => {
    const r = createSelfBilledCreditNote({ ...invoiceInput('GN-TUIN-0002'), precedingInvoices: [{ id: 'GN-TUIN-0001' }] });
    if (!r.success) return expect.fail();
    expect(checkAgainstAgreement(r.data, agreementInput(), today)).toEqual([]);
  });
  it('reports a number outside the agreed series (BT-1)', () => {
    for (const n of ['SB-0001', 'GN-TUIN-01', 'GN-TUIN-0000']) {
      expect(checkAgainstAgreement(invoice({ invoiceNumber: n }), agreementInput(), today).map((i) => [i.code, i.businessTerm]), n).toEqual([['NUMBER-NOT-IN-SERIES', 'BT-1']]);
    }
  });
  it('reports each required reference that is missing, with its business term', () => {
    const agreement = { ...agreementInput(), requiredReferences: ['contract', 'order', 'buyer-reference', 'delivery'] as const };
    const { buyerReference: _b, contractReference: _c, ...input } = invoiceInput();
    const r = createSelfBilledInvoice({ ...input, orderReference: { id: 'NA' } });
    if (!r.success) return expect.fail(JSON.stringify(r.issues));
    const issues = checkAgainstAgreement(r.data, { ...agreement, requiredReferences: [...agreement.requiredReferences] }, today);
    expect(issues.map((i) => [i.code, i.businessTerm])).toEqual([
      ['REFERENCE-MISSING', 'BT-12'],
      ['REFERENCE-MISSING', 'BT-13'],
      ['REFERENCE-MISSING', 'BT-10'],
      ['REFERENCE-MISSING', 'BT-16'],
    ]);
  });
  it('accepts a receiving advice as the delivery document', () => {
    const agreement = { ...agreementInput(), requiredReferences: ['delivery' as const] };
    expect(checkAgainstAgreement(invoice({ receivingAdviceReference: 'ONTV-12' }), agreement, today)).toEqual([]);
  });
  it('reports a contract reference other than the agreed one', () => {
    expect(checkAgainstAgreement(invoice({ contractReference: 'SBA-2023-01' }), agreementInput(), today).map((i) => [i.code, i.businessTerm])).toEqual([['REFERENCE-MISMATCH', 'BT-12']]);
  });
  it('reports an amount above the maximum (BT-112), measuring negative invoices by their size', () => {
    const agreement = { ...agreementInput(), maximumAmount: { amount: '500', currencyCode: 'EUR' } };
    const doc = invoice();
    expect(doc.totals.totalWithVat.toFixed(2)).toBe('668.43');
    expect(checkAgainstAgreement(doc, agreement, today).map((i) => [i.code, i.businessTerm])).toEqual([['AMOUNT-ABOVE-MAXIMUM', 'BT-112']]);
    const negative = { ...doc, totals: { ...doc.totals, totalWithVat: doc.totals.totalWithVat.negated() } };
    expect(codes(checkAgainstAgreement(negative, agreement, today))).toEqual(['AMOUNT-ABOVE-MAXIMUM']);
    expect(checkAgainstAgreement(doc, { ...agreement, maximumAmount: { amount: '668.43', currencyCode: 'EUR' } }, today)).toEqual([]);
  });
  it('reports a currency other than the maximum is agreed in', () => {
    expect(codes(checkAgainstAgreement(invoice({ currencyCode: 'USD' }), agreementInput(), today))).toEqual(['CURRENCY-MISMATCH']);
  });
  it('returns agreement issues instead of checking against an incomplete agreement', () => {
    const { numbering: _n, ...partial } = agreementInput();
    expect(checkAgainstAgreement(invoice(), partial as never, today).map((i) => [i.code, i.path])).toEqual([['AGREEMENT-INVALID', 'numbering']]);
  });
  it('reports a malformed today and a malformed issue date as issues, not exceptions', () => {
    expect(codes(checkAgainstAgreement(invoice(), agreementInput(), { today: '02-04-2024' }))).toEqual(['INVALID-DATE']);
    expect(codes(checkAgainstAgreement({ ...invoice(), issueDate: '2024-13-01' }, agreementInput(), today))).toEqual(['INVALID-DATE']);
    expect(codes(checkAgainstAgreement(invoice(), agreementInput(), undefined as never))).toEqual(['INVALID-DATE']);
    expect(codes(checkAgainstAgreement(null as never, agreementInput(), today))).toEqual(['AGREEMENT-INVALID']);
  });
});
