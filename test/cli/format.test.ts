import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/cli/format/github.js';
import { formatJson } from '../../src/cli/format/json.js';
import { formatJunit } from '../../src/cli/format/junit.js';
import { formatText } from '../../src/cli/format/text.js';
import { fatal, result, syntax, warning } from './report-fixtures.js';

const results = [result('ok.xml', []), result('bad.xml', [fatal, warning]), result('broken.xml', [syntax])];

describe('formatJson', () => {
  it('prints exactly the files and summary shape', () => {
    const parsed = JSON.parse(formatJson(results)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['files', 'summary']);
    expect(parsed['summary']).toEqual({ files: 3, valid: 1, invalid: 2, fatal: 2, warnings: 1 });
    expect((parsed['files'] as object[])[1]).toEqual({ file: 'bad.xml', valid: false, profile: 'peppol-selfbilling-3.0', issues: [fatal, warning] });
  });
});

describe('formatText', () => {
  it('gives a verdict per file, one entry per issue with rule id, business terms and location, and a summary', () => {
    const text = formatText(results);
    expect(text).toContain('PASS ok.xml');
    expect(text).toContain('FAIL bad.xml');
    expect(text).toContain('fatal   BR-CO-15 [BT-112, BT-109, BT-110] at /Invoice[1]/cac:LegalMonetaryTotal[1]');
    expect(text.trimEnd().split('\n').at(-1)).toBe('3 files: 1 valid, 2 invalid (2 fatal, 1 warnings)');
  });
});

describe('formatGithub', () => {
  it('prints an error annotation per fatal issue and a warning annotation per warning', () => {
    const lines = formatGithub(results).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::error file=bad.xml,title=BR-CO-15::/);
    expect(lines[1]).toMatch(/^::warning file=bad.xml,title=UBL-CR-001::/);
  });

  it('passes line and column of XML syntax issues', () => {
    expect(formatGithub([result('broken.xml', [syntax])])).toMatch(/^::error file=broken.xml,line=12,col=4,title=XML-SYNTAX::/);
  });

  it('escapes newlines and the separators of workflow commands', () => {
    const odd = { ...fatal, message: 'a\nb' };
    expect(formatGithub([result('x,y:z.xml', [odd])])).toContain('file=x%2Cy%3Az.xml');
    expect(formatGithub([result('x.xml', [odd])])).toContain('a%0Ab');
  });
});

describe('formatJunit', () => {
  it('writes one test case per file with a failure for invalid files', () => {
    const xml = formatJunit(results);
    expect(xml).toContain('<testsuites name="peppol-sb" tests="3" failures="2"');
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml.match(/<failure /g)).toHaveLength(2);
    expect(xml).toContain('message="BR-CO-15: Invoice total amount with VAT (BT-112) must be BT-109 + BT-110."');
  });

  it('escapes markup in messages so the report stays well-formed', () => {
    const xml = formatJunit([result('a&b.xml', [warning])]);
    expect(xml).toContain('name="a&amp;b.xml"');
    expect(xml).toContain('&quot;friends&quot; &lt;here&gt;');
    expect(xml).not.toMatch(/<here>/);
  });
});
