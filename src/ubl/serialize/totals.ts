/**
 * BG-22 DOCUMENT TOTALS as `cac:LegalMonetaryTotal`.
 */
import type { DocumentTotals } from '../../model/totals.js';
import type { UblWriter } from './writer.js';

/**
 * Writes `cac:LegalMonetaryTotal` in MonetaryTotalType order, every amount in BT-5.
 *
 * @param w - the writer
 * @param totals - the document totals (required)
 * @example
 * writeMonetaryTotal(w, doc.totals);
 */
export function writeMonetaryTotal(w: UblWriter, totals: DocumentTotals): void {
  const t = w.requiredGroup(totals, 'BG-22 Document totals', 'totals');
  w.enter('totals');
  w.start('cac:LegalMonetaryTotal');
  w.requiredAmount('cbc:LineExtensionAmount', t.lineNetTotal, 'BT-106 Sum of invoice line net amount', 'lineNetTotal');
  w.requiredAmount('cbc:TaxExclusiveAmount', t.totalWithoutVat, 'BT-109 Invoice total amount without VAT', 'totalWithoutVat');
  w.requiredAmount('cbc:TaxInclusiveAmount', t.totalWithVat, 'BT-112 Invoice total amount with VAT', 'totalWithVat');
  w.amount('cbc:AllowanceTotalAmount', t.allowanceTotal, 'BT-107 Sum of allowances on document level', 'allowanceTotal');
  w.amount('cbc:ChargeTotalAmount', t.chargeTotal, 'BT-108 Sum of charges on document level', 'chargeTotal');
  w.amount('cbc:PrepaidAmount', t.paidAmount, 'BT-113 Paid amount', 'paidAmount');
  w.amount('cbc:PayableRoundingAmount', t.roundingAmount, 'BT-114 Rounding amount', 'roundingAmount');
  w.requiredAmount('cbc:PayableAmount', t.amountDue, 'BT-115 Amount due for payment', 'amountDue');
  w.end();
  w.leave();
}
