/**
 * Unit tests of the check-digit functions in schematron/peppol-identifiers.sch. The functions are
 * lifted out of the schema into a tiny schema that reports, for each <v f="name">value</v>, what
 * the function returns, so each algorithm is tested on its own over known valid and invalid
 * identifiers (real registry numbers where public ones are well known).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileToSef } from '../../src/schematron/sef.js';
import { saxonEngine } from '../../src/validate/saxon.js';
import type { RawRuleResult } from '../../src/validate/report-reader.js';

const FUNCTIONS = ['gs1', 'luhn', 'organisasjonsnummer', 'ondernemingsnummer', 'organisationsnummer', 'abn', 'partita-iva', 'codice-fiscale', 'codice-ipa'] as const;
type FunctionName = (typeof FUNCTIONS)[number];

let sef: Record<string, unknown>;

beforeAll(async () => {
  const source = readFileSync(resolve(process.cwd(), 'schematron/peppol-identifiers.sch'), 'utf8');
  const functions = source.match(/<xsl:function[\s\S]*?<\/xsl:function>/g) ?? [];
  const rules = FUNCTIONS.map(
    (f) => `<rule context="v[@f = '${f}']"><report id="${f}" test="true()"><value-of select="pid:${f}(string(.))"/></report></rule>`,
  ).join('\n');
  sef = await compileToSef(`<schema xmlns="http://purl.oclc.org/dsdl/schematron" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" queryBinding="xslt2">
    <ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/>
    <ns prefix="pid" uri="urn:peppol-self-billing:fn:peppol-identifiers"/>
    ${functions.join('\n')}
    <pattern>${rules}</pattern></schema>`);
});

/** Calls one function of the schema on each value, in one transformation. */
function check(f: FunctionName, values: readonly string[]): boolean[] {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const xml = `<r>${values.map((v) => `<v f="${f}">${escape(v)}</v>`).join('')}</r>`;
  const results = JSON.parse(saxonEngine.run(sef, saxonEngine.parse(xml))) as RawRuleResult[];
  if (results.some((r) => r.error !== undefined)) throw new Error(JSON.stringify(results));
  return results.map((r) => r.text === 'true');
}

/** Asserts the function's verdict on every value, reporting each value with its verdict. */
function expectVerdict(f: FunctionName, values: readonly string[], verdict: boolean): void {
  const got = check(f, values);
  expect(Object.fromEntries(values.map((v, i) => [v, got[i]]))).toEqual(Object.fromEntries(values.map((v) => [v, verdict])));
}
const expectValid = (f: FunctionName, values: readonly string[]) => expectVerdict(f, values, true);
const expectInvalid = (f: FunctionName, values: readonly string[]) => expectVerdict(f, values, false);

describe('pid:gs1 (GLN, PEPPOL-COMMON-R040)', () => {
  it('accepts GS1 keys with a correct mod 10 check digit, of any length', () => {
    expectValid('gs1', ['7300010000001', '9429041098400', '4006381333931', '5901234123457', '9482348239847239874', '17350053850016']);
  });
  it('refuses a wrong check digit, letters, spaces and too short values', () => {
    expectInvalid('gs1', ['7300010000002', '9429041098401', '4006381333932', '730001000000A', '7300 010000001', '7', '']);
  });
});

describe('pid:luhn', () => {
  it('accepts numbers whose Luhn sum is a multiple of 10', () => {
    expectValid('luhn', ['79927398713', '5560125790', '02985591201']);
  });
  it('refuses every single-digit change of a valid number', () => {
    const wrong = Array.from({ length: 9 }, (_, i) => `7992739871${(3 + i + 1) % 10}`);
    expectInvalid('luhn', [...wrong, '7992739871x']);
  });
});

