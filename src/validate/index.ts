/**
 * `peppol-self-billing/validate`: the validation API. A separate entry point because it
 * pulls in saxon-js and the compiled rule sets; the model and serializer stay light.
 *
 * @example
 * import { validateDocument } from 'peppol-self-billing/validate';
 * const report = await validateDocument(xml);
 */
export { validateDocument, DEFAULT_MAX_BYTES, type ValidateOptions } from './validate.js';
export {
  loadRuleSet,
  compileRuleSet,
  loadBuiltInRuleSets,
  compileBuiltInSef,
  builtInSefPath,
  BUILT_IN_RULE_SET,
  type CompiledRuleSet,
} from './rule-sets.js';
export { readRuleSetOutput, severityOf, type RawRuleResult } from './report-reader.js';
export { writeValidatorCodeCache } from './saxon.js';
export {
  compileSchematron,
  compileSchematronSet,
  SchematronCompileError,
  type CompileSchematronOptions,
  type CompileSchematronSetOptions,
  type SchematronErrorCode,
  type SchematronSource,
} from '../schematron/compile.js';
export { compileToSef, compileSetToSef } from '../schematron/sef.js';
export type { RuleMetadata, RuleSetMetadata } from '../schematron/metadata.js';
export type {
  DocumentType,
  IssueSource,
  Severity,
  ValidationIssue,
  ValidationReport,
  ValidationStats,
} from './types.js';
