/**
 * Our own ISO Schematron to XSLT 3.0 compiler (queryBinding xslt2/xslt3).
 * Pure: text in, text out; includes are resolved through a callback.
 */
import { emitXslt } from './emit.js';
import { SchematronCompileError } from './errors.js';
import { mergeSchemas } from './merge.js';
import { readSchema } from './read.js';

export { SchematronCompileError, type SchematronErrorCode } from './errors.js';

/** Options of `compileSchematron`. */
export interface CompileSchematronOptions {
  /** Phase to compile; default the schema's `defaultPhase`, else `#ALL`. */
  readonly phase?: string;
  /** Returns the text of an `include`d document, given its `href`. */
  readonly resolveInclude?: (href: string) => string;
}

/** One schema of a rule-set collection: the rule set's name (e.g. the file stem) and its text. */
export interface SchematronSource {
  readonly name: string;
  readonly text: string;
}

/** Options of `compileSchematronSet`. */
export interface CompileSchematronSetOptions {
  /** Returns the text of an `include`d document, given the including schema's name and the `href`. */
  readonly resolveInclude?: (href: string, from: string) => string;
  /** Title of the merged set; default the schemas' titles joined by "; ". */
  readonly title?: string;
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

/**
 * Compiles several Schematron schemas into ONE XSLT 3.0 stylesheet: one traversal of
 * the document runs the patterns of all of them. Every pattern keeps the name of the
 * schema it came from; each result carries it as `ruleSet`, and the embedded metadata
 * lists it per rule. Each schema runs its own `defaultPhase` (else all its patterns).
 *
 * @param sources The schemas and their rule-set names, in the order their patterns run.
 * @param options Include resolver, title.
 * @returns XSLT 3.0 text.
 * @throws SchematronCompileError for a malformed schema (the message names its file), a
 * prefix bound to two namespaces, a pattern id or a global declaration used twice
 * (`NAMESPACE_CONFLICT`, `DUPLICATE_PATTERN`, `DUPLICATE_DECLARATION`; both files named).
 *
 * @example
 * const xslt = compileSchematronSet([
 *   { name: 'peppol-document', text: readFileSync('schematron/peppol-document.sch', 'utf8') },
 *   { name: 'cen-core', text: readFileSync('schematron/cen-core.sch', 'utf8') },
 * ]);
 */
export function compileSchematronSet(sources: readonly SchematronSource[], options: CompileSchematronSetOptions = {}): string {
  const schemas = sources.map(({ name, text }) => {
    const resolve = options.resolveInclude;
    try {
      const model = readSchema(text, resolve ? { name, resolveInclude: (href) => resolve(href, name) } : { name });
      return { name, model };
    } catch (e) {
      if (e instanceof SchematronCompileError) throw new SchematronCompileError(e.code, `${name}: ${e.message}`);
      throw e;
    }
  });
  return emitXslt(mergeSchemas(schemas, options.title));
}
