/**
 * VAT totals: `cac:TaxTotal` with BT-110 and the BG-23 breakdown in the document
 * currency, and a second `cac:TaxTotal` with only BT-111 in the VAT accounting currency.
 */
import type { Document } from '../../model/document.js';
import type { VatBreakdown } from '../../model/tax.js';
import type { UblWriter } from './writer.js';

/**
 * Writes the tax totals. Nothing is written when there is neither BT-110 nor a breakdown.
 *
 * @param w - the writer
 * @param doc - the document (totals, VAT breakdown, BT-6)
 * @throws UblSerializeError `MISSING-REQUIRED` for a breakdown without BT-110 (UBL's
 *   TaxTotal needs its TaxAmount) and for BT-111 without BT-6 (the amount's currencyID)
 * @example
 * writeTaxTotals(w, doc);
 */
export function writeTaxTotals(w: UblWriter, doc: Document): void {
  const totals = w.requiredGroup(doc.totals, 'BG-22 Document totals', 'totals');
  const breakdown = doc.vatBreakdown ?? [];
  if (totals.vatTotal !== undefined || breakdown.length > 0) {
    w.start('cac:TaxTotal');
    w.enter('totals');
    if (totals.vatTotal === undefined) {
      throw w.error('MISSING-REQUIRED', 'BT-110 Invoice total VAT amount', 'vatTotal', 'is required when a VAT breakdown (BG-23) is given: cac:TaxTotal needs its cbc:TaxAmount');
    }
    w.requiredAmount('cbc:TaxAmount', totals.vatTotal, 'BT-110 Invoice total VAT amount', 'vatTotal');
    w.leave();
    w.enter('vatBreakdown');
    for (let i = 0; i < breakdown.length; i++) {
      const entry = w.requiredGroup(breakdown[i], 'BG-23 VAT breakdown', i);
      w.enter(i);
      writeSubtotal(w, entry);
      w.leave();
    }
    w.leave();
    w.end();
  }
  const accounting = totals.vatTotalInAccountingCurrency;
  if (accounting !== undefined) {
    // BT-111 is the only amount not in BT-5: its currency is BT-6 (BR-53).
    const currency = w.requiredString(doc.vatAccountingCurrencyCode, 'BT-6 VAT accounting currency code', 'vatAccountingCurrencyCode');
    w.enter('totals');
    w.start('cac:TaxTotal');
    w.requiredDecimal('cbc:TaxAmount', accounting, 'BT-111 Invoice total VAT amount in accounting currency', 'vatTotalInAccountingCurrency', { currencyID: currency });
    w.end();
    w.leave();
  }
}

/**
 * Writes `cac:TaxScheme/cbc:ID` = VAT, the only tax scheme EN 16931 puts on categories.
 *
 * @param w - the writer
 * @example
 * w.start('cac:ClassifiedTaxCategory'); w.constant('cbc:ID', 'S'); writeVatScheme(w); w.end();
 */
export function writeVatScheme(w: UblWriter): void {
  w.start('cac:TaxScheme');
  w.constant('cbc:ID', 'VAT');
  w.end();
}

/** TaxSubtotalType order: TaxableAmount, TaxAmount, TaxCategory (ID, Percent, TaxExemptionReasonCode, TaxExemptionReason, TaxScheme). */
function writeSubtotal(w: UblWriter, entry: VatBreakdown): void {
  w.start('cac:TaxSubtotal');
  w.requiredAmount('cbc:TaxableAmount', entry.taxableAmount, 'BT-116 VAT category taxable amount', 'taxableAmount');
  w.requiredAmount('cbc:TaxAmount', entry.taxAmount, 'BT-117 VAT category tax amount', 'taxAmount');
  const c = w.requiredGroup(entry.category, 'BT-118 VAT category code', 'category');
  w.enter('category');
  w.start('cac:TaxCategory');
  w.requiredText('cbc:ID', c.code, 'BT-118 VAT category code', 'code');
  w.decimal('cbc:Percent', c.rate, 'BT-119 VAT category rate', 'rate');
  w.text('cbc:TaxExemptionReasonCode', c.exemptionReasonCode, 'BT-121 VAT exemption reason code', 'exemptionReasonCode');
  w.text('cbc:TaxExemptionReason', c.exemptionReason, 'BT-120 VAT exemption reason text', 'exemptionReason');
  writeVatScheme(w);
  w.end();
  w.leave();
  w.end();
}
