/**
 * Unit tests of the part readers, each on a small fragment.
 */
import { describe, expect, it } from 'vitest';
import { SELLER_ADDRESS_TERMS } from '../../../src/model/address.js';
import { formatDecimal } from '../../../src/model/decimal.js';
import { readAddress } from '../../../src/ubl/parse/address.js';
import { readDocumentAllowanceCharge, readLineAllowanceCharge } from '../../../src/ubl/parse/allowance-charge.js';
import { readDelivery } from '../../../src/ubl/parse/delivery.js';
import { readLine } from '../../../src/ubl/parse/line.js';
import { readBuyer, readEndpoint, readSeller } from '../../../src/ubl/parse/party.js';
import { readPaymentMeans } from '../../../src/ubl/parse/payment.js';
import { readAdditionalReferences, readPrecedingInvoices } from '../../../src/ubl/parse/references.js';
import { readTaxTotals } from '../../../src/ubl/parse/tax.js';
import { readTotals } from '../../../src/ubl/parse/totals.js';
import { fragment, issueKeys } from './helpers.js';

const country = (c: string) => `<cac:Country><cbc:IdentificationCode>${c}</cbc:IdentificationCode></cac:Country>`;

describe('readAddress', () => {
  it('maps the UBL address elements and requires the country code', () => {
    const { ctx, root } = fragment(
      `<cac:PostalAddress><cbc:StreetName>S 1</cbc:StreetName><cbc:CityName>Oslo</cbc:CityName><cac:AddressLine><cbc:Line>L3</cbc:Line></cac:AddressLine>${country('NO')}</cac:PostalAddress><cac:Address/>`,
    );
    const [postal, empty] = root.children();
    expect(readAddress(ctx, postal, SELLER_ADDRESS_TERMS)).toEqual({ line1: 'S 1', city: 'Oslo', line3: 'L3', countryCode: 'NO' });
    readAddress(ctx, empty, SELLER_ADDRESS_TERMS);
    expect(ctx.issues[0]).toMatchObject({ code: 'MISSING-ELEMENT', businessTerm: 'BT-40', path: '/Invoice/cac:Address/cac:Country/cbc:IdentificationCode' });
  });
});

describe('readEndpoint', () => {
  it('leaves out an absent endpoint (optional in the model, Peppol R010/R020 are validation rules)', () => {
    const { ctx, root } = fragment('<cac:Party/>');
    expect(readEndpoint(ctx, root.children()[0], 'BT-34 Seller electronic address')).toBeUndefined();
    expect(ctx.issues).toEqual([]);
  });

  it('requires the EAS scheme and warns about an unknown one', () => {
    const { ctx, root } = fragment('<cac:Party><cbc:EndpointID>123</cbc:EndpointID></cac:Party><cac:Party><cbc:EndpointID schemeID="XX">1</cbc:EndpointID></cac:Party>');
    const [a, b] = root.children();
    expect(readEndpoint(ctx, a, 'BT-34 Seller electronic address')).toEqual({ id: '123', schemeId: '' });
    expect(readEndpoint(ctx, b, 'BT-34 Seller electronic address')).toEqual({ id: '1', schemeId: 'XX' });
    expect(issueKeys(ctx)).toEqual([
      'MISSING-ATTRIBUTE@/Invoice/cac:Party[1]/cbc:EndpointID/@schemeID',
      'UNKNOWN-CODE@/Invoice/cac:Party[2]/cbc:EndpointID/@schemeID',
    ]);
  });
});

