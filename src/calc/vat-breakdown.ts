/**
 * BG-23 VAT BREAKDOWN: one entry per (VAT category code, VAT rate).
 */
import type { DocumentAllowanceCharge } from '../model/allowance-charge.js';
import { Decimal } from '../model/decimal.js';
import type { Line } from '../model/line.js';
import type { VatBreakdown, VatCategory } from '../model/tax.js';
import { roundAmount } from './rounding.js';

/**
 * The key that groups lines, allowances and charges into one VAT breakdown entry: the
 * category code and the rate as a number (`25`, `25.0` and `25.00` are one rate), or no
 * rate (category O, BR-O-05..07).
 *
 * @param category - a VAT category with optional rate
 * @returns a string key such as `S|25` or `O|`
 * @example
 * vatBreakdownKey({ code: 'S', rate: new Decimal('25.00') }); // 'S|25'
 */
export function vatBreakdownKey(category: { readonly code: string; readonly rate?: Decimal | undefined }): string {
  return `${category.code}|${category.rate === undefined ? '' : category.rate.toFixed()}`;
}

/**
 * The VAT category tax amount (BT-117), BR-CO-17: `round(BT-116 x BT-119 / 100, 2)`, half
 * away from zero, computed once per (category, rate) from the category's taxable amount.
 * No rate (category O) means no tax.
 *
 * Why once per category and not per line: EN 16931 defines BT-117 on the breakdown
 * (BR-CO-17, BR-S-09) and every receiver checks it there. Summing per-line rounded VAT can
 * differ from it by up to half a cent per line, which the rules would reject.
 *
 * @param taxableAmount - BT-116, exact with two decimals
 * @param rate - BT-119 in percent, absent for category O
 * @returns BT-117 with two decimals
 * @example
 * calculateVatAmount(new Decimal('-2141.19'), new Decimal('5.5')).toFixed(2); // '-117.77'
 */
export function calculateVatAmount(taxableAmount: Decimal, rate: Decimal | undefined): Decimal {
  if (rate === undefined) return roundAmount(new Decimal(0));
  return roundAmount(taxableAmount.times(rate).dividedBy(100));
}

interface Group {
  category: VatCategory;
  taxable: Decimal;
}

/**
 * Builds the VAT breakdown (BG-23) from calculated lines and document level allowances and
 * charges: BT-116 is the exact sum of the line net amounts (BT-131) plus charges (BT-99)
 * minus allowances (BT-92) of the (category, rate) (BR-S-08, BR-Z-08, BR-E-08, BR-AE-08,
 * BR-IC-08, BR-G-08, BR-O-08, BR-AF-08, BR-AG-08), and BT-117 is computed by
 * {@link calculateVatAmount}.
 *
 * The exemption reason code and text (BT-121/BT-120) are not derivable from the lines
 * (BG-30 has no reason), so they are taken from `previous` (the entry with the same key, or
 * failing that the same category code). Entries keep the order of `previous`; new ones follow
 * in order of first use (lines first, then allowances and charges).
 *
 * @param lines - lines with calculated net amounts
 * @param allowanceCharges - document level allowances and charges with calculated amounts
 * @param previous - the document's current breakdown, read for exemption reasons and order
 * @returns the new breakdown
 * @example
 * const breakdown = calculateVatBreakdown(doc.lines, doc.allowanceCharges, doc.vatBreakdown);
 */
export function calculateVatBreakdown(
  lines: readonly Line[],
  allowanceCharges: readonly DocumentAllowanceCharge[],
  previous: readonly VatBreakdown[] = [],
): VatBreakdown[] {
  const groups = new Map<string, Group>();
  // Reserve the previous order first; groups nobody uses are dropped below.
  for (const entry of previous) {
    const key = vatBreakdownKey(entry.category);
    if (!groups.has(key)) groups.set(key, { category: { code: entry.category.code, rate: entry.category.rate }, taxable: new Decimal(0) });
  }
  const used = new Set<string>();
  const add = (category: VatCategory, amount: Decimal): void => {
    const key = vatBreakdownKey(category);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { category, taxable: amount });
    else group.taxable = group.taxable.plus(amount);
    used.add(key);
  };
  for (const line of lines) add(line.item.vatCategory, line.netAmount);
  for (const ac of allowanceCharges) add(ac.vatCategory, ac.kind === 'charge' ? ac.amount : ac.amount.negated());

  const byKey = new Map(previous.map((e) => [vatBreakdownKey(e.category), e] as const));
  const byCode = new Map<string, VatBreakdown>();
  for (const e of previous) if (!byCode.has(e.category.code)) byCode.set(e.category.code, e);

  const result: VatBreakdown[] = [];
  for (const [key, group] of groups) {
    if (!used.has(key)) continue;
    const reasonSource = byKey.get(key) ?? byCode.get(group.category.code);
    const rate = group.category.rate;
    result.push({
      taxableAmount: roundAmount(group.taxable),
      taxAmount: calculateVatAmount(group.taxable, rate),
      category: {
        code: group.category.code,
        ...(rate === undefined ? {} : { rate }),
        ...(reasonSource?.category.exemptionReasonCode === undefined ? {} : { exemptionReasonCode: reasonSource.category.exemptionReasonCode }),
        ...(reasonSource?.category.exemptionReason === undefined ? {} : { exemptionReason: reasonSource.category.exemptionReason }),
      },
    });
  }
  return result;
}
