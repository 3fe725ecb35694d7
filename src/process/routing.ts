/**
 * Peppol routing of a self-billed document. In self-billing the roles in the XML stay as in
 * any invoice (the seller is `cac:AccountingSupplierParty`), but the documents travel the
 * other way: the CUSTOMER sends from its buyer endpoint (BT-49) and the SUPPLIER receives
 * on its seller endpoint (BT-34). The document type and process identifiers are those of
 * Peppol BIS Self-Billing 3.0; they come from `src/profiles`, the one place that knows them.
 */
import type { Document } from '../model/document.js';
import type { Endpoint } from '../model/party.js';
import { detectProfile, type DocumentHeader, type EndpointHeader } from '../profiles/detect.js';
import { SELF_BILLING_CUSTOMIZATION_ID, SELF_BILLING_PROFILE_ID } from '../profiles/profiles.js';
import type { PeppolParticipant } from '../profiles/types.js';
import { processError, type ProcessIssue, type ProcessResult, type RoutingIssueCode } from './issues.js';

/**
 * Scheme of Peppol participant identifiers.
 *
 * @example
 * `${PARTICIPANT_ID_SCHEME}::0088:7300010000001`;
 */
export const PARTICIPANT_ID_SCHEME = 'iso6523-actorid-upis';
/**
 * Scheme of Peppol document type identifiers.
 *
 * @example
 * smpLookup(DOCUMENT_TYPE_ID_SCHEME, route.documentTypeId);
 */
export const DOCUMENT_TYPE_ID_SCHEME = 'busdox-docid-qns';
/**
 * Scheme of Peppol process identifiers.
 *
 * @example
 * smpLookup(PROCESS_ID_SCHEME, route.processId);
 */
export const PROCESS_ID_SCHEME = 'cenbii-procid-ubl';

/** Where and how a self-billed document travels over Peppol. */
export interface PeppolRoute {
  /** The customer: AccountingCustomerParty endpoint (BT-49). */
  readonly sender: PeppolParticipant;
  /** The supplier: AccountingSupplierParty endpoint (BT-34). */
  readonly receiver: PeppolParticipant;
  /** Document type identifier, scheme {@link DOCUMENT_TYPE_ID_SCHEME}. */
  readonly documentTypeId: string;
  readonly documentTypeIdScheme: typeof DOCUMENT_TYPE_ID_SCHEME;
  /** Process identifier, scheme {@link PROCESS_ID_SCHEME}. */
  readonly processId: string;
  readonly processIdScheme: typeof PROCESS_ID_SCHEME;
}

function endpointHeader(endpoint: Endpoint | undefined): EndpointHeader | undefined {
  if (endpoint === undefined || endpoint === null || typeof endpoint !== 'object') return undefined;
  return { scheme: endpoint.schemeId, id: endpoint.id };
}

/**
 * The participant of an endpoint, or undefined when the endpoint is missing or empty.
 *
 * @param endpoint - BT-34 or BT-49 with its EAS scheme
 * @returns the participant, with its `iso6523-actorid-upis::scheme:id` form
 * @example
 * participantOf({ id: '7300010000001', schemeId: '0088' })?.participantId; // 'iso6523-actorid-upis::0088:7300010000001'
 */
export function participantOf(endpoint: Endpoint | undefined): PeppolParticipant | undefined {
  const h = endpointHeader(endpoint);
  if (h === undefined || typeof h.scheme !== 'string' || h.scheme.trim() === '' || typeof h.id !== 'string' || h.id.trim() === '') return undefined;
  const scheme = h.scheme.trim();
  const id = h.id.trim();
  return { scheme, id, participantId: `${PARTICIPANT_ID_SCHEME}::${scheme}:${id}` };
}

const DIAGNOSTIC_CODES: Readonly<Record<string, RoutingIssueCode>> = {
  'SELF-BILLING-TYPE-UNDER-BILLING': 'SELF-BILLING-WITH-BILLING-IDENTIFIERS',
  'BILLING-TYPE-UNDER-SELF-BILLING': 'BILLING-TYPE-WITH-SELF-BILLING-IDENTIFIERS',
  'PROFILE-ID-MISMATCH': 'PROFILE-ID-MISMATCH',
  'ROOT-TYPE-MISMATCH': 'ROOT-TYPE-MISMATCH',
};

/**
 * Works out how a self-billed document is routed over Peppol: sender = the customer
 * (AccountingCustomerParty endpoint, BT-49), receiver = the supplier (AccountingSupplierParty
 * endpoint, BT-34), with the self-billing document type and process identifiers.
 *
 * Refuses, with a message that says what to fix: a missing endpoint (optional in the model,
 * required to route), a document that claims self-billing by its type code (389, 527, 261)
 * while carrying Peppol Billing identifiers (BT-23/BT-24) — the most common misrouting: it
 * would travel as an ordinary billing invoice, which receivers expect to be addressed to
 * the buyer — and the reverse, a billing type code under self-billing identifiers.
 *
 * @param doc - the document (as built or parsed)
 * @returns the route, or `SENDER-ENDPOINT-MISSING`, `RECEIVER-ENDPOINT-MISSING`,
 *   `SELF-BILLING-WITH-BILLING-IDENTIFIERS`, `BILLING-TYPE-WITH-SELF-BILLING-IDENTIFIERS`,
 *   `PROFILE-ID-MISMATCH`, `ROOT-TYPE-MISMATCH`, `UNKNOWN-CUSTOMIZATION-ID`, `NOT-SELF-BILLING`
 * @example
 * const r = peppolRouting(invoice);
 * if (r.success) accessPoint.send({ from: r.data.sender.participantId, to: r.data.receiver.participantId, docType: r.data.documentTypeId, process: r.data.processId });
 */
