/**
 * Schematron to SEF (the compiled stylesheet form SaxonJS runs), at build or run time.
 */
import { saxonEngine } from '../validate/saxon.js';
import { compileSchematron, type CompileSchematronOptions } from './compile.js';
import { SchematronCompileError } from './errors.js';

/**
 * Compiles a Schematron schema all the way to a SEF object (JSON-serialisable), using
 * SaxonJS's own XSLT compiler. No `xslt3` install needed at run time.
 *
 * @throws SchematronCompileError — `XSLT_COMPILE` when an XPath in the schema does not
 * compile (the message carries Saxon's explanation).
 *
 * @example
 * const sef = await compileToSef(readFileSync('schematron/peppol-document.sch', 'utf8'));
 * writeFileSync('peppol-document.sef.json', JSON.stringify(sef));
 */
export async function compileToSef(
  schText: string,
  options: CompileSchematronOptions = {},
): Promise<Record<string, unknown>> {
  const xslt = compileSchematron(schText, options);
  try {
    return await saxonEngine.compile(xslt);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new SchematronCompileError('XSLT_COMPILE', `The generated XSLT does not compile: ${message}`);
  }
}
