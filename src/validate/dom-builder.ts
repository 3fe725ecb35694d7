/**
 * Parses XML text straight into the DOM that SaxonJS's own Node parser
 * (`SaxonJS.getPlatform().parseXmlFromString`) builds, in one strict pass and without the
 * event layer. SaxonJS parses with a bundled sax-js that feeds an xmldom-like DOM: about
 * 170 ms for a 1000-line invoice, a third of the validation budget. This scanner is the same
 * kind as `src/ubl/parse/tokenizer.ts` (charCodeAt loops and native `indexOf`), but it keeps
 * every character of content, so it cannot share that tokenizer, which trims and joins text;
 * the character classes, reference syntax and XML declaration both read are in src/xml/chars.ts.
 *
 * What "the same DOM" means, read from SaxonJS 2.7 (`SaxonJS2N.js`, function `P` of the Node
 * platform), and reproduced here:
 * - line ends are normalised first (`\r\n` and a lone `\r` become `\n`, XML 1.0 section 2.11);
 * - one element per start tag, created like `createElementNS(uri, qname)` with `''` (not null)
 *   for no namespace; its attributes in document order, namespace declarations included (in
 *   `http://www.w3.org/2000/xmlns/`), unprefixed attributes in namespace `''`; the values of
 *   attributes named `id` and `xml:id` have their whitespace collapsed and trimmed, as SaxonJS
 *   does; `Zj` holds the 1-based line of the tag's closing `>` as a string (what
 *   `saxon:line-number` reads);
 * - character data and CDATA sections become text nodes, adjacent ones merged (SaxonJS calls
 *   `normalize()` at the end; we never create two adjacent ones, and no empty one); whitespace
 *   outside the root element is dropped; comments and processing instructions are kept, in and
 *   outside the root; the XML declaration and nothing else is dropped.
 *
 * How it builds the nodes: the document comes from the caller's factory (so the DOM class is
 * SaxonJS's and nothing of SaxonJS is imported here). Inside the root element the nodes are
 * made by small constructors of ours that share the DOM's prototypes and write exactly the own
 * properties, in the same order, that `createElementNS`, `createAttributeNS`,
 * `setAttributeNode`, `createTextNode` and `appendChild` would write: those methods cost more
 * than the tokenizing (a split per name, a linear `getNamedItem` per attribute, a generic
 * insert per child, and objects V8 must grow property by property). Because that route
 * depends on the DOM's internals, every new document class is first probed: a small document
 * covering every node kind is built both ways and compared property by property (prototypes,
 * own keys in order, values, links), and if anything differs the builder uses the public DOM
 * methods for that class from then on (see {@link buildRoute}).
 * The one property that can differ is the document's modification counter `pc`: sax-js
 * delivers text next to a CDATA section in pieces that `normalize` then merges, and every
 * piece and merge counts. It only tells live node lists that they are stale, so its value does
 * not matter, only that it grows.
 *
 * Stricter than sax-js, on purpose (XML 1.0 fifth edition and Namespaces in XML 1.0; each of
 * these is accepted by SaxonJS's parser and refused here): a second root element; text, CDATA
 * or no element at all outside the root; `]]>` in text; `<` in an attribute value; a
 * duplicate attribute (sax-js keeps the last value) or two with the same expanded name;
 * whitespace after `<` or `</`; a name with two colons or an empty prefix or local part;
 * `&AMP;`-style case variants of the predefined entities, `&#X41;`, entity names that are
 * properties of `Object.prototype`, character references to characters XML does not allow
 * (`&#1;`, `&#xD800;`); literal characters XML does not allow (controls, lone surrogates,
 * U+FFFE/U+FFFF); `<!` declarations other than comments and CDATA (sax-js ignores them); a
 * DOCTYPE (refused outright: no DTD processing at all); an XML declaration that is malformed
 * or not at the very start; processing-instruction targets that are not names, contain a
 * colon or are a case variant of `xml`; `xmlns:p=""`; binding the `xml` or `xmlns` namespaces
 * wrongly; an element named `xmlns:...`.
 * Two differences the other way: sax-js does not end a processing instruction at `??>` (it
 * reads on to the next `?>`), so a document with `<?p a??>` parses differently there; and it
 * refuses names with characters beyond U+FFFF (its name patterns test one UTF-16 unit at a
 * time), which XML 1.0 fifth edition allows and this builder accepts.
 * Attribute values are normalised as section 3.3.3 requires for CDATA attributes (a literal
 * tab, newline or carriage return becomes a space, character references keep their
 * character), which is also what SaxonJS's sax-js does.
 *
 * Never throws on any input (a failure is a result with a message and a 1-based line and
 * column), works iteratively (no recursion, so nesting depth is bounded by memory only) and
 * in linear time: every loop advances, cached `indexOf` positions are searched again only
 * once passed, duplicate attributes are found with a set on large tags, and namespace lookups
 * are map lookups with an undo log.
 */

import { AMP, APOS, BANG, characterReferenceValue, COLON, describeChar, EQUALS, firstForbiddenChar, GT, HASH, indexOr, isNameChar, isNameStart, isWhitespace, isXmlChar, LT, positionOf, predefinedEntity, QUESTION, QUOT, referenceEnd, SLASH, xmlDeclarationEnd } from '../xml/chars.js';

