/**
 * The builders: friendly input in, a complete, calculated self-billed document (or issues) out.
 */
import { calculateAllowanceChargeAmount } from '../calc/allowance-charge.js';
import { safeCalculateTotals } from '../calc/totals.js';
import { checkVatCategories, VAT_CATEGORIES } from '../calc/vat-categories.js';
import { Decimal } from '../model/decimal.js';
import {
  SelfBilledDocumentSchema,
  type SelfBilledCreditNote,
  type SelfBilledDebitNote,
  type SelfBilledDocument,
  type SelfBilledInvoice,
} from '../model/document.js';
import type { Issue, Result } from '../model/result.js';
import { issuesFromZod } from './issues.js';
import { SelfBilledInputSchema, type ParsedSelfBilledInput, type SelfBilledInput } from './input.js';

/**
 * Options of the builders, resolved once.
 *
 * @example
 * const options: BuildOptions = { defaultCurrency: 'EUR', issueDate: '2024-04-01' };
 */
export interface BuildOptions {
  /** BT-5 when the input has no `currencyCode`. No built-in default: a wrong currency is worse than an issue. */
  readonly defaultCurrency?: string;
  /** BT-2 when the input has no `issueDate`. The builders are pure and never read the clock. */
  readonly issueDate?: string;
  /** Invoice builder only: `389` self-billed invoice (default) or `527` self-billed debit note. */
  readonly typeCode?: '389' | '527';
  /** Exchange rate BT-5 -> BT-6 for BT-111, see `CalculateOptions.vatAccountingRate`. */
  readonly vatAccountingRate?: Decimal | string;
}

const ZERO = new Decimal(0);

function error(code: string, path: string, businessTerm: string, message: string): Issue {
  return { code, severity: 'error', path, businessTerm, message };
}

/** Amounts of allowances and charges: computed from percentage and base, or as stated. */
function resolveAllowanceAmount(
  ac: { readonly kind: 'allowance' | 'charge'; readonly amount?: Decimal | undefined; readonly percentage?: Decimal | undefined; readonly baseAmount?: Decimal | undefined },
  path: string,
  level: 'document' | 'line',
  issues: Issue[],
): Decimal {
  const allowance = ac.kind === 'allowance';
  const t =
    level === 'document'
      ? allowance ? ['BT-92', 'BT-93', 'BT-94'] : ['BT-99', 'BT-100', 'BT-101']
      : allowance ? ['BT-136', 'BT-137', 'BT-138'] : ['BT-141', 'BT-142', 'BT-143'];
  const [amountTerm, baseTerm, pctTerm] = t as [string, string, string];
  if (ac.percentage !== undefined && ac.baseAmount !== undefined) {
    const computed = calculateAllowanceChargeAmount({ amount: ZERO, percentage: ac.percentage, baseAmount: ac.baseAmount });
    if (ac.amount !== undefined && computed.isFinite() && ac.amount.isFinite() && !ac.amount.eq(computed)) {
      issues.push(error('PEPPOL-EN16931-R040', `${path}.amount`, amountTerm, `${amountTerm} ${ac.kind} amount ${ac.amount.toFixed()} is not ${baseTerm} base amount x ${pctTerm} percentage / 100 = ${computed.toFixed(2)}: leave the amount out and it is computed.`));
    }
    return computed;
  }
  if (ac.amount === undefined) {
    if (ac.percentage !== undefined) {
      issues.push(error('PEPPOL-EN16931-R041', `${path}.baseAmount`, baseTerm, `The ${level} ${ac.kind} has a percentage (${pctTerm}) but no base amount (${baseTerm}): give the base amount the percentage applies to, or state the amount (${amountTerm}).`));
    } else {
      issues.push(error('MISSING-FIELD', `${path}.amount`, amountTerm, `The ${level} ${ac.kind} needs an amount (${amountTerm}), or a percentage (${pctTerm}) with a base amount (${baseTerm}).`));
    }
    return ZERO;
  }
  return ac.amount;
}

