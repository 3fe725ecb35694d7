import { describe, expect, it } from 'vitest';
import { PeppolSelfBillingError } from '../../src/model/errors.js';
import { CalculationError } from '../../src/calc/errors.js';
import { UblSerializeError } from '../../src/ubl/serialize/errors.js';
import { SchematronCompileError } from '../../src/schematron/errors.js';
import { XmlInputError, decodeXmlInput } from '../../src/ubl/input.js';
import { compileSchematron } from '../../src/schematron/compile.js';

describe('PeppolSelfBillingError', () => {
  it('is the base of every error class of the package, each with its string code', () => {
    const errors = [
      new CalculationError([{ code: 'X', severity: 'error', message: 'm' }]),
      new UblSerializeError('MISSING-REQUIRED', 'BT-1', 'invoiceNumber', 'missing'),
      new SchematronCompileError('NOT_SCHEMATRON', 'not a schema'),
      new XmlInputError('XML-ENCODING', 'bad bytes'),
    ];
    for (const e of errors) {
      expect(e).toBeInstanceOf(PeppolSelfBillingError);
      expect(e).toBeInstanceOf(Error);
      expect(typeof e.code).toBe('string');
    }
    expect(errors.map((e) => e.name)).toEqual(['CalculationError', 'UblSerializeError', 'SchematronCompileError', 'XmlInputError']);
  });

  it('is what the package throws on a broken contract', () => {
    expect(() => compileSchematron('<notSchematron/>')).toThrow(PeppolSelfBillingError);
    expect(() => decodeXmlInput(new Uint8Array([0xfe, 0xff, 0xd8]))).toThrow(PeppolSelfBillingError);
  });
});
