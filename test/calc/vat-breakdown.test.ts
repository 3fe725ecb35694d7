import { describe, expect, it } from 'vitest';
import { calculateVatAmount, calculateVatBreakdown, vatBreakdownKey } from '../../src/calc/vat-breakdown.js';
import { calculateLine } from '../../src/calc/line.js';
import { d, docAc, makeLine } from './support/factory.js';

describe('vatBreakdownKey', () => {
  it('treats 25, 25.0 and 25.00 as one rate', () => {
    expect(vatBreakdownKey({ code: 'S', rate: d('25.00') })).toBe(vatBreakdownKey({ code: 'S', rate: d('25') }));
  });
  it('distinguishes no rate from rate zero', () => {
    expect(vatBreakdownKey({ code: 'O' })).not.toBe(vatBreakdownKey({ code: 'O', rate: d('0') }));
  });
});

describe('calculateVatAmount', () => {
  it('rounds half away from zero on negative amounts (CEN BR-CO-17 test 7)', () => {
    expect(calculateVatAmount(d('-2141.19'), d('5.5')).toFixed(2)).toBe('-117.77');
  });
  it('is zero without a rate', () => {
    expect(calculateVatAmount(d('100'), undefined).isZero()).toBe(true);
  });
});

describe('calculateVatBreakdown', () => {
  const lines = [
    makeLine({ quantity: '1', price: '0.125', rate: '25' }, 0),
    makeLine({ quantity: '1', price: '0.125', rate: '25.0' }, 1),
    makeLine({ quantity: '1', price: '100', category: 'E', rate: '0' }, 2),
  ].map((l) => calculateLine(l));

  it('computes VAT once per category from the summed base, not per line', () => {
    // per line: round(0.13 x 25%) = 0.03 twice = 0.06; per category: round(0.26 x 25%) = 0.07
    const [s] = calculateVatBreakdown(lines, []);
    expect(s?.taxableAmount.toFixed(2)).toBe('0.26');
    expect(s?.taxAmount.toFixed(2)).toBe('0.07');
  });
  it('adds charges and subtracts allowances of the same category and rate', () => {
    const out = calculateVatBreakdown(lines, [docAc('charge', '10'), docAc('allowance', '5')]);
    expect(out[0]?.taxableAmount.toFixed(2)).toBe('5.26');
  });
  it('carries exemption reasons over from the previous breakdown, matching by category', () => {
    const previous = [{ taxableAmount: d('0'), taxAmount: d('0'), category: { code: 'E', rate: d('0'), exemptionReason: 'Education' } }];
    const out = calculateVatBreakdown(lines, [], previous);
    expect(out.map((e) => e.category.code)).toEqual(['E', 'S']);
    expect(out[0]?.category.exemptionReason).toBe('Education');
  });
  it('drops previous entries nothing uses any more', () => {
    const previous = [{ taxableAmount: d('1'), taxAmount: d('0'), category: { code: 'Z', rate: d('0') } }];
    expect(calculateVatBreakdown(lines, [], previous).map((e) => e.category.code)).toEqual(['S', 'E']);
  });
  it('leaves the rate out for category O', () => {
    const o = calculateVatBreakdown([calculateLine(makeLine({ quantity: '1', price: '5', category: 'O', rate: null }))], []);
    expect(o[0]?.category.rate).toBeUndefined();
    expect(o[0]?.taxAmount.isZero()).toBe(true);
  });
});
