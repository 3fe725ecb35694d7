import { describe, expect, it } from 'vitest';
import { compileSchematron } from '../../src/schematron/compile.js';
import { findEmbeddedMetadata, findEmbeddedNodeIndex } from '../../src/schematron/metadata.js';
import { compileToSef } from '../../src/schematron/sef.js';
import type { RawRuleResult } from '../../src/validate/report-reader.js';
import { compileError, runSef, schema, SCH } from './helpers.js';

async function run(sch: string, xml: string, options: Parameters<typeof compileSchematron>[1] = {}): Promise<RawRuleResult[]> {
  return runSef(await compileToSef(sch, options), xml);
}
const ids = (results: readonly RawRuleResult[]) => results.map((r) => r.id);

describe('compileSchematron', () => {
  it('lets only the first matching rule of a pattern handle a node', async () => {
    const sch = schema(`<pattern>
      <rule context="b[@x]"><report id="first" test="true()">first</report></rule>
      <rule context="b"><report id="second" test="true()">second</report></rule>
    </pattern>`);
    expect(ids(await run(sch, '<a><b x="1"/><b/></a>'))).toEqual(['first', 'second']);
  });

  it('runs every pattern independently on the same node', async () => {
    const sch = schema(`<pattern><rule context="b"><report id="p1" test="true()">1</report></rule></pattern>
      <pattern><rule context="b"><report id="p2" test="true()">2</report></rule></pattern>`);
    expect(ids(await run(sch, '<a><b/></a>'))).toEqual(['p1', 'p2']);
  });

  it('fires an assert when its test is false and a report when its test is true', async () => {
    const sch = schema(`<pattern><rule context="a">
      <assert id="A-holds" test="b">no b</assert><assert id="A-fails" test="c">no c</assert>
      <report id="R-true" test="b">has b</report><report id="R-false" test="c">has c</report>
    </rule></pattern>`);
    const results = await run(sch, '<a><b/></a>');
    expect(results.map((r) => [r.id, r.kind])).toEqual([['A-fails', 'assert'], ['R-true', 'report']]);
  });

  it('puts value-of and name results into the message, whitespace normalised', async () => {
    const sch = schema(`<pattern><rule context="item"><report id="m" test="true()">
      Element <name/> has   <value-of select="count(*)"/> children, first <name path="*[1]"/>, values <value-of select="*"/>.</report></rule></pattern>`);
    const [r] = await run(sch, '<item><v>1</v><v>2</v></item>');
    expect(r?.text).toBe('Element item has 2 children, first v, values 1 2.');
  });

  it('reports id, flag, role and an XPath location with positions and the document prefixes', async () => {
    const sch = schema(`<ns prefix="q" uri="urn:q"/><pattern><rule context="q:c"><assert id="X" flag="warning" role="hint" test="false()">x</assert></rule></pattern>`);
    const [r] = await run(sch, '<p:a xmlns:p="urn:q"><p:b/><p:c/><p:c/></p:a>');
    expect(r).toEqual({ id: 'X', flag: 'warning', role: 'hint', kind: 'assert', location: '/p:a[1]/p:c[1]', text: 'x' });
  });

  it('scopes lets at schema, pattern and rule level', async () => {
    const sch = schema(`<ns prefix="q" uri="urn:q"/>
      <let name="total" value="count(//q:v)"/>
      <pattern><let name="n" value="1"/><let name="m" value="$n + 1"/>
        <rule context="q:a"><let name="here" value="count(q:v)"/>
          <report id="P1" test="true()"><value-of select="$total"/>/<value-of select="$n"/>/<value-of select="$m"/>/<value-of select="$here"/></report></rule></pattern>
      <pattern><let name="n" value="10"/>
        <rule context="q:a"><report id="P2" test="true()"><value-of select="$n"/></report></rule></pattern>`);
    const results = await run(sch, '<a xmlns="urn:q"><v/><b><v/></b></a>');
    expect(results.map((r) => [r.id, r.text])).toEqual([['P1', '2/1/2/1'], ['P2', '10']]);
  });

  it('inlines abstract rules where a rule extends them', async () => {
    const sch = schema(`<pattern>
      <rule abstract="true" id="named"><assert id="HAS-NAME" test="@name">A <name/> needs a name.</assert></rule>
      <rule context="person"><extends rule="named"/><assert id="HAS-AGE" test="@age">age</assert></rule>
      <rule context="pet"><extends rule="named"/></rule>
    </pattern>`);
    const results = await run(sch, '<r><person age="3"/><pet name="x"/><pet/></r>');
    expect(results.map((r) => [r.id, r.location])).toEqual([['HAS-NAME', '/r[1]/person[1]'], ['HAS-NAME', '/r[1]/pet[2]']]);
  });

  it('instantiates abstract patterns with their params', async () => {
    const sch = schema(`<pattern abstract="true" id="required">
        <rule context="$parent"><assert id="REQ-$child" test="$child">missing</assert></rule></pattern>
      <pattern is-a="required" id="order-id"><param name="parent" value="order"/><param name="child" value="id"/></pattern>
      <pattern is-a="required" id="line-qty"><param name="parent" value="line"/><param name="child" value="qty"/></pattern>`);
    const results = await run(sch, '<order><line><qty/></line><line/></order>');
    expect(results.map((r) => [r.id, r.location])).toEqual([['REQ-id', '/order[1]'], ['REQ-qty', '/order[1]/line[2]']]);
  });

  it('compiles only the patterns of the chosen phase, with the phase lets', async () => {
    const sch = schema(`<phase id="quick"><let name="limit" value="1"/><active pattern="counting"/></phase>
      <phase id="full"><let name="limit" value="5"/><active pattern="counting"/><active pattern="naming"/></phase>
      <pattern id="counting"><rule context="a"><assert id="COUNT" test="count(b) le $limit">too many</assert></rule></pattern>
      <pattern id="naming"><rule context="b"><assert id="NAME" test="@n">name</assert></rule></pattern>`, ' defaultPhase="full"');
    const xml = '<a><b/><b/></a>';
    expect(ids(await run(sch, xml))).toEqual(['NAME', 'NAME']);
    expect(ids(await run(sch, xml, { phase: 'quick' }))).toEqual(['COUNT']);
    expect(compileError(() => compileSchematron(sch, { phase: 'nope' })).code).toBe('UNKNOWN_PHASE');
  });

  it('resolves include through the resolver callback', async () => {
    const files: Record<string, string> = {
      'p.sch': `<pattern xmlns="${SCH}"><rule context="a"><report id="INCLUDED" test="true()">in</report></rule></pattern>`,
    };
    const sch = schema(`<include href="p.sch"/>`);
    expect(ids(await run(sch, '<a/>', { resolveInclude: (href) => files[href] ?? '' }))).toEqual(['INCLUDED']);
    expect(compileError(() => compileSchematron(sch)).code).toBe('INCLUDE_UNRESOLVED');
  });

  it('refuses an include cycle', () => {
    const self = schema(`<pattern><include href="loop.sch"/></pattern>`);
    const loop = `<rule xmlns="${SCH}" context="a"><include href="loop.sch"/></rule>`;
    expect(compileError(() => compileSchematron(self, { resolveInclude: () => loop })).code).toBe('INCLUDE_CYCLE');
  });

  it('evaluates the diagnostics an assert names, in the rule context', async () => {
    const sch = schema(`<pattern><rule context="a"><assert id="D" test="false()" diagnostics="d1 d2">main</assert></rule></pattern>
      <diagnostics><diagnostic id="d1">found <value-of select="count(*)"/></diagnostic><diagnostic id="d2">in <name/></diagnostic></diagnostics>`);
    const [r] = await run(sch, '<a><b/></a>');
    expect(r?.diagnostics).toEqual(['found 1', 'in a']);
  });

  it('copies foreign xsl:function declarations so tests can call them', async () => {
    const sch = `<schema xmlns="${SCH}" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:f="urn:f" queryBinding="xslt2">
      <xsl:function name="f:double" as="xs:integer" xmlns:xs="http://www.w3.org/2001/XMLSchema"><xsl:param name="x"/><xsl:sequence select="2 * xs:integer($x)"/></xsl:function>
      <pattern><rule context="n"><assert id="EVEN" test="f:double(.) = 8">not 4</assert></rule></pattern></schema>`;
    expect((await run(sch, '<r><n>4</n><n>5</n></r>')).map((r) => r.location)).toEqual(['/r[1]/n[2]']);
  });

  it('copies foreign xsl:key declarations so tests can use key()', async () => {
    const sch = `<schema xmlns="${SCH}" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" queryBinding="xslt3">
      <xsl:key name="party" match="party" use="@id"/>
      <pattern><rule context="ref"><assert id="REF" test="exists(key('party', @to))">unknown party <value-of select="@to"/></assert></rule></pattern></schema>`;
    const results = await run(sch, '<r><party id="a"/><ref to="a"/><ref to="b"/></r>');
    expect(results.map((r) => r.text)).toEqual(['unknown party b']);
  });

  it('turns a dynamic error in a test into a fatal error result carrying the rule id', async () => {
    const sch = schema(`<pattern><rule context="amount">
      <assert id="DEC" test="xs:decimal(.) ge 0" xmlns:xs="http://www.w3.org/2001/XMLSchema">negative</assert>
      <assert id="AFTER" test="false()">still evaluated</assert></rule></pattern>`);
    const results = await run(sch, '<r><amount>abc</amount></r>');
    expect(results.map((r) => [r.id, r.kind, r.flag])).toEqual([['DEC', 'error', 'fatal'], ['AFTER', 'assert', '']]);
    expect(results[0]?.text).toContain('Rule DEC could not be evaluated');
    expect(results[0]?.error).toContain('FORG0001');
  });

  it('reports a rule let that raises a dynamic error on every check that uses it, and runs the others', async () => {
    const sch = schema(`<pattern><rule context="amount">
      <let name="value" value="xs:decimal(.)" xmlns:xs="http://www.w3.org/2001/XMLSchema"/>
      <let name="twice" value="$value * 2"/>
      <assert id="USES" test="$value ge 0">negative</assert>
      <assert id="INDIRECT" test="$twice lt 100">too big</assert>
      <assert id="MESSAGE" test="false()">value <value-of select="$value"/></assert>
      <assert id="FREE" test="false()">still evaluated</assert>
      <report id="STRING" test="'$value' = ''">never</report></rule></pattern>`);
    const results = await run(sch, '<r><amount>abc</amount><amount>7</amount></r>');
    expect(results.map((r) => [r.id, r.kind, r.flag, r.location])).toEqual([
      ['USES', 'error', 'fatal', '/r[1]/amount[1]'],
      ['INDIRECT', 'error', 'fatal', '/r[1]/amount[1]'],
      ['MESSAGE', 'error', 'fatal', '/r[1]/amount[1]'],
      ['FREE', 'assert', '', '/r[1]/amount[1]'],
      ['MESSAGE', 'assert', '', '/r[1]/amount[2]'],
      ['FREE', 'assert', '', '/r[1]/amount[2]'],
    ]);
    expect(results[0]?.text).toContain('Rule USES could not be evaluated');
    expect(results[0]?.error).toContain('FORG0001');
    expect(results[4]?.text).toBe('value 7');
  });

  it('reports a pattern let that raises a dynamic error on the checks that use it, never aborting the run', async () => {
    const sch = schema(`<pattern><let name="rate" value="xs:decimal(/r/@rate)" xmlns:xs="http://www.w3.org/2001/XMLSchema"/>
        <let name="half" value="$rate div 2"/>
        <rule context="amount"><assert id="RATE" test="$half lt 1">rate</assert><assert id="PLAIN" test=". = '1'">not one</assert></rule></pattern>
      <pattern><rule context="amount"><assert id="OTHER" test="false()">other pattern</assert></rule></pattern>`);
    const results = await run(sch, '<r rate="x"><amount>2</amount></r>');
    expect(results.map((r) => [r.id, r.kind])).toEqual([['RATE', 'error'], ['PLAIN', 'assert'], ['OTHER', 'assert']]);
    expect(results[0]?.text).toContain('FORG0001');
    expect((await run(sch, '<r rate="1"><amount>1</amount></r>')).map((r) => r.id)).toEqual(['OTHER']);
  });

  it('reports a schema let that raises a dynamic error on the checks that use it, never aborting the run', async () => {
    const sch = schema(`<let name="rate" value="xs:decimal(/r/@rate)" xmlns:xs="http://www.w3.org/2001/XMLSchema"/>
      <let name="half" value="$rate div 2"/>
      <let name="amounts" value="count(/r/amount)"/>
      <pattern><rule context="amount"><assert id="HALF" test="$half lt 1">half</assert><assert id="PLAIN" test=". = '1'">not one</assert>
        <assert id="COUNT" test="$amounts = 1">a let that did not fail is read as usual</assert><assert id="COUNT-FIRES" test="$amounts = 2">one amount</assert></rule></pattern>
      <pattern><let name="twice" value="$rate * 2"/>
        <rule context="amount"><assert id="TWICE" test="$twice lt 1">twice</assert><assert id="OTHER" test="false()">other</assert></rule></pattern>`);
    const results = await run(sch, '<r rate="x"><amount>2</amount></r>');
    expect(results.map((r) => [r.id, r.kind])).toEqual([
      ['HALF', 'error'],
      ['PLAIN', 'assert'],
      ['COUNT-FIRES', 'assert'],
      ['TWICE', 'error'],
      ['OTHER', 'assert'],
    ]);
    expect(results[0]?.text).toContain('FORG0001');
    expect((await run(sch, '<r rate="0.2"><amount>1</amount></r>')).map((r) => r.id)).toEqual(['COUNT-FIRES', 'OTHER']);
  });

  it('visits attributes when a rule context targets them', async () => {
    const sch = schema(`<pattern><rule context="@code"><assert id="CODE" test=". = ('A', 'B')">bad code</assert></rule></pattern>`);
    expect((await run(sch, '<r code="A"><x code="C"/></r>')).map((r) => r.location)).toEqual(['/r[1]/x[1]/@code']);
  });

  it('applies patterns whose contexts are not name tests at every element', async () => {
    const sch = schema(`<pattern><rule context="*[not(*) and not(normalize-space())]"><assert id="EMPTY" test="false()">empty</assert></rule></pattern>`);
    expect((await run(sch, '<r><a>1</a><b/><c><d></d></c></r>')).map((r) => r.location)).toEqual(['/r[1]/b[1]', '/r[1]/c[1]/d[1]']);
  });

  it('matches the document node for a "/" context', async () => {
    const sch = schema(`<pattern><rule context="/"><assert id="ROOT" test="r">no r root</assert></rule></pattern>`);
    expect((await run(sch, '<x/>')).map((r) => [r.id, r.location])).toEqual([['ROOT', '/']]);
  });

  it('dispatches name-test patterns only from the visit templates of those names', () => {
    const xslt = compileSchematron(schema(`<ns prefix="q" uri="urn:q"/><pattern><rule context="q:a | /q:b"><report test="true()">x</report></rule></pattern>`));
    expect(xslt).toContain('<xsl:template match="Q{urn:q}a" mode="psbv:visit" priority="1">');
    expect(xslt).toContain('<xsl:template match="Q{urn:q}b" mode="psbv:visit" priority="1">');
    // The catch-all visit template applies no pattern.
    expect(xslt).toContain('<xsl:template match="*" mode="psbv:visit" priority="0">\n</xsl:template>');
  });

  it('embeds the names and wildcard conditions the engine uses to pick the nodes to visit', async () => {
    const sef = await compileToSef(
      schema(`<ns prefix="q" uri="urn:q"/><pattern><rule context="q:a | /q:b"><report test="true()">x</report></rule>
        <rule context="*[not(*) and not(normalize-space())]"><report test="true()">e</report></rule><rule context="q:c/@code"><report test="true()">c</report></rule></pattern>`),
    );
    expect(findEmbeddedNodeIndex(sef)).toEqual({
      elements: { 'urn:q': ['a', 'b'] },
      wildcards: [[{ test: 'leaf' }, { test: 'blank' }]],
      attributes: { '': ['code'] },
      anyAttribute: false,
      dispatch: {
        patterns: 1,
        filters: [
          { pattern: 0, key: 'Q{urn:q}a' },
          { pattern: 0, key: 'Q{urn:q}b', anchored: true },
          { pattern: 0, conditions: [{ test: 'leaf' }, { test: 'blank' }] },
        ],
        attributes: [{ pattern: 0, key: 'Q{}code' }],
        perPattern: true,
      },
    });
  });

  it('hands a pattern only the elements whose names and ancestors its contexts allow', async () => {
    const sch = schema(`<pattern id="paths"><rule context="/r/a/id"><report id="TOP" test="true()">top</report></rule>
        <rule context="x/id[@k]"><report id="UNDER-X" test="true()">under x</report></rule></pattern>
      <pattern id="any"><rule context="id"><report id="ANY" test="true()">any</report></rule></pattern>
      <pattern id="deep"><rule context="*/*/id"><report id="DEEP" test="true()">deep</report></rule></pattern>`);
    const results = await run(sch, '<r><id/><a><id/></a><b><x><id k="1"/><id/></x></b></r>');
    expect(results.map((r) => [r.id, r.location])).toEqual([
      ['ANY', '/r[1]/id[1]'],
      ['TOP', '/r[1]/a[1]/id[1]'],
      ['ANY', '/r[1]/a[1]/id[1]'],
      ['DEEP', '/r[1]/a[1]/id[1]'],
      ['UNDER-X', '/r[1]/b[1]/x[1]/id[1]'],
      ['ANY', '/r[1]/b[1]/x[1]/id[1]'],
      ['DEEP', '/r[1]/b[1]/x[1]/id[1]'],
      ['ANY', '/r[1]/b[1]/x[1]/id[2]'],
      ['DEEP', '/r[1]/b[1]/x[1]/id[2]'],
    ]);
  });

  it('visits only the listed nodes yet reports in document order, pattern by pattern', async () => {
    const sch = schema(`<pattern id="one"><rule context="b"><report id="B1" test="true()">b</report></rule></pattern>
      <pattern id="two"><rule context="*[not(*) and not(normalize-space())]"><report id="EMPTY" test="true()">empty</report></rule>
        <rule context="@code"><report id="CODE" test="true()">code</report></rule></pattern>`);
    const results = await run(sch, '<r><b code="x"><c>t</c></b><d> </d><b/></r>');
    expect(results.map((r) => [r.id, r.location])).toEqual([
      ['B1', '/r[1]/b[1]'],
      ['CODE', '/r[1]/b[1]/@code'],
      ['EMPTY', '/r[1]/d[1]'],
      ['B1', '/r[1]/b[2]'],
      ['EMPTY', '/r[1]/b[2]'],
    ]);
  });

  it('embeds rule metadata with business terms read from the messages and see attributes', async () => {
    const sch = schema(`<title>Mine</title><pattern id="p"><rule context="a">
      <assert id="R1" flag="fatal" test="b">Seller name (BT-27) in BG-4 needs BT-27.</assert>
      <report id="R2" flag="warning" see="BT-9" test="c">c</report></rule></pattern>`);
    expect(findEmbeddedMetadata(await compileToSef(sch))).toEqual({
      title: 'Mine',
      phase: '#ALL',
      rules: [
        { id: 'R1', flag: 'fatal', kind: 'assert', role: '', businessTerms: ['BT-27', 'BG-4'], pattern: 'p' },
        { id: 'R2', flag: 'warning', kind: 'report', role: '', businessTerms: ['BT-9'], pattern: 'p' },
      ],
    });
  });

  it('throws NOT_SCHEMATRON for another root element', () => {
    expect(compileError(() => compileSchematron('<schema/>')).code).toBe('NOT_SCHEMATRON');
  });

  it('throws UNSUPPORTED_QUERY_BINDING for XSLT 1 schemas', () => {
    const e = compileError(() => compileSchematron(`<schema xmlns="${SCH}" queryBinding="xslt"/>`));
    expect(e.code).toBe('UNSUPPORTED_QUERY_BINDING');
  });

  it('throws MALFORMED_XML for text that is not XML, and for a DOCTYPE', () => {
    expect(compileError(() => compileSchematron(`<schema xmlns="${SCH}"><pattern></schema>`)).code).toBe('MALFORMED_XML');
    expect(compileError(() => compileSchematron(`<!DOCTYPE schema><schema xmlns="${SCH}" queryBinding="xslt2"/>`)).code).toBe('MALFORMED_XML');
  });

  it('throws MISSING_ATTRIBUTE naming the element that lacks it', () => {
    const e = compileError(() => compileSchematron(schema(`<pattern><rule context="a"><assert id="NO-TEST">x</assert></rule></pattern>`)));
    expect(e.code).toBe('MISSING_ATTRIBUTE');
    expect(e.message).toContain('<assert id="NO-TEST">');
    expect(e.message).toContain('"test"');
  });

  it('throws for unknown abstract rules, abstract patterns and diagnostics', () => {
    expect(compileError(() => compileSchematron(schema(`<pattern><rule context="a"><extends rule="nope"/></rule></pattern>`))).code).toBe('UNKNOWN_ABSTRACT_RULE');
    expect(compileError(() => compileSchematron(schema(`<pattern is-a="nope"/>`))).code).toBe('UNKNOWN_ABSTRACT_PATTERN');
    expect(compileError(() => compileSchematron(schema(`<pattern><rule context="a"><assert test="1" diagnostics="d">x</assert></rule></pattern>`))).code).toBe('UNKNOWN_DIAGNOSTIC');
  });
});

describe('compileToSef', () => {
  it('throws XSLT_COMPILE when an XPath in the schema does not compile', async () => {
    const sch = schema(`<pattern><rule context="a"><assert id="BAD" test="count(">x</assert></rule></pattern>`);
    await expect(compileToSef(sch)).rejects.toMatchObject({ code: 'XSLT_COMPILE' });
  });
});
