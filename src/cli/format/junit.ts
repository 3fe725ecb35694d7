import { summarize, type FileResult } from '../result.js';

function escapeXml(s: string): string {
  // Characters XML 1.0 forbids are dropped: a report must stay well-formed whatever a document held.
  return s
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * A JUnit XML report (one test case per file) for CI systems that display JUnit results
 * (GitLab, Jenkins, Azure DevOps, GitHub test reporters). A failing file carries a
 * `<failure>` listing its issues; warnings of a passing file go to `<system-out>`.
 *
 * @example
 * writeFileSync('peppol-sb.junit.xml', formatJunit(results));
 */
export function formatJunit(results: readonly FileResult[]): string {
  const s = summarize(results);
  const seconds = (ms: number): string => (ms / 1000).toFixed(3);
  const total = results.reduce((t, r) => t + r.durationMs, 0);
  const cases = results.map((r) => {
    const body = r.issues.map((i) => `${i.severity} ${i.ruleId} [${i.businessTerms.join(', ')}] at ${i.location}: ${i.message}`).join('\n');
    const open = `    <testcase classname="peppol-sb.validate" name="${escapeXml(r.file)}" time="${seconds(r.durationMs)}"`;
    if (!r.valid) {
      const first = r.issues.find((i) => i.severity === 'fatal') ?? r.issues[0];
      const message = first ? `${first.ruleId}: ${first.message}` : 'invalid';
      return `${open}>\n      <failure message="${escapeXml(message)}" type="${r.unreadable ? 'unreadable' : 'invalid'}">${escapeXml(body)}</failure>\n    </testcase>`;
    }
    return body ? `${open}>\n      <system-out>${escapeXml(body)}</system-out>\n    </testcase>` : `${open}/>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="peppol-sb" tests="${s.files}" failures="${s.invalid}" time="${seconds(total)}">
  <testsuite name="peppol-sb validate" tests="${s.files}" failures="${s.invalid}" errors="0" skipped="0" time="${seconds(total)}">
${cases.join('\n')}
  </testsuite>
</testsuites>
`;
}
