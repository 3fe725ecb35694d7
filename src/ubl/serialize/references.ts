/**
 * The references between the header and the parties: invoicing period (BG-14), order,
 * preceding invoices (BG-3), despatch/receipt/originator/contract references, additional
 * documents (BT-18, BG-24, and BT-11 in a credit note) and the project (BT-11).
 */
import type { Document } from '../../model/document.js';
import type { SupportingDocument } from '../../model/references.js';
import type { UblWriter } from './writer.js';

/**
 * Writes the references in the XSD order of the root, which differs between the two:
 * Invoice has Despatch, Receipt, Originator, Contract, Additional, Project;
 * CreditNote has Despatch, Receipt, Contract, Additional, Originator and no ProjectReference,
 * so BT-11 travels as an AdditionalDocumentReference with DocumentTypeCode 50 there.
 *
 * @param w - the writer
 * @param doc - the document
 * @example
 * writeDocumentReferences(w, doc);
 */
export function writeDocumentReferences(w: UblWriter, doc: Document): void {
  const creditNote = doc.documentType === 'CreditNote';
  writeInvoicePeriod(w, doc);
  writeOrderReference(w, doc);
  writePrecedingInvoices(w, doc);
  writeIdReference(w, 'cac:DespatchDocumentReference', doc.despatchAdviceReference, 'BT-16 Despatch advice reference', 'despatchAdviceReference');
  writeIdReference(w, 'cac:ReceiptDocumentReference', doc.receivingAdviceReference, 'BT-15 Receiving advice reference', 'receivingAdviceReference');
  if (!creditNote) writeTenderOrLot(w, doc);
  writeIdReference(w, 'cac:ContractDocumentReference', doc.contractReference, 'BT-12 Contract reference', 'contractReference');
  writeAdditionalDocuments(w, doc, creditNote);
  if (creditNote) writeTenderOrLot(w, doc);
  else writeIdReference(w, 'cac:ProjectReference', doc.projectReference, 'BT-11 Project reference', 'projectReference');
}

/**
 * Writes a period (`cac:InvoicePeriod`): BG-14 on the document, BG-26 on a line.
 *
 * @param w - the writer
 * @param period - start and end dates (and BT-8 on the document); absent writes nothing
 * @param terms - the business terms of start and end date
 * @param field - the model property, for errors
 * @example
 * writePeriod(w, line.period, ['BT-134 Invoice line period start date', 'BT-135 Invoice line period end date'], 'period');
 */
export function writePeriod(
  w: UblWriter,
  period: { readonly startDate?: string | undefined; readonly endDate?: string | undefined; readonly vatPointDateCode?: string | undefined } | undefined,
  terms: readonly [string, string],
  field: string,
): void {
  if (period === undefined) return;
  w.enter(field);
  w.start('cac:InvoicePeriod');
  w.text('cbc:StartDate', period.startDate, terms[0], 'startDate');
  w.text('cbc:EndDate', period.endDate, terms[1], 'endDate');
  // BT-8 sits in the period in UBL although it qualifies the VAT point date (BT-7).
  w.text('cbc:DescriptionCode', period.vatPointDateCode, 'BT-8 Value added tax point date code', 'vatPointDateCode');
  w.end();
  w.leave();
}

function writeInvoicePeriod(w: UblWriter, doc: Document): void {
  writePeriod(w, doc.invoicePeriod, ['BT-73 Invoicing period start date', 'BT-74 Invoicing period end date'], 'invoicePeriod');
}

function writeOrderReference(w: UblWriter, doc: Document): void {
  const order = doc.orderReference;
  if (order === undefined) return;
  w.enter('orderReference');
  w.start('cac:OrderReference');
  // UBL requires the order id whenever a sales order id (BT-14) is given; the model does too.
  w.requiredText('cbc:ID', order.id, 'BT-13 Purchase order reference', 'id');
  w.text('cbc:SalesOrderID', order.salesOrderId, 'BT-14 Sales order reference', 'salesOrderId');
  w.end();
  w.leave();
}

