/**
 * The named rounding rules of the calculation. EN 16931 fixes the decimals of every
 * amount it states (BR-DEC-*: two) and computes VAT "rounded to two decimals" (BR-CO-17);
 * the CEN unit tests call the tie-break "half up", applied to the magnitude, so a negative
 * amount rounds the same way as its positive mirror (half away from zero). That symmetry
 * is what makes a negative-invoice correction the exact negation of the invoice it corrects.
 */
import { Decimal, decimalFromText } from '../model/decimal.js';

/** Decimals of every amount EN 16931 states (BR-DEC-01..BR-DEC-20, BR-DEC-23..28). */
export const AMOUNT_DECIMALS = 2;

/**
 * Rounds to `places` decimals, ties away from zero (`2.345 -> 2.35`, `-2.345 -> -2.35`).
 * The configured Decimal already rounds half up on the magnitude; the mode is passed
 * explicitly so the rule does not depend on a global setting.
 *
 * @param value - the exact value
 * @param places - decimals to keep (0 or more)
 * @returns the rounded value (natural form, no written scale)
 * @example
 * roundHalfAwayFromZero(new Decimal('-2.345'), 2).toString(); // '-2.35'
 */
export function roundHalfAwayFromZero(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/**
 * Rounds a monetary amount to the two decimals EN 16931 requires (BR-DEC-*), half away from
 * zero, and gives it a written scale of two so that it serializes as `1300.00`, the way
 * amounts are conventionally written.
 *
 * Used for: line net amounts (BT-131), allowance and charge amounts computed from a base
 * and a percentage (BT-92, BT-99, BT-136, BT-141), VAT category tax amounts (BT-117) and
 * BT-111. Sums of amounts that are already rounded are exact and need no rounding.
 *
 * @param value - the exact amount
 * @returns the amount rounded to two decimals
 * @example
 * formatDecimal(roundAmount(new Decimal('1299.995'))); // '1300.00'
 */
export function roundAmount(value: Decimal): Decimal {
  // toFixed rounds with the configured mode (half up on the magnitude = half away from zero).
  const text = roundHalfAwayFromZero(value, AMOUNT_DECIMALS).toFixed(AMOUNT_DECIMALS);
  // decimalFromText cannot fail on toFixed output; the fallback keeps the type total.
  return decimalFromText(text) ?? new Decimal(text);
}

/**
 * The sum of amounts, exact (no rounding: every addend already has at most two decimals).
 *
 * @param values - the amounts
 * @returns their exact sum, with a written scale of two
 * @example
 * sumAmounts([new Decimal('0.1'), new Decimal('0.2')]).toString(); // '0.3'
 */
export function sumAmounts(values: Iterable<Decimal>): Decimal {
  let total = new Decimal(0);
  for (const v of values) total = total.plus(v);
  return asAmount(total);
}

/**
 * Gives an exact amount with at most two decimals the written scale of two, so it
 * serializes as `25.00`. Values with more decimals are rounded (that would be a bug in the
 * caller, and rounding keeps BR-DEC rules true on the visible numbers).
 *
 * @param value - an amount with at most two decimals
 * @returns the same value, written with two decimals
 * @example
 * formatDecimal(asAmount(new Decimal('25'))); // '25.00'
 */
export function asAmount(value: Decimal): Decimal {
  return roundAmount(value);
}
