import { describe, expect, it } from 'vitest';
import { calculateLine, calculateLineNetAmount, calculateNetPrice } from '../../src/calc/line.js';
import { d, makeLine } from './support/factory.js';

describe('calculateNetPrice', () => {
  it('takes gross price minus discount when a gross price is given (PEPPOL-EN16931-R046)', () => {
    expect(calculateNetPrice({ netPrice: d('999'), grossPrice: d('450'), discount: d('40') }).toFixed()).toBe('410');
  });
  it('keeps the stated net price without a gross price', () => {
    expect(calculateNetPrice({ netPrice: d('4.9715') }).toFixed()).toBe('4.9715');
  });
});

describe('calculateLineNetAmount', () => {
  it('multiplies quantity by net price with full price precision', () => {
    expect(calculateLineNetAmount(makeLine({ quantity: '486', price: '4.9715' })).toFixed(2)).toBe('2416.15');
  });
  it('divides by the price base quantity (BT-149)', () => {
    expect(calculateLineNetAmount(makeLine({ quantity: '10', price: '200', baseQuantity: '2' })).toFixed(2)).toBe('1000.00');
  });
  it('divides last, so a price per 3 units stays exact until the final rounding', () => {
    expect(calculateLineNetAmount(makeLine({ quantity: '1', price: '10', baseQuantity: '3' })).toFixed(2)).toBe('3.33');
    expect(calculateLineNetAmount(makeLine({ quantity: '3', price: '10', baseQuantity: '3' })).toFixed(2)).toBe('10.00');
  });
  it('adds line charges and subtracts line allowances, computing percentages from their base', () => {
    const line = makeLine({
      quantity: '10',
      price: '0',
      grossPrice: '450',
      discount: '40',
      allowanceCharges: [
        { kind: 'charge', amount: d('0'), baseAmount: d('100'), percentage: d('1') },
        { kind: 'allowance', amount: d('101') },
      ],
    });
    expect(calculateLineNetAmount(line).toFixed(2)).toBe('4000.00');
  });
  it('makes a negative quantity give the exact negation of the positive line', () => {
    const pos = calculateLineNetAmount(makeLine({ quantity: '3', price: '0.335' }));
    const neg = calculateLineNetAmount(makeLine({ quantity: '-3', price: '0.335' }));
    expect(pos.toFixed(2)).toBe('1.01');
    expect(neg.toFixed(2)).toBe('-1.01');
  });
});

describe('calculateLine', () => {
  it('returns a new line and leaves the input unchanged', () => {
    const line = makeLine({ quantity: '7', price: '400' });
    const out = calculateLine(line);
    expect(out).not.toBe(line);
    expect(line.netAmount.toFixed()).toBe('0');
    expect(out.netAmount.toFixed(2)).toBe('2800.00');
  });
  it('writes the net price derived from the gross price into the line', () => {
    const out = calculateLine(makeLine({ quantity: '1', price: '1', grossPrice: '10', discount: '2.5' }));
    expect(out.price.netPrice.toFixed()).toBe('7.5');
  });
});