/**
 * The outcome of {@link buildDom}: the document, or the first well-formedness problem in
 * document order with its 1-based line and column (columns count UTF-16 code units, after
 * line-end normalisation, which does not change line numbers).
 *
 * @example
 * const r: BuildDomResult<Document> = buildDom('<a/>', createDocument);
 * if (!r.ok) console.log(`${r.message} at line ${r.line}, column ${r.column}`);
 */
export type BuildDomResult<D> =
  | { readonly ok: true; readonly document: D }
  | { readonly ok: false; readonly message: string; readonly line: number; readonly column: number };

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Above this many attributes on one tag, duplicates are found with a set instead of a scan. */
const SCAN_DUPLICATES_UP_TO = 16;

/** Thrown inside the scanner only and turned into a result at its boundary; never escapes. */
class Stop {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

/** A QName as SaxonJS's `createElementNS` splits it: prefix (or undefined) and local part. */
interface Name {
  readonly qname: string;
  readonly prefix: string | undefined;
  readonly local: string;
  /** False when the name is a Name but not a QName (Namespaces in XML 1.0 section 3). */
  readonly qnameOk: boolean;
}

function makeName(qname: string): Name {
  const colon = qname.indexOf(':');
  if (colon < 0) return { qname, prefix: undefined, local: qname, qnameOk: true };
  const local = qname.slice(colon + 1);
  const qnameOk = colon > 0 && local.indexOf(':') < 0 && isNameStart(local.charCodeAt(0));
  return { qname, prefix: qname.slice(0, colon), local, qnameOk };
}

/**
 * Interns names per document: a UBL document writes a few hundred distinct names tens of
 * thousands of times. Lookup compares in place (`startsWith`), so a hit allocates nothing.
 */
class Names {
  private readonly buckets = new Map<number, Name[]>();

  constructor(private readonly text: string) {}

  get(from: number, to: number): Name {
    const text = this.text;
    const length = to - from;
    const key = length * 0x10000 + ((text.charCodeAt(to - 1) * 31 + text.charCodeAt(from + (length >> 1))) & 0xffff);
    let bucket = this.buckets.get(key);
    if (bucket !== undefined) {
      for (const candidate of bucket) if (occursAt(text, candidate.qname, from)) return candidate;
    } else {
      bucket = [];
      this.buckets.set(key, bucket);
    }
    const name = makeName(text.slice(from, to));
    // Many distinct names of one shape must not make lookups quadratic.
    if (bucket.length < 8) bucket.push(name);
    return name;
  }
}

/** In-scope namespace bindings: a map plus an undo log, so declaring and leaving are O(1). */
class Bindings {
  private readonly current = new Map<string, string>([['xml', XML_NS]]);
  private readonly undoPrefix: string[] = [];
  private readonly undoUri: (string | undefined)[] = [];

  get mark(): number {
    return this.undoPrefix.length;
  }

  lookup(prefix: string): string | undefined {
    return this.current.get(prefix);
  }

  declare(prefix: string, uri: string): void {
    this.undoPrefix.push(prefix);
    this.undoUri.push(this.current.get(prefix));
    this.current.set(prefix, uri);
  }

  undo(mark: number): void {
    while (this.undoPrefix.length > mark) {
      const prefix = this.undoPrefix.pop() ?? '';
      const previous = this.undoUri.pop();
      if (previous === undefined) this.current.delete(prefix);
      else this.current.set(prefix, previous);
    }
  }
}

/** What the scanner asks of a DOM; `parent` null means the document itself. */
interface Sink<N> {
  element(parent: N | null, uri: string, name: Name): N;
  attribute(element: N, uri: string, name: Name, value: string): void;
  line(element: N, line: string): void;
  text(parent: N, data: string): void;
  comment(parent: N | null, data: string): void;
  pi(parent: N | null, target: string, data: string): void;
}

/**
 * Decodes the entity and character references of `text[from, to)` (XML 1.0 section 4.1),
 * `amp` being the first `&`; for an attribute value, literal whitespace characters become spaces. Only the five predefined entities exist: a DOCTYPE is refused, so
 * any other name is undeclared, a well-formedness error.
 */
function decodeReferences(text: string, from: number, to: number, amp: number, attribute = false): string {
  let out = '';
  let start = from;
  while (amp >= 0 && amp < to) {
    out += attribute ? spaces(text.slice(start, amp)) : text.slice(start, amp);
    const semi = referenceEnd(text, amp, to);
    if (semi < 0) throw badReference(amp);
    if (text.charCodeAt(amp + 1) === HASH) {
      const cp = characterReferenceValue(text, amp, semi);
      if (!isXmlChar(cp)) throw new Stop(amp, `the character reference '${text.slice(amp, semi + 1)}' does not name a character XML 1.0 allows`);
      out += String.fromCodePoint(cp);
    } else {
      const name = text.slice(amp + 1, semi);
      const value = predefinedEntity(name);
      if (value === undefined) {
        throw new Stop(amp, `the entity '&${name};' is not declared (only &amp; &lt; &gt; &quot; &apos; exist without a DTD)`);
      }
      out += value;
    }
    start = semi + 1;
    amp = text.indexOf('&', start);
  }
  return out + (attribute ? spaces(text.slice(start, to)) : text.slice(start, to));
}

/** Attribute-value normalisation for literal whitespace characters (XML 1.0 section 3.3.3, CDATA attributes). */
function spaces(s: string): string {
  return s.replace(/[\t\n\r]/g, ' ');
}

function badReference(offset: number): Stop {
  return new Stop(offset, "'&' must start an entity or character reference; write '&amp;' for a literal ampersand");
}

/** Longest run of indentation whose string is shared between text nodes. */
const MAX_SHARED_WHITESPACE = 128;

/**
 * `text.slice(from, to)`, but one string per length for whitespace-only runs: two thirds of
 * the text nodes of a pretty-printed invoice are the same few indentation strings, and each
 * slice would be one more object for the garbage collector to copy while the DOM is built.
 */
function shareWhitespace(text: string, from: number, to: number, cache: (string | undefined)[]): string {
  const length = to - from;
  const known = cache[length];
  let same = known !== undefined;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (!isWhitespace(c)) return text.slice(from, to);
    if (same && c !== known?.charCodeAt(k - from)) same = false;
  }
  if (same && known !== undefined) return known;
  const made = text.slice(from, to);
  cache[length] = made;
  return made;
}