/** Breakdown entries that only carry exemption reasons; the calculation fills in the amounts. */
function exemptionEntries(input: ParsedSelfBilledInput) {
  const given = new Map(input.vatExemptions.map((e) => [e.category, e] as const));
  const used = new Set([...input.lines.map((l) => l.item.vatCategory.code), ...input.allowanceCharges.map((ac) => ac.vatCategory.code)]);
  const entries = [];
  for (const code of used) {
    const rules = VAT_CATEGORIES.get(code);
    const e = given.get(code);
    const reasonCode = e?.reasonCode ?? (e?.reason === undefined ? rules?.defaultExemptionReasonCode : undefined);
    const reason = e?.reason ?? (e?.reasonCode === undefined ? rules?.defaultExemptionReason : undefined);
    if (reasonCode === undefined && reason === undefined) continue;
    entries.push({
      taxableAmount: ZERO,
      taxAmount: ZERO,
      category: { code, ...(reasonCode === undefined ? {} : { exemptionReasonCode: reasonCode }), ...(reason === undefined ? {} : { exemptionReason: reason }) },
    });
  }
  return entries;
}

type Kind = { readonly documentType: 'Invoice'; readonly typeCode: '389' | '527' } | { readonly documentType: 'CreditNote'; readonly typeCode: '261' };

/**
 * Shared by both builders: validate, default, assemble, calculate, check.
 */
function build(kind: Kind, input: unknown, options: BuildOptions): Result<SelfBilledDocument> {
  const parsed = SelfBilledInputSchema.safeParse(input);
  if (!parsed.success) return { success: false, issues: issuesFromZod(SelfBilledInputSchema, parsed.error) };
  const data = parsed.data;
  const issues: Issue[] = [];

  const currencyCode = data.currencyCode ?? options.defaultCurrency;
  if (currencyCode === undefined) {
    issues.push(error('BR-05', 'currencyCode', 'BT-5', 'BT-5 Invoice currency code is missing: set currencyCode to an ISO 4217 code such as "EUR", or pass options.defaultCurrency.'));
  }
  const issueDate = data.issueDate ?? options.issueDate;
  if (issueDate === undefined) {
    issues.push(error('MISSING-FIELD', 'issueDate', 'BT-2', 'BT-2 Invoice issue date is missing: set issueDate ("YYYY-MM-DD") or pass options.issueDate (the builder never reads the clock).'));
  }
  if (data.vatAccountingCurrencyCode !== undefined) {
    if (data.vatAccountingCurrencyCode === currencyCode) {
      issues.push(error('PEPPOL-EN16931-R005', 'vatAccountingCurrencyCode', 'BT-6', 'BT-6 VAT accounting currency code must differ from the invoice currency (BT-5): leave it out when VAT is accounted in the invoice currency.'));
    }
    if (data.vatTotalInAccountingCurrency === undefined && options.vatAccountingRate === undefined) {
      issues.push(error('BR-53', 'vatTotalInAccountingCurrency', 'BT-111', 'With a VAT accounting currency (BT-6) the VAT total in that currency (BT-111) is required: give vatTotalInAccountingCurrency, or options.vatAccountingRate to compute it.'));
    }
  }

  const lines = data.lines.map((line, i) => ({
    ...line,
    id: line.id ?? String(i + 1),
    netAmount: ZERO,
    allowanceCharges: line.allowanceCharges.map((ac, j) => ({ ...ac, amount: resolveAllowanceAmount(ac, `lines.${i}.allowanceCharges.${j}`, 'line', issues) })),
  }));
  const allowanceCharges = data.allowanceCharges.map((ac, j) => ({ ...ac, amount: resolveAllowanceAmount(ac, `allowanceCharges.${j}`, 'document', issues) }));
  if (issues.length > 0) return { success: false, issues };

  const { paidAmount, roundingAmount, vatTotalInAccountingCurrency, vatExemptions: _exemptions, ...fields } = data;
  const assembled = {
    ...fields,
    ...kind,
    currencyCode,
    issueDate,
    lines,
    allowanceCharges,
    vatBreakdown: exemptionEntries(data),
    totals: {
      lineNetTotal: ZERO,
      totalWithoutVat: ZERO,
      totalWithVat: ZERO,
      amountDue: ZERO,
      ...(paidAmount === undefined ? {} : { paidAmount }),
      ...(roundingAmount === undefined ? {} : { roundingAmount }),
      ...(vatTotalInAccountingCurrency === undefined ? {} : { vatTotalInAccountingCurrency }),
    },
  };
  // The model schema applies the identifier defaults (BT-23, BT-24) and the checks that need
  // the whole object (allowance/charge reason code lists, BR-CL-19/20).
  const model = SelfBilledDocumentSchema.safeParse(assembled);
  if (!model.success) return { success: false, issues: issuesFromZod(SelfBilledDocumentSchema, model.error) };

  const calculated = safeCalculateTotals(model.data as SelfBilledDocument, options.vatAccountingRate === undefined ? {} : { vatAccountingRate: options.vatAccountingRate });
  if (!calculated.success) return calculated;
  const all = [...calculated.issues, ...checkVatCategories(calculated.data)];
  if (kind.documentType === 'CreditNote' && calculated.data.precedingInvoices.length === 0) {
    all.push({ code: 'CREDIT-NOTE-WITHOUT-REFERENCE', severity: 'warning', path: 'precedingInvoices', businessTerm: 'BG-3', message: 'A credit note should name the invoice it credits (BG-3 preceding invoice reference): set precedingInvoices, so the seller can reconcile it.' });
  }
  if (all.some((i) => i.severity === 'error')) return { success: false, issues: all };
  return { success: true, data: calculated.data, issues: all };
}

