import { describe, expect, it } from 'vitest';
import { decimalFromText, Decimal } from '../../../src/model/decimal.js';
import { escapeXml, UblWriter } from '../../../src/ubl/serialize/writer.js';
import { render, serializeError } from './helpers.js';

describe('escapeXml', () => {
  it('escapes the five markup characters in text', () => {
    expect(escapeXml(`A & B <c> "d" 'e'`, false)).toBe(`A &amp; B &lt;c&gt; &quot;d&quot; 'e'`);
  });

  it('returns plain text unchanged', () => {
    expect(escapeXml('Grüße 🚚 ok', false)).toBe('Grüße 🚚 ok');
  });

  it('keeps tab and line feed in text but writes a carriage return as a reference', () => {
    expect(escapeXml('a\tb\nc\r\nd', false)).toBe('a\tb\nc&#13;\nd');
  });

  it('writes tab, line feed and carriage return as references in attribute values', () => {
    expect(escapeXml('a\tb\nc\rd', true)).toBe('a&#9;b&#10;c&#13;d');
  });

  it('refuses control characters XML 1.0 forbids', () => {
    for (const c of ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001F']) {
      expect(escapeXml(`x${c}y`, false)).toBeUndefined();
    }
  });

  it('refuses U+FFFE, U+FFFF and unpaired surrogates but keeps paired ones', () => {
    expect(escapeXml('a\uFFFE', false)).toBeUndefined();
    expect(escapeXml('a\uFFFF', false)).toBeUndefined();
    expect(escapeXml('a\uD83D', false)).toBeUndefined();
    expect(escapeXml('\uDE9Aa', false)).toBeUndefined();
    expect(escapeXml('a\uD83D\uDE9A&', false)).toBe('a🚚&amp;');
  });
});

describe('UblWriter', () => {
  it('drops aggregates in which nothing was written', () => {
    const xml = render((w) => {
      w.start('cac:A');
      w.start('cac:B');
      w.text('cbc:C', undefined, 'BT-0 x', 'c');
      w.text('cbc:D', '   ', 'BT-0 x', 'd');
      w.end();
      w.text('cbc:E', 'e', 'BT-0 x', 'e');
      w.end();
    });
    expect(xml).toBe('<cac:A><cbc:E>e</cbc:E></cac:A>');
  });

  it('writes nothing at all for an aggregate that stays empty', () => {
    expect(render((w) => { w.start('cac:A'); w.end(); })).toBe('');
  });

  it('leaves out blank and absent attributes', () => {
    const xml = render((w) => w.text('cbc:ID', '1', 'BT-0 x', 'id', { schemeID: '', listID: undefined, name: 'n' }));
    expect(xml).toBe('<cbc:ID name="n">1</cbc:ID>');
  });

  it('writes decimals with the scale they were written with', () => {
    const xml = render((w) => {
      w.decimal('cbc:Percent', decimalFromText('25.0'), 'BT-0 x', 'a');
      w.amount('cbc:Amount', decimalFromText('100.10'), 'BT-0 x', 'b');
      w.amount('cbc:Amount', decimalFromText('-0.00'), 'BT-0 x', 'c');
      w.decimal('cbc:BaseQuantity', new Decimal('1.50'), 'BT-0 x', 'd');
    });
    expect(xml).toBe(
      '<cbc:Percent>25.0</cbc:Percent><cbc:Amount currencyID="EUR">100.10</cbc:Amount>' +
        '<cbc:Amount currencyID="EUR">-0.00</cbc:Amount><cbc:BaseQuantity>1.5</cbc:BaseQuantity>',
    );
  });

  it('indents two spaces per level when pretty and ends with a line feed', () => {
    const w = new UblWriter({ pretty: true, currency: 'EUR' });
    w.raw('<?xml version="1.0" encoding="UTF-8"?>');
    w.start('Invoice');
    w.start('cac:A');
    w.text('cbc:B', 'b', 'BT-0 x', 'b');
    w.end();
    w.end();
    expect(w.finish()).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<Invoice>\n  <cac:A>\n    <cbc:B>b</cbc:B>\n  </cac:A>\n</Invoice>\n');
  });

  it('refuses an illegal character naming the business term, the path and the code point', () => {
    const e = serializeError(() =>
      render((w) => {
        w.enter('lines');
        w.enter(3);
        w.enter('item');
        w.text('cbc:Name', 'bad\u0007name', 'BT-153 Item name', 'name');
      }),
    );
    expect(e.code).toBe('INVALID-XML-CHAR');
    expect(e.bt).toBe('BT-153');
    expect(e.path).toBe('lines[3].item.name');
    expect(e.message).toContain('U+0007');
    expect(e.message).toContain('BT-153 Item name');
  });

  it('refuses an illegal character in an attribute value', () => {
    const e = serializeError(() => render((w) => w.text('cbc:ID', 'x', 'BT-29 Seller identifier', 'id', { schemeID: '00\u000188' })));
    expect(e.code).toBe('INVALID-XML-CHAR');
    expect(e.message).toContain('schemeID');
  });

  it('refuses an amount that is not a Decimal', () => {
    const e = serializeError(() => render((w) => w.requiredAmount('cbc:Amount', '12.50' as unknown as Decimal, 'BT-92 Allowance amount', 'amount')));
    expect(e.code).toBe('INVALID-VALUE');
    expect(e.bt).toBe('BT-92');
  });

  it('refuses missing and blank required text', () => {
    expect(serializeError(() => render((w) => w.requiredText('cbc:ID', undefined, 'BT-1 Invoice number', 'invoiceNumber'))).code).toBe('MISSING-REQUIRED');
    expect(serializeError(() => render((w) => w.requiredText('cbc:ID', ' ', 'BT-1 Invoice number', 'invoiceNumber'))).path).toBe('invoiceNumber');
  });

  it('refuses text that is not a string', () => {
    const e = serializeError(() => render((w) => w.text('cbc:Note', 42 as unknown as string, 'BT-22 Invoice note', 'notes')));
    expect(e.code).toBe('INVALID-VALUE');
  });
});
