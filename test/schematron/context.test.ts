import { describe, expect, it } from 'vitest';
import { analyseContext } from '../../src/schematron/context.js';

const ns = { cac: 'urn:cac', cbc: 'urn:cbc', ubl: 'urn:inv' };

describe('analyseContext', () => {
  it('dispatches plain and rooted name tests by their expanded name', () => {
    expect(analyseContext('cac:InvoiceLine[cbc:ID] | /ubl:Invoice', ns)).toEqual([
      { kind: 'element', key: 'Q{urn:cac}InvoiceLine' },
      { kind: 'element', key: 'Q{urn:inv}Invoice', anchored: true },
    ]);
  });

  it('uses the last step of a path, ignoring predicates that contain slashes and bars', () => {
    expect(analyseContext("cac:TaxTotal/cac:TaxSubtotal[cbc:Percent = '1|2' or a/b]", ns)).toEqual([
      { kind: 'element', key: 'Q{urn:cac}TaxSubtotal', chain: ['Q{urn:cac}TaxTotal'] },
    ]);
  });

  it('keeps the ancestor names a path requires, nearest first, anchored when it starts at the root', () => {
    expect(analyseContext('/ubl:Invoice/cac:TaxTotal[1]/*/cbc:ID | cac:Item//cac:Price/cbc:ID | ../cbc:ID', ns)).toEqual([
      { kind: 'element', key: 'Q{urn:cbc}ID', chain: [null, 'Q{urn:cac}TaxTotal', 'Q{urn:inv}Invoice'], anchored: true },
      { kind: 'element', key: 'Q{urn:cbc}ID', chain: ['Q{urn:cac}Price'] },
      { kind: 'element', key: 'Q{urn:cbc}ID' },
    ]);
    expect(analyseContext('//cac:Price/cbc:ID', ns)).toEqual([{ kind: 'element', key: 'Q{urn:cbc}ID', chain: ['Q{urn:cac}Price'] }]);
  });

  it('keeps attribute presence and other simple conjuncts of a named step as conditions', () => {
    expect(analyseContext('cbc:EndpointID[@schemeID][normalize-space(@schemeID) != ""] | cbc:ID[not(*) and attribute::listID]', ns)).toEqual([
      { kind: 'element', key: 'Q{urn:cbc}EndpointID', conditions: [{ test: 'attribute', value: 'schemeID' }] },
      { kind: 'element', key: 'Q{urn:cbc}ID', conditions: [{ test: 'leaf' }, { test: 'attribute', value: 'listID' }] },
    ]);
  });

  it('recognises attributes, the document node and wildcards', () => {
    expect(analyseContext('cbc:EndpointID/@schemeID | / | cbc:* | *[not(*)] | @*', ns)).toEqual([
      { kind: 'attribute', key: 'Q{}schemeID' },
      { kind: 'root' },
      { kind: 'any-element', conditions: [{ test: 'namespace', value: 'urn:cbc' }] },
      { kind: 'any-element', conditions: [{ test: 'leaf' }] },
      { kind: 'any-attribute' },
    ]);
  });

  it('keeps the simple conjuncts of wildcard predicates as conditions to check before visiting', () => {
    expect(analyseContext('//*[not(*) and not(normalize-space())]', ns)).toEqual([{ kind: 'any-element', conditions: [{ test: 'leaf' }, { test: 'blank' }] }]);
    expect(analyseContext("*[ends-with(name(), 'Amount') and not(ancestor::cac:Price)][starts-with(local-name(.), \"Tax\")]", ns)).toEqual([
      { kind: 'any-element', conditions: [{ test: 'local-ends', value: 'Amount' }, { test: 'local-starts', value: 'Tax' }] },
    ]);
    expect(analyseContext("*:Note[(local-name() = 'Note')]", ns)).toEqual([
      { kind: 'any-element', conditions: [{ test: 'local-name', value: 'Note' }, { test: 'local-name', value: 'Note' }] },
    ]);
  });

  it('keeps no condition it cannot prove necessary (or, name() prefixes)', () => {
    expect(analyseContext("*[not(*) or @x]", ns)).toEqual([{ kind: 'any-element', conditions: [] }]);
    expect(analyseContext("*[contains(name(), 'c:A')]", ns)).toEqual([{ kind: 'any-element', conditions: [] }]);
  });

  it('falls back to any node for what it does not understand', () => {
    expect(analyseContext('key("k", "v")', ns)).toEqual([{ kind: 'any-node' }]);
    expect(analyseContext('nope:Thing', ns)).toEqual([{ kind: 'any-node' }]);
  });
});