/**
 * Builds a self-billed invoice (UBL Invoice, type code 389; 527 self-billed debit note with
 * `options.typeCode`): validates the input, applies the defaults (self-billing
 * CustomizationID BT-24 and ProfileID BT-23, line ids, unit code C62, standard exemption
 * reasons for AE, K, G and O), computes every amount (`calculateTotals`) and checks the VAT
 * category rules (`checkVatCategories`).
 *
 * @param input - the friendly input, see {@link SelfBilledInput}
 * @param options - see {@link BuildOptions}
 * @returns the complete, calculated document, or issues that name the business term and the fix
 * @example
 * const r = createSelfBilledInvoice({
 *   invoiceNumber: 'SB-2024-001', issueDate: '2024-04-01', currencyCode: 'EUR', buyerReference: 'PO-77',
 *   seller: { name: 'Supplier AB', endpoint: { id: '7300010000001', schemeId: '0088' }, postalAddress: { countryCode: 'SE' }, vatIdentifier: 'SE556677889901' },
 *   buyer: { name: 'Customer AS', endpoint: { id: '987654325', schemeId: '0192' }, postalAddress: { countryCode: 'NO' } },
 *   lines: [{ quantity: '7', unitCode: 'DAY', item: { name: 'Consulting', vatCategory: { code: 'S', rate: '25' } }, price: { netPrice: '400' } }],
 * });
 * if (r.success) r.data.totals.amountDue.toFixed(2); // '3500.00'
 */
export function createSelfBilledInvoice(input: SelfBilledInput, options: BuildOptions = {}): Result<SelfBilledInvoice | SelfBilledDebitNote> {
  return build({ documentType: 'Invoice', typeCode: options.typeCode ?? '389' }, input, options) as Result<SelfBilledInvoice | SelfBilledDebitNote>;
}

/**
 * Builds a self-billed credit note (UBL CreditNote, type code 261). Amounts are positive (a
 * credit note credits by its nature); name the credited invoice in `precedingInvoices`
 * (BG-3), or get a warning. To credit an existing invoice in full, use `createCorrection`.
 *
 * @param input - the friendly input, see {@link SelfBilledInput}
 * @param options - see {@link BuildOptions} (`typeCode` is ignored)
 * @returns the complete, calculated credit note, or issues
 * @example
 * const r = createSelfBilledCreditNote({ ...input, invoiceNumber: 'SBC-1', precedingInvoices: [{ id: 'SB-2024-001', issueDate: '2024-04-01' }] });
 */
export function createSelfBilledCreditNote(input: SelfBilledInput, options: BuildOptions = {}): Result<SelfBilledCreditNote> {
  return build({ documentType: 'CreditNote', typeCode: '261' }, input, options) as Result<SelfBilledCreditNote>;
}
