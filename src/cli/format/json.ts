import { summarize, type FileResult } from '../result.js';

/**
 * The `--format json` report: exactly
 * `{ files: [{ file, valid, profile, issues }], summary: { files, valid, invalid, fatal, warnings } }`.
 *
 * @example
 * JSON.parse(formatJson(results)).summary.invalid; // 0
 */
export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(
    {
      files: results.map((r) => ({ file: r.file, valid: r.valid, profile: r.profile, issues: r.issues })),
      summary: summarize(results),
    },
    null,
    2,
  )}\n`;
}
