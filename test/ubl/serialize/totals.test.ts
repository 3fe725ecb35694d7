import { describe, expect, it } from 'vitest';
import type { DocumentTotals } from '../../../src/model/totals.js';
import { writeMonetaryTotal } from '../../../src/ubl/serialize/totals.js';
import { build, FULL_INVOICE_INPUT, MINIMAL_INVOICE_INPUT } from './fixtures.js';
import { render, serializeError } from './helpers.js';

describe('writeMonetaryTotal', () => {
  it('writes every total in MonetaryTotalType order, in the document currency', () => {
    expect(render((w) => writeMonetaryTotal(w, build(FULL_INVOICE_INPUT).totals))).toBe(
      '<cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID="EUR">600.00</cbc:LineExtensionAmount>' +
        '<cbc:TaxExclusiveAmount currencyID="EUR">595.00</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount currencyID="EUR">711.25</cbc:TaxInclusiveAmount>' +
        '<cbc:AllowanceTotalAmount currencyID="EUR">10.00</cbc:AllowanceTotalAmount><cbc:ChargeTotalAmount currencyID="EUR">5.00</cbc:ChargeTotalAmount>' +
        '<cbc:PrepaidAmount currencyID="EUR">100.00</cbc:PrepaidAmount><cbc:PayableRoundingAmount currencyID="EUR">0.25</cbc:PayableRoundingAmount>' +
        '<cbc:PayableAmount currencyID="EUR">611.50</cbc:PayableAmount></cac:LegalMonetaryTotal>',
    );
  });

  it('writes the required totals only, with their written scale', () => {
    expect(render((w) => writeMonetaryTotal(w, build(MINIMAL_INVOICE_INPUT).totals), 'NOK')).toBe(
      '<cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID="NOK">100</cbc:LineExtensionAmount>' +
        '<cbc:TaxExclusiveAmount currencyID="NOK">100</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount currencyID="NOK">100</cbc:TaxInclusiveAmount>' +
        '<cbc:PayableAmount currencyID="NOK">100</cbc:PayableAmount></cac:LegalMonetaryTotal>',
    );
  });

  it('refuses totals without amount due (BT-115)', () => {
    const totals = { ...build(MINIMAL_INVOICE_INPUT).totals, amountDue: undefined } as unknown as DocumentTotals;
    const e = serializeError(() => render((w) => writeMonetaryTotal(w, totals)));
    expect([e.code, e.bt, e.path]).toEqual(['MISSING-REQUIRED', 'BT-115', 'totals.amountDue']);
  });
});
