/**
 * Dates and instants as the process functions take them: calendar dates as `YYYY-MM-DD`
 * (as BT-2 is written) and instants as ISO 8601 timestamps WITH a zone, because "14 days
 * after receipt" means nothing when nobody knows whose midnight it was. The functions never
 * read the clock; time always comes in as an argument.
 */
import { isIsoDate } from '../model/primitives.js';

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;
const DAY_MS = 86_400_000;

/**
 * True when `text` is an ISO 8601 timestamp with a zone (`Z` or `+hh:mm`): a real calendar
 * date, hours 00-23, minutes and seconds 00-59.
 *
 * @param text - the text to check
 * @returns whether it is a zoned timestamp
 * @example
 * isTimestamp('2024-04-01T09:30:00+02:00'); // true
 * isTimestamp('2024-04-01T09:30:00'); // false (no zone)
 */
export function isTimestamp(text: string): boolean {
  if (typeof text !== 'string') return false;
  const m = TIMESTAMP.exec(text);
  if (!m || !isIsoDate(m[1] ?? '')) return false;
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? '0')];
  if (h > 23 || min > 59 || s > 59) return false;
  if (m[6] !== 'Z' && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  return true;
}

/**
 * Milliseconds since the epoch of a zoned timestamp (after {@link isTimestamp} said yes).
 *
 * @param text - a zoned ISO 8601 timestamp
 * @returns epoch milliseconds
 * @example
 * timestampMs('1970-01-01T00:00:01Z'); // 1000
 */
export function timestampMs(text: string): number {
  return Date.parse(text);
}

/**
 * True when `text` is a calendar date written `YYYY-MM-DD` (a guarded re-export of the
 * model's check that also refuses non-strings).
 *
 * @param text - the text to check
 * @returns whether it is a calendar date
 * @example
 * isDate('2024-02-29'); // true
 */
export function isDate(text: unknown): text is string {
  return typeof text === 'string' && isIsoDate(text);
}

/**
 * Adds whole days to an instant, in UTC (a day is 24 hours here: a tacit acceptance period
 * is counted in days from the moment of receipt).
 *
 * @param text - a zoned ISO 8601 timestamp
 * @param days - the number of days to add
 * @returns the later instant as a UTC timestamp (`...Z`)
 * @example
 * addDays('2024-04-01T10:00:00+02:00', 14); // '2024-04-15T08:00:00.000Z'
 */
export function addDays(text: string, days: number): string {
  return new Date(timestampMs(text) + days * DAY_MS).toISOString();
}
