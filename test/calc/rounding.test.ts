import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../../src/model/decimal.js';
import { asAmount, roundAmount, roundHalfAwayFromZero, sumAmounts } from '../../src/calc/rounding.js';
import { d } from './support/factory.js';

describe('roundHalfAwayFromZero', () => {
  it('rounds a positive tie up', () => {
    expect(roundHalfAwayFromZero(d('2.345'), 2).toFixed()).toBe('2.35');
  });
  it('rounds a negative tie away from zero, mirroring the positive one', () => {
    expect(roundHalfAwayFromZero(d('-2.345'), 2).toFixed()).toBe('-2.35');
  });
  it('rounds below a tie towards zero', () => {
    expect(roundHalfAwayFromZero(d('2.34499999'), 2).toFixed()).toBe('2.34');
  });
});

describe('roundAmount', () => {
  it('writes the amount with two decimals', () => {
    expect(formatDecimal(roundAmount(d('1299.995')))).toBe('1300.00');
    expect(formatDecimal(roundAmount(d('-0.005')))).toBe('-0.01');
  });
  it('does not produce negative zero text', () => {
    expect(formatDecimal(roundAmount(d('-0.004')))).toBe('0.00');
  });
});

describe('sumAmounts', () => {
  it('adds exactly where binary floats would not', () => {
    expect(sumAmounts([d('0.1'), d('0.2')]).eq(d('0.3'))).toBe(true);
  });
  it('returns zero for no amounts', () => {
    expect(formatDecimal(sumAmounts([]))).toBe('0.00');
  });
});

describe('asAmount', () => {
  it('keeps the value and writes two decimals', () => {
    expect(formatDecimal(asAmount(d('25')))).toBe('25.00');
  });
});
