/**
 * Benchmark of the calculation (not a test): `calculateTotals` on a 1000-line invoice.
 * The lead wires it into `npm run bench`; target: median under 20 ms.
 */
import { calculateTotals } from '../src/calc/totals.js';
import { Decimal } from '../src/model/decimal.js';
import type { SelfBilledInvoice } from '../src/model/document.js';
import type { Line } from '../src/model/line.js';

const CATEGORIES = [
  { code: 'S', rate: new Decimal('25') },
  { code: 'S', rate: new Decimal('12') },
  { code: 'Z', rate: new Decimal('0') },
] as const;

/** A 1000-line invoice with prices of four decimals, base quantities, line allowances and document charges. */
function invoice(lineCount: number): SelfBilledInvoice {
  const lines: Line[] = Array.from({ length: lineCount }, (_, i) => ({
    id: String(i + 1),
    quantity: new Decimal(`${(i % 17) + 1}.5`),
    unitCode: 'C62',
    netAmount: new Decimal(0),
    allowanceCharges: i % 5 === 0 ? [{ kind: 'allowance' as const, reason: 'Discount', amount: new Decimal(0), baseAmount: new Decimal('100'), percentage: new Decimal('2.5') }] : [],
    item: { name: `Item ${i}`, classifications: [], attributes: [], vatCategory: CATEGORIES[i % 3]! },
    price: { netPrice: new Decimal(`${i % 100}.${String(i % 9973).padStart(4, '0')}`), ...(i % 7 === 0 ? { baseQuantity: new Decimal('3') } : {}) },
  }));
  return {
    documentType: 'Invoice',
    typeCode: '389',
    customizationId: 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:selfbilling:3.0',
    profileId: 'urn:fdc:peppol.eu:2017:poacc:selfbilling:01:1.0',
    invoiceNumber: 'BENCH-1',
    issueDate: '2024-04-01',
    notes: [],
    currencyCode: 'EUR',
    precedingInvoices: [],
    supportingDocuments: [],
    seller: { name: 'Supplier AB', endpoint: { id: '7300010000001', schemeId: '0088' }, identifiers: [], postalAddress: { countryCode: 'SE' }, vatIdentifier: 'SE556677889901' },
    buyer: { name: 'Customer AS', endpoint: { id: '987654321', schemeId: '0192' }, identifiers: [], postalAddress: { countryCode: 'NO' } },
    paymentInstructions: [],
    allowanceCharges: [{ kind: 'charge', reason: 'Freight', amount: new Decimal('25'), vatCategory: { code: 'S', rate: new Decimal('25') } }],
    vatBreakdown: [],
    totals: { lineNetTotal: new Decimal(0), totalWithoutVat: new Decimal(0), totalWithVat: new Decimal(0), amountDue: new Decimal(0) },
    lines,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Times `calculateTotals` on a 1000-line invoice: 20 warm-up runs, then the median of 100.
 *
 * @returns one entry per measured case
 * @example
 * for (const { name, medianMs } of await benchCalc()) console.log(name, medianMs.toFixed(2), 'ms');
 */
export async function benchCalc(): Promise<{ name: string; medianMs: number }[]> {
  const doc = invoice(1000);
  for (let i = 0; i < 20; i++) calculateTotals(doc);
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const start = performance.now();
    calculateTotals(doc);
    times.push(performance.now() - start);
  }
  return [{ name: 'calculateTotals, 1000-line invoice', medianMs: median(times) }];
}
