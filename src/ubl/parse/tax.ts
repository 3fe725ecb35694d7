/**
 * VAT: categories on lines and allowances/charges, and `cac:TaxTotal` <-> BT-110, BT-111
 * and BG-23 VAT breakdown.
 */
import { CURRENCY_CODES, VAT_CATEGORY_CODES, VATEX_CODES } from '../../model/codes/index.js';
import type { Decimal } from '../../model/decimal.js';
import type { VatBreakdown, VatCategory } from '../../model/tax.js';
import type { ReadContext, TermLabel } from './context.js';
import { defined, MISSING_AMOUNT } from './util.js';
import type { XmlElement } from './xml.js';

/**
 * Reads a VAT category element (`cac:TaxCategory`, `cac:ClassifiedTaxCategory`): `cbc:ID`
 * (UNCL 5305), `cbc:Percent`, and the tax scheme, which must be VAT in Peppol.
 *
 * @param ctx - reading context
 * @param parent - element that holds the category (for the missing-path)
 * @param el - the category element, or undefined when absent
 * @param key - the category element key under `parent`
 * @param codeTerm - label of the category code term
 * @param rateTerm - label of the rate term
 * @returns the category ('' code after an error)
 * @example
 * readVatCategory(ctx, item, ctx.one(item, 'cac:ClassifiedTaxCategory'), 'cac:ClassifiedTaxCategory', 'BT-151 Invoiced item VAT category code', 'BT-152 Invoiced item VAT rate');
 */
export function readVatCategory(
  ctx: ReadContext,
  parent: XmlElement,
  el: XmlElement | undefined,
  key: string,
  codeTerm: TermLabel,
  rateTerm: TermLabel,
): VatCategory {
  if (el === undefined) {
    ctx.missing(parent, `${key}/cbc:ID`, codeTerm);
    return { code: '' };
  }
  const code = ctx.code(el, 'cbc:ID', VAT_CATEGORY_CODES, 'UNCL 5305', codeTerm, { required: true }) ?? '';
  readTaxScheme(ctx, el);
  return defined({ code, rate: ctx.decimal(el, 'cbc:Percent', rateTerm) });
}

/** The scheme is fixed to VAT in the model; anything else is kept out with a warning. */
function readTaxScheme(ctx: ReadContext, category: XmlElement): void {
  const schemeEl = ctx.one(ctx.one(category, 'cac:TaxScheme'), 'cbc:ID');
  const scheme = schemeEl?.text();
  if (schemeEl !== undefined && scheme !== 'VAT') {
    ctx.report(
      'warning',
      'DROPPED-VALUE',
      `Tax scheme "${scheme ?? ''}" is not kept: the model handles VAT only and writes cac:TaxScheme/cbc:ID "VAT".`,
      schemeEl,
    );
  }
}

/** BT-110, BT-111 and BG-23 as read from the TaxTotal elements. */
export interface TaxTotals {
  readonly vatTotal?: Decimal | undefined;
  readonly vatTotalInAccountingCurrency?: Decimal | undefined;
  readonly breakdown: VatBreakdown[];
}

/**
 * Reads the `cac:TaxTotal` elements. The one whose TaxAmount is in the VAT accounting
 * currency (BT-6, differing from BT-5) and that has no subtotals is BT-111; the other
 * carries BT-110 and the VAT breakdown (BG-23). A third TaxTotal is reported as unmapped.
 *
 * @param ctx - reading context (its document currency must be set)
 * @param root - the document element
 * @param accountingCurrency - BT-6, when given
 * @returns the tax totals
 * @example
 * const { vatTotal, breakdown } = readTaxTotals(ctx, root, undefined);
 */
export function readTaxTotals(ctx: ReadContext, root: XmlElement, accountingCurrency: string | undefined): TaxTotals {
  let main: XmlElement | undefined;
  let accounting: XmlElement | undefined;
  for (const tt of root.children()) {
    if (tt.key !== 'cac:TaxTotal') continue;
    const amountEl = tt.children().find((c) => c.key === 'cbc:TaxAmount');
    const currency = amountEl?.attributes['currencyID']?.trim();
    const hasSubtotals = tt.children().some((c) => c.key === 'cac:TaxSubtotal');
    const isAccounting =
      accountingCurrency !== undefined && accountingCurrency !== ctx.documentCurrency && currency === accountingCurrency && !hasSubtotals;
    if (isAccounting && accounting === undefined) accounting = tt;
    else if (!isAccounting && main === undefined) main = tt;
    else continue; // stays unread: reported as unmapped
    tt.used = true;
  }
  const breakdown: VatBreakdown[] = [];
  for (const st of ctx.all(main, 'cac:TaxSubtotal')) breakdown.push(readSubtotal(ctx, st));
  return defined({
    vatTotal: ctx.amount(main, 'cbc:TaxAmount', 'BT-110 Invoice total VAT amount', { required: main !== undefined }),
    vatTotalInAccountingCurrency:
      accounting === undefined
        ? undefined
        : ctx.amount(accounting, 'cbc:TaxAmount', 'BT-111 Invoice total VAT amount in accounting currency', {
            required: true,
            ...(accountingCurrency !== undefined && { expectedCurrency: accountingCurrency }),
          }),
    breakdown,
  });
}

function readSubtotal(ctx: ReadContext, st: XmlElement): VatBreakdown {
  const category = ctx.one(st, 'cac:TaxCategory');
  const code = category === undefined ? undefined : ctx.code(category, 'cbc:ID', VAT_CATEGORY_CODES, 'UNCL 5305', 'BT-118 VAT category code', { required: true });
  if (category === undefined) ctx.missing(st, 'cac:TaxCategory/cbc:ID', 'BT-118 VAT category code');
  else readTaxScheme(ctx, category);
  const reasonCode = ctx.code(category, 'cbc:TaxExemptionReasonCode', VATEX_CODES, 'VATEX', 'BT-121 VAT exemption reason code');
  return {
    taxableAmount: ctx.amount(st, 'cbc:TaxableAmount', 'BT-116 VAT category taxable amount', { required: true }) ?? MISSING_AMOUNT,
    taxAmount: ctx.amount(st, 'cbc:TaxAmount', 'BT-117 VAT category tax amount', { required: true }) ?? MISSING_AMOUNT,
    category: defined({
      code: code ?? '',
      rate: ctx.decimal(category, 'cbc:Percent', 'BT-119 VAT category rate'),
      exemptionReasonCode: reasonCode,
      exemptionReason: ctx.text(category, 'cbc:TaxExemptionReason', 'BT-120 VAT exemption reason text'),
    }),
  };
}

/**
 * Checks BT-6 against ISO 4217.
 *
 * @param ctx - reading context
 * @param root - the document element
 * @returns BT-6 or undefined
 * @example
 * readAccountingCurrency(ctx, root); // 'SEK'
 */
export function readAccountingCurrency(ctx: ReadContext, root: XmlElement): string | undefined {
  return ctx.code(root, 'cbc:TaxCurrencyCode', CURRENCY_CODES, 'ISO 4217', 'BT-6 VAT accounting currency code');
}
