import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkNumbering,
  formatInvoiceNumber,
  nextInvoiceNumber,
  parseNumberSeries,
  sequenceNumberOf,
  type NumberSeries,
} from '../../src/process/numbering.js';

const series = (over: Partial<NumberSeries> = {}): NumberSeries => ({ prefix: 'SB-', width: 4, suffix: '', start: 1, next: 1, ...over });
const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

/** Issues `n` numbers from a fresh series, the way a caller would. */
function issue(n: number, s: NumberSeries = series()): { numbers: string[]; series: NumberSeries } {
  const numbers: string[] = [];
  let current = s;
  for (let i = 0; i < n; i++) {
    const r = nextInvoiceNumber(current);
    if (!r.success) throw new Error(JSON.stringify(r.issues));
    numbers.push(r.data.number);
    current = r.data.series;
  }
  return { numbers, series: current };
}

describe('parseNumberSeries', () => {
  it('applies the defaults: no prefix, one digit, start at 1', () => {
    expect(parseNumberSeries({ next: 1 })).toEqual({ success: true, data: { prefix: '', width: 1, suffix: '', start: 1, next: 1 }, issues: [] });
  });
  it('refuses a missing counter with a typed issue naming the field', () => {
    const r = parseNumberSeries({ prefix: 'SB-' });
    expect(r.success).toBe(false);
    expect(r.issues[0]).toMatchObject({ code: 'SERIES-INVALID', path: 'next', businessTerm: 'BT-1' });
  });
  it('refuses a prefix ending in a digit, which would make numbers ambiguous', () => {
    expect(codes(parseNumberSeries({ prefix: 'SB-2024', next: 1 }).issues)).toEqual(['SERIES-INVALID']);
  });
  it('refuses a counter before the start and an end before the start', () => {
    expect(parseNumberSeries({ start: 5, next: 4 }).issues.map((i) => i.path)).toEqual(['next']);
    expect(parseNumberSeries({ start: 5, next: 5, end: 4 }).issues.map((i) => i.path)).toEqual(['end']);
  });
  it('refuses fractional and negative counters', () => {
    expect(parseNumberSeries({ next: 1.5 }).success).toBe(false);
    expect(parseNumberSeries({ next: -1, start: -1 }).success).toBe(false);
  });
});

describe('formatInvoiceNumber', () => {
  it('pads the sequence number to the width and adds prefix and suffix', () => {
    expect(formatInvoiceNumber(42, series({ suffix: '/NL' }))).toBe('SB-0042/NL');
  });
  it('never truncates a number longer than the width', () => {
    expect(formatInvoiceNumber(123456, series())).toBe('SB-123456');
  });
});

describe('sequenceNumberOf', () => {
  it('reads the sequence number of a number of the series', () => {
    expect(sequenceNumberOf('SB-0042', series())).toBe(42);
  });
  it('refuses other prefixes, other paddings, signs and text', () => {
    for (const n of ['XX-0042', 'SB-042', 'SB-00042', 'SB-+042', 'SB-00a2', 'SB-', '']) expect(sequenceNumberOf(n, series()), n).toBeUndefined();
  });
  it('refuses numbers outside start..end', () => {
    expect(sequenceNumberOf('SB-0004', series({ start: 5, next: 5 }))).toBeUndefined();
    expect(sequenceNumberOf('SB-0011', series({ end: 10 }))).toBeUndefined();
  });
});

describe('nextInvoiceNumber', () => {
  it('returns the next number and the advanced series', () => {
    const r = nextInvoiceNumber({ prefix: 'SB-2024-', width: 4, next: 7 });
    expect(r.success && r.data).toEqual({ number: 'SB-2024-0007', series: { prefix: 'SB-2024-', width: 4, suffix: '', start: 1, next: 8 } });
  });
  it('does not change the series it was given', () => {
    const s = Object.freeze(series({ next: 3 }));
    nextInvoiceNumber(s);
    expect(s.next).toBe(3);
  });
  it('reports a used-up series instead of running past its end', () => {
    const r = nextInvoiceNumber(series({ next: 11, end: 10 }));
    expect(r.success).toBe(false);
    expect(codes(r.issues)).toEqual(['SERIES-EXHAUSTED']);
  });
  it('reports an invalid series as issues, not an exception', () => {
    expect(codes(nextInvoiceNumber({ width: 0, next: 1 } as never).issues)).toEqual(['SERIES-INVALID']);
    expect(codes(nextInvoiceNumber(null as never).issues)).toEqual(['SERIES-INVALID']);
  });
  it('hands out consecutive numbers that the series recognises (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 8 }), (n, start, width) => {
        const { numbers, series: after } = issue(n, series({ start, next: start, width }));
        expect(numbers.map((x) => sequenceNumberOf(x, after))).toEqual(numbers.map((_, i) => start + i));
        expect(after.next).toBe(start + n);
      }),
    );
  });
});

