/**
 * The part of a document the calculation reads and writes, and its options.
 */
import type { DocumentAllowanceCharge } from '../model/allowance-charge.js';
import type { Decimal } from '../model/decimal.js';
import type { Line } from '../model/line.js';
import type { VatBreakdown } from '../model/tax.js';
import type { DocumentTotals } from '../model/totals.js';

/**
 * What {@link calculateTotals} needs: any `Document` or `SelfBilledDocument` fits, and so
 * does a smaller object in tests. Everything else on the document is passed through.
 *
 * @example
 * const doc: CalculableDocument = selfBilledInvoice;
 */
export interface CalculableDocument {
  /** BT-5 Invoice currency code. */
  readonly currencyCode: string;
  /** BT-6 VAT accounting currency code. */
  readonly vatAccountingCurrencyCode?: string | undefined;
  /** BG-25 Invoice lines. */
  readonly lines: readonly Line[];
  /** BG-20 / BG-21 Document level allowances and charges. */
  readonly allowanceCharges: readonly DocumentAllowanceCharge[];
  /** BG-23 VAT breakdown: recomputed; only its exemption reasons (BT-120/BT-121) are read. */
  readonly vatBreakdown: readonly VatBreakdown[];
  /** BG-22 Document totals: recomputed; only BT-111, BT-113 and BT-114 are read. */
  readonly totals: DocumentTotals;
}

/**
 * Options of {@link calculateTotals}.
 *
 * @example
 * const options: CalculateOptions = { vatAccountingRate: '10.9234' }; // 1 EUR = 10.9234 SEK
 */
export interface CalculateOptions {
  /**
   * Exchange rate from the document currency (BT-5) to the VAT accounting currency (BT-6):
   * units of BT-6 per unit of BT-5. When given, BT-111 = round(BT-110 x rate, 2); when not,
   * the input's BT-111 is kept, because the rate the seller's tax authority prescribes is
   * not part of an EN 16931 document and cannot be derived from it.
   */
  readonly vatAccountingRate?: Decimal | string | undefined;
}
