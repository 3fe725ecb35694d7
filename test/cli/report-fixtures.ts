import type { ValidationIssue, ValidationReport } from '../../src/validate/types.js';
import type { FileResult } from '../../src/cli/result.js';

export const fatal: ValidationIssue = {
  ruleId: 'BR-CO-15',
  severity: 'fatal',
  message: 'Invoice total amount with VAT (BT-112) must be BT-109 + BT-110.',
  location: '/Invoice[1]/cac:LegalMonetaryTotal[1]',
  businessTerms: ['BT-112', 'BT-109', 'BT-110'],
  source: 'rule',
  ruleSet: 'cen',
};
export const warning: ValidationIssue = {
  ruleId: 'UBL-CR-001',
  severity: 'warning',
  message: 'UBLExtensions are not used by EN 16931 & "friends" <here>.',
  location: '/Invoice[1]/ext:UBLExtensions[1]',
  businessTerms: [],
  source: 'rule',
  ruleSet: 'ubl',
};
export const syntax: ValidationIssue = {
  ruleId: 'XML-SYNTAX',
  severity: 'fatal',
  message: 'Closing tag does not match.',
  location: 'line 12, column 4',
  businessTerms: [],
  source: 'xml',
  ruleSet: 'xml',
};

export function report(issues: readonly ValidationIssue[]): ValidationReport {
  return {
    valid: !issues.some((i) => i.severity === 'fatal'),
    profile: { profile: 'peppol-selfbilling-3.0', isSelfBilled: true, root: 'Invoice', diagnostics: [] },
    documentType: 'Invoice',
    issues,
    stats: { durationMs: 1, parseMs: 0, rulesMs: 1, ruleSets: ['cen'], fatal: 0, warnings: 0 },
  };
}

export function result(file: string, issues: readonly ValidationIssue[], valid = !issues.some((i) => i.severity === 'fatal')): FileResult {
  return { file, valid, profile: 'peppol-selfbilling-3.0', issues, unreadable: false, durationMs: 5 };
}
