import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileRuleSet, loadBuiltInRuleSets } from '../../src/validate/rule-sets.js';
import type { XsltEngine } from '../../src/validate/saxon.js';
import { MAX_ELEMENT_DEPTH, validateDocument } from '../../src/validate/validate.js';

const examples = resolve(__dirname, '../../../shared/peppol-sb/examples');
const exampleFiles = readdirSync(examples).filter((f) => f.endsWith('.xml')).sort();
const base = readFileSync(join(examples, 'SB-base-example.xml'), 'utf8');
const INVOICE_NS = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';

// Loaded (in development: .sch files edited since the build get compiled) before any
// test starts, so that compile time does not count against the first test's timeout.
beforeAll(() => loadBuiltInRuleSets(), 600_000);

describe('validateDocument', () => {
  it.each(exampleFiles)('finds no fatal issue in the official example %s', async (file) => {
    const report = await validateDocument(readFileSync(join(examples, file)));
    expect(report.issues.filter((i) => i.severity === 'fatal')).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.stats.ruleSets).toContain('peppol-document');
    expect(report.profile.profile).toBe('peppol-selfbilling-3.0');
  });

  it('reports a rule violation with rule id, location, business terms and rule set', async () => {
    const report = await validateDocument(base.replace(/<cbc:BuyerReference>.*?<\/cbc:BuyerReference>/, ''));
    expect(report.valid).toBe(false);
    const issue = report.issues.find((i) => i.ruleId === 'PEPPOL-EN16931-R003');
    expect(issue).toMatchObject({ severity: 'fatal', location: '/Invoice[1]', source: 'rule', ruleSet: 'peppol-document' });
    expect(issue?.businessTerms).toEqual(['BT-10', 'BT-13']);
  });

  it('locates an empty element with positions and document prefixes (R008)', async () => {
    const report = await validateDocument(base.replace(/(<cac:InvoiceLine>\s*<cbc:ID>)1(<\/cbc:ID>)/, '$1$2'));
    expect(report.issues.map((i) => [i.ruleId, i.location])).toContainEqual(['PEPPOL-EN16931-R008', '/Invoice[1]/cac:InvoiceLine[1]/cbc:ID[1]']);
  });

  it('unwraps an SBDH envelope and validates the payload', async () => {
    const body = base.replace(/^<\?xml[^>]*>\s*/, '');
    const sbd = `<?xml version="1.0"?><StandardBusinessDocument xmlns="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader"><StandardBusinessDocumentHeader><HeaderVersion>1.0</HeaderVersion></StandardBusinessDocumentHeader>${body}</StandardBusinessDocument>`;
    const report = await validateDocument(sbd);
    expect(report.documentType).toBe('Invoice');
    expect(report.valid).toBe(true);
  });

  it('accepts UTF-16 LE bytes with a byte order mark', async () => {
    const text = base.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const report = await validateDocument(bytes);
    expect(report.valid).toBe(true);
  });

  it('runs extra rule sets after the built-in ones, sharing the parsed document', async () => {
    const mine = await compileRuleSet(
      `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2"><ns prefix="cbc" uri="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"/>
       <pattern><rule context="cbc:IssueDate"><report id="MY-1" flag="warning" test="true()">Issue date (BT-2) seen.</report></rule></pattern></schema>`,
      'mine',
    );
    const report = await validateDocument(base, { ruleSets: [mine], includeBuiltIn: false });
    expect(report.stats.ruleSets).toEqual(['mine']);
    expect(report.issues).toEqual([
      { ruleId: 'MY-1', severity: 'warning', message: 'Issue date (BT-2) seen.', location: '/Invoice[1]/cbc:IssueDate[1]', businessTerms: ['BT-2'], source: 'rule', ruleSet: 'mine' },
    ]);
    expect(report.valid).toBe(true);
  });

  it('turns an engine failure into a fatal ENGINE-ERROR issue instead of throwing', async () => {
    const broken: XsltEngine = {
      parse: () => ({ handle: null }),
      run: () => {
        throw new Error('boom');
      },
      compile: () => Promise.reject(new Error('unused')),
    };
    const report = await validateDocument(base, { engine: broken });
    expect(report.valid).toBe(false);
    // The built-in rule sets run as one merged stylesheet: its failure names the merged set.
    expect(report.issues[0]).toMatchObject({ ruleId: 'ENGINE-ERROR', severity: 'fatal', ruleSet: 'self-billing' });
    expect(report.issues[0]?.message).toContain('boom');
  });

  it('refuses a root element outside the UBL Invoice/CreditNote namespaces (XML-ROOT)', async () => {
    const report = await validateDocument('<Invoice xmlns="urn:wrong"><a/></Invoice>');
    expect(report.issues.map((i) => i.ruleId)).toEqual(['XML-ROOT']);
    expect(report.issues[0]?.message).toContain('urn:wrong');
  });

  it('accepts a CreditNote root in the CreditNote namespace', async () => {
    const report = await validateDocument(readFileSync(join(examples, 'SB-base-creditnote-correction.xml')));
    expect(report.documentType).toBe('CreditNote');
  });
});

