/**
 * The one error class of the package. Expected failures are results (`Result`, reports);
 * an exception means a broken contract (a caller passing what the types forbid, a rule set
 * that does not compile). Every thrown error of the package is a `PeppolSelfBillingError`
 * with a string-literal `code`; the specialised classes (UblSerializeError, CalculationError,
 * SchematronCompileError, XmlInputError) extend it and add their own details.
 */

/**
 * Base class of every error the package throws.
 *
 * @example
 * try {
 *   serializeUbl(doc);
 * } catch (e) {
 *   if (e instanceof PeppolSelfBillingError) console.error(e.code, e.message);
 *   else throw e;
 * }
 */
export class PeppolSelfBillingError<Code extends string = string> extends Error {
  /** Stable machine-readable code, e.g. `MISSING-REQUIRED`. */
  readonly code: Code;

  /**
   * @param code - stable machine-readable code
   * @param message - what went wrong and how to fix it
   */
  constructor(code: Code, message: string) {
    super(message);
    this.name = 'PeppolSelfBillingError';
    this.code = code;
  }
}
