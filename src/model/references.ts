/**
 * References that make a self-billed document traceable to the contract, order, delivery
 * and preceding documents (the supplier must be able to reconcile what the customer billed).
 */
import { z } from 'zod';
import { MIME_CODES, REFERENCE_SCHEME_CODES, VAT_DATE_CODES } from './codes/index.js';
import { codeSchema, DateSchema, TextSchema } from './primitives.js';
import type { DeepReadonly } from './readonly.js';

/**
 * `cac:OrderReference`: the purchase order (BT-13) and optionally the seller's sales order (BT-14).
 * UBL requires the order id whenever a sales order reference is given (Peppol writes `NA`
 * when there is no purchase order).
 *
 * @example
 * OrderReferenceSchema.parse({ id: 'PO-4711', salesOrderId: 'SO-12' });
 */
export const OrderReferenceSchema = z.object({
  id: TextSchema.describe('BT-13 Purchase order reference'),
  salesOrderId: z.string().optional().describe('BT-14 Sales order reference'),
});

/**
 * BG-3 PRECEDING INVOICE REFERENCE: what a correction credits or corrects.
 *
 * @example
 * PrecedingInvoiceSchema.parse({ id: 'SB-2024-001', issueDate: '2024-01-31' });
 */
export const PrecedingInvoiceSchema = z
  .object({
    id: TextSchema.describe('BT-25 Preceding invoice reference'),
    issueDate: DateSchema.optional().describe('BT-26 Preceding invoice issue date'),
  })
  .describe('BG-3 Preceding invoice reference');
/** See {@link PrecedingInvoiceSchema}. */
export type PrecedingInvoice = DeepReadonly<z.infer<typeof PrecedingInvoiceSchema>>;

/**
 * Builds the schema of an object identifier (document type code 130) whose scheme comes
 * from UNCL 1153: BT-18 on the document, BT-128 on a line.
 *
 * @param term - the business term id and name, e.g. `'BT-18 Invoiced object identifier'`
 * @example
 * makeObjectIdentifierSchema('BT-128 Invoice line object identifier').parse({ id: 'M-77', schemeId: 'AUU' });
 */
export function makeObjectIdentifierSchema(term: string) {
  const id = term.split(' ')[0] ?? term;
  return z.object({
    id: TextSchema.describe(term),
    schemeId: codeSchema(REFERENCE_SCHEME_CODES, 'UNCL 1153').optional().describe(`${id}-1 Scheme identifier (UNCL 1153)`),
  });
}

/**
 * BT-18 Invoiced object identifier (`cac:AdditionalDocumentReference` with `DocumentTypeCode` 130).
 *
 * @example
 * InvoicedObjectSchema.parse({ id: 'AB12345', schemeId: 'ABZ' });
 */
export const InvoicedObjectSchema = makeObjectIdentifierSchema('BT-18 Invoiced object identifier');

/**
 * An attached document (BT-125) as base64 text with its MIME code and file name.
 *
 * @example
 * AttachmentSchema.parse({ content: 'aGVsbG8=', mimeCode: 'text/csv', filename: 'hours.csv' });
 */
export const AttachmentSchema = z.object({
  content: z.string().describe('BT-125 Attached document, base64 encoded'),
  mimeCode: codeSchema(MIME_CODES, 'MIME code').describe('BT-125-1 Attached document MIME code'),
  filename: z.string().describe('BT-125-2 Attached document filename'),
});

/**
 * BG-24 ADDITIONAL SUPPORTING DOCUMENTS: time sheets, delivery notes, usage reports ...
 *
 * @example
 * SupportingDocumentSchema.parse({ id: 'timesheet-3', description: 'Hours March', externalUri: 'https://example.com/ts3' });
 */
export const SupportingDocumentSchema = z
  .object({
    id: TextSchema.describe('BT-122 Supporting document reference'),
    description: z.string().optional().describe('BT-123 Supporting document description'),
    attachment: AttachmentSchema.optional().describe('BT-125 Attached document'),
    externalUri: z.string().optional().describe('BT-124 External document location'),
  })
  .describe('BG-24 Additional supporting document');
/** See {@link SupportingDocumentSchema}. */
export type SupportingDocument = DeepReadonly<z.infer<typeof SupportingDocumentSchema>>;

/**
 * BG-14 DELIVERY OR INVOICE PERIOD, with BT-8 (the VAT point date code) that UBL places here.
 *
 * @example
 * InvoicePeriodSchema.parse({ startDate: '2024-03-01', endDate: '2024-03-31' });
 */
export const InvoicePeriodSchema = z
  .object({
    startDate: DateSchema.optional().describe('BT-73 Invoicing period start date'),
    endDate: DateSchema.optional().describe('BT-74 Invoicing period end date'),
    vatPointDateCode: codeSchema(VAT_DATE_CODES, 'UNCL 2005 subset').optional().describe('BT-8 Value added tax point date code'),
  })
  .describe('BG-14 Invoicing period');
/** See {@link InvoicePeriodSchema}. */
export type InvoicePeriod = DeepReadonly<z.infer<typeof InvoicePeriodSchema>>;
