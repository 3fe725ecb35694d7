/**
 * Checks that a document's numbers can be calculated with exactly, before any arithmetic.
 */
import { VAT_CATEGORY_CODES } from '../model/codes/index.js';
import { Decimal } from '../model/decimal.js';
import type { Issue } from '../model/result.js';
import type { CalculableDocument } from './types.js';

/**
 * Largest magnitude accepted for an amount, quantity, price or percentage (exclusive).
 * With at most {@link MAX_SIGNIFICANT_DIGITS} significant digits per value, every product
 * of two values has at most 50 significant digits, which the package's Decimal (precision
 * 50) holds exactly: a quantity x price is never rounded before the one rounding to cents.
 */
export const MAX_MAGNITUDE = new Decimal('1e15');
/** See {@link MAX_MAGNITUDE}. */
export const MAX_SIGNIFICANT_DIGITS = 25;

/** Issue codes that make a calculation impossible (the others are rule findings). */
export const UNCOMPUTABLE_CODES: ReadonlySet<string> = new Set(['NOT-A-NUMBER', 'NUMBER-OUT-OF-RANGE', 'PEPPOL-EN16931-R121']);

interface Where {
  readonly path: string;
  readonly term: string;
  readonly name: string;
}

function checkNumber(value: Decimal | undefined, at: Where, issues: Issue[]): void {
  if (value === undefined) return;
  if (!Decimal.isDecimal(value) || !value.isFinite()) {
    issues.push({
      code: 'NOT-A-NUMBER',
      severity: 'error',
      path: at.path,
      businessTerm: at.term,
      message: `${at.term} ${at.name} is not a finite number: write a decimal such as "12.50".`,
    });
    return;
  }
  if (value.abs().gte(MAX_MAGNITUDE) || value.sd(false) > MAX_SIGNIFICANT_DIGITS) {
    issues.push({
      code: 'NUMBER-OUT-OF-RANGE',
      severity: 'error',
      path: at.path,
      businessTerm: at.term,
      message: `${at.term} ${at.name} ${value.toFixed()} is out of range: use less than 15 digits before the decimal point and at most ${MAX_SIGNIFICANT_DIGITS} significant digits, so the calculation stays exact.`,
    });
  }
}

function checkCategory(code: string, at: Where, issues: Issue[]): void {
  if (VAT_CATEGORY_CODES.has(code)) return;
  issues.push({
    code: 'BR-CL-18',
    severity: 'error',
    path: at.path,
    businessTerm: at.term,
    message: `${at.term} ${at.name} "${code}" is not a VAT category of UNCL 5305: use one of ${[...VAT_CATEGORY_CODES.keys()].join(', ')}.`,
  });
}

interface AllowanceChargeLike {
  readonly kind: 'allowance' | 'charge';
  readonly amount: Decimal;
  readonly baseAmount?: Decimal | undefined;
  readonly percentage?: Decimal | undefined;
}

function checkAllowanceCharge(ac: AllowanceChargeLike, path: string, level: 'document' | 'line', issues: Issue[]): void {
  const allowance = ac.kind === 'allowance';
  const terms =
    level === 'document'
      ? allowance ? { amount: 'BT-92', base: 'BT-93', pct: 'BT-94' } : { amount: 'BT-99', base: 'BT-100', pct: 'BT-101' }
      : allowance ? { amount: 'BT-136', base: 'BT-137', pct: 'BT-138' } : { amount: 'BT-141', base: 'BT-142', pct: 'BT-143' };
  const what = `${level === 'document' ? 'Document level' : 'Invoice line'} ${ac.kind}`;
  checkNumber(ac.amount, { path: `${path}.amount`, term: terms.amount, name: `${what} amount` }, issues);
  checkNumber(ac.baseAmount, { path: `${path}.baseAmount`, term: terms.base, name: `${what} base amount` }, issues);
  checkNumber(ac.percentage, { path: `${path}.percentage`, term: terms.pct, name: `${what} percentage` }, issues);
  if (ac.percentage !== undefined && ac.baseAmount === undefined) {
    // PEPPOL-EN16931-R041: without a base the percentage cannot be checked or applied.
    issues.push({
      code: 'PEPPOL-EN16931-R041',
      severity: 'error',
      path: `${path}.baseAmount`,
      businessTerm: terms.base,
      message: `${what} has a percentage (${terms.pct}) but no base amount (${terms.base}): give the base amount the percentage applies to, or drop the percentage and state the amount.`,
    });
  }
  if (ac.baseAmount !== undefined && ac.percentage === undefined) {
    issues.push({
      code: 'PEPPOL-EN16931-R042',
      severity: 'error',
      path: `${path}.percentage`,
      businessTerm: terms.pct,
      message: `${what} has a base amount (${terms.base}) but no percentage (${terms.pct}): give the percentage, or drop the base amount.`,
    });
  }
}

