/**
 * The self-billed document: one discriminated type for the three Peppol self-billing
 * document kinds, plus the wider `Document` type that `parseUbl` returns for any UBL
 * Invoice or CreditNote (a regular Peppol billing document parses too, and is flagged).
 */
import { z } from 'zod';
import {
  CREDIT_NOTE_TYPE_CODES,
  CURRENCY_CODES,
  INVOICE_TYPE_CODES,
  SELF_BILLED_CREDIT_NOTE_TYPE_CODES,
  SELF_BILLED_INVOICE_TYPE_CODES,
} from './codes/index.js';
import { DocumentAllowanceChargeSchema } from './allowance-charge.js';
import { DeliverySchema } from './delivery.js';
import { LineSchema } from './line.js';
import { BuyerSchema, PayeeSchema, SellerSchema, TaxRepresentativeSchema } from './party.js';
import { PaymentInstructionSchema } from './payment.js';
import { codeSchema, DateSchema, TextSchema } from './primitives.js';
import {
  InvoicedObjectSchema,
  InvoicePeriodSchema,
  OrderReferenceSchema,
  PrecedingInvoiceSchema,
  SupportingDocumentSchema,
} from './references.js';
import { VatBreakdownSchema } from './tax.js';
import { DocumentTotalsSchema } from './totals.js';
import type { DeepReadonly } from './readonly.js';

import { SELF_BILLING_CUSTOMIZATION_ID, SELF_BILLING_PROFILE_ID } from './identifiers.js';

export { SELF_BILLING_CUSTOMIZATION_ID, SELF_BILLING_PROFILE_ID };

const CurrencyCodeSchema = codeSchema(CURRENCY_CODES, 'ISO 4217');

/** Every business term of the document except the root and type code, which discriminate. */
const documentFields = {
  customizationId: TextSchema.default(SELF_BILLING_CUSTOMIZATION_ID).describe('BT-24 Specification identifier'),
  profileId: TextSchema.default(SELF_BILLING_PROFILE_ID).describe('BT-23 Business process type'),
  invoiceNumber: TextSchema.describe('BT-1 Invoice number (from the agreed self-billing series)'),
  issueDate: DateSchema.describe('BT-2 Invoice issue date'),
  dueDate: DateSchema.optional().describe('BT-9 Payment due date (cbc:DueDate; cac:PaymentMeans/cbc:PaymentDueDate in a credit note)'),
  notes: z.array(z.string()).default([]).describe('BT-22 Invoice note'),
  taxPointDate: DateSchema.optional().describe('BT-7 Value added tax point date'),
  currencyCode: CurrencyCodeSchema.describe('BT-5 Invoice currency code'),
  vatAccountingCurrencyCode: CurrencyCodeSchema.optional().describe('BT-6 VAT accounting currency code'),
  buyerAccountingReference: z.string().optional().describe('BT-19 Buyer accounting reference'),
  buyerReference: z.string().optional().describe('BT-10 Buyer reference'),
  invoicePeriod: InvoicePeriodSchema.optional(),
  orderReference: OrderReferenceSchema.optional().describe('BT-13 Purchase order reference, BT-14 Sales order reference'),
  precedingInvoices: z.array(PrecedingInvoiceSchema).default([]).describe('BG-3 Preceding invoice references'),
  despatchAdviceReference: z.string().optional().describe('BT-16 Despatch advice reference'),
  receivingAdviceReference: z.string().optional().describe('BT-15 Receiving advice reference'),
  tenderOrLotReference: z.string().optional().describe('BT-17 Tender or lot reference'),
  contractReference: z.string().optional().describe('BT-12 Contract reference'),
  invoicedObject: InvoicedObjectSchema.optional().describe('BT-18 Invoiced object identifier'),
  supportingDocuments: z.array(SupportingDocumentSchema).default([]).describe('BG-24 Additional supporting documents'),
  projectReference: z.string().optional().describe('BT-11 Project reference'),
  seller: SellerSchema,
  buyer: BuyerSchema,
  payee: PayeeSchema.optional(),
  taxRepresentative: TaxRepresentativeSchema.optional(),
  delivery: DeliverySchema.optional(),
  paymentInstructions: z.array(PaymentInstructionSchema).default([]).describe('BG-16 Payment instructions'),
  paymentTerms: z.string().optional().describe('BT-20 Payment terms'),
  allowanceCharges: z.array(DocumentAllowanceChargeSchema).default([]).describe('BG-20 Document level allowances / BG-21 charges'),
  vatBreakdown: z.array(VatBreakdownSchema).default([]).describe('BG-23 VAT breakdown'),
  totals: DocumentTotalsSchema,
  lines: z.array(LineSchema).min(1).describe('BG-25 Invoice lines'),
};

