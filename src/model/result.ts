/**
 * Expected failures are results, not exceptions: the shapes shared by `parseUbl`,
 * the builders and the checks.
 */

/** How serious a finding is: an `error` makes the operation fail, a `warning` does not. */
export type IssueSeverity = 'error' | 'warning';

/**
 * A finding about input data, in plain data form.
 *
 * @example
 * const issue: Issue = {
 *   code: 'INVALID-DECIMAL', severity: 'error', businessTerm: 'BT-131',
 *   path: '/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount',
 *   message: 'Invoice line net amount (BT-131) "12,50" is not a decimal: use "." as decimal separator.',
 * };
 */
export interface Issue {
  /** Stable machine-readable code, e.g. `INVALID-DECIMAL`, `UNKNOWN-CODE`, `XML-SYNTAX`. */
  readonly code: string;
  readonly severity: IssueSeverity;
  /** What is wrong and how to fix it. */
  readonly message: string;
  /** XPath into the XML (parser) or dotted path into the model (builders). */
  readonly path?: string;
  /** The business term concerned, e.g. `BT-131`. */
  readonly businessTerm?: string;
  /** Line and column in the XML text, when known. */
  readonly line?: number;
  readonly column?: number;
}

/**
 * Success carries the data and any warnings; failure carries at least one error.
 *
 * @example
 * const r: Result<number> = { success: true, data: 1, issues: [] };
 * if (r.success) console.log(r.data);
 */
export type Result<T> =
  | { readonly success: true; readonly data: T; readonly issues: readonly Issue[] }
  | { readonly success: false; readonly issues: readonly Issue[] };