function writePrecedingInvoices(w: UblWriter, doc: Document): void {
  const list = doc.precedingInvoices;
  if (list === undefined) return;
  w.enter('precedingInvoices');
  for (let i = 0; i < list.length; i++) {
    const ref = w.requiredGroup(list[i], 'BG-3 Preceding invoice reference', i);
    w.enter(i);
    w.start('cac:BillingReference');
    w.start('cac:InvoiceDocumentReference');
    w.requiredText('cbc:ID', ref.id, 'BT-25 Preceding invoice reference', 'id');
    w.text('cbc:IssueDate', ref.issueDate, 'BT-26 Preceding invoice issue date', 'issueDate');
    w.end();
    w.end();
    w.leave();
  }
  w.leave();
}

function writeTenderOrLot(w: UblWriter, doc: Document): void {
  writeIdReference(w, 'cac:OriginatorDocumentReference', doc.tenderOrLotReference, 'BT-17 Tender or lot reference', 'tenderOrLotReference');
}

/** A reference that is only an id: `<element><cbc:ID>value</cbc:ID></element>`. */
function writeIdReference(w: UblWriter, element: string, value: string | undefined, term: string, field: string): void {
  w.start(element);
  w.text('cbc:ID', value, term, field);
  w.end();
}

/**
 * `cac:AdditionalDocumentReference`, in the order the mapping fixes: BT-18 (type code 130),
 * then BT-11 for a credit note (type code 50), then each BG-24 supporting document.
 */
function writeAdditionalDocuments(w: UblWriter, doc: Document, creditNote: boolean): void {
  const object = doc.invoicedObject;
  if (object !== undefined) {
    w.enter('invoicedObject');
    w.start('cac:AdditionalDocumentReference');
    w.requiredText('cbc:ID', object.id, 'BT-18 Invoiced object identifier', 'id', { schemeID: object.schemeId });
    w.constant('cbc:DocumentTypeCode', '130');
    w.end();
    w.leave();
  }
  if (creditNote && doc.projectReference !== undefined && doc.projectReference.trim() !== '') {
    w.start('cac:AdditionalDocumentReference');
    w.text('cbc:ID', doc.projectReference, 'BT-11 Project reference', 'projectReference');
    w.constant('cbc:DocumentTypeCode', '50');
    w.end();
  }
  const docs = doc.supportingDocuments;
  if (docs === undefined) return;
  w.enter('supportingDocuments');
  for (let i = 0; i < docs.length; i++) {
    w.enter(i);
    writeSupportingDocument(w, w.requiredGroup(docs[i], 'BG-24 Additional supporting documents', i));
    w.leave();
  }
  w.leave();
}

function writeSupportingDocument(w: UblWriter, sd: SupportingDocument): void {
  w.start('cac:AdditionalDocumentReference');
  w.requiredText('cbc:ID', sd.id, 'BT-122 Supporting document reference', 'id');
  w.text('cbc:DocumentDescription', sd.description, 'BT-123 Supporting document description', 'description');
  w.start('cac:Attachment');
  const att = sd.attachment;
  if (att !== undefined && typeof att.content === 'string' && att.content.trim() !== '') {
    w.enter('attachment');
    // The XSD requires mimeCode on a binary object; the model requires the filename as well.
    const mimeCode = w.requiredString(att.mimeCode, 'BT-125-1 Attached document MIME code', 'mimeCode');
    const filename = w.requiredString(att.filename, 'BT-125-2 Attached document filename', 'filename');
    w.text('cbc:EmbeddedDocumentBinaryObject', att.content, 'BT-125 Attached document', 'content', { mimeCode, filename });
    w.leave();
  }
  w.start('cac:ExternalReference');
  w.text('cbc:URI', sd.externalUri, 'BT-124 External document location', 'externalUri');
  w.end();
  w.end();
  w.end();
}
