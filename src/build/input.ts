/**
 * The friendly builder input: the model's fields, minus everything the builder computes or
 * defaults (type code, identifiers, line net amounts, VAT breakdown, totals), plus the few
 * inputs a calculation needs (BT-111, BT-113, BT-114, exemption reasons).
 */
import { z } from 'zod';
import { VATEX_CODES } from '../model/codes/index.js';
import { DecimalSchema } from '../model/decimal.js';
import { SelfBilledInvoiceSchema } from '../model/document.js';
import { ItemSchema, LineSchema, UnitCodeSchema } from '../model/line.js';
import { codeSchema, DateSchema, TextSchema } from '../model/primitives.js';
import { VatCategoryCodeSchema } from '../model/tax.js';

/**
 * The model's VatCategorySchema describes its fields without business term ids (it serves
 * lines, allowances and charges); the builder names them per use so issues can cite them.
 */
function vatCategoryInput(codeTerm: string, rateTerm: string, what: string) {
  return z.strictObject({
    code: VatCategoryCodeSchema.describe(`${codeTerm} ${what} VAT category code (UNCL 5305)`),
    rate: DecimalSchema.optional().describe(`${rateTerm} ${what} VAT rate in percent (left out for category O)`),
  });
}

const acFields = {
  kind: z.enum(['allowance', 'charge']).describe('ChargeIndicator: allowance or charge'),
  reasonCode: z.string().optional().describe('BT-98/BT-105 (document) or BT-140/BT-145 (line) reason code'),
  reason: z.string().optional().describe('BT-97/BT-104 (document) or BT-139/BT-144 (line) reason'),
  percentage: DecimalSchema.optional().describe('BT-94/BT-101 (document) or BT-138/BT-143 (line) percentage'),
  amount: DecimalSchema.optional().describe('BT-92/BT-99 (document) or BT-136/BT-141 (line) amount; computed when percentage and base amount are given'),
  baseAmount: DecimalSchema.optional().describe('BT-93/BT-100 (document) or BT-137/BT-142 (line) base amount'),
};

/**
 * A line allowance or charge (BG-27/BG-28): give `amount`, or `percentage` and `baseAmount`.
 *
 * @example
 * LineAllowanceChargeInputSchema.parse({ kind: 'allowance', reason: 'Discount', percentage: '10', baseAmount: '200' });
 */
export const LineAllowanceChargeInputSchema = z.strictObject(acFields).describe('BG-27 Invoice line allowance / BG-28 Invoice line charge');

/**
 * A document level allowance or charge (BG-20/BG-21) with its VAT category.
 *
 * @example
 * DocumentAllowanceChargeInputSchema.parse({ kind: 'charge', reason: 'Freight', amount: '25', vatCategory: { code: 'S', rate: '25' } });
 */
export const DocumentAllowanceChargeInputSchema = z
  .strictObject({ ...acFields, vatCategory: vatCategoryInput('BT-95/BT-102', 'BT-96/BT-103', 'Document level allowance/charge').describe('BT-95/BT-102 VAT category code, BT-96/BT-103 VAT rate') })
  .describe('BG-20 Document level allowance / BG-21 Document level charge');

/**
 * A line (BG-25) without its net amount, which is computed. `id` defaults to the position
 * (1, 2, 3 ...), `unitCode` to `C62` (one).
 *
 * @example
 * LineInputSchema.parse({ quantity: '7', unitCode: 'DAY', item: { name: 'Consulting', vatCategory: { code: 'S', rate: '25' } }, price: { netPrice: '400' } });
 */
export const LineInputSchema = LineSchema.omit({ id: true, unitCode: true, netAmount: true, allowanceCharges: true })
  .extend({
    id: TextSchema.optional().describe('BT-126 Invoice line identifier (default: the position, 1, 2, 3 ...)'),
    unitCode: UnitCodeSchema.default('C62').describe('BT-130 Invoiced quantity unit of measure code (default C62, one)'),
    allowanceCharges: z.array(LineAllowanceChargeInputSchema).default([]).describe('BG-27 Line allowances / BG-28 Line charges'),
    item: ItemSchema.extend({ vatCategory: vatCategoryInput('BT-151', 'BT-152', 'Invoiced item').describe('BG-30 Line VAT information') }).describe('BG-31 Item information'),
  })
  .strict()
  .describe('BG-25 Invoice line');

