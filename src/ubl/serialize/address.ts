/**
 * Postal addresses: BG-5 seller, BG-8 buyer, BG-12 tax representative, BG-15 deliver-to.
 * They share one UBL shape (`cac:PostalAddress` or `cac:Address`, type AddressType).
 */
import type { Address, AddressTerms } from '../../model/address.js';
import type { UblWriter } from './writer.js';

/**
 * Writes an address in the XSD order of AddressType: StreetName, AdditionalStreetName,
 * CityName, PostalZone, CountrySubentity, AddressLine, Country (the model order differs:
 * BT-162 address line 3 comes after the subdivision in UBL).
 *
 * @param w - the writer
 * @param element - `cac:PostalAddress` (parties) or `cac:Address` (delivery location)
 * @param address - the address; absent writes nothing
 * @param terms - the business term ids of the group (SELLER_ADDRESS_TERMS, ...)
 * @param field - the model property holding the address, for errors
 * @param required - when true, a missing address is refused (BG-5, BG-8, BG-12)
 * @example
 * writeAddress(w, 'cac:PostalAddress', seller.postalAddress, SELLER_ADDRESS_TERMS, 'postalAddress', true);
 */
export function writeAddress(
  w: UblWriter,
  element: 'cac:PostalAddress' | 'cac:Address',
  address: Address | undefined,
  terms: AddressTerms,
  field: string,
  required: boolean,
): void {
  if (address === undefined && !required) return;
  const a = w.requiredGroup(address, `${terms.group} Postal address`, field);
  w.enter(field);
  w.start(element);
  w.text('cbc:StreetName', a.line1, `${terms.line1} Address line 1`, 'line1');
  w.text('cbc:AdditionalStreetName', a.line2, `${terms.line2} Address line 2`, 'line2');
  w.text('cbc:CityName', a.city, `${terms.city} City`, 'city');
  w.text('cbc:PostalZone', a.postCode, `${terms.postCode} Post code`, 'postCode');
  w.text('cbc:CountrySubentity', a.countrySubdivision, `${terms.subdivision} Country subdivision`, 'countrySubdivision');
  w.start('cac:AddressLine');
  w.text('cbc:Line', a.line3, `${terms.line3} Address line 3`, 'line3');
  w.end();
  w.start('cac:Country');
  w.requiredText('cbc:IdentificationCode', a.countryCode, `${terms.country} Country code`, 'countryCode');
  w.end();
  w.end();
  w.leave();
}
