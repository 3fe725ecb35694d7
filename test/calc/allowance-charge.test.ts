import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../../src/model/decimal.js';
import { calculateAllowanceCharge, calculateAllowanceChargeAmount, netAllowanceCharges } from '../../src/calc/allowance-charge.js';
import { d } from './support/factory.js';

describe('calculateAllowanceChargeAmount', () => {
  it('computes base x percentage / 100 rounded to cents (PEPPOL-EN16931-R040)', () => {
    expect(formatDecimal(calculateAllowanceChargeAmount({ amount: d('0'), baseAmount: d('33.33'), percentage: d('12.5') }))).toBe('4.17');
  });
  it('ignores a stated amount that disagrees with base and percentage', () => {
    expect(calculateAllowanceChargeAmount({ amount: d('999'), baseAmount: d('1000'), percentage: d('20') }).toFixed()).toBe('200');
  });
  it('uses the stated amount without a percentage', () => {
    expect(formatDecimal(calculateAllowanceChargeAmount({ amount: d('25') }))).toBe('25.00');
  });
  it('rounds a negative computed amount away from zero', () => {
    expect(calculateAllowanceChargeAmount({ amount: d('0'), baseAmount: d('-0.10'), percentage: d('5') }).toFixed(2)).toBe('-0.01');
  });
});

describe('calculateAllowanceCharge', () => {
  it('returns a copy with the amount replaced', () => {
    const ac = { kind: 'charge' as const, amount: d('1'), baseAmount: d('100'), percentage: d('2') };
    const out = calculateAllowanceCharge(ac);
    expect(out.amount.toFixed()).toBe('2');
    expect(ac.amount.toFixed()).toBe('1');
  });
});

describe('netAllowanceCharges', () => {
  it('adds charges and subtracts allowances', () => {
    expect(netAllowanceCharges([{ kind: 'charge', amount: d('25') }, { kind: 'allowance', amount: d('10.5') }]).toFixed()).toBe('14.5');
  });
  it('is zero for an empty list', () => {
    expect(netAllowanceCharges([]).isZero()).toBe(true);
  });
});
