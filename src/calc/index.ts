/**
 * EN 16931 arithmetic: pure, Decimal only, no XML. See docs/decisions/rounding.md.
 */
export { AMOUNT_DECIMALS, asAmount, roundAmount, roundHalfAwayFromZero, sumAmounts } from './rounding.js';
export { calculateAllowanceCharge, calculateAllowanceChargeAmount, netAllowanceCharges } from './allowance-charge.js';
export type { AllowanceChargeAmounts } from './allowance-charge.js';
export { calculateLine, calculateLineNetAmount, calculateNetPrice } from './line.js';
export { calculateVatAmount, calculateVatBreakdown, vatBreakdownKey } from './vat-breakdown.js';
export { calculateTotals, safeCalculateTotals } from './totals.js';
export { checkCalculationInput, MAX_MAGNITUDE, MAX_SIGNIFICANT_DIGITS } from './check-input.js';
export { checkVatCategories, VAT_CATEGORIES } from './vat-categories.js';
export type { IdentifierRule, RateRule, VatCategoryRules, VatCheckDocument } from './vat-categories.js';
export { CalculationError } from './errors.js';
export type { CalculationErrorCode } from './errors.js';
export type { CalculableDocument, CalculateOptions } from './types.js';
