import { describe, expect, it } from 'vitest';
import type { DocumentAllowanceCharge, LineAllowanceCharge } from '../../../src/model/allowance-charge.js';
import { writeDocumentAllowanceCharges, writeLineAllowanceCharges } from '../../../src/ubl/serialize/allowance-charge.js';
import { build, FULL_INVOICE_INPUT } from './fixtures.js';
import { render, serializeError } from './helpers.js';

const full = build(FULL_INVOICE_INPUT);

describe('writeDocumentAllowanceCharges', () => {
  it('writes allowance and charge in AllowanceChargeType order with their VAT category', () => {
    expect(render((w) => writeDocumentAllowanceCharges(w, full.allowanceCharges))).toBe(
      '<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode>' +
        '<cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason><cbc:Amount currencyID="EUR">10.00</cbc:Amount>' +
        '<cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:AllowanceCharge>' +
        '<cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator><cbc:AllowanceChargeReasonCode>FC</cbc:AllowanceChargeReasonCode>' +
        '<cbc:AllowanceChargeReason>Freight</cbc:AllowanceChargeReason><cbc:MultiplierFactorNumeric>1</cbc:MultiplierFactorNumeric>' +
        '<cbc:Amount currencyID="EUR">5.00</cbc:Amount><cbc:BaseAmount currencyID="EUR">500.00</cbc:BaseAmount>' +
        '<cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:AllowanceCharge>',
    );
  });

  it('names the charge terms for a charge without amount (BT-99)', () => {
    const list = [{ kind: 'charge', vatCategory: { code: 'S' } }] as unknown as DocumentAllowanceCharge[];
    const e = serializeError(() => render((w) => writeDocumentAllowanceCharges(w, list)));
    expect([e.code, e.bt, e.path]).toEqual(['MISSING-REQUIRED', 'BT-99', 'allowanceCharges[0].amount']);
  });

  it('refuses a kind other than allowance or charge', () => {
    const list = [{ ...full.allowanceCharges[0], kind: 'rebate' }] as unknown as DocumentAllowanceCharge[];
    const e = serializeError(() => render((w) => writeDocumentAllowanceCharges(w, list)));
    expect([e.code, e.path]).toEqual(['INVALID-VALUE', 'allowanceCharges[0].kind']);
  });
});

describe('writeLineAllowanceCharges', () => {
  it('writes line allowances and charges without TaxCategory', () => {
    const xml = render((w) => writeLineAllowanceCharges(w, full.lines[0]?.allowanceCharges));
    expect(xml).toBe(
      '<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode>' +
        '<cbc:AllowanceChargeReason>Volume discount</cbc:AllowanceChargeReason><cbc:MultiplierFactorNumeric>10</cbc:MultiplierFactorNumeric>' +
        '<cbc:Amount currencyID="EUR">50.00</cbc:Amount><cbc:BaseAmount currencyID="EUR">500.00</cbc:BaseAmount></cac:AllowanceCharge>' +
        '<cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator><cbc:AllowanceChargeReasonCode>FC</cbc:AllowanceChargeReasonCode>' +
        '<cbc:AllowanceChargeReason>Travel</cbc:AllowanceChargeReason><cbc:Amount currencyID="EUR">20.00</cbc:Amount></cac:AllowanceCharge>',
    );
  });

  it('names the line allowance terms (BT-136) for a missing amount', () => {
    const list = [{ kind: 'allowance' }] as unknown as LineAllowanceCharge[];
    expect(serializeError(() => render((w) => writeLineAllowanceCharges(w, list))).bt).toBe('BT-136');
  });
});
