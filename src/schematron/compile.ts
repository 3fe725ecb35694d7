/**
 * Our own ISO Schematron to XSLT 3.0 compiler (queryBinding xslt2/xslt3).
 * Pure: text in, text out; includes are resolved through a callback.
 */
import { emitXslt } from './emit.js';
import { readSchema } from './read.js';

export { SchematronCompileError, type SchematronErrorCode } from './errors.js';

/** Options of `compileSchematron`. */
export interface CompileSchematronOptions {
  /** Phase to compile; default the schema's `defaultPhase`, else `#ALL`. */
  readonly phase?: string;
  /** Returns the text of an `include`d document, given its `href`. */
  readonly resolveInclude?: (href: string) => string;
}

/**
 * Compiles a Schematron schema into an XSLT 3.0 stylesheet that checks a document in
 * one traversal and returns a JSON array of fired asserts/reports
 * (`{ id, flag, kind, location, text, role?, diagnostics?, error? }`).
 *
 * @param schText The `.sch` source.
 * @param options Phase and include resolver.
 * @returns XSLT 3.0 text.
 * @throws SchematronCompileError when the schema is malformed or inconsistent.
 *
 * @example
 * const xslt = compileSchematron(readFileSync('rules.sch', 'utf8'), {
 *   resolveInclude: (href) => readFileSync(join(dir, href), 'utf8'),
 * });
 */
export function compileSchematron(schText: string, options: CompileSchematronOptions = {}): string {
  return emitXslt(readSchema(schText, options));
}
