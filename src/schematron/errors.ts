import { PeppolSelfBillingError } from '../model/errors.js';

/**
 * The one error class of the Schematron compiler. A schema that cannot be compiled is
 * a programming error of the rule author, so it throws; validation never throws.
 */

/** Why a schema could not be compiled. */
export type SchematronErrorCode =
  | 'MALFORMED_XML'
  | 'NOT_SCHEMATRON'
  | 'UNSUPPORTED_QUERY_BINDING'
  | 'MISSING_ATTRIBUTE'
  | 'UNKNOWN_PHASE'
  | 'UNKNOWN_ABSTRACT_RULE'
  | 'UNKNOWN_ABSTRACT_PATTERN'
  | 'UNKNOWN_DIAGNOSTIC'
  | 'INCLUDE_UNRESOLVED'
  | 'INCLUDE_CYCLE'
  | 'NAMESPACE_CONFLICT'
  | 'DUPLICATE_PATTERN'
  | 'DUPLICATE_DECLARATION'
  | 'DUPLICATE_RULE_SET'
  | 'XSLT_COMPILE';

/**
 * Thrown by `compileSchematron`, `compileSchematronSet` and `compileToSef` when a schema
 * cannot be compiled. The message names the offending element and, for a set, the file(s).
 *
 * @example
 * try { compileSchematron('<nope/>'); }
 * catch (e) { if (e instanceof SchematronCompileError) console.log(e.code); } // 'NOT_SCHEMATRON'
 */
export class SchematronCompileError extends PeppolSelfBillingError<SchematronErrorCode> {

  constructor(code: SchematronErrorCode, message: string) {
    super(code, message);
    this.name = 'SchematronCompileError';
  }
}