describe('checkNumbering', () => {
  it('finds nothing wrong in a complete series', () => {
    const { numbers, series: s } = issue(5);
    expect(checkNumbering(numbers, s)).toEqual([]);
  });
  it('reports a single missing number', () => {
    const issues = checkNumbering(['SB-0001', 'SB-0003'], series({ next: 4 }));
    expect(codes(issues)).toEqual(['NUMBER-GAP']);
    expect(issues[0]?.message).toMatch(/^SB-0002 is missing/);
  });
  it('reports a run of missing numbers as one range', () => {
    const issues = checkNumbering(['SB-0001', 'SB-0005'], series({ next: 6 }));
    expect(issues.map((i) => i.message.split(':')[0])).toEqual(['SB-0002 to SB-0004 are missing (3 numbers)']);
  });
  it('reports numbers the counter handed out but that are not in the list', () => {
    expect(checkNumbering(['SB-0001'], series({ next: 3 })).map((i) => i.message.split(':')[0])).toEqual(['SB-0002 is missing']);
  });
  it('reports duplicates once per number, with the count', () => {
    const issues = checkNumbering(['SB-0001', 'SB-0002', 'SB-0001', 'SB-0001'], series({ next: 3 }));
    expect(codes(issues)).toEqual(['NUMBER-DUPLICATE']);
    expect(issues[0]?.message).toMatch(/SB-0001 is used 3 times/);
  });
  it('reports numbers that are not of the series, with their position', () => {
    const issues = checkNumbering(['SB-0001', 'INV-7', 'SB-02'], series({ next: 2 }));
    expect(issues.map((i) => [i.code, i.path])).toEqual([['NUMBER-NOT-IN-SERIES', '1'], ['NUMBER-NOT-IN-SERIES', '2']]);
  });
  it('reports numbers beyond the counter, which would be handed out again', () => {
    expect(codes(checkNumbering(['SB-0001', 'SB-0002'], series({ next: 2 })))).toEqual(['NUMBER-AHEAD-OF-SERIES']);
  });
  it('reports an invalid series and non-string entries as issues', () => {
    expect(codes(checkNumbering(['SB-0001'], { next: 'x' } as never))).toEqual(['SERIES-INVALID']);
    expect(codes(checkNumbering([42 as never], series({ next: 1 })))).toEqual(['NUMBER-NOT-IN-SERIES']);
  });
  it('does not care about order (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(fc.constant(n), fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }))), ([n, order]) => {
        const { numbers, series: s } = issue(n);
        expect(checkNumbering(order.map((i) => numbers[i]!), s)).toEqual([]);
      }),
    );
  });
  it('finds every removed number, and nothing else (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }).chain((n) => fc.tuple(fc.constant(n), fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n - 1 }))), ([n, removed]) => {
        const { numbers, series: s } = issue(n);
        const kept = numbers.filter((_, i) => !removed.includes(i));
        const issues = checkNumbering(kept, s);
        expect(issues.every((i) => i.code === 'NUMBER-GAP')).toBe(true);
        // Every missing number is named, in one of the ranges.
        const missing = new Set<number>();
        for (const i of issues) {
          const m = /^SB-(\d+)(?: to SB-(\d+))?/.exec(i.message)!;
          for (let k = Number(m[1]); k <= Number(m[2] ?? m[1]); k++) missing.add(k);
        }
        expect([...missing].sort((a, b) => a - b)).toEqual(removed.map((i) => i + 1).sort((a, b) => a - b));
      }),
    );
  });
  it('finds every duplicated number (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(fc.constant(n), fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n }))), ([n, doubled]) => {
        const { numbers, series: s } = issue(n);
        const issues = checkNumbering([...numbers, ...doubled.map((i) => numbers[i]!)], s);
        expect(issues.map((i) => i.message.split(' ')[0]).sort()).toEqual(doubled.map((i) => numbers[i]!).sort());
      }),
    );
  });
});