/**
 * `text.startsWith(s, from)` for the short strings of the hot paths (names, indentation):
 * inlined character comparisons beat the builtin's call on a long `text`.
 */
function occursAt(text: string, s: string, from: number): boolean {
  const length = s.length;
  for (let k = 0; k < length; k++) if (text.charCodeAt(from + k) !== s.charCodeAt(k)) return false;
  return true;
}

/**
 * The scanner: checks well-formedness (XML 1.0 fifth edition, Namespaces in XML 1.0) and
 * tells `sink` what to build, in the order SaxonJS's parser builds it. Throws only `Stop`.
 */
function scan<N>(text: string, sink: Sink<N>): void {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const declarationEnd = xmlDeclarationEnd(text, i);
  if (declarationEnd < 0) {
    throw new Stop(i, 'the XML declaration is malformed: it must read <?xml version="1.0"?> with optional encoding and standalone (yes or no) in that order');
  }
  i = declarationEnd;
  const names = new Names(text);
  const bindings = new Bindings();
  const nodes: N[] = [];
  const openNames: Name[] = [];
  const marks: number[] = [];
  let current: N | null = null;
  let sawRoot = false;
  // Character data and CDATA not yet turned into a text node (SaxonJS merges them).
  let pending = '';
  // Next offsets of '&', ']]>' and '\n': searched again only once passed, so all searches together are linear.
  let nextAmp = -1;
  let nextCdEnd = -1;
  let nextNewline = indexOr(text, '\n', 0, n);
  let line = 1;
  // Zj values: one string per line, shared by the start tags on it (all of them in one-line XML).
  let lineString = '1';
  // The attributes of the start tag being read.
  const attrNames: Name[] = [];
  const attrValues: string[] = [];
  const attrOffsets: number[] = [];
  const attrUris: string[] = [];
  const whitespace: (string | undefined)[] = [];

  while (i < n) {
    if (text.charCodeAt(i) !== LT) {
      const lt = indexOr(text, '<', i, n);
      if (current === null) {
        for (let k = i; k < lt; k++) {
          if (!isWhitespace(text.charCodeAt(k))) {
            throw new Stop(k, sawRoot ? 'text after the end of the root element is not allowed' : 'text before the root element is not allowed');
          }
        }
      } else {
        if (nextCdEnd < i) nextCdEnd = indexOr(text, ']]>', i, n);
        if (nextCdEnd < lt) throw new Stop(nextCdEnd, "']]>' is not allowed in text; write ']]&gt;'");
        if (nextAmp < i) nextAmp = indexOr(text, '&', i, n);
        const data = nextAmp < lt ? decodeReferences(text, i, lt, nextAmp) : lt - i <= MAX_SHARED_WHITESPACE ? shareWhitespace(text, i, lt, whitespace) : text.slice(i, lt);
        pending = pending === '' ? data : pending + data;
      }
      i = lt;
      continue;
    }
    const c1 = text.charCodeAt(i + 1);
    if (c1 === SLASH) {
      // End tag: '</' Name S? '>' (section 3.1).
      const name = openNames.pop();
      if (current === null || name === undefined) throw new Stop(i, 'an end tag without a matching start tag');
      const after = i + 2 + name.qname.length;
      if (!occursAt(text, name.qname, i + 2) || isNameChar(text.charCodeAt(after))) {
        let e = i + 2;
        while (e < n && isNameChar(text.charCodeAt(e))) e++;
        if (e >= n) throw new Stop(n, `the input ends inside the end tag of <${name.qname}>: it is truncated`);
        throw new Stop(i, `the end tag </${text.slice(i + 2, e)}> does not match the start tag <${name.qname}>`);
      }
      let k = after;
      while (isWhitespace(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) !== GT) throw new Stop(k, `expected '>' to close the end tag </${name.qname}>, found ${describeChar(text, k)}`);
      if (pending !== '') {
        sink.text(current, pending);
        pending = '';
      }
      nodes.pop();
      bindings.undo(marks.pop() ?? 0);
      current = nodes.length > 0 ? (nodes[nodes.length - 1] ?? null) : null;
      i = k + 1;
    } else if (c1 === BANG) {
      if (text.startsWith('<!--', i)) {
        // Comment: '<!--' ((Char - '-') | ('-' (Char - '-')))* '-->' (section 2.5).
        const dashes = text.indexOf('--', i + 4);
        if (dashes < 0) throw new Stop(n, 'the input ends inside a comment: it is truncated');
        if (text.charCodeAt(dashes + 2) !== GT) throw new Stop(dashes, "'--' is not allowed inside a comment");
        if (current !== null && pending !== '') {
          sink.text(current, pending);
          pending = '';
        }
        sink.comment(current, text.slice(i + 4, dashes));
        i = dashes + 3;
      } else if (text.startsWith('<![CDATA[', i)) {
        if (current === null) throw new Stop(i, 'a CDATA section is only allowed inside the root element');
        const end = text.indexOf(']]>', i + 9);
        if (end < 0) throw new Stop(n, 'the input ends inside a CDATA section: it is truncated');
        const data = text.slice(i + 9, end);
        pending = pending === '' ? data : pending + data;
        i = end + 3;
      } else if (text.startsWith('<!DOCTYPE', i)) {
        throw new Stop(i, 'a DOCTYPE declaration is refused: DTDs and entity declarations are not processed');
      } else {
        throw new Stop(i, "'<!' must start a comment ('<!--') or, inside an element, a CDATA section ('<![CDATA[')");
      }
    } else if (c1 === QUESTION) {
      // Processing instruction: '<?' PITarget (S (Char* - (Char* '?>' Char*)))? '?>' (section 2.6).
      let k = i + 2;
      if (!isNameStart(text.charCodeAt(k)) || text.charCodeAt(k) === COLON) {
        throw new Stop(k, `a processing instruction must start with a target name, found ${describeChar(text, k)}`);
      }
      while (isNameChar(text.charCodeAt(k))) k++;
      const target = text.slice(i + 2, k);
      if (target.toLowerCase() === 'xml') {
        throw new Stop(i, target === 'xml' ? 'the XML declaration is only allowed at the very start of the document' : `'${target}' is a reserved processing-instruction target`);
      }
      if (target.includes(':')) throw new Stop(i + 2, `the processing-instruction target '${target}' must not contain a colon`);
      let data = '';
      if (text.startsWith('?>', k)) {
        k += 2;
      } else {
        if (k >= n) throw new Stop(n, 'the input ends inside a processing instruction: it is truncated');
        if (!isWhitespace(text.charCodeAt(k))) throw new Stop(k, `expected whitespace or '?>' after the processing-instruction target, found ${describeChar(text, k)}`);
        while (isWhitespace(text.charCodeAt(k))) k++;
        const end = text.indexOf('?>', k);
        if (end < 0) throw new Stop(n, 'the input ends inside a processing instruction: it is truncated');
        data = text.slice(k, end);
        k = end + 2;
      }
      if (current !== null && pending !== '') {
        sink.text(current, pending);
        pending = '';
      }
      sink.pi(current, target, data);
      i = k;
    } else {
      // Start tag or empty-element tag (section 3.1).
      if (current === null && sawRoot) throw new Stop(i, 'only one root element is allowed: found an element after the end of the root element');
      let k = i + 1;
      if (!isNameStart(c1)) throw new Stop(k, k >= n ? "the input ends after '<': it is truncated" : `${describeChar(text, k)} cannot start an element name`);
      k++;
      while (isNameChar(text.charCodeAt(k))) k++;
      const name = names.get(i + 1, k);
      if (!name.qnameOk) throw new Stop(i + 1, `the element name ${name.qname} is not a qualified name (prefix:local)`);
      let empty = false;
      let count = 0;
      for (;;) {
        const wsStart = k;
        while (isWhitespace(text.charCodeAt(k))) k++;
        const c = text.charCodeAt(k);
        if (c === GT) break;
        if (c === SLASH) {
          if (text.charCodeAt(k + 1) !== GT) throw new Stop(k + 1, `expected '>' after '/' in the tag <${name.qname}>, found ${describeChar(text, k + 1)}`);
          k++;
          empty = true;
          break;
        }
        if (k >= n) throw new Stop(n, `the input ends inside the start tag <${name.qname}>: it is truncated`);
        if (k === wsStart) throw new Stop(k, `expected whitespace, '>' or '/>' in the tag <${name.qname}>, found ${describeChar(text, k)}`);
        if (!isNameStart(c)) throw new Stop(k, `${describeChar(text, k)} cannot start an attribute name (tag <${name.qname}>)`);
        // Attribute: Name Eq AttValue (sections 3.1, 2.3).
        const attrStart = k;
        k++;
        while (isNameChar(text.charCodeAt(k))) k++;
        const attrName = names.get(attrStart, k);
        if (!attrName.qnameOk) throw new Stop(attrStart, `the attribute name ${attrName.qname} is not a qualified name (prefix:local)`);
        while (isWhitespace(text.charCodeAt(k))) k++;
        if (text.charCodeAt(k) !== EQUALS) {
          if (k >= n) throw new Stop(n, `the input ends inside the start tag <${name.qname}>: it is truncated`);
          throw new Stop(k, `expected '=' after the attribute name ${attrName.qname}, found ${describeChar(text, k)}: attributes need a quoted value`);
        }
        k++;
        while (isWhitespace(text.charCodeAt(k))) k++;
        const quote = text.charCodeAt(k);
        if (quote !== QUOT && quote !== APOS) {
          if (k >= n) throw new Stop(n, `the input ends inside the start tag <${name.qname}>: it is truncated`);
          throw new Stop(k, `the value of attribute ${attrName.qname} must be in quotes, found ${describeChar(text, k)}`);
        }
        const valueStart = k + 1;
        let amp = -1;
        let whitespaceChar = false;
        for (k = valueStart; ; k++) {
          if (k >= n) throw new Stop(n, `the input ends inside the value of attribute ${attrName.qname}: it is truncated`);
          const v = text.charCodeAt(k);
          if (v === quote) break;
          if (v === LT) throw new Stop(k, `'<' is not allowed in an attribute value (attribute ${attrName.qname}); write '&lt;'`);
          if (v === AMP) {
            if (amp < 0) amp = k;
          } else if (v === 9 || v === 10 || v === 13) whitespaceChar = true;
        }
        // Section 3.3.3: literal tab, newline and carriage return become spaces; references keep their character.
        const value = amp >= 0 ? decodeReferences(text, valueStart, k, amp, whitespaceChar) : whitespaceChar ? spaces(text.slice(valueStart, k)) : text.slice(valueStart, k);
        k++;
        attrNames[count] = attrName;
        attrValues[count] = value;
        attrOffsets[count] = attrStart;
        count++;
      }
      const gt = k;
      // Namespace declarations first: they apply to the element that carries them.
      const mark = bindings.mark;
      for (let a = 0; a < count; a++) {
        const attrName = attrNames[a] as Name;
        const isDefault = attrName.qname === 'xmlns';
        if (!isDefault && attrName.prefix !== 'xmlns') continue;
        const value = attrValues[a] as string;
        const declared = isDefault ? '' : attrName.local;
        const problem = declarationProblem(declared, value);
        if (problem !== undefined) throw new Stop(attrOffsets[a] ?? i, problem);
        bindings.declare(declared, value);
      }
      let uri: string;
      if (name.prefix === undefined) {
        uri = bindings.lookup('') ?? '';
      } else {
        const bound = name.prefix === 'xmlns' ? undefined : bindings.lookup(name.prefix);
        if (bound === undefined || bound === '') throw new Stop(i + 1, `the prefix ${name.prefix} of element <${name.qname}> is not declared`);
        uri = bound;
      }
      for (let a = 0; a < count; a++) {
        const attrName = attrNames[a] as Name;
        let attrUri: string;
        if (attrName.prefix === undefined) attrUri = attrName.qname === 'xmlns' ? XMLNS_NS : '';
        else if (attrName.prefix === 'xmlns') attrUri = XMLNS_NS;
        else {
          const bound = bindings.lookup(attrName.prefix);
          if (bound === undefined || bound === '') throw new Stop(attrOffsets[a] ?? i, `the prefix ${attrName.prefix} of attribute ${attrName.qname} is not declared`);
          attrUri = bound;
        }
        attrUris[a] = attrUri;
      }
      checkUniqueAttributes(attrNames, attrUris, attrOffsets, count, name.qname);
      if (nextNewline < gt) {
        while (nextNewline < gt) {
          line++;
          nextNewline = indexOr(text, '\n', nextNewline + 1, n);
        }
        lineString = String(line);
      }
      if (current !== null && pending !== '') {
        sink.text(current, pending);
        pending = '';
      }
      const node = sink.element(current, uri, name);
      for (let a = 0; a < count; a++) {
        const attrName = attrNames[a] as Name;
        let value = attrValues[a] as string;
        // SaxonJS's parser treats these two as IDs whatever the DTD says.
        if (attrName.qname === 'id' || attrName.qname === 'xml:id') value = value.replace(/\s+/g, ' ').trim();
        sink.attribute(node, attrUris[a] as string, attrName, value);
      }
      sink.line(node, lineString);
      sawRoot = true;
      if (empty) {
        bindings.undo(mark);
      } else {
        nodes.push(node);
        openNames.push(name);
        marks.push(mark);
        current = node;
      }
      i = gt + 1;
    }
  }
  const open = openNames[openNames.length - 1];
  if (open !== undefined) throw new Stop(n, `the input ends before the end tag of <${open.qname}>: it is truncated`);
  if (!sawRoot) throw new Stop(n, 'the input holds no element: an XML document needs a root element');
}

