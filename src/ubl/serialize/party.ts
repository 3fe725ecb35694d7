/**
 * The parties. In self-billing the buyer issues the document, yet the UBL roles stay as in
 * any invoice: seller (BG-4) = `cac:AccountingSupplierParty`, buyer (BG-7) =
 * `cac:AccountingCustomerParty`; then `cac:PayeeParty` (BG-10) and
 * `cac:TaxRepresentativeParty` (BG-11).
 */
import {
  BUYER_ADDRESS_TERMS,
  SELLER_ADDRESS_TERMS,
  TAX_REPRESENTATIVE_ADDRESS_TERMS,
  type AddressTerms,
} from '../../model/address.js';
import type { Buyer, Contact, Endpoint, Payee, Seller, TaxRepresentative } from '../../model/party.js';
import type { Identifier } from '../../model/primitives.js';
import type { DeepReadonly } from '../../model/readonly.js';
import { writeAddress } from './address.js';
import { writeVatScheme } from './tax.js';
import type { UblWriter } from './writer.js';

/** Business terms of one of the two main parties, so seller and buyer share the code. */
interface PartyTerms {
  readonly group: string;
  readonly endpoint: string;
  readonly identifier: string;
  readonly tradingName: string;
  readonly vat: string;
  readonly name: string;
  readonly legalId: string;
  readonly contact: string;
  readonly contactName: string;
  readonly telephone: string;
  readonly email: string;
  readonly address: AddressTerms;
}

const SELLER_TERMS: PartyTerms = {
  group: 'BG-4 Seller',
  endpoint: 'BT-34 Seller electronic address',
  identifier: 'BT-29 Seller identifier',
  tradingName: 'BT-28 Seller trading name',
  vat: 'BT-31 Seller VAT identifier',
  name: 'BT-27 Seller name',
  legalId: 'BT-30 Seller legal registration identifier',
  contact: 'BG-6 Seller contact',
  contactName: 'BT-41 Seller contact point',
  telephone: 'BT-42 Seller contact telephone number',
  email: 'BT-43 Seller contact email address',
  address: SELLER_ADDRESS_TERMS,
};

const BUYER_TERMS: PartyTerms = {
  group: 'BG-7 Buyer',
  endpoint: 'BT-49 Buyer electronic address',
  identifier: 'BT-46 Buyer identifier',
  tradingName: 'BT-45 Buyer trading name',
  vat: 'BT-48 Buyer VAT identifier',
  name: 'BT-44 Buyer name',
  legalId: 'BT-47 Buyer legal registration identifier',
  contact: 'BG-9 Buyer contact',
  contactName: 'BT-56 Buyer contact point',
  telephone: 'BT-57 Buyer contact telephone number',
  email: 'BT-58 Buyer contact email address',
  address: BUYER_ADDRESS_TERMS,
};

/** The fields seller and buyer have in common. */
type MainParty = Pick<Seller, 'endpoint' | 'identifiers' | 'tradingName' | 'postalAddress' | 'vatIdentifier' | 'name' | 'legalRegistrationIdentifier' | 'contact'>;

/**
 * Writes BG-4 SELLER as `cac:AccountingSupplierParty/cac:Party`.
 *
 * @param w - the writer
 * @param seller - the seller (required)
 * @example
 * writeSeller(w, doc.seller);
 */
export function writeSeller(w: UblWriter, seller: Seller): void {
  const s = w.requiredGroup(seller, SELLER_TERMS.group, 'seller');
  w.enter('seller');
  w.start('cac:AccountingSupplierParty');
  writeMainParty(w, s, SELLER_TERMS, () => {
    // BT-32: a second PartyTaxScheme whose scheme is not VAT (commonly "TAX").
    const reg = s.taxRegistration;
    if (reg === undefined) return;
    w.enter('taxRegistration');
    w.start('cac:PartyTaxScheme');
    w.requiredText('cbc:CompanyID', reg.id, 'BT-32 Seller tax registration identifier', 'id');
    w.start('cac:TaxScheme');
    w.requiredText('cbc:ID', reg.taxScheme, 'BT-32 Seller tax registration scheme', 'taxScheme');
    w.end();
    w.end();
    w.leave();
  }, s.additionalLegalInformation);
  w.end();
  w.leave();
}

/**
 * Writes BG-7 BUYER as `cac:AccountingCustomerParty/cac:Party`.
 *
 * @param w - the writer
 * @param buyer - the buyer (required)
 * @example
 * writeBuyer(w, doc.buyer);
 */
export function writeBuyer(w: UblWriter, buyer: Buyer): void {
  const b = w.requiredGroup(buyer, BUYER_TERMS.group, 'buyer');
  w.enter('buyer');
  w.start('cac:AccountingCustomerParty');
  writeMainParty(w, b, BUYER_TERMS, undefined, undefined);
  w.end();
  w.leave();
}

/**
 * Writes BG-10 PAYEE as `cac:PayeeParty`; nothing when there is no payee.
 *
 * @param w - the writer
 * @param payee - the payee, when not the seller
 * @example
 * writePayee(w, doc.payee);
 */
