/**
 * The self-billing process: agreements, numbering, the document lifecycle, the audit trail
 * and Peppol routing. Pure functions: time comes in as arguments, nothing is read or
 * written outside them, inputs are never changed.
 *
 * @example
 * import { checkAgainstAgreement, nextInvoiceNumber, appendAuditEntry, verifyAuditTrail, peppolRouting } from 'peppol-self-billing';
 */
export {
  AcceptanceSchema,
  checkAgainstAgreement,
  parseAgreement,
  REQUIRED_REFERENCE_KINDS,
  SelfBillingAgreementSchema,
  type Acceptance,
  type AgreementParty,
  type CheckAgreementOptions,
  type RequiredReferenceKind,
  type SelfBillingAgreement,
  type SelfBillingAgreementInput,
} from './agreement.js';
export {
  checkNumbering,
  formatInvoiceNumber,
  nextInvoiceNumber,
  NumberSeriesSchema,
  parseNumberSeries,
  sequenceNumberOf,
  type NumberSeries,
  type NumberSeriesInput,
} from './numbering.js';
export {
  acceptanceDue,
  allowedEvents,
  isLifecycleEvent,
  isLifecycleState,
  LIFECYCLE_EVENTS,
  LIFECYCLE_STATES,
  transition,
  type AcceptanceDue,
  type LifecycleEvent,
  type LifecycleState,
  type LifecycleStatus,
} from './lifecycle.js';
export {
  appendAuditEntry,
  AUDIT_ROLES,
  AuditEntrySchema,
  AuditEventSchema,
  computeEntryHash,
  DOCUMENT_KINDS,
  documentStatus,
  GENESIS_HASH,
  hashDocument,
  RELATION_KINDS,
  relatedDocuments,
  verifyAuditTrail,
  type AuditAction,
  type AuditEntry,
  type AuditEventInput,
  type AuditFailureCode,
  type AuditVerification,
  type DocumentKind,
  type DocumentRelation,
  type DocumentStatus,
  type RelationKind,
  type RelationRole,
  type VerifyAuditOptions,
} from './audit.js';
export {
  DOCUMENT_TYPE_ID_SCHEME,
  PARTICIPANT_ID_SCHEME,
  participantOf,
  peppolRouting,
  PROCESS_ID_SCHEME,
  type PeppolRoute,
} from './routing.js';
export { isTimestamp } from './time.js';
export type {
  AgreementIssueCode,
  AuditIssueCode,
  LifecycleIssueCode,
  NumberingIssueCode,
  ProcessIssue,
  ProcessIssueCode,
  ProcessResult,
  RoutingIssueCode,
} from './issues.js';
