/**
 * Allowance and charge amounts (BG-20/BG-21 on the document, BG-27/BG-28 on a line).
 */
import { Decimal } from '../model/decimal.js';
import { roundAmount } from './rounding.js';

/** The fields an allowance or charge amount is computed from (document or line level). */
export interface AllowanceChargeAmounts {
  readonly amount: Decimal;
  readonly baseAmount?: Decimal | undefined;
  readonly percentage?: Decimal | undefined;
}

/**
 * The amount of an allowance or charge: `round(base x percentage / 100, 2)` when both the
 * base amount and the percentage are given (PEPPOL-EN16931-R040, BT-92 = BT-93 x BT-94 / 100
 * and its charge and line counterparts), otherwise the stated amount rounded to two decimals
 * (BR-DEC-01/05/24/27). Rounded once, here, because the VAT breakdown and the totals sum
 * these amounts exactly.
 *
 * @param ac - amount, optional base amount and percentage
 * @returns the amount with two decimals
 * @example
 * calculateAllowanceChargeAmount({ amount: new Decimal('0'), baseAmount: new Decimal('1000'), percentage: new Decimal('20') }).toString(); // '200'
 */
export function calculateAllowanceChargeAmount(ac: AllowanceChargeAmounts): Decimal {
  if (ac.baseAmount !== undefined && ac.percentage !== undefined) {
    return roundAmount(ac.baseAmount.times(ac.percentage).dividedBy(100));
  }
  return roundAmount(ac.amount);
}

/**
 * Returns the allowance or charge with its amount recomputed by
 * {@link calculateAllowanceChargeAmount}; the input is not changed.
 *
 * @param ac - a document or line level allowance or charge
 * @returns a copy with the calculated amount
 * @example
 * const charge = calculateAllowanceCharge(doc.allowanceCharges[0]);
 */
export function calculateAllowanceCharge<T extends AllowanceChargeAmounts>(ac: T): T {
  return { ...ac, amount: calculateAllowanceChargeAmount(ac) };
}

/**
 * Sums allowances and charges as they affect a net amount: charges add, allowances subtract.
 * The amounts must be calculated already (two decimals); the sum is exact.
 *
 * @param acs - calculated allowances and charges
 * @returns sum of charges minus sum of allowances
 * @example
 * netAllowanceCharges([{ kind: 'charge', amount: new Decimal('25') }, { kind: 'allowance', amount: new Decimal('10') }]).toString(); // '15'
 */
export function netAllowanceCharges(acs: readonly { readonly kind: 'allowance' | 'charge'; readonly amount: Decimal }[]): Decimal {
  let net = new Decimal(0);
  for (const ac of acs) net = ac.kind === 'charge' ? net.plus(ac.amount) : net.minus(ac.amount);
  return net;
}