/** Namespaces in XML 1.0 section 3 ("Namespace constraint: Reserved Prefixes and Namespace Names", "No Prefix Undeclaring"). */
function declarationProblem(prefix: string, uri: string): string | undefined {
  if (prefix === 'xmlns') return 'the prefix xmlns must not be declared';
  if (prefix === 'xml') return uri === XML_NS ? undefined : `the prefix xml can only be bound to ${XML_NS}`;
  if (uri === XML_NS) return `only the prefix xml can be bound to ${XML_NS}`;
  if (uri === XMLNS_NS) return `no prefix can be bound to ${XMLNS_NS}`;
  if (prefix !== '' && uri === '') return `the prefix ${prefix} cannot be undeclared (xmlns:${prefix}="" is not allowed in XML 1.0)`;
  return undefined;
}

/**
 * Refuses two attributes with the same name (XML 1.0 "Unique Att Spec") or the same expanded
 * name (Namespaces in XML 1.0 "Attributes Unique"). Scans small tags, uses a set on big ones.
 */
function checkUniqueAttributes(names: readonly Name[], uris: readonly string[], offsets: readonly number[], count: number, element: string): void {
  if (count < 2) return;
  const fail = (a: number): never => {
    throw new Stop(offsets[a] ?? 0, `the attribute ${names[a]?.qname ?? ''} occurs twice in the tag <${element}> (same name or same namespace and local name)`);
  };
  if (count <= SCAN_DUPLICATES_UP_TO) {
    for (let a = 1; a < count; a++) {
      const na = names[a] as Name;
      for (let b = 0; b < a; b++) {
        const nb = names[b] as Name;
        if (na === nb || na.qname === nb.qname || (na.local === nb.local && uris[a] === uris[b] && uris[a] !== '')) fail(a);
      }
    }
    return;
  }
  const seen = new Set<string>();
  for (let a = 0; a < count; a++) {
    const na = names[a] as Name;
    const qkey = `q ${na.qname}`;
    const ekey = `e ${uris[a] ?? ''} ${na.local}`;
    if (seen.has(qkey) || (uris[a] !== '' && seen.has(ekey))) fail(a);
    seen.add(qkey);
    if (uris[a] !== '') seen.add(ekey);
  }
}

