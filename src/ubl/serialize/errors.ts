import { PeppolSelfBillingError } from '../../model/errors.js';

/**
 * The one error class of the serializer. `serializeUbl` takes a typed model, so these
 * errors mean a caller bypassed the types (plain JavaScript, `as` casts, objects not made
 * by the schemas): they are bugs in the caller, hence exceptions and not results.
 */

/**
 * Why serialization stopped:
 * - `MISSING-REQUIRED`: a value UBL or the model requires is absent or blank
 *   (e.g. BT-27 seller name, or BT-110 when a VAT breakdown is given).
 * - `INVALID-VALUE`: a value has the wrong run-time type (an amount that is not a
 *   Decimal, an allowance/charge kind other than `allowance`/`charge`, an unknown root).
 * - `INVALID-XML-CHAR`: text holds a character XML 1.0 cannot carry (control characters
 *   other than tab, line feed and carriage return; U+FFFE, U+FFFF; unpaired surrogates).
 * - `UNREPRESENTABLE`: the model holds something the UBL syntax has no place for
 *   (a credit note's BT-9 due date without any payment instructions to carry it).
 */
export type UblSerializeErrorCode = 'MISSING-REQUIRED' | 'INVALID-VALUE' | 'INVALID-XML-CHAR' | 'UNREPRESENTABLE';

/**
 * Thrown by `serializeUbl` when the document cannot be written. `code` says why, `bt`
 * names the business term (e.g. `BT-27`), `path` the place in the model
 * (e.g. `lines[3].item.name`); the message repeats both in words.
 *
 * @example
 * try {
 *   serializeUbl(doc);
 * } catch (e) {
 *   if (e instanceof UblSerializeError && e.code === 'INVALID-XML-CHAR') console.error(e.bt, e.path);
 * }
 */
export class UblSerializeError extends PeppolSelfBillingError<UblSerializeErrorCode> {
  override readonly name = 'UblSerializeError';
  /** The business term (or group) concerned, e.g. `BT-27` or `BG-4`. */
  readonly bt: string;
  /** Where in the model, e.g. `seller.postalAddress.countryCode`. */
  readonly path: string;

  /**
   * @param code - why serialization stopped
   * @param bt - the business term or group id
   * @param path - the model path of the value
   * @param message - the full message
   * @example
   * new UblSerializeError('MISSING-REQUIRED', 'BT-1', 'invoiceNumber', 'BT-1 Invoice number is missing at invoiceNumber');
   */
  constructor(code: UblSerializeErrorCode, bt: string, path: string, message: string) {
    super(code, message);
    this.bt = bt;
    this.path = path;
  }
}
