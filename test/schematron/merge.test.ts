import { describe, expect, it } from 'vitest';
import { compileSchematronSet, type SchematronSource } from '../../src/schematron/compile.js';
import { findEmbeddedMetadata } from '../../src/schematron/metadata.js';
import { compileSetToSef } from '../../src/schematron/sef.js';
import type { RawRuleResult } from '../../src/validate/report-reader.js';
import { compileError, runSef, schema, SCH } from './helpers.js';

async function run(sources: readonly SchematronSource[], xml: string): Promise<RawRuleResult[]> {
  return runSef(await compileSetToSef(sources), xml);
}

const alpha: SchematronSource = {
  name: 'alpha',
  text: schema(`<ns prefix="q" uri="urn:q"/>
    <pattern id="alpha-lines"><rule context="q:line"><assert id="A-QTY" test="q:qty">A line needs a quantity.</assert></rule></pattern>`),
};
const beta: SchematronSource = {
  name: 'beta',
  text: schema(`<ns prefix="q" uri="urn:q"/>
    <pattern id="beta-root"><rule context="/q:doc"><report id="B-ROOT" flag="warning" test="true()">Seen the document.</report></rule></pattern>
    <pattern id="beta-lines"><rule context="q:line[@kind = 'x']"><report id="B-X" test="true()">x line</report></rule>
      <rule context="q:line"><report id="B-ANY" test="true()">other line</report></rule></pattern>`),
};
const doc = '<doc xmlns="urn:q"><line kind="x"/><line><qty/></line></doc>';

describe('compileSchematronSet', () => {
  it('runs the rules of both schemas in one stylesheet, each result naming its rule set', async () => {
    const results = await run([alpha, beta], doc);
    expect(results.map((r) => [r.id, r.ruleSet, r.location])).toEqual([
      ['B-ROOT', 'beta', '/doc[1]'],
      ['A-QTY', 'alpha', '/doc[1]/line[1]'],
      ['B-X', 'beta', '/doc[1]/line[1]'],
      ['B-ANY', 'beta', '/doc[1]/line[2]'],
    ]);
  });

  it('keeps first-match-wins per pattern across the merge: one rule per node per pattern', async () => {
    const results = await run([alpha, beta], doc);
    // line[1] matches both rules of beta-lines, only the first fires; alpha's pattern is independent.
    expect(results.filter((r) => r.location === '/doc[1]/line[1]').map((r) => r.id)).toEqual(['A-QTY', 'B-X']);
  });

  it('lists every rule with its rule set in the embedded metadata', async () => {
    const meta = findEmbeddedMetadata(await compileSetToSef([alpha, beta]));
    expect(meta?.ruleSets).toEqual(['alpha', 'beta']);
    expect(meta?.rules.map((r) => [r.id, r.ruleSet, r.pattern])).toEqual([
      ['A-QTY', 'alpha', 'alpha-lines'],
      ['B-ROOT', 'beta', 'beta-root'],
      ['B-X', 'beta', 'beta-lines'],
      ['B-ANY', 'beta', 'beta-lines'],
    ]);
  });

  it('makes generated pattern ids unique per rule set', async () => {
    const one = { name: 'one', text: schema(`<pattern><rule context="a"><report test="true()">1</report></rule></pattern>`) };
    const two = { name: 'two', text: schema(`<pattern><rule context="a"><report test="true()">2</report></rule></pattern>`) };
    const results = await run([one, two], '<a/>');
    expect(results.map((r) => [r.id, r.ruleSet])).toEqual([['one-pattern1-rule1-report1', 'one'], ['two-pattern1-rule1-report1', 'two']]);
  });

  it('refuses a prefix bound to two namespaces, naming both files', () => {
    const other = { name: 'other', text: schema(`<ns prefix="q" uri="urn:not-q"/><pattern id="o"><rule context="q:a"><report test="true()">x</report></rule></pattern>`) };
    const e = compileError(() => compileSchematronSet([alpha, other]));
    expect(e.code).toBe('NAMESPACE_CONFLICT');
    expect(e.message).toContain('alpha');
    expect(e.message).toContain('other');
    expect(e.message).toContain('urn:not-q');
  });

  it('refuses a pattern id used in two files, naming both', () => {
    const copy = { name: 'copy', text: schema(`<pattern id="alpha-lines"><rule context="a"><report test="true()">x</report></rule></pattern>`) };
    const e = compileError(() => compileSchematronSet([alpha, copy]));
    expect(e.code).toBe('DUPLICATE_PATTERN');
    expect(e.message).toMatch(/"alpha-lines".*alpha.*copy/);
  });

  it('refuses two different functions of the same name and arity, but keeps identical copies once', async () => {
    const fn = (body: string) =>
      `<xsl:function xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:f="urn:f" name="f:two" as="xs:integer" xmlns:xs="http://www.w3.org/2001/XMLSchema"><xsl:sequence select="${body}"/></xsl:function>`;
    const withFn = (name: string, body: string, id: string) => ({
      name,
      text: `<schema xmlns="${SCH}" xmlns:f="urn:f" queryBinding="xslt2">${fn(body)}<pattern id="${id}"><rule context="a"><assert id="${id}" test="f:two() = 2">two</assert></rule></pattern></schema>`,
    });
    const e = compileError(() => compileSchematronSet([withFn('x', '2', 'px'), withFn('y', '3', 'py')]));
    expect(e.code).toBe('DUPLICATE_DECLARATION');
    expect(e.message).toContain('Q{urn:f}two#0');
    expect(e.message).toMatch(/\bx\b.*\by\b/);
    expect(await run([withFn('x', '2', 'px'), withFn('y', '2', 'py')], '<a/>')).toEqual([]);
  });

  it('refuses two rule sets of the same name', () => {
    expect(compileError(() => compileSchematronSet([alpha, alpha])).code).toBe('DUPLICATE_RULE_SET');
  });

  it('names the file of a schema that is not Schematron', () => {
    const e = compileError(() => compileSchematronSet([alpha, { name: 'broken', text: '<nope/>' }]));
    expect(e.code).toBe('NOT_SCHEMATRON');
    expect(e.message).toMatch(/^broken: /);
  });
});

describe('compileSetToSef', () => {
  it('names the schema whose XPath does not compile', async () => {
    const bad = { name: 'bad', text: schema(`<pattern id="b"><rule context="a"><assert id="BAD" test="count(">x</assert></rule></pattern>`) };
    await expect(compileSetToSef([alpha, bad])).rejects.toMatchObject({ code: 'XSLT_COMPILE', message: expect.stringMatching(/^bad: /) });
  });
});
