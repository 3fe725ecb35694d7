/**
 * Invoice numbering for self-billing. The customer numbers the documents it issues on the
 * supplier's behalf (BT-1), and the law asks for a sequential number that identifies the
 * invoice uniquely (VAT directive art. 226(2)). Because the supplier stays responsible for
 * its invoices, the customer keeps one unbroken series per supplier, so each supplier can
 * account for every number issued in its name. A series here is a prefix, a zero-padded
 * counter and an optional suffix.
 */
import { z } from 'zod';
import { issuesFromZod } from '../build/issues.js';
import type { DeepReadonly } from '../model/readonly.js';
import { processError, type NumberingIssueCode, type ProcessIssue, type ProcessResult } from './issues.js';

/**
 * A numbering series: `prefix` + the sequence number padded to `width` digits + `suffix`.
 * `next` is the sequence number the next document gets; `start` the first of the series,
 * `end` (optional) the last number reserved for it.
 *
 * @example
 * NumberSeriesSchema.parse({ prefix: 'SB-2024-', width: 4, next: 1 }); // SB-2024-0001 comes next
 */
export const NumberSeriesSchema = z
  .object({
    prefix: z.string().default('').describe('BT-1 Invoice number: text before the sequence number, e.g. "SB-2024-"'),
    width: z.int().min(1).max(15).default(1).describe('BT-1 Invoice number: minimum digits of the sequence number, padded with zeros'),
    suffix: z.string().default('').describe('BT-1 Invoice number: text after the sequence number'),
    start: z.int().min(0).default(1).describe('BT-1 Invoice number: first sequence number of the series'),
    next: z.int().min(0).describe('BT-1 Invoice number: the sequence number the next document gets'),
    end: z.int().min(0).optional().describe('BT-1 Invoice number: last sequence number reserved for the series'),
  })
  .superRefine((s, ctx) => {
    if (s.next < s.start) ctx.addIssue({ code: 'custom', path: ['next'], message: `next (${s.next}) is before the start of the series (${s.start})` });
    if (s.end !== undefined && s.end < s.start) ctx.addIssue({ code: 'custom', path: ['end'], message: `end (${s.end}) is before the start of the series (${s.start})` });
    if (/\d$/.test(s.prefix)) ctx.addIssue({ code: 'custom', path: ['prefix'], message: 'the prefix must not end with a digit: "SB-1" + "2" could not be told apart from "SB-" + "12"' });
    if (/^\d/.test(s.suffix)) ctx.addIssue({ code: 'custom', path: ['suffix'], message: 'the suffix must not start with a digit, for the same reason' });
  })
  .describe('Numbering series');
/** See {@link NumberSeriesSchema}. */
export type NumberSeries = DeepReadonly<z.output<typeof NumberSeriesSchema>>;
/** What {@link NumberSeriesSchema} accepts (defaults optional). */
export type NumberSeriesInput = z.input<typeof NumberSeriesSchema>;

type NumberingResult<T> = ProcessResult<T, 'SERIES-INVALID' | 'SERIES-EXHAUSTED'>;

/**
 * Reads and checks a series (defaults applied).
 *
 * @param input - the series as given
 * @returns the series, or `SERIES-INVALID` issues naming the field
 * @example
 * parseNumberSeries({ prefix: 'SB-', next: 0 }); // failure: next is before start (1)
 */
export function parseNumberSeries(input: unknown): ProcessResult<NumberSeries, 'SERIES-INVALID'> {
  const r = NumberSeriesSchema.safeParse(input);
  if (r.success) return { success: true, data: r.data, issues: [] };
  return {
    success: false,
    issues: issuesFromZod(NumberSeriesSchema, r.error).map((i) => ({ ...i, code: 'SERIES-INVALID' as const, message: `Numbering series: ${i.message}` })),
  };
}

/**
 * Writes the invoice number of a sequence number in a series.
 *
 * @param sequence - the sequence number
 * @param series - the series
 * @returns the invoice number (BT-1)
 * @example
 * formatInvoiceNumber(42, { prefix: 'SB-', width: 4, suffix: '', start: 1, next: 43 }); // 'SB-0042'
 */
export function formatInvoiceNumber(sequence: number, series: NumberSeries): string {
  return `${series.prefix}${String(sequence).padStart(series.width, '0')}${series.suffix}`;
}

/**
 * The sequence number an invoice number carries in a series, or `undefined` when the
 * number is not written the series' way (other prefix or suffix, wrong zero padding,
 * outside `start`..`end`). Each sequence number has exactly one written form.
 *
 * @param invoiceNumber - BT-1 as written
 * @param series - the series
 * @returns the sequence number, or undefined
 * @example
 * sequenceNumberOf('SB-0042', series); // 42
 * sequenceNumberOf('SB-042', series); // undefined (the series pads to 4 digits)
 */
export function sequenceNumberOf(invoiceNumber: string, series: NumberSeries): number | undefined {
  if (typeof invoiceNumber !== 'string') return undefined;
  if (!invoiceNumber.startsWith(series.prefix) || !invoiceNumber.endsWith(series.suffix)) return undefined;
  const digits = invoiceNumber.slice(series.prefix.length, invoiceNumber.length - series.suffix.length);
  if (!/^\d{1,16}$/.test(digits)) return undefined;
  const n = Number(digits);
  if (!Number.isSafeInteger(n) || formatInvoiceNumber(n, series) !== invoiceNumber) return undefined;
  if (n < series.start || (series.end !== undefined && n > series.end)) return undefined;
  return n;
}

