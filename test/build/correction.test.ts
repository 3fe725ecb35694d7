import { describe, expect, it } from 'vitest';
import { createSelfBilledInvoice } from '../../src/build/create.js';
import { createCorrection, toSelfBilledInput } from '../../src/build/correction.js';
import type { SelfBilledDocument } from '../../src/model/document.js';
import { validInput } from './support.js';

function original(): SelfBilledDocument {
  const r = createSelfBilledInvoice({ ...validInput(), roundingAmount: '0.35', dueDate: '2024-05-01' });
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.data;
}

describe('toSelfBilledInput', () => {
  it('rebuilds the same document', () => {
    const doc = original();
    const again = createSelfBilledInvoice(toSelfBilledInput(doc));
    expect(again.success && again.data.totals.amountDue.eq(doc.totals.amountDue)).toBe(true);
  });
});

describe('createCorrection', () => {
  it('credits the original in full with a credit note that references it (BG-3)', () => {
    const inv = original();
    const r = createCorrection(inv, { mode: 'credit-note', number: 'SBC-1', issueDate: '2024-04-15' });
    if (!r.success) return expect.fail(JSON.stringify(r.issues));
    expect([r.data.typeCode, r.data.invoiceNumber, r.data.issueDate]).toEqual(['261', 'SBC-1', '2024-04-15']);
    expect(r.data.precedingInvoices).toEqual([{ id: 'SB-2024-001', issueDate: '2024-04-01' }]);
    expect(r.data.totals.totalWithVat.eq(inv.totals.totalWithVat)).toBe(true);
    // BT-113 belongs to the original's payment; BT-115 of the credit is BT-112 + BT-114.
    expect(r.data.totals.paidAmount).toBeUndefined();
    expect(r.data.dueDate).toBeUndefined();
    expect(r.data.totals.amountDue.toFixed(2)).toBe(inv.totals.totalWithVat.plus('0.35').toFixed(2));
  });
  it('makes a negative invoice whose totals are the exact negation of the original', () => {
    const inv = original();
    const r = createCorrection(inv, { mode: 'negative-invoice', number: 'SB-2024-002', issueDate: '2024-04-15' });
    if (!r.success) return expect.fail(JSON.stringify(r.issues));
    expect(r.data.typeCode).toBe('389');
    expect(r.data.lines.every((l, i) => l.quantity.eq(inv.lines[i]!.quantity.negated()) && !l.price.netPrice.isNegative())).toBe(true);
    for (const key of ['lineNetTotal', 'totalWithoutVat', 'vatTotal', 'totalWithVat'] as const) {
      expect(r.data.totals[key]?.eq(inv.totals[key]!.negated()), key).toBe(true);
    }
    expect(r.data.vatBreakdown.map((e) => e.taxAmount.toFixed(2))).toEqual(inv.vatBreakdown.map((e) => e.taxAmount.negated().toFixed(2)));
    expect(r.data.precedingInvoices[0]?.id).toBe('SB-2024-001');
  });
  it('replaces: a full credit note plus the amended invoice', () => {
    const inv = original();
    const amended = toSelfBilledInput(inv).lines.slice(0, 1);
    const r = createCorrection(inv, { mode: 'replace', creditNoteNumber: 'SBC-2', invoiceNumber: 'SB-2024-003', issueDate: '2024-04-20', amendment: { lines: amended } });
    if (!r.success) return expect.fail(JSON.stringify(r.issues));
    expect(r.data.creditNote.totals.totalWithVat.eq(inv.totals.totalWithVat)).toBe(true);
    expect(r.data.invoice.invoiceNumber).toBe('SB-2024-003');
    expect(r.data.invoice.lines).toHaveLength(1);
    expect(r.data.invoice.totals.lineNetTotal.toFixed(2)).toBe('2800.00');
  });
  it('prefixes the issues of a failing replacement with the document they concern', () => {
    const r = createCorrection(original(), { mode: 'replace', creditNoteNumber: 'SBC-3', invoiceNumber: 'SB-4', issueDate: '2024-04-20', amendment: { lines: [] } });
    expect(r.success).toBe(false);
    expect(r.issues[0]?.path).toBe('invoice.lines');
  });
  it('refuses to correct a credit note', () => {
    const cn = createCorrection(original(), { mode: 'credit-note', number: 'SBC-4', issueDate: '2024-04-15' });
    if (!cn.success) return expect.fail('credit note not built');
    const r = createCorrection(cn.data, { mode: 'negative-invoice', number: 'X', issueDate: '2024-04-16' });
    expect(r.issues[0]?.code).toBe('CORRECTION-OF-CREDIT-NOTE');
  });
});