describe('validateDocument on bad input', () => {
  const bounded = async (input: string | Uint8Array, options = {}) => {
    const started = performance.now();
    const report = await validateDocument(input, options);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(report.valid).toBe(false);
    return report;
  };

  it('reports an empty string as XML-SYNTAX', async () => {
    const report = await bounded('');
    expect(report.issues.map((i) => i.ruleId)).toEqual(['XML-SYNTAX']);
  });

  it('reports random bytes as an encoding or syntax issue', async () => {
    let seed = 42;
    const bytes = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    const report = await bounded(bytes);
    expect(['XML-ENCODING', 'XML-SYNTAX']).toContain(report.issues[0]?.ruleId);
  });

  it('reports truncated XML as XML-SYNTAX with line and column', async () => {
    const report = await bounded(base.slice(0, 2000));
    expect(report.issues[0]?.ruleId).toBe('XML-SYNTAX');
    expect(report.issues[0]?.location).toMatch(/^line \d+, column \d+$/);
  });

  it('refuses a 50 MB document before parsing it (XML-TOO-LARGE)', async () => {
    const line = base.match(/<cac:InvoiceLine>[\s\S]*?<\/cac:InvoiceLine>/)?.[0] ?? '';
    const big = base.replace(line, line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
    expect(big.length).toBeGreaterThan(50 * 1024 * 1024);
    const report = await bounded(big);
    expect(report.issues.map((i) => i.ruleId)).toEqual(['XML-TOO-LARGE']);
  });

  it('reports 10k-deep nesting without crashing', async () => {
    const deep = `<Invoice xmlns="${INVOICE_NS}">${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</Invoice>`;
    const report = await bounded(deep);
    expect(report.issues.map((i) => i.ruleId)).toEqual(['XML-DEPTH']);
  });

  it('still validates nesting at the depth limit', async () => {
    const atLimit = `<Invoice xmlns="${INVOICE_NS}">${'<x>'.repeat(MAX_ELEMENT_DEPTH - 1)}y${'</x>'.repeat(MAX_ELEMENT_DEPTH - 1)}</Invoice>`;
    const report = await validateDocument(atLimit);
    const ids = report.issues.map((i) => i.ruleId);
    expect(ids).toContain('PEPPOL-EN16931-R001');
    expect(ids).not.toContain('XML-DEPTH');
    expect(ids).not.toContain('ENGINE-ERROR');
  });

  it('refuses a billion-laughs document (XML-DOCTYPE) without expanding entities', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><Invoice xmlns="${INVOICE_NS}">&lol9;</Invoice>`;
    const report = await bounded(lol);
    expect(report.issues.map((i) => i.ruleId)).toEqual(['XML-DOCTYPE']);
  });

  it('refuses an XXE document pointing at /etc/passwd and never reads the file', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Invoice xmlns="${INVOICE_NS}"><cbc:Note xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">&xxe;</cbc:Note></Invoice>`;
    const report = await bounded(xxe);
    expect(report.issues.map((i) => i.ruleId)).toEqual(['XML-DOCTYPE']);
    expect(JSON.stringify(report)).not.toContain('root:');
  });

  it('still refuses entity references when no DOCTYPE is visible to the prolog check', async () => {
    const report = await bounded(`<Invoice xmlns="${INVOICE_NS}">&undefined;</Invoice>`);
    expect(report.issues[0]?.ruleId).toBe('XML-SYNTAX');
  });
});