export function writePayee(w: UblWriter, payee: Payee | undefined): void {
  if (payee === undefined) return;
  w.enter('payee');
  w.start('cac:PayeeParty');
  // BT-60 payee identifier, or BT-90 bank assigned creditor identifier (schemeID SEPA).
  writeIdentifiers(w, payee.identifiers, 'BT-60 Payee identifier');
  w.start('cac:PartyName');
  w.requiredText('cbc:Name', payee.name, 'BT-59 Payee name', 'name');
  w.end();
  const legal = payee.legalRegistrationIdentifier;
  if (legal !== undefined) {
    w.enter('legalRegistrationIdentifier');
    w.start('cac:PartyLegalEntity');
    w.requiredText('cbc:CompanyID', legal.id, 'BT-61 Payee legal registration identifier', 'id', { schemeID: legal.schemeId });
    w.end();
    w.leave();
  }
  w.end();
  w.leave();
}

/**
 * Writes BG-11 SELLER TAX REPRESENTATIVE PARTY as `cac:TaxRepresentativeParty`.
 *
 * @param w - the writer
 * @param rep - the tax representative, if any
 * @example
 * writeTaxRepresentative(w, doc.taxRepresentative);
 */
export function writeTaxRepresentative(w: UblWriter, rep: TaxRepresentative | undefined): void {
  if (rep === undefined) return;
  w.enter('taxRepresentative');
  w.start('cac:TaxRepresentativeParty');
  w.start('cac:PartyName');
  w.requiredText('cbc:Name', rep.name, 'BT-62 Seller tax representative name', 'name');
  w.end();
  writeAddress(w, 'cac:PostalAddress', rep.postalAddress, TAX_REPRESENTATIVE_ADDRESS_TERMS, 'postalAddress', true);
  w.start('cac:PartyTaxScheme');
  w.requiredText('cbc:CompanyID', rep.vatIdentifier, 'BT-63 Seller tax representative VAT identifier', 'vatIdentifier');
  writeVatScheme(w);
  w.end();
  w.end();
  w.leave();
}

/**
 * `cac:Party` of seller or buyer in PartyType order: EndpointID, PartyIdentification,
 * PartyName, PostalAddress, PartyTaxScheme (VAT first, then the seller's BT-32),
 * PartyLegalEntity, Contact.
 */
function writeMainParty(
  w: UblWriter,
  party: MainParty,
  t: PartyTerms,
  writeOtherTaxScheme: (() => void) | undefined,
  legalForm: string | undefined,
): void {
  w.start('cac:Party');
  // The endpoint is optional in EN 16931 and UBL; Peppol requires it (PEPPOL-EN16931-R020/R010),
  // which validation reports. When there is one, its EAS scheme is mandatory.
  const endpoint: Endpoint | undefined = party.endpoint;
  if (endpoint !== undefined) {
    w.enter('endpoint');
    const scheme = w.requiredString(endpoint.schemeId, `${t.endpoint} scheme`, 'schemeId');
    w.requiredText('cbc:EndpointID', endpoint.id, t.endpoint, 'id', { schemeID: scheme });
    w.leave();
  }
  writeIdentifiers(w, party.identifiers, t.identifier);
  w.start('cac:PartyName');
  w.text('cbc:Name', party.tradingName, t.tradingName, 'tradingName');
  w.end();
  writeAddress(w, 'cac:PostalAddress', party.postalAddress, t.address, 'postalAddress', true);
  if (party.vatIdentifier !== undefined && party.vatIdentifier.trim() !== '') {
    w.start('cac:PartyTaxScheme');
    w.text('cbc:CompanyID', party.vatIdentifier, t.vat, 'vatIdentifier');
    writeVatScheme(w);
    w.end();
  }
  writeOtherTaxScheme?.();
  w.start('cac:PartyLegalEntity');
  w.requiredText('cbc:RegistrationName', party.name, t.name, 'name');
  const legal = party.legalRegistrationIdentifier;
  if (legal !== undefined) {
    w.enter('legalRegistrationIdentifier');
    w.requiredText('cbc:CompanyID', legal.id, t.legalId, 'id', { schemeID: legal.schemeId });
    w.leave();
  }
  // BT-33 Seller additional legal information (the buyer has none).
  w.text('cbc:CompanyLegalForm', legalForm, 'BT-33 Seller additional legal information', 'additionalLegalInformation');
  w.end();
  writeContact(w, party.contact, t);
  w.end();
}

function writeContact(w: UblWriter, contact: Contact | undefined, t: PartyTerms): void {
  if (contact === undefined) return;
  w.enter('contact');
  w.start('cac:Contact');
  w.text('cbc:Name', contact.name, t.contactName, 'name');
  w.text('cbc:Telephone', contact.telephone, t.telephone, 'telephone');
  w.text('cbc:ElectronicMail', contact.email, t.email, 'email');
  w.end();
  w.leave();
}

/**
 * One `cac:PartyIdentification/cbc:ID[@schemeID]` per identifier. An identifier with
 * schemeID `SEPA` is BT-90, the bank assigned creditor identifier (direct debit).
 */
function writeIdentifiers(w: UblWriter, identifiers: readonly DeepReadonly<Identifier>[] | undefined, term: string): void {
  if (identifiers === undefined) return;
  w.enter('identifiers');
  for (let i = 0; i < identifiers.length; i++) {
    const id = w.requiredGroup(identifiers[i], term, i);
    w.enter(i);
    w.start('cac:PartyIdentification');
    w.requiredText('cbc:ID', id.id, id.schemeId === 'SEPA' ? 'BT-90 Bank assigned creditor identifier' : term, 'id', { schemeID: id.schemeId });
    w.end();
    w.leave();
  }
  w.leave();
}
