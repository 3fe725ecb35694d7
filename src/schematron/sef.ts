/**
 * Schematron to SEF (the compiled stylesheet form SaxonJS runs), at build or run time.
 */
import { saxonEngine } from '../validate/saxon.js';
import {
  compileSchematron,
  compileSchematronSet,
  type CompileSchematronOptions,
  type CompileSchematronSetOptions,
  type SchematronSource,
} from './compile.js';
import { SchematronCompileError } from './errors.js';

async function xsltToSef(xslt: string): Promise<Record<string, unknown>> {
  try {
    return await saxonEngine.compile(xslt);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new SchematronCompileError('XSLT_COMPILE', `The generated XSLT does not compile: ${message}`);
  }
}

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
  return xsltToSef(compileSchematron(schText, options));
}

/**
 * Compiles several schemas into ONE SEF (see `compileSchematronSet`). When Saxon refuses
 * the merged stylesheet, each schema is compiled alone to name the one at fault.
 *
 * @throws SchematronCompileError — as `compileSchematronSet`, or `XSLT_COMPILE` naming the
 * schema whose XPath does not compile.
 *
 * @example
 * const sef = await compileSetToSef([{ name: 'peppol-document', text }, { name: 'cen-core', text: cen }]);
 */
export async function compileSetToSef(
  sources: readonly SchematronSource[],
  options: CompileSchematronSetOptions = {},
): Promise<Record<string, unknown>> {
  const xslt = compileSchematronSet(sources, options);
  try {
    return await saxonEngine.compile(xslt);
  } catch (cause) {
    // Slow path, only on failure: find the schema whose XPath Saxon refuses.
    for (const source of sources) {
      try {
        await xsltToSef(compileSchematronSet([source], options));
      } catch (e) {
        if (e instanceof SchematronCompileError) throw new SchematronCompileError(e.code, `${source.name}: ${e.message}`);
        throw e;
      }
    }
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new SchematronCompileError('XSLT_COMPILE', `The merged XSLT does not compile: ${message}`);
  }
}
