/**
 * Profiles as plain data: how a document says which specification it follows
 * (BT-24 CustomizationID, BT-23 ProfileID) and which BT-3 type codes each allows.
 * Detection (`detect.ts`) is a lookup in this table.
 */
import { SELF_BILLING_CUSTOMIZATION_ID, SELF_BILLING_PROFILE_ID } from '../model/identifiers.js';
import type { ProfileId } from './types.js';

// BT-24 / BT-23 of Peppol BIS Self-Billing 3.0: defined once, by the model (the serializer
// writes them as defaults); profiles re-export them so detection has its identifiers in one place.
export { SELF_BILLING_CUSTOMIZATION_ID, SELF_BILLING_PROFILE_ID };

/** One specification a UBL document can claim to follow. */
export interface ProfileDefinition {
  readonly id: Exclude<ProfileId, 'unknown'>;
  readonly name: string;
  /**
   * BT-24 prefixes: a CIUS or extension appends `#compliant#...`/`#conformant#...` to
   * the id it builds on, so a document matches the profile whose id starts its own.
   */
  readonly customizationIdPrefixes: readonly string[];
  /** BT-23 values the profile expects; empty when any (or none) is accepted. */
  readonly profileIds: readonly string[];
  /** Allowed BT-3 codes for an `Invoice` root; undefined = the EN 16931 code list. */
  readonly invoiceTypeCodes?: readonly string[];
  /** Allowed BT-3 codes for a `CreditNote` root. */
  readonly creditNoteTypeCodes?: readonly string[];
  /** True when the profile is for documents the buyer issues on the seller's behalf. */
  readonly selfBilling: boolean;
  /** Peppol process identifier (scheme `cenbii-procid-ubl`), for Peppol profiles. */
  readonly peppolProcessId?: string;
}

/** BT-24 of Peppol BIS Billing 3.0. */
export const BILLING_CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
/** BT-23 of Peppol BIS Billing 3.0. */
export const BILLING_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

/** UNCL 1001 codes that mean "self-billed": 389 invoice, 527 debit note, 261 credit note. */
export const SELF_BILLING_TYPE_CODES: readonly string[] = ['389', '527', '261'];

/**
 * The profiles we recognise, most specific first (the generic EN 16931 entry last,
 * because every CIUS id starts with its id).
 *
 * @example
 * PROFILES.find((p) => p.id === 'peppol-selfbilling-3.0')?.invoiceTypeCodes; // ['389', '527']
 */
export const PROFILES: readonly ProfileDefinition[] = [
  {
    id: 'peppol-selfbilling-3.0',
    name: 'Peppol BIS Self-Billing 3.0',
    customizationIdPrefixes: [SELF_BILLING_CUSTOMIZATION_ID],
    profileIds: [SELF_BILLING_PROFILE_ID],
    // Code lists UNCL1001-sbinv and UNCL1001-sbcn of the self-billing BIS.
    invoiceTypeCodes: ['389', '527'],
    creditNoteTypeCodes: ['261'],
    selfBilling: true,
    peppolProcessId: SELF_BILLING_PROFILE_ID,
  },
  {
    id: 'peppol-billing-3.0',
    name: 'Peppol BIS Billing 3.0',
    customizationIdPrefixes: [BILLING_CUSTOMIZATION_ID],
    profileIds: [BILLING_PROFILE_ID],
    // Peppol BIS Billing 3.0 subsets of UNCL 1001 (PEPPOL-EN16931-P0100 / P0101).
    invoiceTypeCodes: ['71', '80', '82', '84', '102', '218', '219', '331', '380', '382', '383', '386', '388', '393', '395', '553', '575', '623', '780', '817', '870', '875', '876', '877'],
    creditNoteTypeCodes: ['81', '83', '381', '396', '532'],
    selfBilling: false,
    peppolProcessId: BILLING_PROFILE_ID,
  },
  {
    id: 'xrechnung-3.0',
    name: 'XRechnung 3.0',
    customizationIdPrefixes: ['urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0'],
    profileIds: [],
    invoiceTypeCodes: ['326', '380', '384', '389', '381', '875', '876', '877'],
    creditNoteTypeCodes: ['381'],
    selfBilling: false,
  },
  {
    id: 'nlcius',
    name: 'SI-UBL 2.0 (NLCIUS)',
    customizationIdPrefixes: ['urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0'],
    profileIds: [],
    selfBilling: false,
  },
  {
    id: 'en16931',
    name: 'EN 16931 (generic)',
    customizationIdPrefixes: ['urn:cen.eu:en16931:2017'],
    profileIds: [],
    selfBilling: false,
  },
];

/**
 * Finds the profile whose BT-24 prefix starts `customizationId` (most specific first).
 *
 * @example
 * findProfileByCustomizationId(SELF_BILLING_CUSTOMIZATION_ID)?.id; // 'peppol-selfbilling-3.0'
 */
export function findProfileByCustomizationId(customizationId: string): ProfileDefinition | undefined {
  const id = customizationId.trim();
  return PROFILES.find((p) => p.customizationIdPrefixes.some((prefix) => id.startsWith(prefix)));
}

/**
 * The Peppol document type identifier (scheme `busdox-docid-qns`) of a UBL 2.1 document.
 *
 * @example
 * peppolDocumentTypeId('Invoice', SELF_BILLING_CUSTOMIZATION_ID);
 * // 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:selfbilling:3.0::2.1'
 */
export function peppolDocumentTypeId(root: 'Invoice' | 'CreditNote', customizationId: string): string {
  return `urn:oasis:names:specification:ubl:schema:xsd:${root}-2::${root}##${customizationId.trim()}::2.1`;
}
