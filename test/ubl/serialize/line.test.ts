import { describe, expect, it } from 'vitest';
import type { Line } from '../../../src/model/line.js';
import { writeLines } from '../../../src/ubl/serialize/line.js';
import { build, FULL_INVOICE_INPUT } from './fixtures.js';
import { childNames, render, serializeError } from './helpers.js';

const full = build(FULL_INVOICE_INPUT);
const [line1, line2, line3] = full.lines as readonly [Line, Line, Line];

describe('writeLines', () => {
  it('writes a full line in InvoiceLineType order', () => {
    const xml = render((w) => writeLines(w, [line1], false));
    expect(childNames(xml, 'cac:InvoiceLine')).toEqual([
      'cbc:ID', 'cbc:Note', 'cbc:InvoicedQuantity', 'cbc:LineExtensionAmount', 'cbc:AccountingCost', 'cac:InvoicePeriod',
      'cac:OrderLineReference', 'cac:DocumentReference', 'cac:AllowanceCharge', 'cac:AllowanceCharge', 'cac:Item', 'cac:Price',
    ]);
    expect(xml).toContain('<cbc:InvoicedQuantity unitCode="HUR">10</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID="EUR">470.00</cbc:LineExtensionAmount>');
    expect(xml).toContain('<cac:OrderLineReference><cbc:LineID>10</cbc:LineID></cac:OrderLineReference>');
    expect(xml).toContain('<cac:DocumentReference><cbc:ID schemeID="AUN">TS-3-L1</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:DocumentReference>');
  });

  it('writes the item in ItemType order with classification list attributes', () => {
    const xml = render((w) => writeLines(w, [line1], false));
    expect(childNames(xml, 'cac:Item')).toEqual([
      'cbc:Description', 'cbc:Name', 'cac:BuyersItemIdentification', 'cac:SellersItemIdentification', 'cac:StandardItemIdentification',
      'cac:OriginCountry', 'cac:CommodityClassification', 'cac:CommodityClassification', 'cac:ClassifiedTaxCategory',
      'cac:AdditionalItemProperty', 'cac:AdditionalItemProperty',
    ]);
    expect(xml).toContain('<cbc:Description>Senior consultant &lt;level 3&gt;</cbc:Description>');
    expect(xml).toContain('<cbc:ItemClassificationCode listID="STI" listVersionID="2008">72224000</cbc:ItemClassificationCode>');
    expect(xml).toContain('<cbc:ItemClassificationCode listID="MP">86776</cbc:ItemClassificationCode>');
    expect(xml).toContain('<cac:StandardItemIdentification><cbc:ID schemeID="0160">4012345678901</cbc:ID></cac:StandardItemIdentification>');
    expect(xml).toContain('<cac:AdditionalItemProperty><cbc:Name>Level</cbc:Name><cbc:Value>Senior</cbc:Value></cac:AdditionalItemProperty>');
  });

  it('writes the price allowance with discount and gross price', () => {
    expect(render((w) => writeLines(w, [line1], false))).toContain(
      '<cac:Price><cbc:PriceAmount currencyID="EUR">50.00</cbc:PriceAmount><cbc:BaseQuantity unitCode="HUR">1</cbc:BaseQuantity>' +
        '<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:Amount currencyID="EUR">5.00</cbc:Amount>' +
        '<cbc:BaseAmount currencyID="EUR">55.00</cbc:BaseAmount></cac:AllowanceCharge></cac:Price>',
    );
  });

  it('computes the price allowance amount as gross minus net when only the gross price is given', () => {
    expect(render((w) => writeLines(w, [line2], false))).toContain(
      '<cac:Price><cbc:PriceAmount currencyID="EUR">40.00</cbc:PriceAmount><cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator>' +
        '<cbc:Amount currencyID="EUR">4.5</cbc:Amount><cbc:BaseAmount currencyID="EUR">44.50</cbc:BaseAmount></cac:AllowanceCharge></cac:Price>',
    );
  });

  it('writes a discount without gross price and no BaseAmount', () => {
    expect(render((w) => writeLines(w, [line3], false))).toContain(
      '<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:Amount currencyID="EUR">3.00</cbc:Amount></cac:AllowanceCharge></cac:Price>',
    );
  });

  it('writes no price allowance without discount and gross price', () => {
    const line = { ...line3, price: { netPrice: line3.price.netPrice } } as Line;
    expect(render((w) => writeLines(w, [line], false))).not.toContain('<cac:AllowanceCharge>');
  });

  it('keeps the written scale of quantities', () => {
    expect(render((w) => writeLines(w, [line2], false))).toContain('<cbc:InvoicedQuantity unitCode="KGM">2.500</cbc:InvoicedQuantity>');
  });

  it('writes CreditNoteLine and CreditedQuantity in a credit note', () => {
    const xml = render((w) => writeLines(w, [line3], true));
    expect(xml.startsWith('<cac:CreditNoteLine><cbc:ID>3</cbc:ID><cbc:CreditedQuantity unitCode="C62">1</cbc:CreditedQuantity>')).toBe(true);
  });

  it('refuses a line without item name (BT-153), naming the line index', () => {
    const bad = { ...line3, item: { ...line3.item, name: '' } } as Line;
    const e = serializeError(() => render((w) => writeLines(w, [line1, bad], false)));
    expect([e.code, e.bt, e.path]).toEqual(['MISSING-REQUIRED', 'BT-153', 'lines[1].item.name']);
  });

  it('refuses a line without unit code (BT-130) or with a number as quantity (BT-129)', () => {
    const noUnit = { ...line3, unitCode: undefined } as unknown as Line;
    expect(serializeError(() => render((w) => writeLines(w, [noUnit], false))).bt).toBe('BT-130');
    const numberQuantity = { ...line3, quantity: 2 } as unknown as Line;
    const e = serializeError(() => render((w) => writeLines(w, [numberQuantity], false)));
    expect([e.code, e.bt, e.path]).toEqual(['INVALID-VALUE', 'BT-129', 'lines[0].quantity']);
  });

  it('refuses a line without price (BG-29)', () => {
    const noPrice = { ...line3, price: undefined } as unknown as Line;
    expect(serializeError(() => render((w) => writeLines(w, [noPrice], false))).bt).toBe('BG-29');
  });
});
