/**
 * The one Decimal configuration of the package, and the schema that turns written
 * amounts into Decimals without losing how they were written.
 *
 * Why keep the written text: UBL amounts such as `25.0`, `+25` and `25` are the same number
 * but not the same text. decimal.js normalises the form away, so a loss-free round trip
 * (parse, then serialize) needs what the source wrote. We keep the written text on the
 * instance under a registered symbol (non-enumerable, so it never shows in equality checks
 * or JSON) and write it back as it was. Decimals are immutable, so the text always matches
 * the value; decimals computed by the library have none and are formatted in their natural
 * form.
 */
import { Decimal as DecimalJs } from 'decimal.js';
import { z } from 'zod';

/**
 * decimal.js configured for invoice arithmetic: 50 significant digits (far beyond any
 * amount x rate product), half away from zero as EN 16931 rounding expects, and no
 * exponent notation in `toString()`.
 *
 * @example
 * new Decimal('0.1').plus('0.2').toString(); // '0.3'
 */
export const Decimal = DecimalJs.clone({
  precision: 50,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -50,
  toExpPos: 50,
});
/** A decimal.js instance as created by {@link Decimal}. */
export type Decimal = DecimalJs;

const WRITTEN_TEXT = Symbol.for('peppol-self-billing.writtenText');

/** The grammar of an XML Schema decimal (no exponent, no NaN/Infinity). */
const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Reads the text of an `xs:decimal` (as UBL writes amounts, quantities and percentages)
 * into a Decimal that remembers how many decimals were written.
 * Returns `undefined` for text that is not a decimal (empty, `1e5`, `NaN`, `1,5`).
 *
 * @param text - the written value, surrounding whitespace allowed
 * @returns the Decimal, or undefined when `text` is not an xs:decimal
 * @example
 * formatDecimal(decimalFromText('25.0')!); // '25.0'
 * decimalFromText('abc'); // undefined
 */
export function decimalFromText(text: string): Decimal | undefined {
  const trimmed = text.trim();
  if (!DECIMAL_TEXT.test(trimmed)) return undefined;
  const value = new Decimal(trimmed);
  Object.defineProperty(value, WRITTEN_TEXT, { value: trimmed, enumerable: false });
  return value;
}

/** The text a value was read from, when it came from text. */
function writtenText(value: Decimal): string | undefined {
  const text: unknown = (value as unknown as Record<symbol, unknown>)[WRITTEN_TEXT];
  return typeof text === 'string' ? text : undefined;
}

/**
 * The number of decimals a value was written with, when it came from text.
 *
 * @example
 * writtenScale(decimalFromText('1.500')!); // 3
 * writtenScale(new Decimal('1.5')); // undefined
 */
export function writtenScale(value: Decimal): number | undefined {
  const text = writtenText(value);
  if (text === undefined) return undefined;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Formats a Decimal as `xs:decimal` text: exactly as it was written when it was read from
 * text (`25.0`, `+3`, `-0.00` stay so), otherwise in plain notation without exponent and
 * without trailing zeros.
 *
 * @example
 * formatDecimal(decimalFromText('100.10')!); // '100.10'
 * formatDecimal(new Decimal('1e-7')); // '0.0000001'
 */
export function formatDecimal(value: Decimal): string {
  return writtenText(value) ?? value.toFixed();
}

/**
 * Zod schema for amounts, quantities and percentages: accepts decimal text or a decimal.js
 * instance, produces a {@link Decimal}. JavaScript numbers are refused on purpose: a
 * binary float cannot carry `0.1` exactly, and an invoice must not depend on it.
 *
 * @example
 * DecimalSchema.parse('12.50').toFixed(2); // '12.50'
 * DecimalSchema.safeParse(12.5).success; // false
 */
export const DecimalSchema = z
  .custom<string | DecimalJs>(
    (v) => typeof v === 'string' || DecimalJs.isDecimal(v),
    'Expected a decimal as a string such as "12.50" (numbers are refused: binary floats cannot hold cents exactly)',
  )
  .transform((v, ctx): Decimal => {
    if (typeof v === 'string') {
      const d = decimalFromText(v);
      if (d === undefined) {
        ctx.addIssue({ code: 'custom', message: `"${v}" is not a decimal: write digits with an optional "." and sign, e.g. "1234.56"` });
        return z.NEVER;
      }
      return d;
    }
    if (!v.isFinite()) {
      ctx.addIssue({ code: 'custom', message: 'NaN and Infinity are not amounts' });
      return z.NEVER;
    }
    // Instances of another decimal.js configuration are re-created in ours.
    return (v as { readonly constructor?: unknown }).constructor === Decimal ? v : new Decimal(v.toString());
  });
