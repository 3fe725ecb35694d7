/**
 * Small helpers for the serializer's part tests.
 */
import { UblSerializeError } from '../../../src/ubl/serialize/errors.js';
import { UblWriter } from '../../../src/ubl/serialize/writer.js';

/**
 * Runs one part against a compact writer (no declaration, no whitespace) and returns the text.
 *
 * @param write - calls the part
 * @param currency - BT-5 for amounts
 * @returns the XML fragment
 * @example
 * render((w) => writeMonetaryTotal(w, doc.totals));
 */
export function render(write: (w: UblWriter) => void, currency = 'EUR'): string {
  const w = new UblWriter({ pretty: false, currency });
  write(w);
  return w.finish();
}

/**
 * Runs `fn`, expecting it to throw a UblSerializeError, and returns that error.
 *
 * @param fn - code that must throw
 * @returns the error
 * @example
 * expect(serializeError(() => serializeUbl(bad)).code).toBe('MISSING-REQUIRED');
 */
export function serializeError(fn: () => unknown): UblSerializeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UblSerializeError) return e;
    throw new Error(`expected a UblSerializeError, got ${String(e)}`);
  }
  throw new Error('expected a UblSerializeError, nothing was thrown');
}

/**
 * The names of the elements in document order (start tags only), for order assertions.
 *
 * @param xml - XML text
 * @returns qualified names, e.g. ['cac:Party', 'cbc:EndpointID', ...]
 * @example
 * elementNames('<a><b/></a>'); // ['a', 'b']
 */
export function elementNames(xml: string): string[] {
  return [...xml.matchAll(/<([A-Za-z][\w:.-]*)[\s>/]/g)].map((m) => m[1] ?? '');
}

/**
 * The names of the direct children of the first `parent` element, in order.
 *
 * @param xml - compact or pretty XML text
 * @param parent - qualified name of the parent element
 * @returns the children's qualified names
 * @example
 * childNames('<a><b><c/></b><d/></a>', 'a'); // ['b', 'd']
 */
export function childNames(xml: string, parent: string): string[] {
  const start = xml.indexOf(`<${parent}`);
  if (start < 0) return [];
  const out: string[] = [];
  let depth = 0;
  const tag = /<(\/?)([A-Za-z][\w:.-]*)([^>]*?)(\/?)>/g;
  tag.lastIndex = start;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      depth--;
      if (depth === 0) break;
      continue;
    }
    if (depth === 1) out.push(name ?? '');
    if (!selfClosing) depth++;
  }
  return out;
}