describe('readSeller', () => {
  const party = (inner: string) =>
    `<cac:AccountingSupplierParty><cac:Party><cbc:EndpointID schemeID="0088">7300010000001</cbc:EndpointID><cac:PostalAddress>${country('SE')}</cac:PostalAddress>${inner}</cac:Party></cac:AccountingSupplierParty>`;

  it('splits VAT (BT-31) from another tax registration (BT-32) whatever their order', () => {
    const { ctx, root } = fragment(
      party(
        '<cac:PartyTaxScheme><cbc:CompanyID>Godkänd för F-skatt</cbc:CompanyID><cac:TaxScheme><cbc:ID>TAX</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>' +
          '<cac:PartyTaxScheme><cbc:CompanyID>SE556677889901</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>' +
          '<cac:PartyLegalEntity><cbc:RegistrationName>Seller AB</cbc:RegistrationName><cbc:CompanyLegalForm>AB</cbc:CompanyLegalForm></cac:PartyLegalEntity>',
      ),
    );
    const seller = readSeller(ctx, root);
    expect(seller.vatIdentifier).toBe('SE556677889901');
    expect(seller.taxRegistration).toEqual({ id: 'Godkänd för F-skatt', taxScheme: 'TAX' });
    expect(seller.additionalLegalInformation).toBe('AB');
    expect(issueKeys(ctx)).toEqual(['ORDER-NORMALIZED@/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme[2]']);
  });

  it('reports a missing seller name (BT-27)', () => {
    const { ctx, root } = fragment(party(''));
    readSeller(ctx, root);
    expect(issueKeys(ctx)).toEqual(['MISSING-ELEMENT@/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName']);
  });
});

describe('readBuyer', () => {
  it('reports a missing buyer party as BG-7', () => {
    const { ctx, root } = fragment('');
    readBuyer(ctx, root);
    expect(ctx.issues[0]).toMatchObject({ code: 'MISSING-ELEMENT', businessTerm: 'BG-7' });
  });
});

describe('readPrecedingInvoices and readAdditionalReferences', () => {
  it('reads BG-3 in order, BT-18 from type code 130, BT-11 from 50 in a credit note, BG-24 otherwise', () => {
    const { ctx, root } = fragment(
      '<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>A</cbc:ID><cbc:IssueDate>2024-01-31</cbc:IssueDate></cac:InvoiceDocumentReference></cac:BillingReference>' +
        '<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>B</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>' +
        '<cac:AdditionalDocumentReference><cbc:ID schemeID="AAA">OBJ</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>' +
        '<cac:AdditionalDocumentReference><cbc:ID>PRJ</cbc:ID><cbc:DocumentTypeCode>50</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>' +
        '<cac:AdditionalDocumentReference><cbc:ID>ts</cbc:ID><cbc:DocumentDescription>Hours</cbc:DocumentDescription><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="text/csv" filename="h.csv">aGk=</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>',
    );
    expect(readPrecedingInvoices(ctx, root)).toEqual([{ id: 'A', issueDate: '2024-01-31' }, { id: 'B' }]);
    const refs = readAdditionalReferences(ctx, root, true);
    expect(refs.invoicedObject).toEqual({ id: 'OBJ', schemeId: 'AAA' });
    expect(refs.projectReference).toBe('PRJ');
    expect(refs.supportingDocuments).toEqual([{ id: 'ts', description: 'Hours', attachment: { content: 'aGk=', mimeCode: 'text/csv', filename: 'h.csv' } }]);
    expect(ctx.issues).toEqual([]);
  });

  it('keeps an ADR with another type code as supporting document and says the code is dropped', () => {
    const { ctx, root } = fragment('<cac:AdditionalDocumentReference><cbc:ID>X</cbc:ID><cbc:DocumentTypeCode>916</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>');
    expect(readAdditionalReferences(ctx, root, false).supportingDocuments).toEqual([{ id: 'X' }]);
    expect(issueKeys(ctx)).toEqual(['DROPPED-VALUE@/Invoice/cac:AdditionalDocumentReference/cbc:DocumentTypeCode']);
  });
});

describe('readDelivery', () => {
  it('reads date, location, address and party name', () => {
    const { ctx, root } = fragment(
      `<cac:Delivery><cbc:ActualDeliveryDate>2024-03-15</cbc:ActualDeliveryDate><cac:DeliveryLocation><cbc:ID schemeID="0088">123</cbc:ID><cac:Address>${country('SE')}</cac:Address></cac:DeliveryLocation><cac:DeliveryParty><cac:PartyName><cbc:Name>W3</cbc:Name></cac:PartyName></cac:DeliveryParty></cac:Delivery>`,
    );
    expect(readDelivery(ctx, root)).toEqual({ actualDeliveryDate: '2024-03-15', locationIdentifier: { id: '123', schemeId: '0088' }, address: { countryCode: 'SE' }, partyName: 'W3' });
  });
});

