import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES } from '../../../src/model/codes/index.js';
import { formatDecimal } from '../../../src/model/decimal.js';
import { fragment, issueKeys } from './helpers.js';

describe('ReadContext', () => {
  it('text: trims, and reports a required empty element as missing with BT and XPath', () => {
    const { ctx, root } = fragment('<cbc:Note>  a  </cbc:Note><cbc:ID/>');
    expect(ctx.text(root, 'cbc:Note', 'BT-22 Invoice note')).toBe('a');
    expect(ctx.text(root, 'cbc:ID', 'BT-1 Invoice number', { required: true })).toBeUndefined();
    expect(ctx.issues[0]).toMatchObject({ code: 'MISSING-ELEMENT', businessTerm: 'BT-1', path: '/Invoice/cbc:ID' });
  });

  it('decimal: keeps the written scale and refuses comma, exponent, letters', () => {
    const { ctx, root } = fragment('<cbc:A>100.10</cbc:A><cbc:B>12,50</cbc:B><cbc:C>1e5</cbc:C><cbc:D>abc</cbc:D>');
    expect(formatDecimal(ctx.decimal(root, 'cbc:A', 'BT-1 x')!)).toBe('100.10');
    expect(ctx.decimal(root, 'cbc:B', 'BT-2 x')).toBeUndefined();
    expect(ctx.decimal(root, 'cbc:C', 'BT-3 x')).toBeUndefined();
    expect(ctx.decimal(root, 'cbc:D', 'BT-4 x')).toBeUndefined();
    expect(issueKeys(ctx)).toEqual(['INVALID-DECIMAL@/Invoice/cbc:B', 'INVALID-DECIMAL@/Invoice/cbc:C', 'INVALID-DECIMAL@/Invoice/cbc:D']);
  });

  it('amount: warns when currencyID differs from the document currency or is missing', () => {
    const { ctx, root } = fragment('<cbc:A currencyID="SEK">1</cbc:A><cbc:B>2</cbc:B><cbc:C currencyID="EUR">3</cbc:C>');
    ctx.documentCurrency = 'EUR';
    ctx.amount(root, 'cbc:A', 'BT-92 x');
    ctx.amount(root, 'cbc:B', 'BT-93 x');
    ctx.amount(root, 'cbc:C', 'BT-94 x');
    expect(issueKeys(ctx)).toEqual(['CURRENCY-MISMATCH@/Invoice/cbc:A', 'MISSING-CURRENCY@/Invoice/cbc:B']);
    expect(ctx.failed).toBe(false);
  });

  it('date: accepts real calendar dates only and suggests the ISO form', () => {
    const { ctx, root } = fragment('<cbc:A>2024-02-29</cbc:A><cbc:B>2023-02-29</cbc:B><cbc:C>13.11.2017</cbc:C>');
    expect(ctx.date(root, 'cbc:A', 'BT-2 x')).toBe('2024-02-29');
    expect(ctx.date(root, 'cbc:B', 'BT-2 x')).toBeUndefined();
    expect(ctx.date(root, 'cbc:C', 'BT-2 x')).toBeUndefined();
    expect(ctx.issues.map((i) => i.code)).toEqual(['INVALID-DATE', 'INVALID-DATE']);
    expect(ctx.issues[1]?.message).toContain('"2017-11-13"');
  });

  it('code: keeps an unknown code with a warning and suggests the upper-case form', () => {
    const { ctx, root } = fragment('<cbc:A>eur</cbc:A>');
    expect(ctx.code(root, 'cbc:A', CURRENCY_CODES, 'ISO 4217', 'BT-5 Invoice currency code')).toBe('eur');
    expect(ctx.issues[0]).toMatchObject({ code: 'UNKNOWN-CODE', severity: 'warning', businessTerm: 'BT-5' });
    expect(ctx.issues[0]?.message).toContain('did you mean "EUR"');
  });

  it('all: takes every occurrence only of elements listed as repeating', () => {
    const { ctx, root } = fragment('<cbc:Note>1</cbc:Note><cbc:Note>2</cbc:Note><cbc:ID>a</cbc:ID><cbc:ID>b</cbc:ID>');
    expect(ctx.all(root, 'cbc:Note').map((n) => n.text())).toEqual(['1', '2']);
    expect(ctx.all(root, 'cbc:ID').map((n) => n.text())).toEqual(['a']);
    ctx.reportUnmapped(root);
    expect(issueKeys(ctx)).toEqual(['UNMAPPED-ELEMENT@/Invoice/cbc:ID[2]']);
  });

  it('reportUnmapped: names unread elements once (not their content) and unread attributes', () => {
    const { ctx, root } = fragment('<cac:X><cbc:Y/></cac:X><cbc:ID schemeAgencyID="9">1</cbc:ID>');
    ctx.text(root, 'cbc:ID', 'BT-1 x');
    ctx.reportUnmapped(root);
    expect(issueKeys(ctx)).toEqual(['UNMAPPED-ELEMENT@/Invoice/cac:X', 'UNMAPPED-ATTRIBUTE@/Invoice/cbc:ID/@schemeAgencyID']);
  });
});
