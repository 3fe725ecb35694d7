/**
 * Parties: seller (BG-4, `cac:AccountingSupplierParty`), buyer (BG-7,
 * `cac:AccountingCustomerParty`), payee (BG-10) and the seller's tax representative (BG-11).
 * In self-billing the buyer issues the document, yet the UBL roles stay those of any invoice.
 */
import { EAS_CODES } from '../../model/codes/index.js';
import {
  BUYER_ADDRESS_TERMS,
  SELLER_ADDRESS_TERMS,
  TAX_REPRESENTATIVE_ADDRESS_TERMS,
} from '../../model/address.js';
import type { Buyer, Contact, Endpoint, Payee, Seller, TaxRepresentative } from '../../model/party.js';
import type { Identifier } from '../../model/primitives.js';
import { readAddress } from './address.js';
import type { ReadContext, TermLabel } from './context.js';
import { defined, isEmpty } from './util.js';
import type { XmlElement } from './xml.js';

/**
 * Reads `cbc:EndpointID` with its EAS scheme (BT-34/BT-49 and their -1). The endpoint is
 * optional in the model as in EN 16931 (Peppol requires it through PEPPOL-EN16931-R010 /
 * R020, which validation reports), so an absent one is not a parse error; a present one
 * without its mandatory scheme is.
 *
 * @param ctx - reading context
 * @param party - the `cac:Party` element
 * @param term - label of the endpoint term
 * @returns the endpoint, or undefined when the party has none
 * @example
 * readEndpoint(ctx, party, 'BT-34 Seller electronic address');
 */
export function readEndpoint(ctx: ReadContext, party: XmlElement | undefined, term: TermLabel): Endpoint | undefined {
  const el = ctx.one(party, 'cbc:EndpointID');
  if (el === undefined) return undefined;
  const id = el.text();
  const schemeId = ctx.attr(el, 'schemeID');
  if (id === '') {
    ctx.missing(party, 'cbc:EndpointID', term);
    return { id: '', schemeId: schemeId ?? '' };
  }
  const schemeTerm = `${term.split(' ')[0] ?? ''}-1 Electronic address scheme identifier`;
  if (schemeId === undefined || schemeId === '') {
    ctx.report(
      'error',
      'MISSING-ATTRIBUTE',
      `${schemeTerm} is mandatory: add schemeID with an EAS code to cbc:EndpointID (e.g. schemeID="0088" for a GLN).`,
      el,
      { path: `${el.path}/@schemeID`, businessTerm: schemeTerm.split(' ')[0] ?? '' },
    );
    return { id, schemeId: '' };
  }
  ctx.checkCode(schemeId, EAS_CODES, 'EAS', schemeTerm, el, 'schemeID');
  return { id, schemeId };
}

/**
 * Reads an identifier element with its optional `schemeID`.
 *
 * @param ctx - reading context
 * @param el - the identifier element (`cbc:ID`, `cbc:CompanyID`)
 * @returns the identifier, or undefined when the element is absent or empty
 * @example
 * readIdentifier(ctx, ctx.one(identification, 'cbc:ID'));
 */
export function readIdentifier(ctx: ReadContext, el: XmlElement | undefined): Identifier | undefined {
  if (el === undefined) return undefined;
  const id = el.text();
  const schemeId = ctx.attr(el, 'schemeID');
  if (id === '') return undefined;
  return defined({ id, schemeId });
}

/** `cac:PartyIdentification/cbc:ID` each (BT-29, BT-46, BT-60, BT-90). */
function readIdentifiers(ctx: ReadContext, party: XmlElement | undefined): Identifier[] {
  const out: Identifier[] = [];
  for (const pi of ctx.all(party, 'cac:PartyIdentification')) {
    const id = readIdentifier(ctx, ctx.one(pi, 'cbc:ID'));
    if (id !== undefined) out.push(id);
  }
  return out;
}