describe('readPaymentMeans', () => {
  it('reads card, transfer and mandate, and the credit note due date from the first PaymentMeans', () => {
    const { ctx, root } = fragment(
      '<cac:PaymentMeans><cbc:PaymentMeansCode>48</cbc:PaymentMeansCode><cbc:PaymentDueDate>2024-04-30</cbc:PaymentDueDate><cac:CardAccount><cbc:PrimaryAccountNumberID>1234</cbc:PrimaryAccountNumberID><cbc:NetworkID>VISA</cbc:NetworkID></cac:CardAccount></cac:PaymentMeans>' +
        '<cac:PaymentMeans><cbc:PaymentMeansCode>59</cbc:PaymentMeansCode><cbc:PaymentDueDate>2024-05-31</cbc:PaymentDueDate><cac:PaymentMandate><cbc:ID>M7</cbc:ID><cac:PayerFinancialAccount><cbc:ID>DE89</cbc:ID></cac:PayerFinancialAccount></cac:PaymentMandate></cac:PaymentMeans>',
    );
    const r = readPaymentMeans(ctx, root, true);
    expect(r.dueDate).toBe('2024-04-30');
    expect(r.instructions).toEqual([
      { typeCode: '48', card: { primaryAccountNumber: '1234', networkId: 'VISA' } },
      { typeCode: '59', directDebit: { mandateReference: 'M7', debitedAccountId: 'DE89' } },
    ]);
    expect(ctx.issues.map((i) => i.code)).toEqual(['CONFLICTING-VALUE']);
  });
});

describe('readDocumentAllowanceCharge and readLineAllowanceCharge', () => {
  it('reads kind, reason, percentage, amounts and the VAT category', () => {
    const { ctx, root } = fragment(
      '<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode><cbc:MultiplierFactorNumeric>10</cbc:MultiplierFactorNumeric><cbc:Amount currencyID="EUR">10.00</cbc:Amount><cbc:BaseAmount currencyID="EUR">100.00</cbc:BaseAmount><cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:AllowanceCharge>' +
        '<cac:AllowanceCharge><cbc:ChargeIndicator>maybe</cbc:ChargeIndicator><cbc:AllowanceChargeReasonCode>ZZZ</cbc:AllowanceChargeReasonCode><cbc:Amount currencyID="EUR">1</cbc:Amount></cac:AllowanceCharge>',
    );
    ctx.documentCurrency = 'EUR';
    const [doc, line] = root.children();
    const ac = readDocumentAllowanceCharge(ctx, doc!);
    expect(ac.kind).toBe('allowance');
    expect(formatDecimal(ac.amount)).toBe('10.00');
    expect(formatDecimal(ac.baseAmount!)).toBe('100.00');
    expect(ac.vatCategory.code).toBe('S');
    readLineAllowanceCharge(ctx, line!);
    expect(ctx.issues.map((i) => i.code)).toEqual(['INVALID-BOOLEAN', 'UNKNOWN-CODE']);
  });
});