/**
 * Finds what stops an exact calculation, or breaks a rule the calculation relies on:
 * non-finite or out-of-range numbers, a missing currency (BR-05), an unknown VAT category
 * (BR-CL-18), a price base quantity that is not positive (PEPPOL-EN16931-R121), a negative
 * price (BR-27, BR-28), a percentage without base amount or the reverse
 * (PEPPOL-EN16931-R041/R042).
 *
 * @param doc - the document (or the part of it the calculation reads)
 * @returns the findings, all with severity `error`; empty when the document can be calculated
 * @example
 * checkCalculationInput(doc).filter((i) => i.code === 'PEPPOL-EN16931-R041');
 */
export function checkCalculationInput(doc: CalculableDocument): Issue[] {
  const issues: Issue[] = [];
  if (typeof doc.currencyCode !== 'string' || doc.currencyCode.trim() === '') {
    issues.push({
      code: 'BR-05',
      severity: 'error',
      path: 'currencyCode',
      businessTerm: 'BT-5',
      message: 'BT-5 Invoice currency code is missing: set currencyCode to an ISO 4217 code such as "EUR".',
    });
  }
  doc.lines.forEach((line, i) => {
    const p = `lines.${i}`;
    checkNumber(line.quantity, { path: `${p}.quantity`, term: 'BT-129', name: 'Invoiced quantity' }, issues);
    checkNumber(line.price.netPrice, { path: `${p}.price.netPrice`, term: 'BT-146', name: 'Item net price' }, issues);
    checkNumber(line.price.grossPrice, { path: `${p}.price.grossPrice`, term: 'BT-148', name: 'Item gross price' }, issues);
    checkNumber(line.price.discount, { path: `${p}.price.discount`, term: 'BT-147', name: 'Item price discount' }, issues);
    checkNumber(line.price.baseQuantity, { path: `${p}.price.baseQuantity`, term: 'BT-149', name: 'Item price base quantity' }, issues);
    checkNumber(line.item.vatCategory.rate, { path: `${p}.item.vatCategory.rate`, term: 'BT-152', name: 'Invoiced item VAT rate' }, issues);
    checkCategory(line.item.vatCategory.code, { path: `${p}.item.vatCategory.code`, term: 'BT-151', name: 'Invoiced item VAT category code' }, issues);
    const base = line.price.baseQuantity;
    if (base !== undefined && base.isFinite() && !base.gt(0)) {
      issues.push({
        code: 'PEPPOL-EN16931-R121',
        severity: 'error',
        path: `${p}.price.baseQuantity`,
        businessTerm: 'BT-149',
        message: `BT-149 Item price base quantity must be above zero (the price is per that many units): got ${base.toFixed()}; leave it out for a price per unit.`,
      });
    }
    if (line.price.netPrice.isNegative() && !line.price.netPrice.isZero()) {
      issues.push({
        code: 'BR-27',
        severity: 'error',
        path: `${p}.price.netPrice`,
        businessTerm: 'BT-146',
        message: 'BT-146 Item net price must not be negative: to credit, make the quantity (BT-129) negative and keep the price positive.',
      });
    }
    if (line.price.grossPrice?.isNegative() === true && !line.price.grossPrice.isZero()) {
      issues.push({
        code: 'BR-28',
        severity: 'error',
        path: `${p}.price.grossPrice`,
        businessTerm: 'BT-148',
        message: 'BT-148 Item gross price must not be negative.',
      });
    }
    line.allowanceCharges.forEach((ac, j) => checkAllowanceCharge(ac, `${p}.allowanceCharges.${j}`, 'line', issues));
  });
  doc.allowanceCharges.forEach((ac, j) => {
    const p = `allowanceCharges.${j}`;
    checkAllowanceCharge(ac, p, 'document', issues);
    const [codeTerm, rateTerm] = ac.kind === 'allowance' ? ['BT-95', 'BT-96'] : ['BT-102', 'BT-103'];
    checkCategory(ac.vatCategory.code, { path: `${p}.vatCategory.code`, term: codeTerm, name: `Document level ${ac.kind} VAT category code` }, issues);
    checkNumber(ac.vatCategory.rate, { path: `${p}.vatCategory.rate`, term: rateTerm, name: `Document level ${ac.kind} VAT rate` }, issues);
  });
  checkNumber(doc.totals.paidAmount, { path: 'totals.paidAmount', term: 'BT-113', name: 'Paid amount' }, issues);
  checkNumber(doc.totals.roundingAmount, { path: 'totals.roundingAmount', term: 'BT-114', name: 'Rounding amount' }, issues);
  for (const [key, term, rule, name] of [
    ['paidAmount', 'BT-113', 'BR-DEC-16', 'Paid amount'],
    ['roundingAmount', 'BT-114', 'BR-DEC-17', 'Rounding amount'],
  ] as const) {
    const value = doc.totals[key];
    if (value !== undefined && value.isFinite() && value.decimalPlaces() > 2) {
      // Taken from the input, not computed: more than two decimals would leak into BT-115.
      issues.push({ code: rule, severity: 'error', path: `totals.${key}`, businessTerm: term, message: `${term} ${name} ${value.toFixed()} has more than two decimals: round it to cents.` });
    }
  }
  checkNumber(doc.totals.vatTotalInAccountingCurrency, { path: 'totals.vatTotalInAccountingCurrency', term: 'BT-111', name: 'Invoice total VAT amount in accounting currency' }, issues);
  return issues;
}
