import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as codes from '../../src/model/codes/index.js';

const shared = resolve(process.cwd(), '../shared/peppol-sb/codelists');
const idsOf = (file: string): string[] =>
  [...readFileSync(resolve(shared, file), 'utf8').matchAll(/<Id>\s*([^<]*?)\s*<\/Id>/g)].map((m) => m[1] ?? '');

describe('generated code lists', () => {
  it.each([
    ['UNCL5305.xml', codes.VAT_CATEGORY_CODES],
    ['ISO4217_2015.xml', codes.CURRENCY_CODES],
    ['ISO3166-1_Alpha2.xml', codes.COUNTRY_CODES],
    ['UNECERec20-11e.xml', codes.UNIT_CODES],
    ['eas.xml', codes.EAS_CODES],
    ['icd.xml', codes.ICD_CODES],
    ['VATEX.xml', codes.VATEX_CODES],
    ['UNCL1001-sbinv.xml', codes.SELF_BILLED_INVOICE_TYPE_CODES],
    ['UNCL1001-sbcn.xml', codes.SELF_BILLED_CREDIT_NOTE_TYPE_CODES],
  ])('hold exactly the codes of %s in the shared reference data', (file, list) => {
    expect([...list.keys()].sort()).toEqual(idsOf(file).sort());
  });

  it('contain the self-billing type codes 389, 527 and 261', () => {
    expect([...codes.SELF_BILLED_INVOICE_TYPE_CODES.keys()].sort()).toEqual(['389', '527']);
    expect([...codes.SELF_BILLED_CREDIT_NOTE_TYPE_CODES.keys()]).toEqual(['261']);
  });
});