function readContact(ctx: ReadContext, party: XmlElement | undefined, terms: readonly [string, string, string]): Contact | undefined {
  const el = ctx.one(party, 'cac:Contact');
  if (el === undefined) return undefined;
  const contact = defined({
    name: ctx.text(el, 'cbc:Name', terms[0]),
    telephone: ctx.text(el, 'cbc:Telephone', terms[1]),
    email: ctx.text(el, 'cbc:ElectronicMail', terms[2]),
  });
  return isEmpty(contact) ? undefined : contact;
}

/**
 * Tax schemes of a party: the VAT identifier (BT-31/BT-48) and, for the seller only, one other
 * registration (BT-32). A second VAT entry, or a non-VAT entry where the model has none,
 * stays unread and is reported as unmapped.
 */
function readTaxSchemes(
  ctx: ReadContext,
  party: XmlElement | undefined,
  allowOther: boolean,
): { vat?: string | undefined; other?: { id: string; taxScheme: string } | undefined } {
  let vat: string | undefined;
  let other: { id: string; taxScheme: string } | undefined;
  for (const pts of party?.children() ?? []) {
    if (pts.key !== 'cac:PartyTaxScheme') continue;
    const scheme = pts.children().find((c) => c.key === 'cac:TaxScheme')?.children().find((c) => c.key === 'cbc:ID')?.text() ?? '';
    // Exactly "VAT" (as BR-CO-09 and the binding expect); any other scheme id, "vat" included,
    // is kept as written in the tax registration (BT-32).
    const isVat = scheme === 'VAT';
    if (isVat ? vat !== undefined : !allowOther || other !== undefined) continue;
    pts.used = true;
    const company = ctx.one(pts, 'cbc:CompanyID')?.text() ?? '';
    ctx.textAt(pts, ['cac:TaxScheme', 'cbc:ID'], 'Tax scheme');
    if (isVat) {
      vat = company;
      if (other !== undefined) {
        ctx.report(
          'warning',
          'ORDER-NORMALIZED',
          'The tax registration (BT-32) comes before the VAT identifier (BT-31): both are kept, but serializeUbl writes the VAT identifier first.',
          pts,
          { businessTerm: 'BT-31' },
        );
      }
    } else other = { id: company, taxScheme: scheme };
  }
  return defined({ vat, other });
}

/**
 * Reads the seller (BG-4) from `cac:AccountingSupplierParty`.
 *
 * @param ctx - reading context
 * @param root - the document element
 * @returns the seller
 * @example
 * const seller = readSeller(ctx, root);
 */
export function readSeller(ctx: ReadContext, root: XmlElement): Seller {
  const wrapper = ctx.one(root, 'cac:AccountingSupplierParty');
  const party = ctx.one(wrapper, 'cac:Party');
  if (party === undefined) {
    ctx.missing(root, 'cac:AccountingSupplierParty/cac:Party', 'BG-4 Seller');
  }
  const legal = ctx.one(party, 'cac:PartyLegalEntity');
  const tax = readTaxSchemes(ctx, party, true);
  const contact = readContact(ctx, party, ['BT-41 Seller contact point', 'BT-42 Seller contact telephone number', 'BT-43 Seller contact email address']);
  const seller = {
    endpoint: readEndpoint(ctx, party, 'BT-34 Seller electronic address'),
    identifiers: readIdentifiers(ctx, party),
    tradingName: ctx.textAt(party, ['cac:PartyName', 'cbc:Name'], 'BT-28 Seller trading name'),
    postalAddress: readAddress(ctx, ctx.one(party, 'cac:PostalAddress'), SELLER_ADDRESS_TERMS, party && [party, 'cac:PostalAddress']),
    vatIdentifier: tax.vat,
    taxRegistration: tax.other,
    name: (party && ctx.textAt(party, ['cac:PartyLegalEntity', 'cbc:RegistrationName'], 'BT-27 Seller name', { required: true })) ?? '',
    legalRegistrationIdentifier: readIdentifier(ctx, ctx.one(legal, 'cbc:CompanyID')),
    additionalLegalInformation: ctx.text(legal, 'cbc:CompanyLegalForm', 'BT-33 Seller additional legal information'),
    contact,
  };
  return defined(seller);
}

