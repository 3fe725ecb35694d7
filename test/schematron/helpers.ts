/** Shared helpers of the compiler tests: a schema wrapper, running a SEF, catching compile errors. */
import { SchematronCompileError } from '../../src/schematron/compile.js';
import type { RawRuleResult } from '../../src/validate/report-reader.js';
import { saxonEngine } from '../../src/validate/saxon.js';

export const SCH = 'http://purl.oclc.org/dsdl/schematron';

/** An ISO Schematron schema (xslt2 binding) around `body`. */
export const schema = (body: string, attrs = ''): string => `<schema xmlns="${SCH}" queryBinding="xslt2"${attrs}>${body}</schema>`;

/** Runs a compiled SEF on `xml` and returns the raw results. */
export function runSef(sef: Parameters<typeof saxonEngine.run>[0], xml: string): RawRuleResult[] {
  return JSON.parse(saxonEngine.run(sef, saxonEngine.parse(xml))) as RawRuleResult[];
}

/** The SchematronCompileError that `fn` throws (fails the test when it throws nothing or something else). */
export function compileError(fn: () => unknown): SchematronCompileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SchematronCompileError) return e;
    throw e;
  }
  throw new Error('expected a SchematronCompileError');
}
