import { describe, expect, it } from 'vitest';
import type { Document } from '../../../src/model/document.js';
import { writeDocumentReferences, writePeriod } from '../../../src/ubl/serialize/references.js';
import { build, CREDIT_NOTE_INPUT, FULL_INVOICE_INPUT, MINIMAL_INVOICE_INPUT } from './fixtures.js';
import { render, serializeError } from './helpers.js';

const full = build(FULL_INVOICE_INPUT);

describe('writeDocumentReferences', () => {
  it('writes every reference of an invoice in InvoiceType order', () => {
    expect(render((w) => writeDocumentReferences(w, full))).toBe(
      '<cac:InvoicePeriod><cbc:StartDate>2024-03-01</cbc:StartDate><cbc:EndDate>2024-03-31</cbc:EndDate><cbc:DescriptionCode>3</cbc:DescriptionCode></cac:InvoicePeriod>' +
        '<cac:OrderReference><cbc:ID>PO-4711</cbc:ID><cbc:SalesOrderID>SO-12</cbc:SalesOrderID></cac:OrderReference>' +
        '<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>SB-2024-0031</cbc:ID><cbc:IssueDate>2024-02-29</cbc:IssueDate></cac:InvoiceDocumentReference></cac:BillingReference>' +
        '<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>SB-2024-0017</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>' +
        '<cac:DespatchDocumentReference><cbc:ID>DESADV-88</cbc:ID></cac:DespatchDocumentReference>' +
        '<cac:ReceiptDocumentReference><cbc:ID>RECADV-91</cbc:ID></cac:ReceiptDocumentReference>' +
        '<cac:OriginatorDocumentReference><cbc:ID>LOT-3</cbc:ID></cac:OriginatorDocumentReference>' +
        '<cac:ContractDocumentReference><cbc:ID>SBA-7</cbc:ID></cac:ContractDocumentReference>' +
        '<cac:AdditionalDocumentReference><cbc:ID schemeID="AUN">METER-778899</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>' +
        '<cac:AdditionalDocumentReference><cbc:ID>timesheet-3</cbc:ID><cbc:DocumentDescription>Hours March</cbc:DocumentDescription>' +
        '<cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="text/csv" filename="hours.csv">aG91cnM7MTAK</cbc:EmbeddedDocumentBinaryObject>' +
        '<cac:ExternalReference><cbc:URI>https://example.com/ts3?a=1&amp;b=2</cbc:URI></cac:ExternalReference></cac:Attachment></cac:AdditionalDocumentReference>' +
        '<cac:AdditionalDocumentReference><cbc:ID>delivery-note-9</cbc:ID></cac:AdditionalDocumentReference>' +
        '<cac:ProjectReference><cbc:ID>PROJ-ALPHA</cbc:ID></cac:ProjectReference>',
    );
  });

  it('writes the credit note order: contract, additional documents (130, 50, BG-24), then originator', () => {
    const xml = render((w) => writeDocumentReferences(w, build(CREDIT_NOTE_INPUT)));
    const order = ['ContractDocumentReference', '<cbc:DocumentTypeCode>130', '<cbc:DocumentTypeCode>50', 'return-note-1', 'OriginatorDocumentReference'];
    const positions = order.map((s) => xml.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(xml).not.toContain('ProjectReference');
  });

  it('writes nothing when a document has no references', () => {
    expect(render((w) => writeDocumentReferences(w, build(MINIMAL_INVOICE_INPUT)))).toBe('');
  });

  it('refuses an attachment without MIME code', () => {
    const doc = {
      ...full,
      supportingDocuments: [{ id: 'x', attachment: { content: 'AAAA', filename: 'a.csv' } }],
    } as unknown as Document;
    const e = serializeError(() => render((w) => writeDocumentReferences(w, doc)));
    expect([e.code, e.bt, e.path]).toEqual(['MISSING-REQUIRED', 'BT-125-1', 'supportingDocuments[0].attachment.mimeCode']);
  });

  it('refuses an order reference without order id (BT-13)', () => {
    const doc = { ...full, orderReference: { salesOrderId: 'SO-1' } } as unknown as Document;
    expect(serializeError(() => render((w) => writeDocumentReferences(w, doc))).bt).toBe('BT-13');
  });
});

describe('writePeriod', () => {
  it('writes only the dates that are given', () => {
    expect(render((w) => writePeriod(w, { endDate: '2024-01-31' }, ['BT-134 a', 'BT-135 b'], 'period'))).toBe(
      '<cac:InvoicePeriod><cbc:EndDate>2024-01-31</cbc:EndDate></cac:InvoicePeriod>',
    );
  });

  it('writes nothing for an empty period', () => {
    expect(render((w) => writePeriod(w, {}, ['BT-134 a', 'BT-135 b'], 'period'))).toBe('');
  });
});
