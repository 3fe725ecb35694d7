import { describe, expect, it } from 'vitest';
import type { Document } from '../../../src/model/document.js';
import { writePaymentMeans, writePaymentTerms } from '../../../src/ubl/serialize/payment.js';
import { build, CREDIT_NOTE_INPUT, FULL_INVOICE_INPUT } from './fixtures.js';
import { render, serializeError } from './helpers.js';

const full = build(FULL_INVOICE_INPUT);

describe('writePaymentMeans', () => {
  it('writes code with name, PaymentID and the credit transfer account', () => {
    const xml = render((w) => writePaymentMeans(w, full));
    expect(xml).toContain(
      '<cac:PaymentMeans><cbc:PaymentMeansCode name="Credit transfer">30</cbc:PaymentMeansCode><cbc:PaymentID>SB-2024-0042</cbc:PaymentID>' +
        '<cac:PayeeFinancialAccount><cbc:ID>DE89370400440532013000</cbc:ID><cbc:Name>Lieferant &amp; Söhne</cbc:Name>' +
        '<cac:FinancialInstitutionBranch><cbc:ID>COBADEFFXXX</cbc:ID></cac:FinancialInstitutionBranch></cac:PayeeFinancialAccount></cac:PaymentMeans>',
    );
  });

  it('writes the card account and the payment mandate', () => {
    const xml = render((w) => writePaymentMeans(w, full));
    expect(xml).toContain(
      '<cac:CardAccount><cbc:PrimaryAccountNumberID>1234</cbc:PrimaryAccountNumberID><cbc:NetworkID>VISA</cbc:NetworkID><cbc:HolderName>A. Muster</cbc:HolderName></cac:CardAccount>',
    );
    expect(xml).toContain(
      '<cac:PaymentMeans><cbc:PaymentMeansCode>59</cbc:PaymentMeansCode><cac:PaymentMandate><cbc:ID>MANDATE-7</cbc:ID>' +
        '<cac:PayerFinancialAccount><cbc:ID>NO9386011117947</cbc:ID></cac:PayerFinancialAccount></cac:PaymentMandate></cac:PaymentMeans>',
    );
  });

  it('never writes an invoice due date in PaymentMeans', () => {
    expect(render((w) => writePaymentMeans(w, full))).not.toContain('PaymentDueDate');
  });

  it('writes a credit note due date after the code of the first PaymentMeans', () => {
    expect(render((w) => writePaymentMeans(w, build(CREDIT_NOTE_INPUT)), 'SEK')).toMatch(
      /^<cac:PaymentMeans><cbc:PaymentMeansCode>30<\/cbc:PaymentMeansCode><cbc:PaymentDueDate>2024-04-20<\/cbc:PaymentDueDate><cbc:PaymentID>/,
    );
  });

  it('names the document path for a bad credit note due date', () => {
    const doc = { ...build(CREDIT_NOTE_INPUT), dueDate: '2024\u000B' } as Document;
    const e = serializeError(() => render((w) => writePaymentMeans(w, doc)));
    expect([e.code, e.bt, e.path]).toEqual(['INVALID-XML-CHAR', 'BT-9', 'dueDate']);
  });

  it('refuses a payment instruction without type code (BT-81)', () => {
    const doc = { ...full, paymentInstructions: [{ remittanceInformation: 'x' }] } as unknown as Document;
    const e = serializeError(() => render((w) => writePaymentMeans(w, doc)));
    expect([e.bt, e.path]).toEqual(['BT-81', 'paymentInstructions[0].typeCode']);
  });
});

describe('writePaymentTerms', () => {
  it('writes BT-20 as PaymentTerms/Note', () => {
    expect(render((w) => writePaymentTerms(w, 'Net 30'))).toBe('<cac:PaymentTerms><cbc:Note>Net 30</cbc:Note></cac:PaymentTerms>');
  });

  it('writes nothing without terms', () => {
    expect(render((w) => writePaymentTerms(w, undefined))).toBe('');
  });
});
