import { z } from 'zod';
import { DecimalSchema } from './decimal.js';
import type { DeepReadonly } from './readonly.js';

/**
 * BG-22 DOCUMENT TOTALS (`cac:LegalMonetaryTotal`), all in the document currency (BT-5).
 *
 * @example
 * DocumentTotalsSchema.parse({
 *   lineNetTotal: '1300', totalWithoutVat: '1325', totalWithVat: '1656.25',
 *   chargeTotal: '25', vatTotal: '331.25', amountDue: '1656.25',
 * });
 */
export const DocumentTotalsSchema = z
  .object({
    lineNetTotal: DecimalSchema.describe('BT-106 Sum of invoice line net amount'),
    totalWithoutVat: DecimalSchema.describe('BT-109 Invoice total amount without VAT'),
    totalWithVat: DecimalSchema.describe('BT-112 Invoice total amount with VAT'),
    allowanceTotal: DecimalSchema.optional().describe('BT-107 Sum of allowances on document level'),
    chargeTotal: DecimalSchema.optional().describe('BT-108 Sum of charges on document level'),
    vatTotal: DecimalSchema.optional().describe('BT-110 Invoice total VAT amount (in the document currency)'),
    vatTotalInAccountingCurrency: DecimalSchema.optional().describe('BT-111 Invoice total VAT amount in accounting currency (BT-6)'),
    paidAmount: DecimalSchema.optional().describe('BT-113 Paid amount'),
    roundingAmount: DecimalSchema.optional().describe('BT-114 Rounding amount'),
    amountDue: DecimalSchema.describe('BT-115 Amount due for payment'),
  })
  .describe('BG-22 Document totals');
/** See {@link DocumentTotalsSchema}. */
export type DocumentTotals = DeepReadonly<z.infer<typeof DocumentTotalsSchema>>;
