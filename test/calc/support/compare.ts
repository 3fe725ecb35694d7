/**
 * TEST-ONLY: lists where a calculated document differs from the totals a file states.
 */
import type { Decimal } from '../../../src/model/decimal.js';
import type { CalculableDocument } from '../../../src/calc/types.js';
import { vatBreakdownKey } from '../../../src/calc/vat-breakdown.js';

const TOTAL_TERMS = {
  lineNetTotal: 'BT-106',
  allowanceTotal: 'BT-107',
  chargeTotal: 'BT-108',
  totalWithoutVat: 'BT-109',
  vatTotal: 'BT-110',
  vatTotalInAccountingCurrency: 'BT-111',
  totalWithVat: 'BT-112',
  paidAmount: 'BT-113',
  roundingAmount: 'BT-114',
  amountDue: 'BT-115',
} as const;

function same(a: Decimal | undefined, b: Decimal | undefined): boolean {
  if (a === undefined || b === undefined) return (a === undefined || a.isZero()) && (b === undefined || b.isZero());
  return a.eq(b);
}
const show = (d: Decimal | undefined): string => (d === undefined ? '(none)' : d.toFixed());

/**
 * Every stated amount that the calculation does not reproduce, as `BT-x stated -> calculated`.
 *
 * @param stated - the document as read
 * @param calculated - calculateTotals(stated)
 */
export function differences(stated: CalculableDocument, calculated: CalculableDocument): string[] {
  const out: string[] = [];
  for (const [key, term] of Object.entries(TOTAL_TERMS) as [keyof typeof TOTAL_TERMS, string][]) {
    const a = stated.totals[key];
    const b = calculated.totals[key];
    if (!same(a, b)) out.push(`${term} ${show(a)} -> ${show(b)}`);
  }
  stated.lines.forEach((line, i) => {
    const c = calculated.lines[i];
    if (c === undefined || !line.netAmount.eq(c.netAmount)) out.push(`BT-131 line ${line.id}: ${show(line.netAmount)} -> ${show(c?.netAmount)}`);
  });
  stated.allowanceCharges.forEach((ac, i) => {
    const c = calculated.allowanceCharges[i];
    if (c === undefined || !ac.amount.eq(c.amount)) out.push(`${ac.kind === 'allowance' ? 'BT-92' : 'BT-99'} #${i + 1}: ${show(ac.amount)} -> ${show(c?.amount)}`);
  });
  const calc = new Map(calculated.vatBreakdown.map((e) => [vatBreakdownKey(e.category), e] as const));
  const seen = new Set<string>();
  for (const e of stated.vatBreakdown) {
    const key = vatBreakdownKey(e.category);
    seen.add(key);
    const c = calc.get(key);
    if (c === undefined) {
      out.push(`BG-23 ${key}: stated, not calculated`);
      continue;
    }
    if (!e.taxableAmount.eq(c.taxableAmount)) out.push(`BT-116 ${key}: ${show(e.taxableAmount)} -> ${show(c.taxableAmount)}`);
    if (!e.taxAmount.eq(c.taxAmount)) out.push(`BT-117 ${key}: ${show(e.taxAmount)} -> ${show(c.taxAmount)}`);
  }
  for (const key of calc.keys()) if (!seen.has(key)) out.push(`BG-23 ${key}: calculated, not stated`);
  return out;
}
