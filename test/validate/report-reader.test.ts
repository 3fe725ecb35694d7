import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleSetMetadata } from '../../src/schematron/metadata.js';
import { readRuleSetOutput, severityOf } from '../../src/validate/report-reader.js';

const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const peppolMeta: RuleSetMetadata = {
  title: 'Peppol Self-Billing 3.0 document rules',
  phase: '#ALL',
  rules: [
    { id: 'PEPPOL-EN16931-R003', flag: 'fatal', kind: 'assert', role: '', businessTerms: ['BT-10', 'BT-13'], pattern: 'peppol-document' },
    { id: 'PEPPOL-EN16931-R005', flag: 'fatal', kind: 'assert', role: '', businessTerms: ['BT-6', 'BT-5'], pattern: 'peppol-document' },
  ],
};
const noMeta: RuleSetMetadata = { title: '', phase: '#ALL', rules: [] };

describe('readRuleSetOutput', () => {
  it('turns each fired rule into an issue with rule id, severity, location and rule set', () => {
    const issues = readRuleSetOutput(fixture('peppol-document.bad-invoice.json'), { name: 'peppol-document', metadata: peppolMeta });
    expect(issues.map((i) => [i.ruleId, i.severity, i.location])).toEqual([
      ['PEPPOL-EN16931-R003', 'fatal', '/Invoice[1]'],
      ['PEPPOL-EN16931-R005', 'fatal', '/Invoice[1]'],
      ['PEPPOL-EN16931-R008', 'fatal', '/Invoice[1]/cac:InvoiceLine[1]/cbc:ID[1]'],
    ]);
    expect(issues.every((i) => i.source === 'rule' && i.ruleSet === 'peppol-document')).toBe(true);
    expect(issues[1]?.message).toBe('The VAT accounting currency (BT-6) repeats the document currency (BT-5) "EUR": leave BT-6 out when they are the same.');
  });

  it('takes business terms from the metadata, in the order the rule set declares them', () => {
    const [r003, r005] = readRuleSetOutput(fixture('peppol-document.bad-invoice.json'), { name: 'p', metadata: peppolMeta });
    expect(r003?.businessTerms).toEqual(['BT-10', 'BT-13']);
    expect(r005?.businessTerms).toEqual(['BT-6', 'BT-5']);
  });

  it('reads business terms from the message when the metadata does not know the rule', () => {
    const issues = readRuleSetOutput(fixture('peppol-document.bad-invoice.json'), { name: 'p', metadata: noMeta });
    expect(issues[0]?.businessTerms).toEqual(['BT-10', 'BT-13']);
    expect(issues[2]?.businessTerms).toEqual([]);
  });

  it('returns no issue for an empty result', () => {
    expect(readRuleSetOutput(fixture('peppol-document.valid.json'), { name: 'p', metadata: peppolMeta })).toEqual([]);
  });

  it('makes an evaluation error fatal and keeps its error code in the message', () => {
    const [error] = readRuleSetOutput(fixture('dynamic-error.json'), { name: 'x', metadata: noMeta });
    expect(error).toMatchObject({ ruleId: 'DEC', severity: 'fatal', location: '/r[1]/amount[1]', businessTerms: [] });
    expect(error?.message).toBe('Rule DEC could not be evaluated: Supplied value "abc" is not a valid xs:decimal (err:FORG0001)');
  });

  it('uses the role when there is no flag and carries diagnostics', () => {
    const [, note] = readRuleSetOutput(fixture('dynamic-error.json'), { name: 'x', metadata: noMeta });
    expect(note).toMatchObject({ ruleId: 'NOTE', severity: 'warning', diagnostics: ['value abc'] });
  });

  it('throws on output that is not the expected JSON array', () => {
    expect(() => readRuleSetOutput('{"a":1}', { name: 'x', metadata: noMeta })).toThrow(/not an array/);
    expect(() => readRuleSetOutput('[{"a":1}]', { name: 'x', metadata: noMeta })).toThrow(/without id/);
    expect(() => readRuleSetOutput('<svrl/>', { name: 'x', metadata: noMeta })).toThrow();
  });
});

describe('severityOf', () => {
  it('maps warning-like flags and roles to warning', () => {
    expect(['warning', 'WARN', 'info', 'information'].map((f) => severityOf(f, ''))).toEqual(['warning', 'warning', 'warning', 'warning']);
    expect(severityOf('', 'warning')).toBe('warning');
  });

  it('treats fatal, error, unknown and missing flags as fatal', () => {
    expect(['fatal', 'error', 'whatever', ''].map((f) => severityOf(f, ''))).toEqual(['fatal', 'fatal', 'fatal', 'fatal']);
  });

  it('prefers the flag over the role', () => {
    expect(severityOf('fatal', 'warning')).toBe('fatal');
  });
});
