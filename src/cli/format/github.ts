import type { FileResult } from '../result.js';

/** GitHub's workflow-command escaping for property values and messages. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions annotations: `::error` for fatal issues, `::warning` for warnings, with the
 * file, the line when the issue carries one (`line 12, column 4`), and the rule id as title.
 *
 * @example
 * formatGithub(results); // '::error file=a.xml,title=BR-CO-15::Invoice total ... (at /Invoice[1]/...)\n'
 */
export function formatGithub(results: readonly FileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    for (const i of r.issues) {
      const pos = /line (\d+)(?:, column (\d+))?/.exec(i.location);
      const props = [`file=${escapeProperty(r.file)}`];
      if (pos?.[1]) props.push(`line=${pos[1]}`);
      if (pos?.[2]) props.push(`col=${pos[2]}`);
      props.push(`title=${escapeProperty(i.ruleId)}`);
      out.push(`::${i.severity === 'fatal' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(`${i.message} (at ${i.location})`)}`);
    }
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
