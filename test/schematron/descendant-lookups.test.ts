import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compileToSef } from '../../src/schematron/sef.js';
import { rewriteDescendantLookups, type LookupRegistry } from '../../src/schematron/descendant-lookups.js';
import { saxonEngine } from '../../src/validate/saxon.js';
import { runSef, schema } from './helpers.js';

const NS = { cac: 'urn:cac', cbc: 'urn:cbc' };

function rewrite(expr: string): { out: string; keys: string[] } {
  const registry: LookupRegistry = { keys: [] };
  return { out: rewriteDescendantLookups(expr, NS, registry), keys: registry.keys };
}

describe('rewriteDescendantLookups', () => {
  it('serves an absolute //name lookup from the engine list, falling back to the original', () => {
    const { out, keys } = rewrite('exists(//cac:Item)');
    expect(keys).toEqual(['Q{urn:cac}Item']);
    expect(out).toBe('exists((if ($psbv:listed and root(.) is $psbv:document) then $psbv:list-0 else //cac:Item))');
  });

  it('serves .//name from the document node or the root element, unless the root element has that name', () => {
    const { out } = rewrite('.//cac:Item/cbc:ID');
    expect(out).toContain('then $psbv:list-0 else .//cac:Item)/cbc:ID');
    expect(out).toContain('not(self::cac:Item)');
  });

  it('registers each name once and numbers the lists in order of first use', () => {
    const { out, keys } = rewrite('count(//cac:A) + count(//cac:B) + count(//cac:A[cbc:X = 1])');
    expect(keys).toEqual(['Q{urn:cac}A', 'Q{urn:cac}B']);
    expect(out.match(/\$psbv:list-0/g)).toHaveLength(2);
  });

  it('keeps boolean predicates after the rewritten step', () => {
    expect(rewrite("//cac:A[normalize-space(cbc:ID) = 'S'][cbc:X]").out).toMatch(/else \/\/cac:A\)\[normalize-space\(cbc:ID\) = 'S'\]\[cbc:X\]$/);
  });

  it.each([
    ['a positional predicate', '//cac:A[1]'],
    ['last()', '//cac:A[last()]'],
    ['a variable that may be a number', '//cac:A[$n]'],
    ['position()', '//cac:A[position() gt 1]'],
    ['a count', '//cac:A[count(cbc:X)]'],
    ['a step after a variable', '$doc//cac:A'],
    ['a step after a function call', 'root()//cac:A'],
    ['a step after a name', 'cac:B//cac:A'],
    ['a parent step', '..//cac:A'],
    ['a wildcard', '//*'],
    ['an attribute', '//@currencyID'],
    ['an explicit axis', '//descendant::cac:A'],
    ['an undeclared prefix', '//foo:A'],
    ['a string literal', "'see //cac:A' = ."],
  ])('leaves %s alone', (_what, expr) => {
    const { out, keys } = rewrite(expr);
    expect(out).toBe(expr);
    expect(keys).toEqual([]);
  });

  it('rewrites after keywords and operators that start an operand', () => {
    expect(rewrite('if (x) then //cac:A else ()').keys).toHaveLength(1);
    expect(rewrite('a and //cac:A').keys).toHaveLength(1);
    expect(rewrite('(//cac:A, //cac:B)').keys).toHaveLength(2);
    expect(rewrite('x = //cac:A').keys).toHaveLength(1);
  });
});

describe('document-wide lookups in compiled rules', () => {
  const rules = schema(`
    <ns prefix="cac" uri="urn:cac"/><ns prefix="cbc" uri="urn:cbc"/>
    <pattern><rule context="/*">
      <report id="ALL" test="true()"><value-of select="string-join(//cac:A/@n, ',')"/></report>
      <report id="BELOW" test="true()"><value-of select="string-join(.//cac:A/@n, ',')"/></report>
      <report id="FILTERED" test="true()"><value-of select="string-join(//cac:A[cbc:X = 'y']/@n, ',')"/></report>
      <report id="FIRST" test="true()"><value-of select="string-join(//cac:A[1]/@n, ',')"/></report>
    </rule></pattern>
    <pattern><rule context="cac:B">
      <report id="FROM-B" test="true()"><value-of select="count(//cac:A)"/></report>
    </rule></pattern>`);
  const doc = `<cac:A xmlns:cac="urn:cac" xmlns:cbc="urn:cbc" n="root">
      <cac:A n="1"><cbc:X>y</cbc:X><cac:A n="2"/></cac:A><cac:B><cac:A n="3"><cbc:X>y</cbc:X></cac:A></cac:B><cac:A n="4"/></cac:A>`;

  it('gives the same answers with the engine lists as XPath does without them', async () => {
    const sef = await compileToSef(rules);
    const indexed = runSef(sef, doc);
    const texts = Object.fromEntries(indexed.map((r) => [r.id, r.text]));
    expect(texts).toEqual({ ALL: 'root,1,2,3,4', BELOW: '1,2,3,4', FILTERED: '1,3', FIRST: 'root,1,2,3', 'FROM-B': '5' });
    // The `/` entry point passes no lists: plain XPath answers the same.
    const plain = JSON.parse(String(SaxonJSTransform(sef, doc))) as { id: string; text: string }[];
    expect(Object.fromEntries(plain.map((r) => [r.id, r.text]))).toEqual(texts);
  });
});

/** Runs a SEF the ordinary way (source document, `/` entry point): no engine lists. */
function SaxonJSTransform(sef: Parameters<typeof saxonEngine.run>[0], xml: string): unknown {
  // The module saxon.ts loaded (require cache), so the same SaxonJS instance.
  const SaxonJS = createRequire(import.meta.url)('saxon-js') as {
    transform(options: Record<string, unknown>, mode: 'sync'): { principalResult: unknown };
  };
  return SaxonJS.transform({ stylesheetInternal: sef, sourceText: xml, destination: 'serialized' }, 'sync').principalResult;
}
