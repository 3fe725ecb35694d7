/**
 * The findings of the self-billing process functions. They are the package's {@link Issue}
 * shape with a closed set of codes, so callers can `switch` on them and the compiler
 * notices a code that does not exist. The `code` is the issue's stable id.
 */
import type { Issue } from '../model/result.js';

/** Findings of `checkAgainstAgreement` and of reading an agreement. */
export type AgreementIssueCode =
  | 'AGREEMENT-INVALID'
  | 'AGREEMENT-CUSTOMER-MISMATCH'
  | 'AGREEMENT-CUSTOMER-UNIDENTIFIED'
  | 'AGREEMENT-SUPPLIER-MISMATCH'
  | 'AGREEMENT-SUPPLIER-UNIDENTIFIED'
  | 'AGREEMENT-NOT-IN-FORCE'
  | 'AGREEMENT-EXPIRED'
  | 'ISSUE-DATE-IN-FUTURE'
  | 'DOCUMENT-KIND-NOT-ALLOWED'
  | 'NUMBER-NOT-IN-SERIES'
  | 'REFERENCE-MISSING'
  | 'REFERENCE-MISMATCH'
  | 'AMOUNT-ABOVE-MAXIMUM'
  | 'CURRENCY-MISMATCH'
  | 'INVALID-DATE';

/** Findings of the numbering functions. */
export type NumberingIssueCode =
  | 'SERIES-INVALID'
  | 'SERIES-EXHAUSTED'
  | 'NUMBER-NOT-IN-SERIES'
  | 'NUMBER-DUPLICATE'
  | 'NUMBER-GAP'
  | 'NUMBER-AHEAD-OF-SERIES';

/** Findings of the lifecycle functions. */
export type LifecycleIssueCode =
  | 'UNKNOWN-STATE'
  | 'UNKNOWN-EVENT'
  | 'ILLEGAL-TRANSITION'
  | 'AGREEMENT-INVALID'
  | 'INVALID-TIMESTAMP';

/** Findings of the audit trail functions. */
export type AuditIssueCode =
  | 'INVALID-EVENT'
  | 'INVALID-TIMESTAMP'
  | 'TIME-REVERSED'
  | 'DOCUMENT-EXISTS'
  | 'DOCUMENT-UNKNOWN'
  | 'RELATED-DOCUMENT-UNKNOWN'
  | 'CREDIT-WITHOUT-CORRECTION'
  | 'TRAIL-INVALID'
  | UnknownLifecycleCode;
type UnknownLifecycleCode = Exclude<LifecycleIssueCode, 'AGREEMENT-INVALID'>;

/** Findings of `peppolRouting`. */
export type RoutingIssueCode =
  | 'SENDER-ENDPOINT-MISSING'
  | 'RECEIVER-ENDPOINT-MISSING'
  | 'SELF-BILLING-WITH-BILLING-IDENTIFIERS'
  | 'BILLING-TYPE-WITH-SELF-BILLING-IDENTIFIERS'
  | 'PROFILE-ID-MISMATCH'
  | 'NOT-SELF-BILLING'
  | 'UNKNOWN-CUSTOMIZATION-ID'
  | 'ROOT-TYPE-MISMATCH';

/** Every code a process function can report. */
export type ProcessIssueCode = AgreementIssueCode | NumberingIssueCode | LifecycleIssueCode | AuditIssueCode | RoutingIssueCode;

/**
 * An {@link Issue} whose code is one of `C`.
 *
 * @example
 * const issue: ProcessIssue<'NUMBER-GAP'> = { code: 'NUMBER-GAP', severity: 'error', businessTerm: 'BT-1', message: 'SB-0004 is missing.' };
 */
export interface ProcessIssue<C extends ProcessIssueCode = ProcessIssueCode> extends Issue {
  readonly code: C;
}

/**
 * Success with the data (and any warnings), or failure with at least one error; the
 * package's `Result` with typed issue codes.
 *
 * @example
 * const r: ProcessResult<string, 'UNKNOWN-STATE'> = { success: true, data: 'sent', issues: [] };
 */
export type ProcessResult<T, C extends ProcessIssueCode = ProcessIssueCode> =
  | { readonly success: true; readonly data: T; readonly issues: readonly ProcessIssue<C>[] }
  | { readonly success: false; readonly issues: readonly ProcessIssue<C>[] };

/**
 * An error finding (internal helper, not part of the public API).
 *
 * @param code - the issue code
 * @param message - what is wrong and how to fix it
 * @param extra - business term and path, when known
 * @returns the issue, severity `error`
 * @example
 * processError('NUMBER-GAP', 'SB-0002 is missing.', { businessTerm: 'BT-1' });
 */
export function processError<C extends ProcessIssueCode>(code: C, message: string, extra: { readonly businessTerm?: string; readonly path?: string } = {}): ProcessIssue<C> {
  return { code, severity: 'error', message, ...extra };
}

/**
 * A warning finding (internal helper, not part of the public API).
 *
 * @param code - the issue code
 * @param message - what to look at
 * @param extra - business term and path, when known
 * @returns the issue, severity `warning`
 * @example
 * processWarning('AGREEMENT-EXPIRED', 'Agreement SBA-1 ended on 2024-12-31.');
 */
export function processWarning<C extends ProcessIssueCode>(code: C, message: string, extra: { readonly businessTerm?: string; readonly path?: string } = {}): ProcessIssue<C> {
  return { code, severity: 'warning', message, ...extra };
}
