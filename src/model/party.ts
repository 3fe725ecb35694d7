/**
 * The parties of a self-billed document. In self-billing the BUYER (customer) issues and
 * sends the document and the SELLER (supplier) receives it, yet the XML roles stay as in
 * any invoice: the seller is `cac:AccountingSupplierParty`, the buyer
 * `cac:AccountingCustomerParty`.
 */
import { z } from 'zod';
import { EAS_CODES } from './codes/index.js';
import {
  BUYER_ADDRESS_TERMS,
  makeAddressSchema,
  SELLER_ADDRESS_TERMS,
  TAX_REPRESENTATIVE_ADDRESS_TERMS,
} from './address.js';
import { codeSchema, IdentifierSchema, TextSchema } from './primitives.js';
import type { DeepReadonly } from './readonly.js';

/**
 * A Peppol electronic address: the endpoint identifier with its EAS scheme (mandatory in Peppol).
 *
 * @example
 * EndpointSchema.parse({ id: '7300010000001', schemeId: '0088' });
 */
export const EndpointSchema = z.object({
  id: TextSchema.describe('Endpoint identifier (cbc:EndpointID)'),
  schemeId: codeSchema(EAS_CODES, 'EAS').describe('Electronic address scheme (schemeID, EAS code list)'),
});
/** See {@link EndpointSchema}. */
export type Endpoint = DeepReadonly<z.infer<typeof EndpointSchema>>;

/**
 * Builds the schema of a contact point with the business term ids of its group.
 *
 * @example
 * makeContactSchema('BG-6', ['BT-41', 'BT-42', 'BT-43']).parse({ name: 'Lisa Johnson' });
 */
export function makeContactSchema(group: string, [name, telephone, email]: readonly [string, string, string]) {
  return z
    .object({
      name: z.string().optional().describe(`${name} Contact point`),
      telephone: z.string().optional().describe(`${telephone} Contact telephone number`),
      email: z.string().optional().describe(`${email} Contact email address`),
    })
    .describe(`${group} Contact`);
}

/**
 * A contact point (BG-6 seller contact; BG-9 buyer contact has the same shape).
 *
 * @example
 * ContactSchema.parse({ name: 'Lisa Johnson', email: 'lj@buyer.se' });
 */
export const ContactSchema = makeContactSchema('BG-6', ['BT-41', 'BT-42', 'BT-43']);
/** See {@link ContactSchema}. */
export type Contact = DeepReadonly<z.infer<typeof ContactSchema>>;

/**
 * A tax registration other than VAT (BT-32): the identifier and the tax scheme it belongs to
 * (`cac:PartyTaxScheme/cac:TaxScheme/cbc:ID`, anything but `VAT`, commonly `TAX`).
 */
export const TaxRegistrationSchema = z.object({
  id: TextSchema.describe('BT-32 Seller tax registration identifier'),
  taxScheme: TextSchema.describe('Tax scheme of the registration (not VAT), e.g. "TAX"'),
});

/**
 * BG-4 SELLER: the supplier, who receives the self-billed document and stays liable for its VAT.
 *
 * @example
 * SellerSchema.parse({
 *   name: 'SupplierOfficialName Ltd', endpoint: { id: '7300010000001', schemeId: '0088' },
 *   postalAddress: { countryCode: 'GB' }, vatIdentifier: 'GB1232434',
 * });
 */
