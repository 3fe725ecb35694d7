/**
 * peppol-self-billing: Peppol BIS Self-Billing 3.0 for TypeScript.
 *
 * The main entry holds the model, the UBL reader and writer, the EN 16931 calculations, the
 * builders and profile detection. Validation (saxon-js and the compiled rule sets) lives at
 * `peppol-self-billing/validate`, so that applications that never validate do not load it.
 *
 * @packageDocumentation
 */

// Model: zod schemas are the source of the types.
export * from './model/index.js';
export { describeFields, type FieldDescription } from './model/describe.js';
export * as codes from './model/codes/index.js';

// UBL 2.1 write and read.
export { serializeUbl, UblSerializeError, type SerializeUblOptions, type UblSerializeErrorCode } from './ubl/serialize/index.js';
export { parseUbl } from './ubl/parse/index.js';
export { decodeXmlInput, unwrapSbdh, XmlInputError, type XmlInputErrorCode, type SbdhEnvelope, type UnwrappedDocument } from './ubl/input.js';

// EN 16931 arithmetic.
export {
  calculateTotals,
  safeCalculateTotals,
  calculateLine,
  calculateLineNetAmount,
  calculateNetPrice,
  calculateAllowanceCharge,
  calculateAllowanceChargeAmount,
  calculateVatAmount,
  calculateVatBreakdown,
  checkVatCategories,
  checkCalculationInput,
  roundAmount,
  roundHalfAwayFromZero,
  CalculationError,
  VAT_CATEGORIES,
  type CalculationErrorCode,
  type CalculableDocument,
  type CalculateOptions,
  type VatCategoryRules,
} from './calc/index.js';

// Builders and corrections.
export {
  createSelfBilledInvoice,
  createSelfBilledCreditNote,
  createCorrection,
  type BuildOptions,
  type CorrectionOptions,
  type Replacement,
  SelfBilledInputSchema,
  type SelfBilledInput,
} from './build/index.js';

// Profiles and Peppol routing.
export { detectProfile, readDocumentHeader, type DocumentHeader, type EndpointHeader } from './profiles/detect.js';
export {
  PROFILES,
  findProfileByCustomizationId,
  peppolDocumentTypeId,
  BILLING_CUSTOMIZATION_ID,
  BILLING_PROFILE_ID,
  SELF_BILLING_TYPE_CODES,
  type ProfileDefinition,
} from './profiles/profiles.js';
export type { DetectedProfile, ProfileId, PeppolRoutingInfo, PeppolParticipant, ProfileDiagnostic } from './profiles/types.js';

// Validation report shapes (the validator itself: 'peppol-self-billing/validate').
export type { ValidationReport, ValidationIssue, ValidationStats, Severity, IssueSource, DocumentType } from './validate/types.js';

// The self-billing process: agreements, numbering, lifecycle, audit trail, routing.
export * from './process/index.js';
