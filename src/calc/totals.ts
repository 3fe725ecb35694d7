/**
 * BG-22 DOCUMENT TOTALS and the one fixed order in which a document is calculated.
 */
import { Decimal, decimalFromText } from '../model/decimal.js';
import type { Issue, Result } from '../model/result.js';
import type { DocumentTotals } from '../model/totals.js';
import { calculateAllowanceCharge } from './allowance-charge.js';
import { checkCalculationInput, UNCOMPUTABLE_CODES } from './check-input.js';
import { CalculationError } from './errors.js';
import { calculateLine } from './line.js';
import { roundAmount, sumAmounts } from './rounding.js';
import type { CalculableDocument, CalculateOptions } from './types.js';
import { calculateVatBreakdown } from './vat-breakdown.js';

/**
 * Calculates a document: returns a new document whose line net amounts, allowance and
 * charge amounts, VAT breakdown and document totals are computed from the lines, prices,
 * allowances and charges. No stated total is copied through; only BT-113 (paid amount),
 * BT-114 (rounding amount) and, without `options.vatAccountingRate`, BT-111 come from the input.
 *
 * The order is fixed:
 * 1. each line (BG-25): net price = gross - discount (BT-148, BT-147), allowances and charges
 *    (BT-136, BT-141 = base x percentage / 100, rounded), BT-131 = round(quantity x net price /
 *    base quantity, 2) + charges - allowances (PEPPOL-EN16931-R120);
 * 2. document allowances and charges (BT-92, BT-99 = base x percentage / 100, rounded);
 * 3. VAT breakdown (BG-23): BT-116 = exact sum per (category, rate); BT-117 = round(BT-116 x
 *    BT-119 / 100, 2) (BR-CO-17);
 * 4. totals: BT-106 = sum BT-131 (BR-CO-10), BT-107 = sum BT-92 (BR-CO-11), BT-108 = sum BT-99
 *    (BR-CO-12), BT-109 = BT-106 - BT-107 + BT-108 (BR-CO-13), BT-110 = sum BT-117 (BR-CO-14),
 *    BT-112 = BT-109 + BT-110 (BR-CO-15), BT-115 = BT-112 - BT-113 + BT-114 (BR-CO-16).
 * Every step after the rounding of the amounts in steps 1-3 is an exact sum, so each BR-CO
 * equation holds on the numbers as written.
 *
 * BT-107/BT-108 are present when the document has allowances/charges or stated them before
 * (a stated zero stays a zero). BT-110 is always present (UBL requires the TaxAmount).
 *
 * @param doc - a document (any object with lines, allowances/charges, breakdown and totals)
 * @param options - see {@link CalculateOptions}
 * @returns a new, calculated document; `doc` is not changed
 * @throws {CalculationError} when the numbers cannot be calculated exactly (NaN, Infinity,
 *   out of range, base quantity not above zero); use {@link safeCalculateTotals} for issues instead
 * @example
 * const calculated = calculateTotals(doc);
 * calculated.totals.amountDue.toFixed(2); // '1656.25'
 */
export function calculateTotals<T extends CalculableDocument>(doc: T, options: CalculateOptions = {}): T {
  const blocking = checkCalculationInput(doc).filter((i) => UNCOMPUTABLE_CODES.has(i.code));
  if (blocking.length > 0) throw new CalculationError(blocking);
  return calculateChecked(doc, options);
}

/**
 * Like {@link calculateTotals}, but returns a result instead of throwing, and reports every
 * finding of `checkCalculationInput` (a percentage without base amount, a negative price, an
 * unknown VAT category ...) as an issue.
 *
 * @param doc - a document
 * @param options - see {@link CalculateOptions}
 * @returns the calculated document, or the issues that stop it
 * @example
 * const r = safeCalculateTotals(doc);
 * if (!r.success) for (const i of r.issues) console.log(i.code, i.message);
 */
