import type { ValidationIssue } from '../../validate/types.js';
import { summarize, type FileResult } from '../result.js';

function issueLine(i: ValidationIssue): string {
  const terms = i.businessTerms.length > 0 ? ` [${i.businessTerms.join(', ')}]` : '';
  return `    ${i.severity === 'fatal' ? 'fatal  ' : 'warning'} ${i.ruleId}${terms} at ${i.location}\n            ${i.message}`;
}

/**
 * The short human report: a verdict line per file, one entry per issue (rule id, business
 * terms, location, message), and a closing summary.
 *
 * @example
 * process.stdout.write(formatText(results));
 * // PASS fixtures/valid/base.xml (peppol-selfbilling-3.0)
 * // 1 file: 1 valid, 0 invalid (0 fatal, 0 warnings)
 */
export function formatText(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const counts = r.issues.length > 0 ? `, ${r.issues.filter((i) => i.severity === 'fatal').length} fatal, ${r.issues.filter((i) => i.severity === 'warning').length} warnings` : '';
    lines.push(`${r.valid ? 'PASS' : 'FAIL'} ${r.file} (${r.profile}${counts})`);
    for (const i of r.issues) lines.push(issueLine(i));
  }
  const s = summarize(results);
  lines.push(`${s.files} file${s.files === 1 ? '' : 's'}: ${s.valid} valid, ${s.invalid} invalid (${s.fatal} fatal, ${s.warnings} warnings)`);
  return `${lines.join('\n')}\n`;
}
