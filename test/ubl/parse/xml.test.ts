import { describe, expect, it } from 'vitest';
import { findDoctype, lineLocator, REPEATING_ELEMENTS, rootElement, tokenize } from '../../../src/ubl/parse/xml.js';

describe('findDoctype', () => {
  it('finds a DOCTYPE in the prolog and an ENTITY anywhere outside comments and CDATA', () => {
    expect(findDoctype('<?xml version="1.0"?><!DOCTYPE a><a/>')).toBe(21);
    expect(findDoctype('<a><!ENTITY x "y"></a>')).toBe(3);
    expect(findDoctype('<a><!-- <!DOCTYPE a> --><![CDATA[<!DOCTYPE b>]]></a>')).toBe(-1);
    expect(findDoctype('<a/>')).toBe(-1);
  });
});

describe('tokenize', () => {
  it('keeps values as written: no number parsing, leading zeros and scale survive', () => {
    const t = tokenize('<a><b x="0088">100.10</b><c>007</c></a>');
    if (!t.ok) throw new Error(t.problem.message);
    const root = rootElement(t.tree);
    const [b, c] = root.children();
    expect(b?.text()).toBe('100.10');
    expect(b?.attributes['x']).toBe('0088');
    expect(c?.text()).toBe('007');
  });

  it('decodes predefined entities and character references and refuses any other entity', () => {
    const t = tokenize('<a>&amp;&lt;&#65;&#x42;</a>');
    if (!t.ok) throw new Error(t.problem.message);
    expect(rootElement(t.tree).text()).toBe('&<AB');
    const u = tokenize('<a>&amp;&unknown;</a>');
    expect(u.ok).toBe(false);
    if (!u.ok) expect(u.problem).toMatchObject({ code: 'XML-SYNTAX', line: 1, column: 9 });
  });

  it('gives line and column of a syntax error', () => {
    const t = tokenize('<a>\n<b></c></a>');
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.problem).toMatchObject({ code: 'XML-SYNTAX', line: 2 });
  });

  it('refuses nesting deeper than any UBL document', () => {
    const t = tokenize('<a>'.repeat(500) + '</a>'.repeat(500));
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.problem.code).toBe('XML-DEPTH');
  });
});

describe('XmlElement', () => {
  it('keys elements by namespace URI whatever the prefix, and writes XPaths with cac/cbc', () => {
    const t = tokenize(
      '<u:Invoice xmlns:u="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:x="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2">' +
        '<x:InvoiceLine/><x:InvoiceLine><ID xmlns="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">2</ID></x:InvoiceLine></u:Invoice>',
    );
    if (!t.ok) throw new Error(t.problem.message);
    const root = rootElement(t.tree);
    expect(root.key).toBe('Invoice');
    const [, second] = root.children();
    expect(second?.key).toBe('cac:InvoiceLine');
    const id = second?.children()[0];
    expect(id?.key).toBe('cbc:ID');
    expect(id?.path).toBe('/Invoice/cac:InvoiceLine[2]/cbc:ID');
  });

  it('reports an undeclared prefix and keys foreign namespaces by URI', () => {
    const t = tokenize('<a xmlns:f="urn:f"><q:b/><f:c/></a>');
    if (!t.ok) throw new Error(t.problem.message);
    const [b, c] = rootElement(t.tree).children();
    expect(b?.undeclaredPrefix).toBe('q');
    expect(c?.key).toBe('{urn:f}c');
    expect(c?.path).toBe('/a/f:c');
  });
});

describe('REPEATING_ELEMENTS', () => {
  it('lists the lines and the other 0..n groups of the model', () => {
    expect(REPEATING_ELEMENTS.has('Invoice/cac:InvoiceLine')).toBe(true);
    expect(REPEATING_ELEMENTS.has('CreditNote/cac:CreditNoteLine')).toBe(true);
    expect(REPEATING_ELEMENTS.has('cac:InvoiceLine/cbc:Note')).toBe(false);
  });
});

describe('lineLocator', () => {
  it('maps offsets to 1-based line and column', () => {
    const locate = lineLocator('ab\ncd\n\nef');
    expect(locate(0)).toEqual({ line: 1, column: 1 });
    expect(locate(4)).toEqual({ line: 2, column: 2 });
    expect(locate(7)).toEqual({ line: 4, column: 1 });
  });
});