export function safeCalculateTotals<T extends CalculableDocument>(doc: T, options: CalculateOptions = {}): Result<T> {
  const issues: Issue[] = checkCalculationInput(doc);
  const rate = parseRate(options.vatAccountingRate);
  if (rate === null) {
    issues.push({
      code: 'INVALID-VAT-ACCOUNTING-RATE',
      severity: 'error',
      path: 'options.vatAccountingRate',
      businessTerm: 'BT-111',
      message: 'The VAT accounting exchange rate must be a positive decimal such as "10.9234" (units of BT-6 per unit of BT-5).',
    });
  }
  if (issues.some((i) => i.severity === 'error')) return { success: false, issues };
  return { success: true, data: calculateChecked(doc, options), issues };
}

/** undefined: no rate given; null: given but not a positive finite decimal. */
function parseRate(rate: Decimal | string | undefined): Decimal | undefined | null {
  if (rate === undefined) return undefined;
  const value = typeof rate === 'string' ? decimalFromText(rate) : Decimal.isDecimal(rate) ? new Decimal(rate.toString()) : undefined;
  if (value === undefined || !value.isFinite() || !value.gt(0)) return null;
  return value;
}

function calculateChecked<T extends CalculableDocument>(doc: T, options: CalculateOptions): T {
  // Step 1 and 2: lines, then document allowances and charges.
  const lines = doc.lines.map((line) => calculateLine(line));
  const allowanceCharges = doc.allowanceCharges.map((ac) => calculateAllowanceCharge(ac));
  // Step 3: the VAT breakdown from the calculated amounts.
  const vatBreakdown = calculateVatBreakdown(lines, allowanceCharges, doc.vatBreakdown);

  // Step 4: exact sums.
  const lineNetTotal = sumAmounts(lines.map((l) => l.netAmount)); // BT-106, BR-CO-10
  const allowances = allowanceCharges.filter((ac) => ac.kind === 'allowance');
  const charges = allowanceCharges.filter((ac) => ac.kind === 'charge');
  const allowanceTotal = sumAmounts(allowances.map((ac) => ac.amount)); // BT-107, BR-CO-11
  const chargeTotal = sumAmounts(charges.map((ac) => ac.amount)); // BT-108, BR-CO-12
  const totalWithoutVat = roundAmount(lineNetTotal.minus(allowanceTotal).plus(chargeTotal)); // BT-109, BR-CO-13
  const vatTotal = sumAmounts(vatBreakdown.map((e) => e.taxAmount)); // BT-110, BR-CO-14
  const totalWithVat = roundAmount(totalWithoutVat.plus(vatTotal)); // BT-112, BR-CO-15
  const paid = doc.totals.paidAmount;
  const rounding = doc.totals.roundingAmount;
  let amountDue = totalWithVat; // BT-115, BR-CO-16
  if (paid !== undefined) amountDue = amountDue.minus(paid);
  if (rounding !== undefined) amountDue = amountDue.plus(rounding);

  const rate = parseRate(options.vatAccountingRate);
  // BT-111: computed from the given exchange rate, else kept (the rate is not in the document).
  const vatInAccounting =
    rate === undefined || rate === null ? doc.totals.vatTotalInAccountingCurrency : roundAmount(vatTotal.times(rate));

  const totals: DocumentTotals = {
    lineNetTotal,
    totalWithoutVat,
    totalWithVat,
    ...(allowances.length > 0 || doc.totals.allowanceTotal !== undefined ? { allowanceTotal } : {}),
    ...(charges.length > 0 || doc.totals.chargeTotal !== undefined ? { chargeTotal } : {}),
    vatTotal,
    ...(vatInAccounting === undefined ? {} : { vatTotalInAccountingCurrency: vatInAccounting }),
    ...(paid === undefined ? {} : { paidAmount: paid }),
    ...(rounding === undefined ? {} : { roundingAmount: rounding }),
    amountDue: roundAmount(amountDue),
  };
  return { ...doc, lines, allowanceCharges, vatBreakdown, totals };
}
