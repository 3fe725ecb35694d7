/**
 * Reads an official unit-test file in the VEFA `testSet` format (see
 * ../shared/README.md): the scoped rule(s), then per `<test>` the expectation and the
 * (often partial) document, returned as standalone XML text.
 */
import { readFileSync } from 'node:fs';
import { readRootTag } from '../../src/ubl/input.js';

export type Expectation = 'success' | 'error' | 'warning';

export interface TestCase {
  readonly expect: Expectation;
  /** Rule the expectation is about. */
  readonly rule: string;
  readonly description: string;
  /** The test document, with the namespace declarations it inherits made explicit. */
  readonly xml: string;
}

export interface TestSet {
  readonly file: string;
  /** The rules under test (`<assert><scope>` of the set). */
  readonly scope: readonly string[];
  readonly tests: readonly TestCase[];
}

function texts(body: string, local: string): string[] {
  // Expectations may carry attributes (`<error number="2">`): how often the rule fires.
  return [...body.matchAll(new RegExp(`<${local}(?:\\s[^>]*)?>([^<]*)</${local}>`, 'g'))].map((m) => (m[1] ?? '').trim());
}

/**
 * Parses the text of a testSet file.
 *
 * @example
 * const set = parseTestSet(readFileSync(file, 'utf8'), file);
 * set.tests.filter((t) => t.expect === 'error').length;
 */
export function parseTestSet(text: string, file = ''): TestSet {
  const root = readRootTag(text);
  if (!root || root.local !== 'testSet') throw new Error(`${file}: not a testSet`);
  // Some official sets number their tests (`<test number="1">`).
  const firstTest = text.search(/<test[\s>]/);
  const head = text.slice(root.end, firstTest < 0 ? text.length : firstTest);
  const scope = texts(head, 'scope');
  const tests: TestCase[] = [];
  for (const m of text.matchAll(/<test(?:\s[^>]*)?>([\s\S]*?)<\/test>/g)) {
    const body = m[1] ?? '';
    const assertEnd = body.indexOf('</assert>');
    const assertBody = body.slice(0, assertEnd);
    const expect = (['success', 'error', 'warning'] as const).find((k) => new RegExp(`<${k}[\\s>]`).test(assertBody));
    if (!expect || assertEnd < 0) throw new Error(`${file}: a test has no success/error/warning expectation`);
    const rule = texts(assertBody, expect)[0] ?? '';
    const description = texts(assertBody, 'description')[0] ?? '';
    const docRoot = readRootTag(body, assertEnd + '</assert>'.length);
    if (!docRoot) throw new Error(`${file}: a test has no document`);
    // Prefixes declared on testSet (but not the VEFA default namespace) stay in scope.
    const inherited = Object.entries(root.namespaces)
      .filter(([prefix]) => prefix !== '' && !(prefix in docRoot.namespaces))
      .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
      .join('');
    const open = body.slice(docRoot.start, docRoot.end).replace(/^<[^\s/>]+/, (n) => n + inherited);
    tests.push({ expect, rule, description, xml: open + body.slice(docRoot.end).trimEnd() });
  }
  return { file, scope, tests };
}

/**
 * Reads and parses a testSet file.
 *
 * @example
 * const set = loadTestSet('../shared/peppol-sb/unit-tests/peppol-sb/PEPPOL-EN16931-R001.xml');
 */
export function loadTestSet(path: string): TestSet {
  return parseTestSet(readFileSync(path, 'utf8'), path);
}
