/**
 * Profile detection from the document header, without parsing the document: a few
 * `indexOf`/regex reads, so it costs microseconds even on a 50 MB invoice.
 */
import { readRootTag, unwrapSbdh } from '../ubl/input.js';
import {
  BILLING_PROFILE_ID,
  findProfileByCustomizationId,
  peppolDocumentTypeId,
  SELF_BILLING_CUSTOMIZATION_ID,
  SELF_BILLING_PROFILE_ID,
  SELF_BILLING_TYPE_CODES,
} from './profiles.js';
import type { DetectedProfile, PeppolParticipant, PeppolRoutingInfo, ProfileDiagnostic } from './types.js';

/** An endpoint as written: BT-34 / BT-49 with its EAS scheme. */
export interface EndpointHeader {
  readonly scheme?: string;
  readonly id: string;
}

/** The header fields detection looks at, when the caller already has them. */
export interface DocumentHeader {
  /** Local name of the root element (`Invoice`, `CreditNote`). */
  readonly root: string;
  readonly customizationId?: string;
  readonly profileId?: string;
  readonly typeCode?: string;
  /** AccountingSupplierParty EndpointID (BT-34). */
  readonly supplierEndpoint?: EndpointHeader;
  /** AccountingCustomerParty EndpointID (BT-49). */
  readonly customerEndpoint?: EndpointHeader;
}

function elementText(text: string, local: string, from = 0, window = text.length): string | undefined {
  const slice = from === 0 && window === text.length ? text : text.slice(from, from + window);
  const m = new RegExp(`<(?:[\\w.-]+:)?${local}(?:\\s[^>]*)?>([^<]*)</`).exec(slice);
  return m?.[1]?.trim();
}

function endpointAfter(text: string, partyLocal: string): EndpointHeader | undefined {
  const at = new RegExp(`<(?:[\\w.-]+:)?${partyLocal}[\\s>]`).exec(text);
  if (!at) return undefined;
  // EndpointID is the first child of cac:Party, a few hundred characters in at most.
  const m = /<(?:[\w.-]+:)?EndpointID(\s[^>]*)?>([^<]*)</.exec(text.slice(at.index, at.index + 2000));
  if (!m || m[2] === undefined) return undefined;
  const scheme = /schemeID\s*=\s*["']([^"']*)["']/.exec(m[1] ?? '')?.[1];
  return scheme === undefined ? { id: m[2].trim() } : { scheme: scheme.trim(), id: m[2].trim() };
}

/**
 * Reads the header fields from XML text without a full parse (SBDH envelopes are
 * unwrapped first).
 *
 * @example
 * readDocumentHeader(xml).customizationId;
 */
export function readDocumentHeader(xml: string): DocumentHeader {
  const { xml: text } = unwrapSbdh(xml);
  const root = readRootTag(text);
  if (!root) return { root: '' };
  const header: {
    -readonly [K in keyof DocumentHeader]: DocumentHeader[K];
  } = { root: root.local };
  const customizationId = elementText(text, 'CustomizationID', root.end, 4000);
  const profileId = elementText(text, 'ProfileID', root.end, 4000);
  const typeCode = elementText(text, root.local === 'CreditNote' ? 'CreditNoteTypeCode' : 'InvoiceTypeCode', root.end, 8000);
  if (customizationId !== undefined) header.customizationId = customizationId;
  if (profileId !== undefined) header.profileId = profileId;
  if (typeCode !== undefined) header.typeCode = typeCode;
  const supplier = endpointAfter(text, 'AccountingSupplierParty');
  const customer = endpointAfter(text, 'AccountingCustomerParty');
  if (supplier) header.supplierEndpoint = supplier;
  if (customer) header.customerEndpoint = customer;
  return header;
}

function participant(e: EndpointHeader | undefined): PeppolParticipant | undefined {
  if (!e || e.scheme === undefined || e.id === '') return undefined;
  return { scheme: e.scheme, id: e.id, participantId: `iso6523-actorid-upis::${e.scheme}:${e.id}` };
}

/**
 * Says which profile a document follows, whether it is self-billed, what looks
 * inconsistent, and (self-billing) how Peppol routes it: the buyer sends, so the
 * sender is the AccountingCustomerParty endpoint (BT-49) and the receiver the
 * AccountingSupplierParty endpoint (BT-34).
 *
 * @param xmlOrHeader XML text (read cheaply, no full parse) or header fields.
 *
 * @example
 * const d = detectProfile(xml);
 * if (d.profile === 'peppol-selfbilling-3.0') console.log(d.routing?.receiver?.participantId);
 */
