import { describe, expect, it } from 'vitest';
import { codeSchema, DateSchema, isIsoDate } from '../../src/model/primitives.js';
import { VAT_CATEGORY_CODES } from '../../src/model/codes/index.js';

describe('isIsoDate', () => {
  it('accepts real calendar dates written YYYY-MM-DD', () => {
    for (const d of ['2017-11-13', '2024-02-29', '2000-02-29', '1999-12-31']) expect(isIsoDate(d), d).toBe(true);
  });

  it('refuses impossible dates and other notations', () => {
    for (const d of ['2023-02-29', '1900-02-29', '2024-13-01', '2024-04-31', '2024-00-10', '13.11.2017', '2017-1-3', '20171113', '2017-11-13T00:00:00', '']) {
      expect(isIsoDate(d), d).toBe(false);
    }
  });
});

describe('DateSchema', () => {
  it('reports how to write a date when the text is not one', () => {
    const r = DateSchema.safeParse('13.11.2017');
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]?.message).toMatch(/YYYY-MM-DD/);
  });
});

describe('codeSchema', () => {
  it('accepts codes of the list and names the list when refusing others', () => {
    const schema = codeSchema(VAT_CATEGORY_CODES, 'UNCL 5305');
    expect(schema.safeParse('AE').success).toBe(true);
    const r = schema.safeParse('X');
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]?.message).toMatch(/UNCL 5305/);
  });
});
