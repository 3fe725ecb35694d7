/**
 * Mutation of valid XML documents for the tokenizer's property test, and libxml2 (xmllint
 * compiled to WebAssembly, already a dev dependency for XSD tests) as the XML 1.0 referee where
 * our tokenizer and fast-xml-parser's validator disagree.
 */
import fc from 'fast-check';
import { validateXML } from 'xmllint-wasm';

/** Characters and snippets that tend to break well-formedness in interesting ways. */
const INSERTS = [
  '<', '>', '&', ';', '#', 'x', '/', '"', "'", '=', '!', '?', '-', '[', ']', ':', 'a', 'b', '1', ' ', '\n', '\t', '\r',
  '\u0000', '\u0001', '\uFFFE', 'é', '\uD800', '&amp;', '&foo;', '&#0;', '&#x41;', '&#65', '<!--', '-->', '--', ']]>',
  '<![CDATA[', '</a>', '<a>', '<b/>', '<?pi x?>', '<?xml version="1.0"?>', 'x="1"', '<!FOO>',
];

/**
 * One edit of a text.
 *
 * @example
 * const m: Mutation = { kind: 'insert', at: 3, text: '&foo;' };
 */
export type Mutation =
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'swapTags'; readonly first: number; readonly second: number };

/**
 * One random mutation; positions are any natural number, wrapped around the length when applied.
 *
 * @example
 * fc.sample(mutationArbitrary, 3); // [{ kind: 'truncate', at: 17 }, ...]
 */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...INSERTS) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapTags' as const), first: fc.nat(), second: fc.nat() }),
);

/**
 * Applies a mutation to a text (never throws; positions wrap around the length).
 *
 * @param text - the text to mutate
 * @param m - the mutation
 * @returns the mutated text
 * @example
 * mutate('<a/>', { kind: 'truncate', at: 2 }); // '<a'
 */
export function mutate(text: string, m: Mutation): string {
  const n = Math.max(1, text.length);
  switch (m.kind) {
    case 'delete': {
      const at = m.at % n;
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'insert': {
      const at = m.at % (n + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'duplicate': {
      const at = m.at % n;
      const piece = text.slice(at, at + m.length);
      return text.slice(0, at) + piece + piece + text.slice(at + m.length);
    }
    case 'truncate':
      return text.slice(0, m.at % n);
    case 'swapTags': {
      const tags = [...text.matchAll(/<[^<>]*>/g)];
      if (tags.length < 2) return text;
      const [a, b] = [tags[m.first % tags.length]!, tags[m.second % tags.length]!].sort((x, y) => x.index - y.index) as [RegExpExecArray, RegExpExecArray];
      if (a.index === b.index) return text;
      return text.slice(0, a.index) + b[0] + text.slice(a.index + a[0].length, b.index) + a[0] + text.slice(b.index + b[0].length);
    }
  }
}

/**
 * libxml2's well-formedness verdict for each text (one WebAssembly run for the whole batch).
 * Namespace errors are not XML 1.0 well-formedness (our reader reports undeclared prefixes
 * itself) and encoding errors belong to decoding, which happens before tokenizing; both are
 * ignored, except that libxml2 stops at an unsupported encoding, so such a text gets no verdict
 * (undefined). A text with a lone surrogate is ill-formed whatever libxml2 says, since it only
 * ever sees the UTF-8 encoding, where the surrogate has become U+FFFD.
 *
 * @param texts - XML texts
 * @returns one verdict per text, true when well-formed, undefined when libxml2 could not judge
 * @example
 * await libxml2WellFormed(['<a/>', '<a>']); // [true, false]
 */
export async function libxml2WellFormed(texts: readonly string[]): Promise<(boolean | undefined)[]> {
  if (texts.length === 0) return [];
  // A lone surrogate cannot reach libxml2 (UTF-8 encoding turns it into U+FFFD); it is never an XML Char.
  const loneSurrogate = /[\uD800-\uDFFF]/u;
  const result = await validateXML({
    xml: texts.map((contents, i) => ({ fileName: `f${i}.xml`, contents })),
    // No schema: xmllint then only parses, which is the well-formedness check wanted here.
    schema: [],
    initialMemoryPages: 1024,
    maxMemoryPages: 8192,
  });
  const bad = new Set<number>();
  const unjudged = new Set<number>();
  for (const e of result.errors) {
    const index = Number(/^f(\d+)\.xml/.exec(e.loc?.fileName ?? e.rawMessage)?.[1] ?? -1);
    // Judge the first line only: the following lines quote the offending source text.
    const head = (e.rawMessage.split('\n')[0] ?? '').replace(/^[^:]*:\d+: /, '');
    if (head.startsWith('namespace error')) continue;
    if (/^[a-z ]*error : (unsupported encoding|.*encoding error|document labelled)/i.test(head)) unjudged.add(index);
    else bad.add(index);
  }
  return texts.map((text, i) => (loneSurrogate.test(text) ? false : unjudged.has(i) ? undefined : !bad.has(i)));
}
