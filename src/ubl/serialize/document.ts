/**
 * The orchestrator: writes the root and calls the parts in the XSD order of the root.
 */
import type { Document } from '../../model/document.js';
import { writeDocumentAllowanceCharges } from './allowance-charge.js';
import { writeDelivery } from './delivery.js';
import { writeLines } from './line.js';
import { writeBuyer, writePayee, writeSeller, writeTaxRepresentative } from './party.js';
import { writePaymentMeans, writePaymentTerms } from './payment.js';
import { writeDocumentReferences } from './references.js';
import { writeTaxTotals } from './tax.js';
import { writeMonetaryTotal } from './totals.js';
import { UblWriter } from './writer.js';

/** Options of {@link serializeUbl}. */
export interface SerializeUblOptions {
  /** One element per line with a two-space indent (default true); false writes no whitespace at all. */
  readonly pretty?: boolean;
  /** Start with `<?xml version="1.0" encoding="UTF-8"?>` (default true). */
  readonly xmlDeclaration?: boolean;
}

const CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';
const ROOT_NAMESPACE = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
} as const;

/**
 * Writes a document as UBL 2.1 XML: `Invoice` (type codes 389, 527, ...) or `CreditNote`
 * (261, ...), elements in the order of the UBL 2.1 schemas, amounts with `currencyID`
 * BT-5 (BT-111: BT-6), decimals as written (`25.0` stays `25.0`), no empty elements.
 * UTF-8: the returned string is meant to be encoded as UTF-8.
 *
 * The model is typed, so errors only come from values that bypassed the types
 * (plain JavaScript callers, casts): they throw one class, {@link UblSerializeError}, whose
 * `code` is one of
 * - `MISSING-REQUIRED`: a required value is absent or blank (e.g. BT-27 at `seller.name`);
 * - `INVALID-VALUE`: wrong run-time type (an amount that is not a Decimal, ...);
 * - `INVALID-XML-CHAR`: text with a character XML 1.0 forbids (e.g. U+0001);
 * - `UNREPRESENTABLE`: a credit note's BT-9 without a payment instruction to carry it.
 * The error's `bt` and `path` name the business term and the model path.
 *
 * @param doc - the document (a model `Document`, e.g. from `SelfBilledDocumentSchema.parse`)
 * @param options - `pretty` (default true), `xmlDeclaration` (default true)
 * @returns the XML text
 * @throws UblSerializeError as described above
 * @example
 * const doc = SelfBilledDocumentSchema.parse(input);
 * const xml = serializeUbl(doc);
 * const compact = serializeUbl(doc, { pretty: false, xmlDeclaration: false });
 */
export function serializeUbl(doc: Document, options: SerializeUblOptions = {}): string {
  const pretty = options.pretty ?? true;
  const declaration = options.xmlDeclaration ?? true;
  // A writer without output, to check what must hold before anything is written.
  const probe = new UblWriter({ pretty, currency: '' });
  if (doc === undefined || doc === null || typeof doc !== 'object') {
    throw probe.error('MISSING-REQUIRED', 'Document', '(root)', 'is required but missing');
  }
  const root = doc.documentType;
  if (root !== 'Invoice' && root !== 'CreditNote') {
    throw probe.error('INVALID-VALUE', 'Document type (root element)', 'documentType', `must be "Invoice" or "CreditNote", got ${JSON.stringify(root)}`);
  }
  const creditNote = root === 'CreditNote';
  // Every amount carries the currency (BT-5), so it is checked first.
  const currency = probe.requiredString(doc.currencyCode, 'BT-5 Invoice currency code', 'currencyCode');
  const w = new UblWriter({ pretty, currency });
  if (declaration) w.raw('<?xml version="1.0" encoding="UTF-8"?>');

  w.start(root, { xmlns: ROOT_NAMESPACE[root], 'xmlns:cac': CAC, 'xmlns:cbc': CBC });
  w.requiredText('cbc:CustomizationID', doc.customizationId, 'BT-24 Specification identifier', 'customizationId');
  w.requiredText('cbc:ProfileID', doc.profileId, 'BT-23 Business process type', 'profileId');
  w.requiredText('cbc:ID', doc.invoiceNumber, 'BT-1 Invoice number', 'invoiceNumber');
  w.requiredText('cbc:IssueDate', doc.issueDate, 'BT-2 Invoice issue date', 'issueDate');
  if (creditNote) {
    // CreditNoteType puts TaxPointDate before the type code and has no DueDate (BT-9 goes to PaymentMeans).
    w.text('cbc:TaxPointDate', doc.taxPointDate, 'BT-7 Value added tax point date', 'taxPointDate');
    w.requiredText('cbc:CreditNoteTypeCode', doc.typeCode, 'BT-3 Credit note type code', 'typeCode');
    writeNotes(w, doc.notes);
  } else {
    w.text('cbc:DueDate', doc.dueDate, 'BT-9 Payment due date', 'dueDate');
    w.requiredText('cbc:InvoiceTypeCode', doc.typeCode, 'BT-3 Invoice type code', 'typeCode');
    writeNotes(w, doc.notes);
    w.text('cbc:TaxPointDate', doc.taxPointDate, 'BT-7 Value added tax point date', 'taxPointDate');
  }
  w.requiredText('cbc:DocumentCurrencyCode', doc.currencyCode, 'BT-5 Invoice currency code', 'currencyCode');
  w.text('cbc:TaxCurrencyCode', doc.vatAccountingCurrencyCode, 'BT-6 VAT accounting currency code', 'vatAccountingCurrencyCode');
  w.text('cbc:AccountingCost', doc.buyerAccountingReference, 'BT-19 Buyer accounting reference', 'buyerAccountingReference');
  w.text('cbc:BuyerReference', doc.buyerReference, 'BT-10 Buyer reference', 'buyerReference');
  writeDocumentReferences(w, doc);
  writeSeller(w, doc.seller);
  writeBuyer(w, doc.buyer);
  writePayee(w, doc.payee);
  writeTaxRepresentative(w, doc.taxRepresentative);
  writeDelivery(w, doc.delivery);
  writePaymentMeans(w, doc);
  writePaymentTerms(w, doc.paymentTerms);
  // Both roots put AllowanceCharge after PaymentTerms (CreditNote after exchange rates, which Peppol does not use).
  writeDocumentAllowanceCharges(w, doc.allowanceCharges);
  writeTaxTotals(w, doc);
  writeMonetaryTotal(w, doc.totals);
  writeLines(w, doc.lines, creditNote);
  w.end();
  return w.finish();
}

function writeNotes(w: UblWriter, notes: readonly string[] | undefined): void {
  if (notes === undefined) return;
  w.enter('notes');
  for (let i = 0; i < notes.length; i++) w.text('cbc:Note', notes[i], 'BT-22 Invoice note', i);
  w.leave();
}