/**
 * An exemption reason for the VAT breakdown entry of a category (BT-120/BT-121). Needed
 * for E; AE, K, G and O get the standard VATEX code and text when none is given.
 *
 * @example
 * VatExemptionInputSchema.parse({ category: 'E', reasonCode: 'VATEX-EU-132-1I', reason: 'Education' });
 */
export const VatExemptionInputSchema = z
  .strictObject({
    category: VatCategoryCodeSchema.describe('BT-118 VAT category code the reason belongs to'),
    reasonCode: codeSchema(VATEX_CODES, 'VATEX').optional().describe('BT-121 VAT exemption reason code'),
    reason: z.string().optional().describe('BT-120 VAT exemption reason text'),
  })
  .describe('BT-120/BT-121 VAT exemption reason');

const s = SelfBilledInvoiceSchema.shape;

/**
 * Input of `createSelfBilledInvoice` and `createSelfBilledCreditNote`. Amounts are strings
 * (or Decimals), never numbers. Everything computed is left out: line net amounts (BT-131),
 * the VAT breakdown (BG-23) and the totals (BG-22).
 *
 * @example
 * const input: SelfBilledInput = { invoiceNumber: 'SB-1', issueDate: '2024-04-01', currencyCode: 'EUR', seller, buyer, lines };
 */
export const SelfBilledInputSchema = z
  .strictObject({
    customizationId: s.customizationId.optional(),
    profileId: s.profileId.optional(),
    invoiceNumber: s.invoiceNumber,
    issueDate: DateSchema.optional().describe('BT-2 Invoice issue date (default: options.issueDate; the builder never reads the clock)'),
    dueDate: s.dueDate,
    notes: s.notes,
    taxPointDate: s.taxPointDate,
    currencyCode: s.currencyCode.optional().describe('BT-5 Invoice currency code (default: options.defaultCurrency)'),
    vatAccountingCurrencyCode: s.vatAccountingCurrencyCode,
    buyerAccountingReference: s.buyerAccountingReference,
    buyerReference: s.buyerReference,
    invoicePeriod: s.invoicePeriod,
    orderReference: s.orderReference,
    precedingInvoices: s.precedingInvoices,
    despatchAdviceReference: s.despatchAdviceReference,
    receivingAdviceReference: s.receivingAdviceReference,
    tenderOrLotReference: s.tenderOrLotReference,
    contractReference: s.contractReference,
    invoicedObject: s.invoicedObject,
    supportingDocuments: s.supportingDocuments,
    projectReference: s.projectReference,
    seller: s.seller,
    buyer: s.buyer,
    payee: s.payee,
    taxRepresentative: s.taxRepresentative,
    delivery: s.delivery,
    paymentInstructions: s.paymentInstructions,
    paymentTerms: s.paymentTerms,
    allowanceCharges: z.array(DocumentAllowanceChargeInputSchema).default([]).describe('BG-20 Document level allowances / BG-21 charges'),
    lines: z.array(LineInputSchema).min(1).describe('BG-25 Invoice lines'),
    paidAmount: DecimalSchema.optional().describe('BT-113 Paid amount'),
    roundingAmount: DecimalSchema.optional().describe('BT-114 Rounding amount'),
    vatTotalInAccountingCurrency: DecimalSchema.optional().describe('BT-111 Invoice total VAT amount in accounting currency (or give options.vatAccountingRate)'),
    vatExemptions: z.array(VatExemptionInputSchema).default([]).describe('BT-120/BT-121 VAT exemption reasons per category'),
  })
  .describe('Self-billed document input');

/** What callers pass: amounts as strings, defaults optional. */
export type SelfBilledInput = z.input<typeof SelfBilledInputSchema>;
/** The input after validation and defaults. */
export type ParsedSelfBilledInput = z.output<typeof SelfBilledInputSchema>;
