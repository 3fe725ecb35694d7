import type { ValidationIssue } from '../validate/types.js';

/** What the CLI knows about one file after validating it. */
export interface FileResult {
  readonly file: string;
  /** True when the file passes under the chosen `--fail-on` policy. */
  readonly valid: boolean;
  /** The detected profile id (`peppol-selfbilling-3.0`, ...), `unknown` when unreadable. */
  readonly profile: string;
  readonly issues: readonly ValidationIssue[];
  /** True when the file could not be read at all (exit code 2). */
  readonly unreadable: boolean;
  readonly durationMs: number;
}

/** Totals over a batch, as printed in the JSON `summary`. */
export interface Summary {
  readonly files: number;
  readonly valid: number;
  readonly invalid: number;
  readonly fatal: number;
  readonly warnings: number;
}

/**
 * Counts a batch of results.
 *
 * @example
 * summarize([{ file: 'a.xml', valid: true, profile: 'peppol-selfbilling-3.0', issues: [], unreadable: false, durationMs: 3 }]);
 * // { files: 1, valid: 1, invalid: 0, fatal: 0, warnings: 0 }
 */
export function summarize(results: readonly FileResult[]): Summary {
  let valid = 0;
  let fatal = 0;
  let warnings = 0;
  for (const r of results) {
    if (r.valid) valid++;
    for (const i of r.issues) {
      if (i.severity === 'fatal') fatal++;
      else warnings++;
    }
  }
  return { files: results.length, valid, invalid: results.length - valid, fatal, warnings };
}
