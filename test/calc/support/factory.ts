/**
 * TEST-ONLY: small model objects for calculation tests, amounts as text.
 */
import { Decimal } from '../../../src/model/decimal.js';
import type { DocumentAllowanceCharge, LineAllowanceCharge } from '../../../src/model/allowance-charge.js';
import type { Line } from '../../../src/model/line.js';
import type { VatCheckDocument } from '../../../src/calc/vat-categories.js';

export const d = (text: string): Decimal => new Decimal(text);

export interface LineSpec {
  readonly quantity: string;
  readonly price: string;
  readonly category?: string;
  readonly rate?: string | null;
  readonly baseQuantity?: string;
  readonly grossPrice?: string;
  readonly discount?: string;
  readonly allowanceCharges?: readonly LineAllowanceCharge[];
}

export function makeLine(spec: LineSpec, index = 0): Line {
  const rate = spec.rate === null ? undefined : (spec.rate ?? '25');
  return {
    id: String(index + 1),
    quantity: d(spec.quantity),
    unitCode: 'C62',
    netAmount: d('0'),
    allowanceCharges: spec.allowanceCharges ?? [],
    item: {
      name: `Item ${index + 1}`,
      classifications: [],
      attributes: [],
      vatCategory: { code: spec.category ?? 'S', ...(rate === undefined ? {} : { rate: d(rate) }) },
    },
    price: {
      netPrice: d(spec.price),
      ...(spec.baseQuantity === undefined ? {} : { baseQuantity: d(spec.baseQuantity) }),
      ...(spec.grossPrice === undefined ? {} : { grossPrice: d(spec.grossPrice) }),
      ...(spec.discount === undefined ? {} : { discount: d(spec.discount) }),
    },
  };
}

export function docAc(kind: 'allowance' | 'charge', amount: string, category = 'S', rate: string | null = '25', extra: Partial<Pick<DocumentAllowanceCharge, 'baseAmount' | 'percentage'>> = {}): DocumentAllowanceCharge {
  return { kind, amount: d(amount), reason: kind === 'allowance' ? 'Discount' : 'Freight', vatCategory: { code: category, ...(rate === null ? {} : { rate: d(rate) }) }, ...extra };
}

export function makeDoc(lines: readonly LineSpec[], rest: Partial<VatCheckDocument> = {}): VatCheckDocument {
  return {
    currencyCode: 'EUR',
    lines: lines.map(makeLine),
    allowanceCharges: [],
    vatBreakdown: [],
    totals: { lineNetTotal: d('0'), totalWithoutVat: d('0'), totalWithVat: d('0'), amountDue: d('0') },
    seller: { vatIdentifier: 'SE556677889901', postalAddress: { countryCode: 'SE' } },
    buyer: { vatIdentifier: 'NO999888777MVA', postalAddress: { countryCode: 'NO' } },
    ...rest,
  };
}
