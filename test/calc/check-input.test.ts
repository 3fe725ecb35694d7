import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/model/decimal.js';
import { checkCalculationInput } from '../../src/calc/check-input.js';
import { d, docAc, makeDoc, makeLine } from './support/factory.js';

describe('checkCalculationInput', () => {
  it('finds nothing in a sound document', () => {
    expect(checkCalculationInput(makeDoc([{ quantity: '-3', price: '12.3456' }]))).toEqual([]);
  });
  it('reports a base quantity of zero (PEPPOL-EN16931-R121)', () => {
    const issues = checkCalculationInput(makeDoc([{ quantity: '1', price: '1', baseQuantity: '0' }]));
    expect(issues.map((i) => i.code)).toEqual(['PEPPOL-EN16931-R121']);
  });
  it('reports negative prices (BR-27, BR-28)', () => {
    const issues = checkCalculationInput(makeDoc([{ quantity: '1', price: '-1', grossPrice: '-1' }]));
    expect(issues.map((i) => i.code)).toEqual(['BR-27', 'BR-28']);
  });
  it('reports a base amount without percentage on a line (PEPPOL-EN16931-R042)', () => {
    const line = makeLine({ quantity: '1', price: '1', allowanceCharges: [{ kind: 'charge', amount: d('1'), baseAmount: d('10') }] });
    const issues = checkCalculationInput({ ...makeDoc([]), lines: [line] });
    expect(issues[0]).toMatchObject({ code: 'PEPPOL-EN16931-R042', businessTerm: 'BT-143', path: 'lines.0.allowanceCharges.0.percentage' });
  });
  it('reports a paid amount with more than two decimals (BR-DEC-16)', () => {
    const doc = makeDoc([{ quantity: '1', price: '1' }], { totals: { lineNetTotal: d('0'), totalWithoutVat: d('0'), totalWithVat: d('0'), amountDue: d('0'), paidAmount: d('1.005') } });
    expect(checkCalculationInput(doc).map((i) => i.code)).toEqual(['BR-DEC-16']);
  });
  it('reports an infinite document charge and an unknown charge category', () => {
    const doc = makeDoc([{ quantity: '1', price: '1' }], { allowanceCharges: [{ ...docAc('charge', '1', 'XX'), amount: new Decimal(Infinity) }] });
    expect(checkCalculationInput(doc).map((i) => i.code)).toEqual(['NOT-A-NUMBER', 'BR-CL-18']);
  });
});