/** The DOM methods SaxonJS's parser calls, for document classes the fast route cannot use. */
interface ApiDocument {
  createElementNS(uri: string, qname: string): ApiNode;
  createAttributeNS(uri: string, qname: string): ApiNode;
  createTextNode(data: string): ApiNode;
  createComment(data: string): ApiNode;
  createProcessingInstruction(target: string, data: string): ApiNode;
  appendChild(node: ApiNode): unknown;
}

interface ApiNode {
  appendChild(node: ApiNode): unknown;
  setAttributeNode(attr: ApiNode): unknown;
  value?: string;
  nodeValue?: string;
  Zj?: string;
}

const API_DOCUMENT_METHODS: readonly (keyof ApiDocument)[] = [
  'createElementNS',
  'createAttributeNS',
  'createTextNode',
  'createComment',
  'createProcessingInstruction',
  'appendChild',
];

function isApiDocument(doc: unknown): doc is ApiDocument {
  if (typeof doc !== 'object' || doc === null) return false;
  const d = doc as Partial<Record<keyof ApiDocument, unknown>>;
  return API_DOCUMENT_METHODS.every((method) => typeof d[method] === 'function');
}

/** Builds through the public DOM methods, call for call what SaxonJS's parser does. */
function apiSink(doc: ApiDocument): Sink<ApiNode> {
  const parentOf = (parent: ApiNode | null): { appendChild(node: ApiNode): unknown } => parent ?? doc;
  return {
    element(parent, uri, name) {
      const el = doc.createElementNS(uri, name.qname);
      parentOf(parent).appendChild(el);
      return el;
    },
    attribute(element, uri, name, value) {
      const attr = doc.createAttributeNS(uri, name.qname);
      attr.value = attr.nodeValue = value;
      element.setAttributeNode(attr);
    },
    line(element, line) {
      element.Zj = line;
    },
    text(parent, data) {
      parent.appendChild(doc.createTextNode(data));
    },
    comment(parent, data) {
      parentOf(parent).appendChild(doc.createComment(data));
    },
    pi(parent, target, data) {
      parentOf(parent).appendChild(doc.createProcessingInstruction(target, data));
    },
  };
}

