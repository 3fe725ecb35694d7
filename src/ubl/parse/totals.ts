/**
 * `cac:LegalMonetaryTotal` <-> BG-22 Document totals.
 */
import type { DocumentTotals } from '../../model/totals.js';
import type { Decimal } from '../../model/decimal.js';
import type { ReadContext } from './context.js';
import { defined, MISSING_AMOUNT } from './util.js';
import type { XmlElement } from './xml.js';

/**
 * Reads BG-22. BT-110 and BT-111 come from the TaxTotal elements (see readTaxTotals) and
 * are passed in, because the model keeps them with the other totals.
 *
 * @param ctx - reading context
 * @param root - the document element
 * @param vat - BT-110 and BT-111 as read from cac:TaxTotal
 * @returns the totals
 * @example
 * readTotals(ctx, root, { vatTotal }); // { lineNetTotal: Decimal(1300), ... }
 */
export function readTotals(
  ctx: ReadContext,
  root: XmlElement,
  vat: { readonly vatTotal?: Decimal | undefined; readonly vatTotalInAccountingCurrency?: Decimal | undefined },
): DocumentTotals {
  const el = ctx.one(root, 'cac:LegalMonetaryTotal');
  if (el === undefined) {
    ctx.missing(root, 'cac:LegalMonetaryTotal', 'BG-22 Document totals');
  }
  const req = { required: el !== undefined };
  return defined({
    lineNetTotal: ctx.amount(el, 'cbc:LineExtensionAmount', 'BT-106 Sum of invoice line net amount', req) ?? MISSING_AMOUNT,
    totalWithoutVat: ctx.amount(el, 'cbc:TaxExclusiveAmount', 'BT-109 Invoice total amount without VAT', req) ?? MISSING_AMOUNT,
    totalWithVat: ctx.amount(el, 'cbc:TaxInclusiveAmount', 'BT-112 Invoice total amount with VAT', req) ?? MISSING_AMOUNT,
    allowanceTotal: ctx.amount(el, 'cbc:AllowanceTotalAmount', 'BT-107 Sum of allowances on document level'),
    chargeTotal: ctx.amount(el, 'cbc:ChargeTotalAmount', 'BT-108 Sum of charges on document level'),
    vatTotal: vat.vatTotal,
    vatTotalInAccountingCurrency: vat.vatTotalInAccountingCurrency,
    paidAmount: ctx.amount(el, 'cbc:PrepaidAmount', 'BT-113 Paid amount'),
    roundingAmount: ctx.amount(el, 'cbc:PayableRoundingAmount', 'BT-114 Rounding amount'),
    amountDue: ctx.amount(el, 'cbc:PayableAmount', 'BT-115 Amount due for payment', req) ?? MISSING_AMOUNT,
  });
}