export const SellerSchema = z
  .object({
    // Optional in EN 16931 (documents outside Peppol lack it); Peppol requires it (PEPPOL-EN16931-R020),
    // which validation and the builders enforce, so that reading a CEN document never fails on it.
    endpoint: EndpointSchema.optional().describe('BT-34 Seller electronic address (Peppol receiver of a self-billed document)'),
    identifiers: z.array(IdentifierSchema).default([]).describe('BT-29 Seller identifier / BT-90 Bank assigned creditor identifier (schemeID SEPA)'),
    tradingName: z.string().optional().describe('BT-28 Seller trading name'),
    postalAddress: makeAddressSchema(SELLER_ADDRESS_TERMS).describe('BG-5 Seller postal address'),
    vatIdentifier: z.string().optional().describe('BT-31 Seller VAT identifier'),
    taxRegistration: TaxRegistrationSchema.optional().describe('BT-32 Seller tax registration identifier'),
    name: TextSchema.describe('BT-27 Seller name'),
    legalRegistrationIdentifier: IdentifierSchema.optional().describe('BT-30 Seller legal registration identifier'),
    additionalLegalInformation: z.string().optional().describe('BT-33 Seller additional legal information'),
    contact: ContactSchema.optional().describe('BG-6 Seller contact'),
  })
  .describe('BG-4 Seller');
/** See {@link SellerSchema}. */
export type Seller = DeepReadonly<z.infer<typeof SellerSchema>>;

/**
 * BG-7 BUYER: the customer, who issues and sends the self-billed document.
 *
 * @example
 * BuyerSchema.parse({
 *   name: 'Buyer Official Name', endpoint: { id: 'FR23342', schemeId: '0002' },
 *   postalAddress: { countryCode: 'SE' },
 * });
 */
export const BuyerSchema = z
  .object({
    // Optional in EN 16931, required by Peppol (PEPPOL-EN16931-R010): see the seller's endpoint.
    endpoint: EndpointSchema.optional().describe('BT-49 Buyer electronic address (Peppol sender of a self-billed document)'),
    identifiers: z.array(IdentifierSchema).default([]).describe('BT-46 Buyer identifier'),
    tradingName: z.string().optional().describe('BT-45 Buyer trading name'),
    postalAddress: makeAddressSchema(BUYER_ADDRESS_TERMS).describe('BG-8 Buyer postal address'),
    vatIdentifier: z.string().optional().describe('BT-48 Buyer VAT identifier'),
    name: TextSchema.describe('BT-44 Buyer name'),
    legalRegistrationIdentifier: IdentifierSchema.optional().describe('BT-47 Buyer legal registration identifier'),
    contact: makeContactSchema('BG-9', ['BT-56', 'BT-57', 'BT-58']).optional().describe('BG-9 Buyer contact'),
  })
  .describe('BG-7 Buyer');
/** See {@link BuyerSchema}. */
export type Buyer = DeepReadonly<z.infer<typeof BuyerSchema>>;

/**
 * BG-10 PAYEE: who receives the payment when it is not the seller.
 *
 * @example
 * PayeeSchema.parse({ name: 'Factoring AB', identifiers: [{ id: 'DE98ZZZ09999999999', schemeId: 'SEPA' }] });
 */
export const PayeeSchema = z
  .object({
    identifiers: z.array(IdentifierSchema).default([]).describe('BT-60 Payee identifier / BT-90 Bank assigned creditor identifier'),
    name: TextSchema.describe('BT-59 Payee name'),
    legalRegistrationIdentifier: IdentifierSchema.optional().describe('BT-61 Payee legal registration identifier'),
  })
  .describe('BG-10 Payee');
/** See {@link PayeeSchema}. */
export type Payee = DeepReadonly<z.infer<typeof PayeeSchema>>;

/**
 * BG-11 SELLER TAX REPRESENTATIVE PARTY.
 *
 * @example
 * TaxRepresentativeSchema.parse({ name: 'Tax Rep', postalAddress: { countryCode: 'NO' }, vatIdentifier: 'NO999888777MVA' });
 */
export const TaxRepresentativeSchema = z
  .object({
    name: TextSchema.describe('BT-62 Seller tax representative name'),
    postalAddress: makeAddressSchema(TAX_REPRESENTATIVE_ADDRESS_TERMS).describe('BG-12 Seller tax representative postal address'),
    vatIdentifier: TextSchema.describe('BT-63 Seller tax representative VAT identifier'),
  })
  .describe('BG-11 Seller tax representative party');
/** See {@link TaxRepresentativeSchema}. */
export type TaxRepresentative = DeepReadonly<z.infer<typeof TaxRepresentativeSchema>>;