/**
 * Hands out the next number of a series. Pure: the series is not changed; the advanced
 * series comes back with the number, and the caller stores it (in the same transaction as
 * the document, or numbers get lost or reused).
 *
 * @param series - the series (validated here)
 * @returns the invoice number and the series advanced by one, or `SERIES-INVALID` /
 *   `SERIES-EXHAUSTED` (every number up to `end` is used)
 * @example
 * const r = nextInvoiceNumber({ prefix: 'SB-2024-', width: 4, next: 7 });
 * if (r.success) r.data.number; // 'SB-2024-0007', and r.data.series.next === 8
 */
export function nextInvoiceNumber(series: NumberSeriesInput | NumberSeries): NumberingResult<{ readonly number: string; readonly series: NumberSeries }> {
  const parsed = parseNumberSeries(series);
  if (!parsed.success) return parsed;
  const s = parsed.data;
  if ((s.end !== undefined && s.next > s.end) || !Number.isSafeInteger(s.next + 1)) {
    return {
      success: false,
      issues: [processError('SERIES-EXHAUSTED', `The numbering series ${formatInvoiceNumber(s.start, s)} ... is used up (next ${s.next}, last ${s.end ?? s.next}): agree a new series with the supplier.`, { businessTerm: 'BT-1', path: 'next' })],
    };
  }
  return { success: true, data: { number: formatInvoiceNumber(s.next, s), series: { ...s, next: s.next + 1 } }, issues: [] };
}

/**
 * Checks the numbers issued so far in a series: every number must belong to the series,
 * appear once, and together they must leave no gap from the start of the series up to the
 * last number handed out (`series.next - 1`). Order does not matter. Gaps are reported as
 * ranges, one issue each.
 *
 * @param numbers - the BT-1 values issued in the series (any order)
 * @param series - the series, with `next` as it stands now
 * @returns the issues: `NUMBER-NOT-IN-SERIES`, `NUMBER-DUPLICATE`, `NUMBER-GAP`,
 *   `NUMBER-AHEAD-OF-SERIES` (a number the counter has not reached yet, so it would be
 *   handed out again), or `SERIES-INVALID`; empty when the numbering is complete
 * @example
 * checkNumbering(['SB-0001', 'SB-0003'], { prefix: 'SB-', width: 4, next: 4 });
 * // [{ code: 'NUMBER-GAP', message: 'SB-0002 is missing ...', ... }]
 */
export function checkNumbering(numbers: readonly string[], series: NumberSeriesInput | NumberSeries): readonly ProcessIssue<Exclude<NumberingIssueCode, 'SERIES-EXHAUSTED'>>[] {
  const parsed = parseNumberSeries(series);
  if (!parsed.success) return parsed.issues;
  const s = parsed.data;
  const issues: ProcessIssue<Exclude<NumberingIssueCode, 'SERIES-EXHAUSTED'>>[] = [];
  const list: readonly unknown[] = Array.isArray(numbers) ? numbers : [];
  const seen = new Map<number, number>();
  list.forEach((raw, i) => {
    const text = typeof raw === 'string' ? raw : String(raw);
    const n = typeof raw === 'string' ? sequenceNumberOf(raw, s) : undefined;
    if (n === undefined) {
      issues.push(processError('NUMBER-NOT-IN-SERIES', `"${text}" is not a number of the series ${describeSeries(s)}.`, { businessTerm: 'BT-1', path: String(i) }));
      return;
    }
    seen.set(n, (seen.get(n) ?? 0) + 1);
    if (n >= s.next) {
      issues.push(processError('NUMBER-AHEAD-OF-SERIES', `${text} is beyond the series counter (next ${formatInvoiceNumber(s.next, s)}): the counter would hand it out a second time; advance the series past it.`, { businessTerm: 'BT-1', path: String(i) }));
    }
  });
  for (const [n, count] of [...seen].sort((a, b) => a[0] - b[0])) {
    if (count > 1) {
      issues.push(processError('NUMBER-DUPLICATE', `${formatInvoiceNumber(n, s)} is used ${count} times: each invoice number must identify one document only (VAT directive art. 226(2)).`, { businessTerm: 'BT-1' }));
    }
  }
  // Everything from the start up to the last number handed out must be there.
  const sorted = [...seen.keys()].sort((a, b) => a - b);
  const last = Math.max(s.next - 1, sorted.at(-1) ?? s.start - 1);
  let expected = s.start;
  for (const n of [...sorted, last + 1]) {
    if (n > expected) {
      const to = Math.min(n - 1, last);
      if (to >= expected) issues.push(gapIssue(expected, to, s));
    }
    expected = Math.max(expected, n + 1);
  }
  return issues;
}

function gapIssue(from: number, to: number, s: NumberSeries): ProcessIssue<'NUMBER-GAP'> {
  const what = from === to ? `${formatInvoiceNumber(from, s)} is missing` : `${formatInvoiceNumber(from, s)} to ${formatInvoiceNumber(to, s)} are missing (${to - from + 1} numbers)`;
  return processError(
    'NUMBER-GAP',
    `${what}: self-billed invoices must be numbered consecutively per supplier; find the document(s), or record why the number(s) were never used.`,
    { businessTerm: 'BT-1' },
  );
}

function describeSeries(s: NumberSeries): string {
  const example = formatInvoiceNumber(s.start, s);
  return `"${s.prefix}" + ${s.width}+ digits${s.suffix === '' ? '' : ` + "${s.suffix}"`} (first: ${example}${s.end === undefined ? '' : `, last: ${formatInvoiceNumber(s.end, s)}`})`;
}