describe('pid:organisasjonsnummer (Norway 0192, PEPPOL-COMMON-R041)', () => {
  it('accepts organisation numbers with a correct mod 11 check digit', () => {
    expectValid('organisasjonsnummer', ['974760673', '923609016', '982463718', '987654325', '123456785']);
  });
  it('refuses wrong check digits, numbers needing check value 10, wrong lengths and all zeros', () => {
    // 123456780 .. 123456789 minus the valid 123456785; 100000000 would need check value 10.
    expectInvalid('organisasjonsnummer', ['974760674', '987654321', '123456784', '12345678', '1234567850', '000000000', 'NO974760673', '97476067A']);
  });
});

describe('pid:ondernemingsnummer (Belgium 0208, PEPPOL-COMMON-R043)', () => {
  it('accepts enterprise numbers whose last two digits are 97 - (first eight mod 97)', () => {
    expectValid('ondernemingsnummer', ['0403170701', '0202239951', '0417497106', '0739484052']);
  });
  it('refuses wrong check digits, a first digit other than 0 or 1, wrong lengths and letters', () => {
    expectInvalid('ondernemingsnummer', ['0403170702', '0739484059', '2739484052', '07399999484052', '739484052', 'BE0403170701', 'ABC']);
  });
});

describe('pid:organisationsnummer (Sweden 0007, PEPPOL-COMMON-R049)', () => {
  it('accepts ten-digit numbers with a Luhn check digit', () => {
    expectValid('organisationsnummer', ['5560125790', '2021005489', '2120000142', '5567037485']);
  });
  it('refuses hyphens, country prefixes, wrong lengths and wrong check digits', () => {
    expectInvalid('organisationsnummer', ['556012-5790', 'SE5560125790', '2021005480', '556012579', '55601257900']);
  });
});

describe('pid:abn (Australia 0151, PEPPOL-COMMON-R050)', () => {
  it('accepts ABNs that pass the modulus 89 check', () => {
    expectValid('abn', ['51824753556', '53004085616', '33051775556', '83914571673']);
  });
  it('refuses a changed digit, wrong lengths and letters', () => {
    expectInvalid('abn', ['51824753550', '53004085617', '5182475355', 'ERR51824753556', '51 824 753 556']);
  });
});

describe('pid:partita-iva (Italy 0211, PEPPOL-COMMON-R047)', () => {
  it('accepts eleven digits with a correct check digit, with or without IT', () => {
    expectValid('partita-iva', ['02985591201', 'IT02985591201', 'it02985591201', '00743110157', '00488410010']);
  });
  it('refuses wrong check digits, wrong lengths and letters', () => {
    expectInvalid('partita-iva', ['IT02985591202', '00743110158', 'IT1', 'ITABC', '0298559120', 'DE02985591201']);
  });
});

describe('pid:codice-fiscale (Italy 0210 and 9907, PEPPOL-COMMON-R045, R046)', () => {
  it('accepts personal codes with the right check letter, omocodia included, and eleven-digit codes', () => {
    expectValid('codice-fiscale', ['RSSMRA85T10A562S', 'rssmra85t10a562s', 'MRTMTT91D08F205J', 'BNCGNN80A01F205W', 'RSSMRA85T10A56NH', '97735020584', '02985591201']);
  });
  it('refuses a wrong check letter, malformed codes and eleven digits with a wrong check digit', () => {
    expectInvalid('codice-fiscale', ['RSSMRA85T10A562T', 'RSSMRA85T10A562', 'RSSMRA85Z10A562S', '1SSMRA85T10A562S', '97735020585', '9773502058497735020584', 'ABC', '']);
  });
});

describe('pid:codice-ipa (Italy 0201, PEPPOL-COMMON-R044)', () => {
  it('accepts six letters or digits', () => {
    expectValid('codice-ipa', ['F7VRDL', 'UF6WX8', 'uflctz', '000000']);
  });
  it('refuses other lengths and other characters', () => {
    expectInvalid('codice-ipa', ['F7VRD', 'F7VRDLF7VRDL', 'F7VRD!', 'F7 VRD', '']);
  });
});