/**
 * Reads the buyer (BG-7) from `cac:AccountingCustomerParty`.
 *
 * @param ctx - reading context
 * @param root - the document element
 * @returns the buyer
 * @example
 * const buyer = readBuyer(ctx, root);
 */
export function readBuyer(ctx: ReadContext, root: XmlElement): Buyer {
  const wrapper = ctx.one(root, 'cac:AccountingCustomerParty');
  const party = ctx.one(wrapper, 'cac:Party');
  if (party === undefined) {
    ctx.missing(root, 'cac:AccountingCustomerParty/cac:Party', 'BG-7 Buyer');
  }
  const legal = ctx.one(party, 'cac:PartyLegalEntity');
  const tax = readTaxSchemes(ctx, party, false);
  const buyer = {
    endpoint: readEndpoint(ctx, party, 'BT-49 Buyer electronic address'),
    identifiers: readIdentifiers(ctx, party),
    tradingName: ctx.textAt(party, ['cac:PartyName', 'cbc:Name'], 'BT-45 Buyer trading name'),
    postalAddress: readAddress(ctx, ctx.one(party, 'cac:PostalAddress'), BUYER_ADDRESS_TERMS, party && [party, 'cac:PostalAddress']),
    vatIdentifier: tax.vat,
    name: (party && ctx.textAt(party, ['cac:PartyLegalEntity', 'cbc:RegistrationName'], 'BT-44 Buyer name', { required: true })) ?? '',
    legalRegistrationIdentifier: readIdentifier(ctx, ctx.one(legal, 'cbc:CompanyID')),
    contact: readContact(ctx, party, ['BT-56 Buyer contact point', 'BT-57 Buyer contact telephone number', 'BT-58 Buyer contact email address']),
  };
  return defined(buyer);
}

/**
 * Reads the payee (BG-10) from `cac:PayeeParty`, when present.
 *
 * @param ctx - reading context
 * @param root - the document element
 * @returns the payee or undefined
 * @example
 * const payee = readPayee(ctx, root);
 */
export function readPayee(ctx: ReadContext, root: XmlElement): Payee | undefined {
  const el = ctx.one(root, 'cac:PayeeParty');
  if (el === undefined) return undefined;
  return defined({
    identifiers: readIdentifiers(ctx, el),
    name: ctx.textAt(el, ['cac:PartyName', 'cbc:Name'], 'BT-59 Payee name', { required: true }) ?? '',
    legalRegistrationIdentifier: readIdentifier(ctx, ctx.one(ctx.one(el, 'cac:PartyLegalEntity'), 'cbc:CompanyID')),
  });
}

/**
 * Reads the seller tax representative (BG-11) from `cac:TaxRepresentativeParty`, when present.
 *
 * @param ctx - reading context
 * @param root - the document element
 * @returns the tax representative or undefined
 * @example
 * const rep = readTaxRepresentative(ctx, root);
 */
export function readTaxRepresentative(ctx: ReadContext, root: XmlElement): TaxRepresentative | undefined {
  const el = ctx.one(root, 'cac:TaxRepresentativeParty');
  if (el === undefined) return undefined;
  const tax = readTaxSchemesSingle(ctx, el);
  return {
    name: ctx.textAt(el, ['cac:PartyName', 'cbc:Name'], 'BT-62 Seller tax representative name', { required: true }) ?? '',
    postalAddress: readAddress(ctx, ctx.one(el, 'cac:PostalAddress'), TAX_REPRESENTATIVE_ADDRESS_TERMS, [el, 'cac:PostalAddress']),
    vatIdentifier: tax,
  };
}

/** BT-63: the representative's one `cac:PartyTaxScheme` (VAT). */
function readTaxSchemesSingle(ctx: ReadContext, el: XmlElement): string {
  const pts = ctx.one(el, 'cac:PartyTaxScheme');
  const company = ctx.one(pts, 'cbc:CompanyID')?.text() ?? '';
  ctx.textAt(pts, ['cac:TaxScheme', 'cbc:ID'], 'Tax scheme');
  if (company === '') ctx.missing(el, 'cac:PartyTaxScheme/cbc:CompanyID', 'BT-63 Seller tax representative VAT identifier');
  return company;
}
