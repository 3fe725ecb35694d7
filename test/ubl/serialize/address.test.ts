import { describe, expect, it } from 'vitest';
import { DELIVER_TO_ADDRESS_TERMS, SELLER_ADDRESS_TERMS, type Address } from '../../../src/model/address.js';
import { writeAddress } from '../../../src/ubl/serialize/address.js';
import { build, FULL_INVOICE_INPUT } from './fixtures.js';
import { render, serializeError } from './helpers.js';

const full = build(FULL_INVOICE_INPUT);

describe('writeAddress', () => {
  it('writes the fields in AddressType order, address line 3 after the subdivision', () => {
    const xml = render((w) => writeAddress(w, 'cac:PostalAddress', full.seller.postalAddress, SELLER_ADDRESS_TERMS, 'postalAddress', true));
    expect(xml).toBe(
      '<cac:PostalAddress><cbc:StreetName>Hauptstraße 1</cbc:StreetName><cbc:AdditionalStreetName>Hinterhaus</cbc:AdditionalStreetName>' +
        '<cbc:CityName>München</cbc:CityName><cbc:PostalZone>80331</cbc:PostalZone><cbc:CountrySubentity>Bayern</cbc:CountrySubentity>' +
        '<cac:AddressLine><cbc:Line>3. OG</cbc:Line></cac:AddressLine><cac:Country><cbc:IdentificationCode>DE</cbc:IdentificationCode></cac:Country></cac:PostalAddress>',
    );
  });

  it('writes only the country when nothing else is given', () => {
    const xml = render((w) => writeAddress(w, 'cac:Address', { countryCode: 'SE' }, DELIVER_TO_ADDRESS_TERMS, 'address', false));
    expect(xml).toBe('<cac:Address><cac:Country><cbc:IdentificationCode>SE</cbc:IdentificationCode></cac:Country></cac:Address>');
  });

  it('writes nothing for an absent optional address', () => {
    expect(render((w) => writeAddress(w, 'cac:Address', undefined, DELIVER_TO_ADDRESS_TERMS, 'address', false))).toBe('');
  });

  it('refuses an absent required address, naming its group', () => {
    const e = serializeError(() => render((w) => writeAddress(w, 'cac:PostalAddress', undefined, SELLER_ADDRESS_TERMS, 'postalAddress', true)));
    expect(e.code).toBe('MISSING-REQUIRED');
    expect(e.bt).toBe('BG-5');
  });

  it('refuses an address without country code, naming the business term of the group', () => {
    const e = serializeError(() =>
      render((w) => {
        w.enter('delivery');
        writeAddress(w, 'cac:Address', { city: 'Oslo' } as unknown as Address, DELIVER_TO_ADDRESS_TERMS, 'address', false);
      }),
    );
    expect(e.bt).toBe('BT-80');
    expect(e.path).toBe('delivery.address.countryCode');
  });
});
