import { describe, expect, it } from 'vitest';
import type { Document } from '../../../src/model/document.js';
import { serializeUbl, UblSerializeError } from '../../../src/ubl/serialize/index.js';
import { validateAgainstUblXsd } from '../../helpers/xsd.js';
import { build, CREDIT_NOTE_INPUT, FIXTURES, FULL_INVOICE_INPUT, largeInvoice, MINIMAL_INVOICE_INPUT } from './fixtures.js';
import { childNames, serializeError } from './helpers.js';

const full = build(FULL_INVOICE_INPUT);
const minimal = build(MINIMAL_INVOICE_INPUT);
const creditNote = build(CREDIT_NOTE_INPUT);

describe('serializeUbl', () => {
  describe.each(Object.entries(FIXTURES))('fixture %s', (name, input) => {
    const doc = build(input);
    const xml = serializeUbl(doc);

    it('matches its golden file', async () => {
      await expect(xml).toMatchFileSnapshot(`./__golden__/${name}.xml`);
    });

    it('is valid against the UBL 2.1 schema of its root', async () => {
      const result = await validateAgainstUblXsd(xml, doc.documentType);
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    });

    it('writes no empty element', () => {
      expect(xml).not.toMatch(/<([\w:]+)[^>]*>\s*<\/\1>/);
      expect(xml).not.toMatch(/<[\w:]+[^>]*\/>/);
    });
  });

  it('writes the header of an invoice in the XSD order of InvoiceType', () => {
    const names = childNames(serializeUbl(full, { pretty: false }), 'Invoice');
    const header = names.slice(0, names.indexOf('cac:AccountingSupplierParty'));
    expect(header).toEqual([
      'cbc:CustomizationID', 'cbc:ProfileID', 'cbc:ID', 'cbc:IssueDate', 'cbc:DueDate', 'cbc:InvoiceTypeCode',
      'cbc:Note', 'cbc:Note', 'cbc:TaxPointDate', 'cbc:DocumentCurrencyCode', 'cbc:TaxCurrencyCode', 'cbc:AccountingCost',
      'cbc:BuyerReference', 'cac:InvoicePeriod', 'cac:OrderReference', 'cac:BillingReference', 'cac:BillingReference',
      'cac:DespatchDocumentReference', 'cac:ReceiptDocumentReference', 'cac:OriginatorDocumentReference',
      'cac:ContractDocumentReference', 'cac:AdditionalDocumentReference', 'cac:AdditionalDocumentReference',
      'cac:AdditionalDocumentReference', 'cac:ProjectReference',
    ]);
    expect(names.slice(names.indexOf('cac:AccountingSupplierParty'))).toEqual([
      'cac:AccountingSupplierParty', 'cac:AccountingCustomerParty', 'cac:PayeeParty', 'cac:TaxRepresentativeParty',
      'cac:Delivery', 'cac:PaymentMeans', 'cac:PaymentMeans', 'cac:PaymentMeans', 'cac:PaymentTerms',
      'cac:AllowanceCharge', 'cac:AllowanceCharge', 'cac:TaxTotal', 'cac:TaxTotal', 'cac:LegalMonetaryTotal',
      'cac:InvoiceLine', 'cac:InvoiceLine', 'cac:InvoiceLine',
    ]);
  });

  it('writes a credit note with its own root, type code, line and quantity elements', () => {
    const xml = serializeUbl(creditNote, { pretty: false });
    expect(xml).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect(xml).toContain('<cbc:CreditNoteTypeCode>261</cbc:CreditNoteTypeCode>');
    expect(xml).toContain('<cac:CreditNoteLine><cbc:ID>1</cbc:ID><cbc:CreditedQuantity unitCode="C62">4</cbc:CreditedQuantity>');
    expect(xml).not.toContain('InvoiceLine');
    expect(xml).not.toContain('InvoicedQuantity');
  });

  it('puts TaxPointDate before the type code and the references in CreditNoteType order', () => {
    const names = childNames(serializeUbl(creditNote, { pretty: false }), 'CreditNote');
    expect(names.slice(0, names.indexOf('cac:AccountingSupplierParty'))).toEqual([
      'cbc:CustomizationID', 'cbc:ProfileID', 'cbc:ID', 'cbc:IssueDate', 'cbc:TaxPointDate', 'cbc:CreditNoteTypeCode',
      'cbc:Note', 'cbc:DocumentCurrencyCode', 'cbc:BuyerReference', 'cac:BillingReference', 'cac:ContractDocumentReference',
      'cac:AdditionalDocumentReference', 'cac:AdditionalDocumentReference', 'cac:AdditionalDocumentReference',
      'cac:OriginatorDocumentReference',
    ]);
  });

  it('writes a credit note due date (BT-9) in the first PaymentMeans only, and no DueDate', () => {
    const xml = serializeUbl(creditNote, { pretty: false });
    expect(xml).not.toContain('<cbc:DueDate>');
    const means = xml.split('<cac:PaymentMeans>').slice(1);
    expect(means[0]).toContain('<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentDueDate>2024-04-20</cbc:PaymentDueDate><cbc:PaymentID>');
    expect(means[1]).not.toContain('PaymentDueDate');
  });

  it('writes a credit note project reference (BT-11) as an additional document with type code 50', () => {
    const xml = serializeUbl(creditNote, { pretty: false });
    expect(xml).not.toContain('ProjectReference');
    expect(xml).toContain(
      '<cac:AdditionalDocumentReference><cbc:ID>METER-1</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>' +
        '<cac:AdditionalDocumentReference><cbc:ID>PROJ-ALPHA</cbc:ID><cbc:DocumentTypeCode>50</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>' +
        '<cac:AdditionalDocumentReference><cbc:ID>return-note-1</cbc:ID>',
    );
  });

  it('refuses a credit note due date without a payment instruction to carry it', () => {
    const doc = { ...creditNote, paymentInstructions: [] } as Document;
    const e = serializeError(() => serializeUbl(doc));
    expect(e.code).toBe('UNREPRESENTABLE');
    expect(e.bt).toBe('BT-9');
    expect(e.path).toBe('dueDate');
  });

  it('writes without declaration and without whitespace when asked', () => {
    const xml = serializeUbl(minimal, { pretty: false, xmlDeclaration: false });
    expect(xml.startsWith('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac=')).toBe(true);
    expect(xml).not.toMatch(/>\s+</);
    expect(xml.endsWith('</Invoice>')).toBe(true);
  });

  it('starts with the UTF-8 declaration and indents by default', () => {
    const xml = serializeUbl(minimal);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Invoice ')).toBe(true);
    expect(xml).toContain('\n  <cbc:ID>SB-1</cbc:ID>\n');
  });

  it('writes the self-billed debit note type code 527', () => {
    expect(serializeUbl(build(FIXTURES['debit-note']!), { pretty: false })).toContain('<cbc:InvoiceTypeCode>527</cbc:InvoiceTypeCode>');
  });

  it('does not change its input', () => {
    const before = JSON.stringify(full);
    serializeUbl(full);
    expect(JSON.stringify(full)).toBe(before);
  });

  it.each([
    ['seller', 'BG-4', 'seller'],
    ['buyer', 'BG-7', 'buyer'],
    ['totals', 'BG-22', 'totals'],
    ['invoiceNumber', 'BT-1', 'invoiceNumber'],
    ['issueDate', 'BT-2', 'issueDate'],
    ['currencyCode', 'BT-5', 'currencyCode'],
    ['customizationId', 'BT-24', 'customizationId'],
  ] as const)('refuses a document without %s, naming %s', (field, bt, path) => {
    const doc = { ...minimal, [field]: undefined } as unknown as Document;
    const e = serializeError(() => serializeUbl(doc));
    expect(e).toBeInstanceOf(UblSerializeError);
    expect(e.code).toBe('MISSING-REQUIRED');
    expect(e.bt).toBe(bt);
    expect(e.path).toBe(path);
    expect(e.message).toContain(bt);
  });

  it('refuses a document without lines (BR-16)', () => {
    const e = serializeError(() => serializeUbl({ ...minimal, lines: [] } as unknown as Document));
    expect(e.code).toBe('MISSING-REQUIRED');
    expect(e.bt).toBe('BG-25');
  });

  it('refuses an unknown root', () => {
    const e = serializeError(() => serializeUbl({ ...minimal, documentType: 'Order' } as unknown as Document));
    expect(e.code).toBe('INVALID-VALUE');
    expect(e.path).toBe('documentType');
  });

  it('refuses a missing document', () => {
    expect(serializeError(() => serializeUbl(undefined as unknown as Document)).code).toBe('MISSING-REQUIRED');
  });

  it('writes a 1000-line invoice that is valid against the Invoice schema', async () => {
    const result = await validateAgainstUblXsd(serializeUbl(largeInvoice(1000), { pretty: false }), 'Invoice');
    expect(result.errors.slice(0, 3)).toEqual([]);
  });
});