/**
 * Peppol self-billed invoice: UBL `Invoice`, type code 389.
 *
 * @example
 * const result = SelfBilledInvoiceSchema.safeParse(input);
 */
export const SelfBilledInvoiceSchema = z
  .object({ documentType: z.literal('Invoice'), typeCode: z.literal('389').describe('BT-3 Invoice type code'), ...documentFields })
  .describe('Self-billed invoice (389)');
/**
 * Peppol self-billed debit note: UBL `Invoice`, type code 527.
 *
 * @example
 * const result = SelfBilledDebitNoteSchema.safeParse(input);
 */
export const SelfBilledDebitNoteSchema = z
  .object({ documentType: z.literal('Invoice'), typeCode: z.literal('527').describe('BT-3 Invoice type code'), ...documentFields })
  .describe('Self-billed debit note (527)');
/**
 * Peppol self-billed credit note: UBL `CreditNote`, type code 261.
 *
 * @example
 * const result = SelfBilledCreditNoteSchema.safeParse(input);
 */
export const SelfBilledCreditNoteSchema = z
  .object({ documentType: z.literal('CreditNote'), typeCode: z.literal('261').describe('BT-3 Credit note type code'), ...documentFields })
  .describe('Self-billed credit note (261)');

/**
 * The three Peppol self-billing document kinds, discriminated by type code (BT-3).
 *
 * @example
 * const doc = SelfBilledDocumentSchema.parse(input);
 * if (doc.typeCode === '261') console.log('credit note', doc.precedingInvoices);
 */
export const SelfBilledDocumentSchema = z.discriminatedUnion('typeCode', [
  SelfBilledInvoiceSchema,
  SelfBilledDebitNoteSchema,
  SelfBilledCreditNoteSchema,
]);

/**
 * Any UBL Invoice or CreditNote in the EN 16931 shape, with a type code from the root's
 * UNCL 1001 subset (self-billing codes included). `parseUbl` returns this type so that a
 * regular billing document is read too; `isSelfBilledDocument` narrows it.
 *
 * @example
 * const doc = DocumentSchema.parse(parsed);
 */
export const DocumentSchema = z.discriminatedUnion('documentType', [
  z.object({
    documentType: z.literal('Invoice'),
    typeCode: z
      .string()
      .refine((c) => INVOICE_TYPE_CODES.has(c) || SELF_BILLED_INVOICE_TYPE_CODES.has(c), {
        message: 'Unknown invoice type code: not in the UNCL 1001 invoice subset',
      })
      .describe('BT-3 Invoice type code'),
    ...documentFields,
  }),
  z.object({
    documentType: z.literal('CreditNote'),
    typeCode: z
      .string()
      .refine((c) => CREDIT_NOTE_TYPE_CODES.has(c) || SELF_BILLED_CREDIT_NOTE_TYPE_CODES.has(c), {
        message: 'Unknown credit note type code: not in the UNCL 1001 credit note subset',
      })
      .describe('BT-3 Credit note type code'),
    ...documentFields,
  }),
]);

/** A self-billed invoice (389). */
export type SelfBilledInvoice = DeepReadonly<z.infer<typeof SelfBilledInvoiceSchema>>;
/** A self-billed debit note (527). */
export type SelfBilledDebitNote = DeepReadonly<z.infer<typeof SelfBilledDebitNoteSchema>>;
/** A self-billed credit note (261). */
export type SelfBilledCreditNote = DeepReadonly<z.infer<typeof SelfBilledCreditNoteSchema>>;
/** One of the three self-billing document kinds. */
export type SelfBilledDocument = SelfBilledInvoice | SelfBilledDebitNote | SelfBilledCreditNote;
/** Any UBL Invoice or CreditNote as the model holds it. */
export type Document = DeepReadonly<z.infer<typeof DocumentSchema>>;
/** Input accepted by {@link SelfBilledDocumentSchema} (amounts as strings, defaults optional). */
export type SelfBilledDocumentInput = z.input<typeof SelfBilledDocumentSchema>;

/**
 * Narrows a parsed document to the self-billing kinds by root and type code:
 * Invoice 389 or 527, CreditNote 261. (Identifiers BT-23/BT-24 are the profile's concern,
 * see `detectProfile`.)
 *
 * @example
 * if (isSelfBilledDocument(doc)) route(doc);
 */
export function isSelfBilledDocument(doc: Document): doc is SelfBilledDocument {
  return doc.documentType === 'Invoice' ? doc.typeCode === '389' || doc.typeCode === '527' : doc.typeCode === '261';
}
