import { describe, expect, it } from 'vitest';
import { writeDelivery } from '../../../src/ubl/serialize/delivery.js';
import { build, FULL_INVOICE_INPUT } from './fixtures.js';
import { render } from './helpers.js';

describe('writeDelivery', () => {
  it('writes date, location (id with schemeID, address) and party name in DeliveryType order', () => {
    expect(render((w) => writeDelivery(w, build(FULL_INVOICE_INPUT).delivery))).toBe(
      '<cac:Delivery><cbc:ActualDeliveryDate>2024-03-15</cbc:ActualDeliveryDate>' +
        '<cac:DeliveryLocation><cbc:ID schemeID="0088">7300010000099</cbc:ID><cac:Address><cbc:StreetName>Lagerweg 3</cbc:StreetName>' +
        '<cbc:AdditionalStreetName>Tor 4</cbc:AdditionalStreetName><cbc:CityName>Drammen</cbc:CityName><cbc:PostalZone>3015</cbc:PostalZone>' +
        '<cbc:CountrySubentity>Buskerud</cbc:CountrySubentity><cac:AddressLine><cbc:Line>Rampe 2</cbc:Line></cac:AddressLine>' +
        '<cac:Country><cbc:IdentificationCode>NO</cbc:IdentificationCode></cac:Country></cac:Address></cac:DeliveryLocation>' +
        '<cac:DeliveryParty><cac:PartyName><cbc:Name>Lager Drammen</cbc:Name></cac:PartyName></cac:DeliveryParty></cac:Delivery>',
    );
  });

  it('writes only the date when nothing else is given', () => {
    expect(render((w) => writeDelivery(w, { actualDeliveryDate: '2024-01-02' }))).toBe(
      '<cac:Delivery><cbc:ActualDeliveryDate>2024-01-02</cbc:ActualDeliveryDate></cac:Delivery>',
    );
  });

  it('writes nothing for an empty delivery', () => {
    expect(render((w) => writeDelivery(w, {}))).toBe('');
    expect(render((w) => writeDelivery(w, undefined))).toBe('');
  });
});
