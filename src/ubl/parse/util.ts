/**
 * Small helpers for building model objects from what the readers found.
 */
import { Decimal } from '../../model/decimal.js';

/**
 * Stand-in for a missing mandatory amount. It never reaches a caller: the MISSING-ELEMENT
 * error recorded with it makes the parse fail.
 *
 * @example
 * const amount = ctx.amount(el, 'cbc:Amount', 'BT-92 ...', { required: true }) ?? MISSING_AMOUNT;
 */
export const MISSING_AMOUNT: Decimal = new Decimal(0);

/**
 * A copy of `obj` without the properties whose value is `undefined`, so parsed documents
 * carry only the terms the XML had (and compare equal to hand-built ones).
 *
 * @param obj - object with optional properties
 * @returns the same object type without undefined entries
 * @example
 * defined({ a: 1, b: undefined }); // { a: 1 }
 */
export function defined<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const k in obj) {
    const v = obj[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}

/**
 * Whether every value of `obj` is undefined (an element that held nothing the model keeps).
 *
 * @param obj - object to inspect
 * @returns true when there is nothing in it
 * @example
 * isEmpty({ a: undefined }); // true
 */
export function isEmpty(obj: object): boolean {
  return Object.values(obj).every((v) => v === undefined);
}
