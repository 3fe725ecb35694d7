import { describe, expect, it } from 'vitest';
import type { Buyer, Seller } from '../../../src/model/party.js';
import { writeBuyer, writePayee, writeSeller, writeTaxRepresentative } from '../../../src/ubl/serialize/party.js';
import { build, FULL_INVOICE_INPUT, MINIMAL_INVOICE_INPUT } from './fixtures.js';
import { childNames, render, serializeError } from './helpers.js';

const full = build(FULL_INVOICE_INPUT);
const minimal = build(MINIMAL_INVOICE_INPUT);

describe('writeSeller', () => {
  it('writes cac:Party in PartyType order, VAT scheme before the other tax registration', () => {
    const xml = render((w) => writeSeller(w, full.seller));
    expect(xml.startsWith('<cac:AccountingSupplierParty><cac:Party><cbc:EndpointID schemeID="0088">7300010000001</cbc:EndpointID>')).toBe(true);
    expect(childNames(xml, 'cac:Party')).toEqual([
      'cbc:EndpointID', 'cac:PartyIdentification', 'cac:PartyIdentification', 'cac:PartyIdentification', 'cac:PartyName',
      'cac:PostalAddress', 'cac:PartyTaxScheme', 'cac:PartyTaxScheme', 'cac:PartyLegalEntity', 'cac:Contact',
    ]);
    expect(xml).toContain(
      '<cac:PartyTaxScheme><cbc:CompanyID>DE123456789</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>' +
        '<cac:PartyTaxScheme><cbc:CompanyID>143/123/45678</cbc:CompanyID><cac:TaxScheme><cbc:ID>TAX</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>',
    );
  });

  it('writes identifiers with and without schemeID, BT-90 with SEPA', () => {
    const xml = render((w) => writeSeller(w, full.seller));
    expect(xml).toContain('<cac:PartyIdentification><cbc:ID schemeID="SEPA">DE98ZZZ09999999999</cbc:ID></cac:PartyIdentification>');
    expect(xml).toContain('<cac:PartyIdentification><cbc:ID>SUP-77</cbc:ID></cac:PartyIdentification>');
  });

  it('writes name, legal registration id and additional legal information in PartyLegalEntity', () => {
    expect(render((w) => writeSeller(w, full.seller))).toContain(
      '<cac:PartyLegalEntity><cbc:RegistrationName>Lieferant &amp; Söhne &lt;GmbH&gt; &quot;Nord&quot;</cbc:RegistrationName>' +
        '<cbc:CompanyID schemeID="0204">HRB 12345</cbc:CompanyID><cbc:CompanyLegalForm>Geschäftsführer: A. Muster</cbc:CompanyLegalForm></cac:PartyLegalEntity>',
    );
  });

  it('writes the contact in ContactType order', () => {
    expect(render((w) => writeSeller(w, full.seller))).toContain(
      '<cac:Contact><cbc:Name>Anna Muster</cbc:Name><cbc:Telephone>+49 89 123456</cbc:Telephone><cbc:ElectronicMail>anna@lieferant.example</cbc:ElectronicMail></cac:Contact>',
    );
  });

  it('writes no PartyName, PartyTaxScheme or Contact for a minimal seller', () => {
    const xml = render((w) => writeSeller(w, minimal.seller));
    expect(childNames(xml, 'cac:Party')).toEqual(['cbc:EndpointID', 'cac:PostalAddress', 'cac:PartyLegalEntity']);
  });

  it('refuses a seller without name (BT-27) and without endpoint scheme', () => {
    const noName = { ...minimal.seller, name: '' } as Seller;
    const e1 = serializeError(() => render((w) => writeSeller(w, noName)));
    expect([e1.code, e1.bt, e1.path]).toEqual(['MISSING-REQUIRED', 'BT-27', 'seller.name']);
    const noScheme = { ...minimal.seller, endpoint: { id: '1' } } as unknown as Seller;
    const e2 = serializeError(() => render((w) => writeSeller(w, noScheme)));
    expect([e2.bt, e2.path]).toEqual(['BT-34', 'seller.endpoint.schemeId']);
  });

  it('refuses a bad character in an identifier, naming the index', () => {
    const seller = { ...minimal.seller, identifiers: [{ id: 'ok' }, { id: 'b\u0002d' }] } as Seller;
    const e = serializeError(() => render((w) => writeSeller(w, seller)));
    expect([e.code, e.bt, e.path]).toEqual(['INVALID-XML-CHAR', 'BT-29', 'seller.identifiers[1].id']);
  });
});

describe('writeBuyer', () => {
  it('writes cac:AccountingCustomerParty with the buyer terms and no CompanyLegalForm', () => {
    const xml = render((w) => writeBuyer(w, full.buyer));
    expect(xml.startsWith('<cac:AccountingCustomerParty><cac:Party><cbc:EndpointID schemeID="0192">0192:987654321</cbc:EndpointID>')).toBe(true);
    expect(xml).not.toContain('CompanyLegalForm');
    expect(xml).toContain('<cac:PartyTaxScheme><cbc:CompanyID>NO987654321MVA</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>');
  });

  it('names buyer terms in errors', () => {
    const buyer = { ...minimal.buyer, contact: { email: 'x\u0000' } } as Buyer;
    const e = serializeError(() => render((w) => writeBuyer(w, buyer)));
    expect([e.bt, e.path]).toEqual(['BT-58', 'buyer.contact.email']);
  });
});

describe('writePayee', () => {
  it('writes PartyIdentification, PartyName and PartyLegalEntity/CompanyID', () => {
    expect(render((w) => writePayee(w, full.payee))).toBe(
      '<cac:PayeeParty><cac:PartyIdentification><cbc:ID schemeID="SEPA">DE98ZZZ09999999999</cbc:ID></cac:PartyIdentification>' +
        '<cac:PartyName><cbc:Name>Factoring AG</cbc:Name></cac:PartyName>' +
        '<cac:PartyLegalEntity><cbc:CompanyID schemeID="0204">HRB 99999</cbc:CompanyID></cac:PartyLegalEntity></cac:PayeeParty>',
    );
  });

  it('writes nothing without a payee', () => {
    expect(render((w) => writePayee(w, undefined))).toBe('');
  });
});

describe('writeTaxRepresentative', () => {
  it('writes PartyName, PostalAddress and the VAT PartyTaxScheme', () => {
    const xml = render((w) => writeTaxRepresentative(w, full.taxRepresentative));
    expect(childNames(xml, 'cac:TaxRepresentativeParty')).toEqual(['cac:PartyName', 'cac:PostalAddress', 'cac:PartyTaxScheme']);
    expect(xml).toContain('<cac:PartyTaxScheme><cbc:CompanyID>DE999888777</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>');
  });

  it('refuses a tax representative without VAT identifier (BT-63)', () => {
    const rep = { ...full.taxRepresentative, vatIdentifier: undefined } as unknown as NonNullable<typeof full.taxRepresentative>;
    const e = serializeError(() => render((w) => writeTaxRepresentative(w, rep)));
    expect([e.bt, e.path]).toEqual(['BT-63', 'taxRepresentative.vatIdentifier']);
  });
});
