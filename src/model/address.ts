import { z } from 'zod';
import { COUNTRY_CODES } from './codes/index.js';
import { codeSchema } from './primitives.js';
import type { DeepReadonly } from './readonly.js';

/** Business term ids of one address group (BG-5, BG-8, BG-12, BG-15). */
export interface AddressTerms {
  readonly group: string;
  readonly line1: string;
  readonly line2: string;
  readonly line3: string;
  readonly city: string;
  readonly postCode: string;
  readonly subdivision: string;
  readonly country: string;
}

/**
 * Builds the schema of a postal address with the business term ids of the group it serves.
 *
 * @example
 * const SellerAddress = makeAddressSchema(SELLER_ADDRESS_TERMS);
 * SellerAddress.parse({ countryCode: 'SE', city: 'Stockholm' });
 */
export function makeAddressSchema(t: AddressTerms) {
  return z
    .object({
      line1: z.string().optional().describe(`${t.line1} Address line 1 (cbc:StreetName)`),
      line2: z.string().optional().describe(`${t.line2} Address line 2 (cbc:AdditionalStreetName)`),
      line3: z.string().optional().describe(`${t.line3} Address line 3 (cac:AddressLine/cbc:Line)`),
      city: z.string().optional().describe(`${t.city} City`),
      postCode: z.string().optional().describe(`${t.postCode} Post code`),
      countrySubdivision: z.string().optional().describe(`${t.subdivision} Country subdivision`),
      countryCode: codeSchema(COUNTRY_CODES, 'ISO 3166-1 alpha-2').describe(`${t.country} Country code`),
    })
    .describe(`${t.group} Postal address`);
}

/** BG-5 Seller postal address. */
export const SELLER_ADDRESS_TERMS: AddressTerms = {
  group: 'BG-5', line1: 'BT-35', line2: 'BT-36', line3: 'BT-162', city: 'BT-37', postCode: 'BT-38', subdivision: 'BT-39', country: 'BT-40',
};
/** BG-8 Buyer postal address. */
export const BUYER_ADDRESS_TERMS: AddressTerms = {
  group: 'BG-8', line1: 'BT-50', line2: 'BT-51', line3: 'BT-163', city: 'BT-52', postCode: 'BT-53', subdivision: 'BT-54', country: 'BT-55',
};
/** BG-12 Seller tax representative postal address. */
export const TAX_REPRESENTATIVE_ADDRESS_TERMS: AddressTerms = {
  group: 'BG-12', line1: 'BT-64', line2: 'BT-65', line3: 'BT-164', city: 'BT-66', postCode: 'BT-67', subdivision: 'BT-68', country: 'BT-69',
};
/** BG-15 Deliver to address. */
export const DELIVER_TO_ADDRESS_TERMS: AddressTerms = {
  group: 'BG-15', line1: 'BT-75', line2: 'BT-76', line3: 'BT-165', city: 'BT-77', postCode: 'BT-78', subdivision: 'BT-79', country: 'BT-80',
};

/** A postal address (any of BG-5, BG-8, BG-12, BG-15; they share one shape). */
export const AddressSchema = makeAddressSchema(SELLER_ADDRESS_TERMS);
/** See {@link AddressSchema}. */
export type Address = DeepReadonly<z.infer<typeof AddressSchema>>;
