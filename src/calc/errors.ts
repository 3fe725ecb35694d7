import { PeppolSelfBillingError } from '../model/errors.js';
import type { Issue } from '../model/result.js';

/** Codes of {@link CalculationError}: the input holds numbers no exact calculation can use. */
export type CalculationErrorCode = 'INVALID-CALCULATION-INPUT';

/**
 * Thrown by `calculateTotals` when a document holds numbers that cannot be calculated with
 * exactly (NaN, Infinity, out of range, a zero price base quantity). A document that passed
 * the model's zod schema and `checkCalculationInput` never causes it; use
 * `safeCalculateTotals` on untrusted data to get the same findings as issues.
 *
 * @example
 * try { calculateTotals(doc); } catch (e) { if (e instanceof CalculationError) console.log(e.issues); }
 */
export class CalculationError extends PeppolSelfBillingError<CalculationErrorCode> {
  /** The findings that made the calculation impossible. */
  readonly issues: readonly Issue[];

  /**
   * @param issues - the findings, at least one
   */
  constructor(issues: readonly Issue[]) {
    super('INVALID-CALCULATION-INPUT', `Cannot calculate totals: ${issues.map((i) => i.message).join(' ')}`);
    this.name = 'CalculationError';
    this.issues = issues;
  }
}
