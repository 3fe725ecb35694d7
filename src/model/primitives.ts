/**
 * Small building blocks shared by every business group: dates, codes, identifiers, text.
 */
import { z } from 'zod';

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True when `text` is a real calendar date written `YYYY-MM-DD` (the only date form
 * Peppol allows, rule PEPPOL-EN16931-F001).
 *
 * @example
 * isIsoDate('2024-02-29'); // true
 * isIsoDate('2023-02-29'); // false
 */
export function isIsoDate(text: string): boolean {
  const m = DATE_TEXT.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[mo - 1] ?? 0);
}

/**
 * A calendar date as `YYYY-MM-DD` text.
 *
 * @example
 * DateSchema.parse('2017-11-13'); // '2017-11-13'
 */
export const DateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Expected a calendar date written YYYY-MM-DD, e.g. "2024-03-31"' });

/** Non-empty text (after trimming). */
export const TextSchema = z.string().refine((s) => s.trim() !== '', { message: 'Must not be empty' });

/**
 * A code checked against a code list: unknown codes are refused with a message naming the list.
 *
 * @param list - code -> name map (generated from the Peppol code lists)
 * @param listName - the list's name as the specification calls it
 * @example
 * const Vat = codeSchema(VAT_CATEGORY_CODES, 'UNCL5305');
 * Vat.safeParse('S').success; // true
 * Vat.safeParse('X').success; // false
 */
export function codeSchema(list: ReadonlyMap<string, string>, listName: string) {
  return z.string().refine((code) => list.has(code), {
    message: `Unknown code: not in the ${listName} code list`,
  });
}

/**
 * An identifier with an optional identification scheme (`schemeID`, an ISO 6523 ICD code
 * for party identifiers, `SEPA` for bank-assigned creditor ids, UNCL 1153 for object ids).
 *
 * @example
 * IdentifierSchema.parse({ id: '7300010000001', schemeId: '0088' });
 */
export const IdentifierSchema = z.object({
  id: TextSchema.describe('Identifier value'),
  schemeId: z.string().optional().describe('Identification scheme identifier (schemeID)'),
});
/** See {@link IdentifierSchema}. */
export type Identifier = z.infer<typeof IdentifierSchema>;
