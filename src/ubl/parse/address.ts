/**
 * `cac:PostalAddress` / `cac:Address` <-> the model's postal address (BG-5, BG-8, BG-12, BG-15).
 */
import { COUNTRY_CODES } from '../../model/codes/index.js';
import type { Address, AddressTerms } from '../../model/address.js';
import type { ReadContext } from './context.js';
import { defined } from './util.js';
import type { XmlElement } from './xml.js';

/**
 * Reads a UBL address with the business terms of the group it belongs to.
 * The country code is mandatory in every address group of the model (BT-40, BT-55, BT-69, BT-80).
 *
 * @param ctx - reading context
 * @param el - the address element (`cac:PostalAddress` or `cac:Address`); undefined reports a missing address
 * @param terms - the group's business term ids (SELLER_ADDRESS_TERMS ...)
 * @param missingAt - parent and key to name when the address itself is absent
 * @returns the address
 * @example
 * const address = readAddress(ctx, ctx.one(party, 'cac:PostalAddress'), SELLER_ADDRESS_TERMS, [party, 'cac:PostalAddress']);
 */
export function readAddress(
  ctx: ReadContext,
  el: XmlElement | undefined,
  terms: AddressTerms,
  missingAt?: readonly [XmlElement | undefined, string],
): Address {
  if (el === undefined) {
    if (missingAt !== undefined) ctx.missing(missingAt[0], missingAt[1], `${terms.group} Postal address (with ${terms.country} Country code)`);
    return { countryCode: '' };
  }
  const country = ctx.one(el, 'cac:Country');
  const countryTerm = `${terms.country} Country code`;
  let countryCode = '';
  if (country === undefined) ctx.missing(el, 'cac:Country/cbc:IdentificationCode', countryTerm);
  else countryCode = ctx.code(country, 'cbc:IdentificationCode', COUNTRY_CODES, 'ISO 3166-1 alpha-2', countryTerm, { required: true }) ?? '';
  return defined({
    line1: ctx.text(el, 'cbc:StreetName', `${terms.line1} Address line 1`),
    line2: ctx.text(el, 'cbc:AdditionalStreetName', `${terms.line2} Address line 2`),
    line3: ctx.textAt(el, ['cac:AddressLine', 'cbc:Line'], `${terms.line3} Address line 3`),
    city: ctx.text(el, 'cbc:CityName', `${terms.city} City`),
    postCode: ctx.text(el, 'cbc:PostalZone', `${terms.postCode} Post code`),
    countrySubdivision: ctx.text(el, 'cbc:CountrySubentity', `${terms.subdivision} Country subdivision`),
    countryCode,
  });
}