export function detectProfile(xmlOrHeader: string | DocumentHeader): DetectedProfile {
  const h = typeof xmlOrHeader === 'string' ? readDocumentHeader(xmlOrHeader) : xmlOrHeader;
  const diagnostics: ProfileDiagnostic[] = [];
  const def = h.customizationId === undefined ? undefined : findProfileByCustomizationId(h.customizationId);
  const code = h.typeCode;
  const selfBillingCode = code !== undefined && SELF_BILLING_TYPE_CODES.includes(code);
  const isCreditNote = h.root === 'CreditNote';

  if (h.root !== '' && h.root !== 'Invoice' && h.root !== 'CreditNote') {
    diagnostics.push({ code: 'UNSUPPORTED-ROOT', message: `The root element is ${h.root}; a UBL Invoice or CreditNote is expected.` });
  }
  if (h.customizationId === undefined) {
    diagnostics.push({ code: 'MISSING-CUSTOMIZATION-ID', message: 'The document has no CustomizationID (BT-24), so its specification is unknown.' });
  } else if (!def) {
    diagnostics.push({ code: 'UNKNOWN-CUSTOMIZATION-ID', message: `CustomizationID (BT-24) "${h.customizationId}" is not a specification we know.` });
  }
  if (h.profileId === undefined) {
    diagnostics.push({ code: 'MISSING-PROFILE-ID', message: 'The document has no ProfileID (BT-23); Peppol requires it (PEPPOL-EN16931-R001).' });
  } else if (def && def.profileIds.length > 0 && !def.profileIds.includes(h.profileId)) {
    diagnostics.push({
      code: 'PROFILE-ID-MISMATCH',
      message: `ProfileID (BT-23) "${h.profileId}" does not belong to ${def.name}; expected ${def.profileIds.join(' or ')}.`,
    });
  }
  // A credit note type code on an Invoice root or the reverse: the serializer chose the wrong root.
  if (code !== undefined && h.root === 'CreditNote' && ['389', '527', '380', '383', '384'].includes(code)) {
    diagnostics.push({ code: 'ROOT-TYPE-MISMATCH', message: `A CreditNote root carries the invoice type code ${code}; use an Invoice root, or credit note code 261 (self-billed) / 381.` });
  } else if (code !== undefined && h.root === 'Invoice' && ['261', '381', '396'].includes(code)) {
    diagnostics.push({ code: 'ROOT-TYPE-MISMATCH', message: `An Invoice root carries the credit note type code ${code}; use a CreditNote root.` });
  }
  if (def && code !== undefined) {
    const allowed = isCreditNote ? def.creditNoteTypeCodes : def.invoiceTypeCodes;
    if (def.id === 'peppol-billing-3.0' && selfBillingCode) {
      diagnostics.push({
        code: 'SELF-BILLING-TYPE-UNDER-BILLING',
        message: `Type code ${code} means self-billed, but the identifiers are Peppol Billing 3.0; use CustomizationID ${SELF_BILLING_CUSTOMIZATION_ID} and ProfileID ${SELF_BILLING_PROFILE_ID}.`,
      });
    } else if (def.selfBilling && allowed && !allowed.includes(code)) {
      diagnostics.push({
        code: 'BILLING-TYPE-UNDER-SELF-BILLING',
        message: `Type code ${code} is not self-billed, but the identifiers are Peppol Self-Billing 3.0; use ${allowed.join('/')} here, or the Billing 3.0 identifiers (ProfileID ${BILLING_PROFILE_ID}).`,
      });
    } else if (allowed && !allowed.includes(code)) {
      diagnostics.push({ code: 'TYPE-CODE-NOT-ALLOWED', message: `Type code ${code} is not allowed by ${def.name} for a ${h.root}.` });
    }
  }

  const result: { -readonly [K in keyof DetectedProfile]: DetectedProfile[K] } = {
    profile: def?.id ?? 'unknown',
    // Self-billed = the document says so, by its identifiers or by its type code.
    isSelfBilled: def?.selfBilling === true || selfBillingCode,
    root: h.root,
    diagnostics,
  };
  if (h.customizationId !== undefined) result.customizationId = h.customizationId;
  if (h.profileId !== undefined) result.profileId = h.profileId;
  if (code !== undefined) result.typeCode = code;
  if (def?.selfBilling && (h.root === 'Invoice' || h.root === 'CreditNote') && h.customizationId !== undefined) {
    const routing: { -readonly [K in keyof PeppolRoutingInfo]: PeppolRoutingInfo[K] } = {
      documentTypeId: peppolDocumentTypeId(h.root, h.customizationId),
      processId: def.peppolProcessId ?? SELF_BILLING_PROFILE_ID,
    };
    const sender = participant(h.customerEndpoint);
    const receiver = participant(h.supplierEndpoint);
    if (sender) routing.sender = sender;
    if (receiver) routing.receiver = receiver;
    result.routing = routing;
  }
  return result;
}
