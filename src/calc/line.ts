/**
 * Invoice line arithmetic (BG-25): net price (BG-29) and line net amount (BT-131).
 */
import type { Decimal } from '../model/decimal.js';
import type { Line, Price } from '../model/line.js';
import { calculateAllowanceCharge, netAllowanceCharges } from './allowance-charge.js';
import { roundAmount } from './rounding.js';

/**
 * The item net price (BT-146): gross price (BT-148) minus the price discount (BT-147) when a
 * gross price is given (PEPPOL-EN16931-R046), otherwise the stated net price. Unit prices
 * keep full precision: rounding a price to cents before multiplying by a large quantity
 * would move the line amount by up to half a cent per unit.
 *
 * @param price - the price details
 * @returns the net price, unrounded
 * @example
 * calculateNetPrice({ netPrice: new Decimal('0'), grossPrice: new Decimal('450'), discount: new Decimal('40') }).toString(); // '410'
 */
export function calculateNetPrice(price: Price): Decimal {
  if (price.grossPrice === undefined) return price.netPrice;
  return price.discount === undefined ? price.grossPrice : price.grossPrice.minus(price.discount);
}

/**
 * The invoice line net amount (BT-131), PEPPOL-EN16931-R120:
 * `round(quantity x net price / base quantity, 2) + line charges - line allowances`,
 * where each line allowance or charge is itself rounded to two decimals (BR-DEC-24/27), so
 * the sum is exact and BT-131 has two decimals (BR-DEC-23).
 *
 * Why round the quantity x price product before adding the allowances: the allowances are
 * amounts (two decimals) already, and the product is the one inexact term; rounding it once
 * keeps the line reproducible by anyone who reads the visible numbers.
 *
 * @param line - the line, with its price and allowances/charges
 * @returns BT-131 with two decimals
 * @example
 * calculateLineNetAmount(line).toFixed(2); // '2800.00' for 7 DAY x 400
 */
export function calculateLineNetAmount(line: Line): Decimal {
  return calculateLine(line).netAmount;
}

/**
 * Returns a copy of the line with its net price (when a gross price is given), its
 * allowance/charge amounts and its net amount (BT-131) recomputed.
 *
 * @param line - the line to calculate
 * @returns the calculated line (a new object; `line` is not changed)
 * @example
 * const calculated = calculateLine(doc.lines[0]);
 * calculated.netAmount.toFixed(2);
 */
export function calculateLine<T extends Line>(line: T): T {
  const allowanceCharges = line.allowanceCharges.map(calculateAllowanceCharge);
  const netPrice = calculateNetPrice(line.price);
  const product = line.quantity.times(netPrice);
  // BT-149: the price is for this many units; dividing last keeps the product exact.
  const base = line.price.baseQuantity;
  const gross = base === undefined || base.eq(1) ? product : product.dividedBy(base);
  const netAmount = roundAmount(roundAmount(gross).plus(netAllowanceCharges(allowanceCharges)));
  const price = netPrice === line.price.netPrice ? line.price : { ...line.price, netPrice };
  return { ...line, allowanceCharges, price, netAmount };
}