/** A node of SaxonJS's DOM seen from the fast route: the own properties its methods would set. */
interface RawNode {
  ae: Record<string, string>;
  attributes: RawList;
  childNodes: RawList;
  ownerDocument: RawDocument;
  nodeName: string;
  tagName: string;
  name: string;
  namespaceURI: string;
  specified: boolean;
  prefix: string;
  localName: string;
  nodeValue: string;
  value: string;
  data: string;
  target: string;
  length: number;
  yi: RawNode;
  parentNode: RawNode;
  previousSibling: RawNode | null;
  nextSibling: RawNode | null;
  firstChild: RawNode | null;
  lastChild: RawNode | null;
  Zj: string;
}

interface RawList {
  [index: number]: RawNode;
  length: number;
  b: RawNode;
}

interface RawDocument extends ApiDocument {
  pc: number;
}

/** A constructor of the fast route: a plain function whose `prototype` is one of the DOM's. */
type Maker<A extends unknown[]> = new (...args: A) => RawNode;

/**
 * The DOM's classes, found by asking its methods for one node of each kind, and our own
 * constructors for the nodes made in bulk. Those share the DOM's prototypes and write the
 * same own properties in the same order as the DOM's methods; they exist because V8 sizes an
 * object by the properties its constructor writes: SaxonJS's element constructor writes one
 * (`ae`) and the methods add fourteen more, which costs an out-of-object property store that
 * is reallocated as it grows (and most of the parse time was the garbage collector copying
 * such stores). Nothing of this is visible to JavaScript: prototype, own keys and values are
 * the same, which the probe checks.
 */
interface Classes {
  readonly comment: new () => RawNode;
  readonly pi: new () => RawNode;
  readonly Element: Maker<[RawDocument, RawNode | null, string, Name, RawList, RawList]>;
  readonly Attr: Maker<[RawDocument, RawNode, string, Name, string]>;
  readonly Text: Maker<[RawDocument, RawNode, string]>;
  readonly List: new () => RawList;
  readonly AttributeMap: new () => RawList;
}

function constructorOf(node: unknown): new () => RawNode {
  const ctor = (node as { constructor?: unknown }).constructor;
  if (typeof ctor !== 'function') throw new TypeError('no constructor');
  return ctor as new () => RawNode;
}

/** What `appendChild` on an element does with a new last child. */
function appendLast(parent: RawNode, node: RawNode): void {
  const last = parent.lastChild;
  node.parentNode = parent;
  node.previousSibling = last;
  node.nextSibling = null;
  if (last) last.nextSibling = node;
  else parent.firstChild = node;
  parent.lastChild = node;
  const children = parent.childNodes;
  children[children.length++] = node;
}

