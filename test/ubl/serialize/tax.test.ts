import { describe, expect, it } from 'vitest';
import type { Document } from '../../../src/model/document.js';
import { writeTaxTotals } from '../../../src/ubl/serialize/tax.js';
import { build, CREDIT_NOTE_INPUT, FULL_INVOICE_INPUT, MINIMAL_INVOICE_INPUT } from './fixtures.js';
import { render, serializeError } from './helpers.js';

const full = build(FULL_INVOICE_INPUT);

describe('writeTaxTotals', () => {
  it('writes BT-110 with the breakdown, then BT-111 alone in the accounting currency', () => {
    const xml = render((w) => writeTaxTotals(w, full));
    expect(xml).toBe(
      '<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">116.25</cbc:TaxAmount>' +
        '<cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">465.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">116.25</cbc:TaxAmount>' +
        '<cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>' +
        '<cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">100.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">0.00</cbc:TaxAmount>' +
        '<cac:TaxCategory><cbc:ID>Z</cbc:ID><cbc:Percent>0</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>' +
        '<cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">30.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">0.00</cbc:TaxAmount>' +
        '<cac:TaxCategory><cbc:ID>E</cbc:ID><cbc:Percent>0</cbc:Percent><cbc:TaxExemptionReasonCode>VATEX-EU-132</cbc:TaxExemptionReasonCode>' +
        '<cbc:TaxExemptionReason>Exempt (art. 132)</cbc:TaxExemptionReason><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>' +
        '</cac:TaxTotal>' +
        '<cac:TaxTotal><cbc:TaxAmount currencyID="SEK">1325.00</cbc:TaxAmount></cac:TaxTotal>',
    );
  });

  it('keeps the written scale of a rate (25.0)', () => {
    expect(render((w) => writeTaxTotals(w, build(CREDIT_NOTE_INPUT)), 'SEK')).toContain('<cbc:Percent>25.0</cbc:Percent>');
  });

  it('writes nothing without BT-110 and breakdown', () => {
    expect(render((w) => writeTaxTotals(w, build(MINIMAL_INVOICE_INPUT)))).toBe('');
  });

  it('refuses a breakdown without BT-110', () => {
    const doc = { ...full, totals: { ...full.totals, vatTotal: undefined } } as unknown as Document;
    const e = serializeError(() => render((w) => writeTaxTotals(w, doc)));
    expect([e.code, e.bt, e.path]).toEqual(['MISSING-REQUIRED', 'BT-110', 'totals.vatTotal']);
  });

  it('refuses BT-111 without the VAT accounting currency BT-6', () => {
    const doc = { ...full, vatAccountingCurrencyCode: undefined } as unknown as Document;
    const e = serializeError(() => render((w) => writeTaxTotals(w, doc)));
    expect([e.code, e.bt, e.path]).toEqual(['MISSING-REQUIRED', 'BT-6', 'vatAccountingCurrencyCode']);
  });

  it('names the breakdown entry of a missing taxable amount', () => {
    const doc = { ...full, vatBreakdown: [{ taxAmount: full.totals.vatTotal, category: { code: 'S' } }] } as unknown as Document;
    expect(serializeError(() => render((w) => writeTaxTotals(w, doc))).path).toBe('vatBreakdown[0].taxableAmount');
  });
});