describe('readTaxTotals and readTotals', () => {
  it('tells BT-111 (accounting currency, no subtotals) from BT-110 and BG-23', () => {
    const { ctx, root } = fragment(
      '<cac:TaxTotal><cbc:TaxAmount currencyID="SEK">2500</cbc:TaxAmount></cac:TaxTotal>' +
        '<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">249</cbc:TaxAmount><cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">996</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">249</cbc:TaxAmount><cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>' +
        '<cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID="EUR">996</cbc:LineExtensionAmount><cbc:TaxExclusiveAmount currencyID="EUR">996</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount currencyID="EUR">1245</cbc:TaxInclusiveAmount><cbc:PayableAmount currencyID="EUR">1245</cbc:PayableAmount></cac:LegalMonetaryTotal>',
    );
    ctx.documentCurrency = 'EUR';
    const tax = readTaxTotals(ctx, root, 'SEK');
    expect(formatDecimal(tax.vatTotal!)).toBe('249');
    expect(formatDecimal(tax.vatTotalInAccountingCurrency!)).toBe('2500');
    expect(tax.breakdown).toHaveLength(1);
    const totals = readTotals(ctx, root, tax);
    expect(formatDecimal(totals.amountDue)).toBe('1245');
    expect(ctx.issues).toEqual([]);
  });

  it('reports each missing mandatory total', () => {
    const { ctx, root } = fragment('<cac:LegalMonetaryTotal/>');
    readTotals(ctx, root, {});
    expect(ctx.issues.map((i) => i.businessTerm)).toEqual(['BT-106', 'BT-109', 'BT-112', 'BT-115']);
  });
});

describe('readLine', () => {
  it('reads quantity with unit, net amount, item, price discount and attributes', () => {
    const { ctx, root } = fragment(
      '<cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:Note>n</cbc:Note><cbc:InvoicedQuantity unitCode="C62">2.000</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID="EUR">180.00</cbc:LineExtensionAmount>' +
        '<cac:InvoicePeriod><cbc:StartDate>2024-03-01</cbc:StartDate></cac:InvoicePeriod><cac:DocumentReference><cbc:ID schemeID="ABZ">O1</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:DocumentReference>' +
        '<cac:Item><cbc:Name>Thing</cbc:Name><cac:SellersItemIdentification><cbc:ID>S-1</cbc:ID></cac:SellersItemIdentification><cac:CommodityClassification><cbc:ItemClassificationCode listID="STI" listVersionID="2">86776</cbc:ItemClassificationCode></cac:CommodityClassification>' +
        '<cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory><cac:AdditionalItemProperty><cbc:Name>Colour</cbc:Name><cbc:Value>Red</cbc:Value></cac:AdditionalItemProperty></cac:Item>' +
        '<cac:Price><cbc:PriceAmount currencyID="EUR">90</cbc:PriceAmount><cbc:BaseQuantity unitCode="C62">1</cbc:BaseQuantity><cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:Amount currencyID="EUR">10</cbc:Amount><cbc:BaseAmount currencyID="EUR">100</cbc:BaseAmount></cac:AllowanceCharge></cac:Price></cac:InvoiceLine>',
    );
    ctx.documentCurrency = 'EUR';
    const line = readLine(ctx, root.children()[0]!, false);
    expect(ctx.issues).toEqual([]);
    expect(formatDecimal(line.quantity)).toBe('2.000');
    expect(line).toMatchObject({ id: '1', note: 'n', unitCode: 'C62', period: { startDate: '2024-03-01' }, objectIdentifier: { id: 'O1', schemeId: 'ABZ' } });
    expect(line.item).toMatchObject({ name: 'Thing', sellersIdentifier: 'S-1', classifications: [{ code: '86776', listId: 'STI', listVersionId: '2' }], attributes: [{ name: 'Colour', value: 'Red' }] });
    expect(formatDecimal(line.price.discount!)).toBe('10');
    expect(formatDecimal(line.price.grossPrice!)).toBe('100');
    expect(line.price.baseQuantityUnitCode).toBe('C62');
  });

  it('reads CreditedQuantity in a credit note line and requires the unit code', () => {
    const { ctx, root } = fragment('<cac:CreditNoteLine><cbc:ID>1</cbc:ID><cbc:CreditedQuantity>1</cbc:CreditedQuantity></cac:CreditNoteLine>');
    readLine(ctx, root.children()[0]!, true);
    expect(ctx.issues.map((i) => `${i.code} ${i.businessTerm ?? ''}`)).toEqual([
      'MISSING-ATTRIBUTE BT-130',
      'MISSING-ELEMENT BT-131',
      'MISSING-ELEMENT BT-153',
      'MISSING-ELEMENT BT-146',
    ]);
  });
});