/**
 * Makes `{}` (prototype Object.prototype, no own property) without a literal's four reserved
 * property slots: every element carries one such namespace map (`ae`), almost always empty.
 */
const PlainObject = function PlainObject(): void {} as unknown as new () => Record<string, string>;
PlainObject.prototype = Object.prototype;

function classesOf(doc: ApiDocument): Classes {
  const el = doc.createElementNS('', 'a') as unknown as RawNode;
  const elementProto = Object.getPrototypeOf(el) as object;
  const list = Object.getPrototypeOf(el.childNodes) as object;
  const map = Object.getPrototypeOf(el.attributes) as object;
  // createElementNS, then appendChild on an element; the root is appended by the document's own appendChild.
  function Element(this: RawNode, owner: RawDocument, parent: RawNode | null, uri: string, name: Name, attributes: RawList, childNodes: RawList): void {
    this.ae = new PlainObject();
    this.attributes = attributes;
    this.childNodes = childNodes;
    this.ownerDocument = owner;
    this.nodeName = name.qname;
    this.tagName = name.qname;
    this.namespaceURI = uri;
    if (name.prefix !== undefined) this.prefix = name.prefix;
    this.localName = name.local;
    attributes.b = this;
    if (parent !== null) appendLast(parent, this);
  }
  // createAttributeNS, `attr.value = attr.nodeValue = value`, then setAttributeNode.
  function Attr(this: RawNode, owner: RawDocument, element: RawNode, uri: string, name: Name, value: string): void {
    this.ownerDocument = owner;
    this.nodeName = name.qname;
    this.name = name.qname;
    this.namespaceURI = uri;
    this.specified = true;
    if (name.prefix !== undefined) this.prefix = name.prefix;
    this.localName = name.local;
    this.nodeValue = value;
    this.value = value;
    const attributes = element.attributes;
    attributes[attributes.length++] = this;
    this.yi = element;
  }
  // createTextNode, then appendChild on an element.
  function Text(this: RawNode, owner: RawDocument, parent: RawNode, data: string): void {
    this.ownerDocument = owner;
    this.data = data;
    this.nodeValue = data;
    this.length = data.length;
    appendLast(parent, this);
  }
  function List(): void {}
  function AttributeMap(): void {}
  Element.prototype = elementProto;
  Attr.prototype = Object.getPrototypeOf(doc.createAttributeNS('', 'a')) as object;
  Text.prototype = Object.getPrototypeOf(doc.createTextNode('')) as object;
  List.prototype = list;
  AttributeMap.prototype = map;
  return {
    comment: constructorOf(doc.createComment('')),
    pi: constructorOf(doc.createProcessingInstruction('a', '')),
    Element: Element as unknown as Classes['Element'],
    Attr: Attr as unknown as Classes['Attr'],
    Text: Text as unknown as Classes['Text'],
    List: List as unknown as Classes['List'],
    AttributeMap: AttributeMap as unknown as Classes['AttributeMap'],
  };
}

/**
 * Builds with the constructors above and plain property writes, mirroring SaxonJS 2.7's
 * `createElementNS`, `createAttributeNS` + `setAttributeNode`, `createTextNode` /
 * `createComment` / `createProcessingInstruction` and `appendChild` statement for statement
 * (so even the order of the own properties is theirs). Document-level children, the root
 * included, go through the document's own `appendChild`, which also keeps `documentElement`.
 * `finish` adds the modification counts the skipped methods would have added.
 */
function fastSink(doc: RawDocument, classes: Classes): Sink<RawNode> & { finish(): void } {
  const { comment: Comment, pi: Pi, Element, Attr, Text, List, AttributeMap } = classes;
  let changes = 0;
  const place = (parent: RawNode | null, node: RawNode): void => {
    if (parent === null) {
      doc.appendChild(node as unknown as ApiNode);
    } else {
      appendLast(parent, node);
      changes++;
    }
  };
  return {
    element(parent, uri, name) {
      const el = new Element(doc, parent, uri, name, new AttributeMap(), new List());
      if (parent === null) doc.appendChild(el as unknown as ApiNode);
      else changes++;
      return el;
    },
    attribute(element, uri, name, value) {
      new Attr(doc, element, uri, name, value);
      changes++;
      if (uri === XMLNS_NS) element.ae[name.prefix !== undefined ? name.local : ''] = value;
    },
    line(element, line) {
      element.Zj = line;
    },
    text(parent, data) {
      new Text(doc, parent, data);
      changes++;
    },
    comment(parent, data) {
      const node = new Comment();
      node.ownerDocument = doc;
      node.data = data;
      node.nodeValue = data;
      node.length = data.length;
      place(parent, node);
    },
    pi(parent, target, data) {
      const node = new Pi();
      node.ownerDocument = doc;
      node.target = target;
      node.tagName = target;
      node.data = data;
      node.nodeValue = data;
      place(parent, node);
    },
    finish() {
      if (typeof doc.pc === 'number') doc.pc += changes;
    },
  };
}

/** Every node kind and namespace case the builder produces, for the probe. */
const PROBE =
  '<!--c--><?p d?>\n<r:a xmlns="urn:d" xmlns:r="urn:r" id=" x  y " r:b="1" c="2"><b xml:lang="en">t<![CDATA[u]]></b>' +
  '<c xmlns=""/><!--k--><?q?>v<d/></r:a><!--e-->';