export function peppolRouting(doc: Document): ProcessResult<PeppolRoute, RoutingIssueCode> {
  if (doc === null || typeof doc !== 'object') {
    return { success: false, issues: [processError('NOT-SELF-BILLING', 'No document to route: pass the self-billed document as built or parsed.')] };
  }
  const issues: ProcessIssue<RoutingIssueCode>[] = [];
  const customerEndpoint = endpointHeader(doc.buyer?.endpoint);
  const supplierEndpoint = endpointHeader(doc.seller?.endpoint);
  const header: DocumentHeader = {
    root: String(doc.documentType),
    ...(typeof doc.customizationId === 'string' ? { customizationId: doc.customizationId } : {}),
    ...(typeof doc.profileId === 'string' ? { profileId: doc.profileId } : {}),
    ...(typeof doc.typeCode === 'string' ? { typeCode: doc.typeCode } : {}),
    ...(customerEndpoint === undefined ? {} : { customerEndpoint }),
    ...(supplierEndpoint === undefined ? {} : { supplierEndpoint }),
  };
  const detected = detectProfile(header);

  for (const d of detected.diagnostics) {
    const code = DIAGNOSTIC_CODES[d.code];
    if (code === 'SELF-BILLING-WITH-BILLING-IDENTIFIERS') {
      issues.push(processError(code, `${d.message} As it is, it would travel as an ordinary Peppol Billing invoice, which a receiving system expects to be addressed to the buyer; the supplier's system would refuse it or book it wrongly.`, { businessTerm: 'BT-24', path: 'customizationId' }));
    } else if (code !== undefined) {
      issues.push(processError(code, d.message, { businessTerm: code === 'PROFILE-ID-MISMATCH' ? 'BT-23' : 'BT-3', path: code === 'PROFILE-ID-MISMATCH' ? 'profileId' : 'typeCode' }));
    }
  }
  if (!detected.isSelfBilled) {
    issues.push(processError('NOT-SELF-BILLING', `The document is not self-billed (type code ${String(doc.typeCode)}, CustomizationID ${String(doc.customizationId)}): route it with the Peppol Billing identifiers, from the seller to the buyer; use CustomizationID ${SELF_BILLING_CUSTOMIZATION_ID} and type code 389/527/261 for self-billing.`, { businessTerm: 'BT-24', path: 'customizationId' }));
  } else if (detected.routing === undefined && !issues.some((i) => i.code === 'SELF-BILLING-WITH-BILLING-IDENTIFIERS')) {
    issues.push(processError('UNKNOWN-CUSTOMIZATION-ID', `The document's type code ${String(doc.typeCode)} says self-billed, but its CustomizationID (BT-24) "${String(doc.customizationId)}" is not Peppol Self-Billing 3.0: use ${SELF_BILLING_CUSTOMIZATION_ID} and ProfileID ${SELF_BILLING_PROFILE_ID}.`, { businessTerm: 'BT-24', path: 'customizationId' }));
  }

  const sender = participantOf(doc.buyer?.endpoint);
  const receiver = participantOf(doc.seller?.endpoint);
  if (sender === undefined) {
    issues.push(processError('SENDER-ENDPOINT-MISSING', "The buyer's electronic address (BT-49, cac:AccountingCustomerParty/cac:Party/cbc:EndpointID with schemeID) is missing: in self-billing the customer sends, so Peppol needs it as the sender (PEPPOL-EN16931-R010).", { businessTerm: 'BT-49', path: 'buyer.endpoint' }));
  }
  if (receiver === undefined) {
    issues.push(processError('RECEIVER-ENDPOINT-MISSING', "The seller's electronic address (BT-34, cac:AccountingSupplierParty/cac:Party/cbc:EndpointID with schemeID) is missing: in self-billing the supplier receives, so Peppol cannot deliver without it (PEPPOL-EN16931-R020).", { businessTerm: 'BT-34', path: 'seller.endpoint' }));
  }

  const routing = detected.routing;
  if (issues.length > 0 || sender === undefined || receiver === undefined || routing === undefined) return { success: false, issues };
  return {
    success: true,
    data: {
      sender,
      receiver,
      documentTypeId: routing.documentTypeId,
      documentTypeIdScheme: DOCUMENT_TYPE_ID_SCHEME,
      processId: routing.processId,
      processIdScheme: PROCESS_ID_SCHEME,
    },
    issues: [],
  };
}
