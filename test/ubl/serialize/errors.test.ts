import { describe, expect, it } from 'vitest';
import { UblSerializeError } from '../../../src/ubl/serialize/errors.js';

describe('UblSerializeError', () => {
  it('carries code, business term and path as data', () => {
    const e = new UblSerializeError('MISSING-REQUIRED', 'BT-1', 'invoiceNumber', 'BT-1 Invoice number at invoiceNumber is required but missing or blank');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('UblSerializeError');
    expect([e.code, e.bt, e.path]).toEqual(['MISSING-REQUIRED', 'BT-1', 'invoiceNumber']);
    expect(e.message).toContain('BT-1');
  });
});