/** How each DOM class is built: verified fast route, or the DOM methods. */
const routes = new WeakMap<object, Classes | null>();

function routeFor(createDocument: () => unknown, doc: ApiDocument): Classes | null {
  const key = Object.getPrototypeOf(doc) as object | null;
  if (key === null) return null;
  let route = routes.get(key);
  if (route === undefined) {
    route = null;
    try {
      const classes = classesOf(createDocument() as ApiDocument);
      const viaApi = createDocument() as ApiDocument;
      scan(PROBE, apiSink(viaApi));
      const viaFast = createDocument() as RawDocument;
      const sink = fastSink(viaFast, classes);
      scan(PROBE, sink);
      sink.finish();
      if (sameGraph(viaApi, viaFast)) route = classes;
    } catch {
      route = null;
    }
    routes.set(key, route);
  }
  return route;
}

/**
 * True when two object graphs match: same prototypes, same own keys in the same order, equal
 * primitive values, and objects that correspond one to one (a pairing, so cycles such as
 * parentNode/ownerDocument are followed once). Functions must be the same function.
 */
function sameGraph(a: unknown, b: unknown): boolean {
  const paired = new Map<object, object>();
  const work: [unknown, unknown][] = [[a, b]];
  for (let pair = work.pop(); pair !== undefined; pair = work.pop()) {
    const [x, y] = pair;
    if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) {
      if (x !== y) return false;
      continue;
    }
    const seen = paired.get(x);
    if (seen !== undefined) {
      if (seen !== y) return false;
      continue;
    }
    paired.set(x, y);
    if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return false;
    const kx = Object.keys(x);
    const ky = Object.keys(y);
    if (kx.length !== ky.length) return false;
    for (let k = 0; k < kx.length; k++) {
      const key = kx[k] as string;
      if (key !== ky[k]) return false;
      work.push([(x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]]);
    }
  }
  return true;
}

/**
 * How {@link buildDom} makes the nodes: `'auto'` (the default) uses the constructors route
 * when the probe has shown it builds exactly what the DOM methods build, `'dom-methods'`
 * always calls the DOM's own methods (slower; for tests and as an escape hatch).
 *
 * @example
 * buildDom(xml, createDocument, { route: 'dom-methods' });
 */
export interface BuildDomOptions {
  readonly route?: 'auto' | 'dom-methods';
}

/**
 * Which route `'auto'` takes for the documents `createDocument` makes: `'constructors'` when
 * the probe found the fast route identical to the DOM methods for that document class,
 * `'dom-methods'` otherwise (a DOM this module does not know, or a SaxonJS whose DOM changed).
 *
 * @param createDocument - the factory passed to {@link buildDom}
 * @returns the route taken
 * @example
 * buildRoute(() => SaxonJS.getPlatform().createDocument()); // 'constructors'
 */
export function buildRoute(createDocument: () => unknown): 'constructors' | 'dom-methods' {
  const doc = createDocument();
  return isApiDocument(doc) && routeFor(createDocument, doc) !== null ? 'constructors' : 'dom-methods';
}

/**
 * Parses XML text into the DOM SaxonJS's own parser would build from it (same classes, same
 * nodes, same properties, `Zj` line numbers included), refusing anything that is not
 * well-formed XML 1.0 with namespaces, and any DOCTYPE. Never throws on any text.
 *
 * @param text - the decoded document (a leading byte-order mark is skipped)
 * @param createDocument - returns a fresh empty document of the DOM to build, for SaxonJS
 *   `() => SaxonJS.getPlatform().createDocument()` (the call its parser makes)
 * @param options - see {@link BuildDomOptions}
 * @returns the document, or the first problem with its 1-based line and column
 * @throws TypeError when `createDocument` does not return a DOM document (a bug, not input)
 * @example
 * const platform = SaxonJS.getPlatform();
 * const r = buildDom('<Invoice xmlns="urn:x"><ID>1</ID></Invoice>', () => platform.createDocument());
 * if (r.ok) SaxonJS.XPath.evaluate('string(/*)', r.document); // '1'
 * buildDom('<a><b></a>', () => platform.createDocument());
 * // { ok: false, message: 'the end tag </a> does not match the start tag <b>', line: 1, column: 7 }
 */
export function buildDom<D>(text: string, createDocument: () => D, options: BuildDomOptions = {}): BuildDomResult<D> {
  const doc = createDocument();
  if (!isApiDocument(doc)) throw new TypeError('buildDom: createDocument() must return a DOM document');
  // XML 1.0 section 2.11, and what SaxonJS does before parsing.
  const source = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  let stop: Stop | undefined;
  try {
    const classes = options.route === 'dom-methods' ? null : routeFor(createDocument, doc);
    if (classes === null) {
      scan(source, apiSink(doc));
    } else {
      const sink = fastSink(doc as unknown as RawDocument, classes);
      scan(source, sink);
      sink.finish();
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    stop = e;
  }
  // A forbidden character anywhere wins when it comes before the first other problem.
  const bad = firstForbiddenChar(source);
  if (bad >= 0 && (stop === undefined || stop.offset >= bad)) stop = new Stop(bad, `the character ${describeChar(source, bad)} is not allowed in XML 1.0`);
  if (stop === undefined) return { ok: true, document: doc };
  const { line, column } = positionOf(source, stop.offset);
  return { ok: false, message: stop.reason, line, column };
}
