/**
 * Profile detection shapes. Profiles are data (`profiles.ts`); detection is a lookup.
 */

/** The verdict of profile detection. */
export type ProfileId =
  | 'peppol-selfbilling-3.0'
  | 'peppol-billing-3.0'
  | 'xrechnung-3.0'
  | 'nlcius'
  | 'en16931'
  | 'unknown';

/** A participant identifier as Peppol routes it. */
export interface PeppolParticipant {
  /** EAS scheme code of the endpoint, e.g. `0088`. */
  readonly scheme: string;
  /** The endpoint identifier value. */
  readonly id: string;
  /** `iso6523-actorid-upis::0088:7300010000001` form. */
  readonly participantId: string;
}

/** Peppol routing of a self-billing document: the customer sends, the supplier receives. */
export interface PeppolRoutingInfo {
  /** Peppol document type identifier (scheme `busdox-docid-qns`). */
  readonly documentTypeId: string;
  /** Peppol process identifier (scheme `cenbii-procid-ubl`). */
  readonly processId: string;
  /** Sender = AccountingCustomerParty endpoint (BT-49), absent when the document lacks it. */
  readonly sender?: PeppolParticipant;
  /** Receiver = AccountingSupplierParty endpoint (BT-34), absent when the document lacks it. */
  readonly receiver?: PeppolParticipant;
}

/** One mismatch that detection noticed (389 under billing identifiers, ...). */
export interface ProfileDiagnostic {
  readonly code: string;
  readonly message: string;
}

/** What `detectProfile` returns. */
export interface DetectedProfile {
  readonly profile: ProfileId;
  readonly isSelfBilled: boolean;
  /** Local name of the root element, or '' when there is none. */
  readonly root: string;
  readonly customizationId?: string;
  readonly profileId?: string;
  /** BT-3 InvoiceTypeCode or CreditNoteTypeCode. */
  readonly typeCode?: string;
  readonly diagnostics: readonly ProfileDiagnostic[];
  /** Present for self-billing documents. */
  readonly routing?: PeppolRoutingInfo;
}
