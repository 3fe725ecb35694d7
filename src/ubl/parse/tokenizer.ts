/**
 * A strict, non-validating XML 1.0 tokenizer for UBL documents: one pass over the string with
 * `charCodeAt` and native `indexOf`, producing the compact element tree {@link XmlTree} the
 * reader's `XmlElement` is built from, and checking well-formedness on the way (XML 1.0 fifth
 * edition, section 2 and 4.1). Why our own and not fast-xml-parser: see
 * docs/decisions/xml-reader.md (the validator and the parser together cost about two thirds of
 * `parseUbl` on a large invoice, and the parser alone accepts mismatched or truncated XML).
 *
 * What it deliberately does not do: no DTD (a DOCTYPE or ENTITY declaration is refused with
 * XML-DOCTYPE), no entity other than the five predefined ones, no external fetches, no
 * namespace checking (prefixes are resolved and reported by the reader, as before).
 *
 * Every problem is a result ({@link XmlProblem}) with offset, line and column; the function
 * never throws on any input and its work is linear in the input length (every loop advances,
 * duplicate-attribute checks switch to a set on elements with many attributes).
 */

import { AMP, APOS, BANG, characterReferenceValue, describeChar, EQUALS, firstForbiddenChar, GT, HASH, indexOr, isNameChar, isNameStart, isWhitespace, isXmlChar, LT, positionOf, predefinedEntity, QUESTION, QUOT, referenceEnd, SLASH, xmlDeclarationEnd } from '../../xml/chars.js';

/**
 * Deeper than any UBL document (about 12 levels, extensions included); stops nesting bombs.
 *
 * @example
 * tokenizeXml('<a>'.repeat(MAX_DEPTH + 1)); // { ok: false, problem: { code: 'XML-DEPTH', ... } }
 */
export const MAX_DEPTH = 100;

/**
 * A problem found before or while tokenizing: XML-DOCTYPE, XML-SYNTAX, XML-DEPTH.
 *
 * @example
 * const p: XmlProblem = { code: 'XML-SYNTAX', message: 'The XML is not well-formed: ...', offset: 6, line: 1, column: 7 };
 */
export interface XmlProblem {
  readonly code: 'XML-DOCTYPE' | 'XML-SYNTAX' | 'XML-DEPTH';
  readonly message: string;
  /** Character offset (UTF-16 code units) in the tokenized text. */
  readonly offset?: number;
  /** 1-based line in the tokenized text. */
  readonly line?: number;
  /** 1-based column (UTF-16 code units) in the tokenized text. */
  readonly column?: number;
}

/**
 * One element as a plain object: the shape {@link XmlTree.node} returns and
 * {@link XmlTree.fromNode} accepts (tests, debugging, the comparison with the old path).
 *
 * `text` is what the reader has always seen: each run of character data between two pieces of
 * markup trimmed (JavaScript `trim`), entity and character references decoded, CDATA sections
 * verbatim, all joined in document order. `attributes` lists name/value pairs flat
 * (`[name0, value0, name1, value1, ...]`) in document order, namespace declarations included;
 * values are normalised as XML 1.0 section 3.3.3 requires for CDATA attributes (a literal tab,
 * newline or carriage return becomes a space, a CR LF pair one space) and then trimmed, as the
 * reader always trimmed them.
 *
 * @example
 * // <a x="1"> t <b/></a>
 * const node: XmlNode = { name: 'a', offset: 0, attributes: ['x', '1'], children: [{ name: 'b', offset: 12, attributes: undefined, children: undefined, text: '' }], text: 't' };
 */
export interface XmlNode {
  readonly name: string;
  /** Offset of the `<` of the start tag. */
  readonly offset: number;
  readonly attributes: readonly string[] | undefined;
  readonly children: readonly XmlNode[] | undefined;
  readonly text: string;
}

/**
 * The outcome of {@link tokenizeXml}.
 *
 * @example
 * const r: TokenizeResult = tokenizeXml('<a/>');
 * if (r.ok) r.tree.name(0); // 'a'
 */
export type TokenizeResult = { readonly ok: true; readonly tree: XmlTree } | { readonly ok: false; readonly problem: XmlProblem };

const NONE = -1;

/**
 * The element tree in a compact form: elements are numbered in document order (the root is
 * 0) and their links, offsets and text ranges live in typed arrays. The garbage collector
 * never scans typed arrays, and a 2000-line invoice has 45 000 elements: as objects, the tree
 * was copied by every young-generation collection while the reader ran, which made large
 * documents slower than linear. Element text is kept as a range of the source and sliced when
 * asked for, unless it had to be assembled (several pieces, references, CDATA).
 *
 * Read it through `XmlElement` (src/ubl/parse/xml.ts); {@link XmlTree.node} gives a plain
 * object view for tests and debugging.
 *
 * @example
 * const r = tokenizeXml('<a x="1"><b>t</b><c/></a>');
 * if (r.ok) {
 *   const b = r.tree.firstChild(0); // 1
 *   r.tree.text(b); // 't'
 *   r.tree.name(r.tree.nextSibling(b)); // 'c'
 * }
 */
export class XmlTree {
  /** Number of elements. */
  size = 0;
  /** Attribute names and values of all elements, flat; element i owns `[attributeStart(i), attributeEnd(i))`. */
  readonly attributeList: string[] = [];
  private readonly names: string[] = [];
  private offsets: Int32Array;
  private first: Int32Array;
  private next: Int32Array;
  private last: Int32Array;
  private attrFrom: Int32Array;
  private attrTo: Int32Array;
  private textFrom: Int32Array;
  private textTo: Int32Array;
  private readonly assembled = new Map<number, string>();

  /**
   * @param source - the text that text ranges point into
   * @param capacity - initial number of elements room is reserved for
   */
  constructor(
    private readonly source: string,
    capacity = 64,
  ) {
    const c = Math.max(16, capacity);
    this.offsets = new Int32Array(c);
    this.first = new Int32Array(c);
    this.next = new Int32Array(c);
    this.last = new Int32Array(c);
    this.attrFrom = new Int32Array(c);
    this.attrTo = new Int32Array(c);
    this.textFrom = new Int32Array(c);
    this.textTo = new Int32Array(c);
  }

  /**
   * Builds a tree from plain objects (the shape {@link XmlTree.node} returns).
   *
   * @param root - the root element as a plain object
   * @returns the compact tree
   * @example
   * XmlTree.fromNode({ name: 'a', offset: 0, attributes: undefined, children: undefined, text: 'x' }).text(0); // 'x'
   */
  static fromNode(root: XmlNode): XmlTree {
    const tree = new XmlTree('');
    const stack: [XmlNode, number][] = [[root, NONE]];
    while (stack.length > 0) {
      const [node, parent] = stack.pop() as [XmlNode, number];
      const i = tree.open(node.name, node.offset, parent);
      const attrs = node.attributes ?? [];
      for (let a = 0; a < attrs.length; a += 2) tree.addAttribute(i, attrs[a] ?? '', attrs[a + 1] ?? '');
      if (node.text !== '') tree.appendText(i, node.text);
      const kids = node.children ?? [];
      for (let k = kids.length - 1; k >= 0; k--) stack.push([kids[k] as XmlNode, i]);
    }
    return tree;
  }

  /** Element name as written (prefix included). @param i - element number @returns the name @example tree.name(0); // 'Invoice' */
  name(i: number): string {
    return this.names[i] ?? '';
  }
  /** Offset of the `<` of the start tag. @param i - element number @returns the offset @example tree.offset(0); // 39 */
  offset(i: number): number {
    return this.offsets[i] ?? NONE;
  }
  /** First child element, or -1. @param i - element number @returns the child's number @example tree.firstChild(0); // 1 */
  firstChild(i: number): number {
    return this.first[i] ?? NONE;
  }
  /** Next sibling element, or -1. @param i - element number @returns the sibling's number @example tree.nextSibling(1); */
  nextSibling(i: number): number {
    return this.next[i] ?? NONE;
  }
  /** Start of the element's attributes in {@link XmlTree.attributeList}. @param i - element number @returns an index @example tree.attributeStart(0); */
  attributeStart(i: number): number {
    return this.attrFrom[i] ?? 0;
  }
  /** End (exclusive) of the element's attributes in {@link XmlTree.attributeList}. @param i - element number @returns an index @example tree.attributeEnd(0); */
  attributeEnd(i: number): number {
    return this.attrTo[i] ?? 0;
  }

  /**
   * The element's text: each run of character data trimmed, references decoded, CDATA
   * verbatim, joined.
   *
   * @param i - element number
   * @returns the text, '' when there is none
   * @example
   * tree.text(3); // '2017-11-13'
   */
  text(i: number): string {
    const assembled = this.assembled.get(i);
    if (assembled !== undefined) return assembled;
    const from = this.textFrom[i] ?? NONE;
    return from === NONE ? '' : this.source.slice(from, this.textTo[i]).trim();
  }

  /**
   * A plain object view of an element and its descendants (for tests and debugging; the
   * reader does not use it).
   *
   * @param i - element number, the root by default
   * @returns the element as a plain object
   * @example
   * const r = tokenizeXml('<a><b/></a>');
   * if (r.ok) r.tree.node().children?.[0]?.name; // 'b'
   */
  node(i = 0): XmlNode {
    const children: XmlNode[] = [];
    for (let c = this.firstChild(i); c !== NONE; c = this.nextSibling(c)) children.push(this.node(c));
    const attributes = this.attributeList.slice(this.attributeStart(i), this.attributeEnd(i));
    return {
      name: this.name(i),
      offset: this.offset(i),
      attributes: attributes.length > 0 ? attributes : undefined,
      children: children.length > 0 ? children : undefined,
      text: this.text(i),
    };
  }

  /** @internal Adds an element under `parent` (-1 for the root) and returns its number. */
  open(name: string, offset: number, parent: number): number {
    const i = this.size++;
    if (i === this.offsets.length) this.grow();
    this.names.push(name);
    this.offsets[i] = offset;
    this.first[i] = NONE;
    this.next[i] = NONE;
    this.last[i] = NONE;
    this.textFrom[i] = NONE;
    const attrs = this.attributeList.length;
    this.attrFrom[i] = attrs;
    this.attrTo[i] = attrs;
    if (parent !== NONE) {
      const previous = this.last[parent] ?? NONE;
      if (previous === NONE) this.first[parent] = i;
      else this.next[previous] = i;
      this.last[parent] = i;
    }
    return i;
  }

  /** @internal Adds an attribute to the element opened last. */
  addAttribute(i: number, name: string, value: string): void {
    this.attributeList.push(name, value);
    this.attrTo[i] = this.attributeList.length;
  }

  /** @internal Adds a run of character data `source[from, to)` (to be trimmed, no references). */
  appendRange(i: number, from: number, to: number): void {
    if (this.textFrom[i] === NONE && !this.assembled.has(i)) {
      this.textFrom[i] = from;
      this.textTo[i] = to;
    } else {
      this.appendText(i, this.source.slice(from, to).trim());
    }
  }

  /** @internal Adds text that is final (decoded, trimmed where it has to be). */
  appendText(i: number, piece: string): void {
    if (piece === '') {
      // An empty CDATA section: nothing to add, but the element's text must not change either.
      return;
    }
    this.assembled.set(i, this.text(i) + piece);
    this.textFrom[i] = NONE;
  }

  private grow(): void {
    const size = this.offsets.length * 2;
    const bigger = (a: Int32Array): Int32Array => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.offsets = bigger(this.offsets);
    this.first = bigger(this.first);
    this.next = bigger(this.next);
    this.last = bigger(this.last);
    this.attrFrom = bigger(this.attrFrom);
    this.attrTo = bigger(this.attrTo);
    this.textFrom = bigger(this.textFrom);
    this.textTo = bigger(this.textTo);
  }
}

/** Above this many attributes on one element, duplicates are found with a set (linear) instead of a scan. */
const SCAN_DUPLICATES_UP_TO = 16;

/** Thrown inside the scanner only and turned into a result at its boundary; never escapes. */
class Stop {
  constructor(
    readonly code: XmlProblem['code'],
    readonly offset: number,
    readonly reason: string,
  ) {}
}

/**
 * Validates the entity and character references of `text[from, to)` (XML 1.0 section 4.1).
 * Only the five predefined entities are known; a DOCTYPE is refused before we get here, so
 * any other name is undeclared, which is a well-formedness error.
 */
function checkReferences(text: string, from: number, to: number): void {
  for (let amp = text.indexOf('&', from); amp >= 0 && amp < to; amp = text.indexOf('&', amp + 1)) {
    const semi = referenceEnd(text, amp, to);
    if (semi < 0) {
      throw new Stop('XML-SYNTAX', amp, "A '&' must start an entity or character reference ('&amp;', '&#38;'); write '&amp;' for a literal ampersand.");
    }
    if (text.charCodeAt(amp + 1) === HASH) {
      if (!isXmlChar(characterReferenceValue(text, amp, semi))) {
        throw new Stop('XML-SYNTAX', amp, `The character reference '${text.slice(amp, semi + 1)}' does not name a character XML 1.0 allows.`);
      }
    } else if (predefinedEntity(text.slice(amp + 1, semi)) === undefined) {
      throw new Stop(
        'XML-SYNTAX',
        amp,
        `The entity reference '${text.slice(amp, semi + 1)}' is not one of the five predefined XML entities (&amp; &lt; &gt; &quot; &apos;); write the character itself or a character reference.`,
      );
    }
  }
}

/** Decodes the references of an already checked string. */
function decodeReferences(s: string): string {
  let out = '';
  let from = 0;
  for (let amp = s.indexOf('&'); amp >= 0; amp = s.indexOf('&', from)) {
    const semi = s.indexOf(';', amp);
    out += s.slice(from, amp);
    if (s.charCodeAt(amp + 1) === HASH) out += String.fromCodePoint(characterReferenceValue(s, amp, semi));
    else out += predefinedEntity(s.slice(amp + 1, semi)) ?? '';
    from = semi + 1;
  }
  return out + s.slice(from);
}

/**
 * Tokenizes XML 1.0 text into the compact element tree, checking well-formedness. Never
 * throws; the first problem in document order is returned with its position.
 *
 * @param text - decoded XML text (a leading byte-order mark is skipped)
 * @returns the element tree, or the problem
 * @example
 * const r = tokenizeXml('<a x="1"><b>t</b></a>');
 * if (r.ok) r.tree.text(r.tree.firstChild(0)); // 't'
 * tokenizeXml('<a><b></a>'); // { ok: false, problem: { code: 'XML-SYNTAX', line: 1, column: 7, ... } }
 */
export function tokenizeXml(text: string): TokenizeResult {
  let result: TokenizeResult;
  try {
    result = { ok: true, tree: scan(text) };
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    result = failure(text, e);
  }
  // A forbidden character anywhere wins when it comes before the first other problem.
  const bad = firstForbiddenChar(text);
  if (bad >= 0 && (result.ok || (result.problem.offset ?? Infinity) >= bad)) {
    return failure(text, new Stop('XML-SYNTAX', bad, `The character ${describeChar(text, bad)} is not allowed in XML 1.0.`));
  }
  return result;
}

function failure(text: string, stop: Stop): TokenizeResult {
  const { line, column } = positionOf(text, stop.offset);
  const message =
    stop.code === 'XML-DEPTH'
      ? `Elements are nested more than ${MAX_DEPTH} levels deep; no UBL document is. The input is refused as malformed or hostile.`
      : stop.code === 'XML-DOCTYPE'
        ? 'The document contains a DOCTYPE or ENTITY declaration. UBL documents never need one, and entity declarations ' +
          'enable entity-expansion and external-entity attacks, so they are refused: remove the declaration and send plain UBL.'
        : `The XML is not well-formed: ${stop.reason} Fix the XML at line ${line}, column ${column}.`;
  return { ok: false, problem: { code: stop.code, message, offset: stop.offset, line, column } };
}

function syntax(offset: number, reason: string): Stop {
  return new Stop('XML-SYNTAX', offset, reason);
}

function scan(text: string): XmlTree {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const declarationEnd = xmlDeclarationEnd(text, i);
  if (declarationEnd < 0) {
    throw syntax(i, "The XML declaration is malformed: it must read <?xml version=\"1.0\"?> with optional encoding and standalone ('yes' or 'no') in that order.");
  }
  i = declarationEnd;
  const names = new NameTable();
  // About one element per 60 characters in UBL; the tree grows when that guess is low.
  const tree = new XmlTree(text, n >> 6);
  const stack: number[] = [];
  let current = NONE;
  let hasRoot = false;
  // Next offsets of '&' and ']]>' (or n): searched again only once passed, so all searches together are linear.
  let nextAmp = -1;
  let nextCdEnd = -1;

  while (i < n) {
    if (text.charCodeAt(i) !== LT) {
      let lt = text.indexOf('<', i);
      if (lt < 0) lt = n;
      if (current === NONE) {
        for (let k = i; k < lt; k++) {
          if (!isWhitespace(text.charCodeAt(k))) {
            throw syntax(k, !hasRoot ? 'Text before the root element is not allowed.' : 'Text after the end of the root element is not allowed.');
          }
        }
      } else {
        if (nextCdEnd < i) nextCdEnd = indexOr(text, ']]>', i, n);
        if (nextCdEnd < lt) throw syntax(nextCdEnd, "']]>' is not allowed in text; write ']]&gt;'.");
        // Formatting between tags is by far the most common run: skip it without allocating.
        let from = i;
        while (from < lt && isWhitespace(text.charCodeAt(from))) from++;
        if (from === lt) {
          i = lt;
          continue;
        }
        if (nextAmp < i) nextAmp = indexOr(text, '&', i, n);
        if (nextAmp < lt) {
          checkReferences(text, nextAmp, lt);
          tree.appendText(current, decodeReferences(text.slice(from, lt).trim()));
        } else {
          tree.appendRange(current, from, lt);
        }
      }
      i = lt;
      continue;
    }
    const c1 = text.charCodeAt(i + 1);
    if (c1 === SLASH) {
      // End tag: '</' Name S? '>' (section 3.1).
      if (current === NONE) throw syntax(i, 'An end tag without a matching start tag.');
      const name = tree.name(current);
      const after = i + 2 + name.length;
      if (!text.startsWith(name, i + 2) || isNameChar(text.charCodeAt(after))) {
        let e = i + 2;
        while (e < n && isNameChar(text.charCodeAt(e))) e++;
        if (e >= n) throw syntax(n, `The input ends inside the end tag of <${name}>: it is truncated.`);
        throw syntax(i, `The end tag </${text.slice(i + 2, e)}> does not match the start tag <${name}> (line ${positionOf(text, tree.offset(current)).line}).`);
      }
      let k = after;
      while (isWhitespace(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) !== GT) throw syntax(k, `Expected '>' to close the end tag </${name}>, found ${describeChar(text, k)}.`);
      stack.pop();
      current = stack.length > 0 ? (stack[stack.length - 1] ?? NONE) : NONE;
      i = k + 1;
    } else if (c1 === BANG) {
      if (text.startsWith('<!--', i)) {
        // Comment: '<!--' ((Char - '-') | ('-' (Char - '-')))* '-->' (section 2.5).
        const dashes = text.indexOf('--', i + 4);
        if (dashes < 0) throw syntax(n, 'The input ends inside a comment: it is truncated.');
        if (text.charCodeAt(dashes + 2) !== GT) throw syntax(dashes, "'--' is not allowed inside a comment.");
        i = dashes + 3;
      } else if (text.startsWith('<![CDATA[', i)) {
        if (current === NONE) throw syntax(i, 'A CDATA section is only allowed inside the root element.');
        const end = text.indexOf(']]>', i + 9);
        if (end < 0) throw syntax(n, 'The input ends inside a CDATA section: it is truncated.');
        // CDATA content is kept verbatim, never trimmed nor decoded.
        tree.appendText(current, text.slice(i + 9, end));
        i = end + 3;
      } else if (text.startsWith('<!DOCTYPE', i) || text.startsWith('<!ENTITY', i)) {
        throw new Stop('XML-DOCTYPE', i, '');
      } else {
        throw syntax(i, "'<!' must start a comment ('<!--') or, inside an element, a CDATA section ('<![CDATA[').");
      }
    } else if (c1 === QUESTION) {
      // Processing instruction: '<?' PITarget (S (Char* - '?>'))? '?>' (section 2.6).
      let k = i + 2;
      if (!isNameStart(text.charCodeAt(k))) throw syntax(k, 'A processing instruction must start with a target name.');
      while (isNameChar(text.charCodeAt(k))) k++;
      const target = text.slice(i + 2, k);
      if (target.toLowerCase() === 'xml') {
        throw syntax(i, target === 'xml' ? 'The XML declaration is only allowed at the very start of the document.' : `'${target}' is a reserved processing-instruction target.`);
      }
      if (text.startsWith('?>', k)) {
        i = k + 2;
      } else {
        if (k < n && !isWhitespace(text.charCodeAt(k))) throw syntax(k, `Expected whitespace or '?>' after the processing-instruction target, found ${describeChar(text, k)}.`);
        const end = text.indexOf('?>', k);
        if (end < 0) throw syntax(n, 'The input ends inside a processing instruction: it is truncated.');
        i = end + 2;
      }
    } else {
      // Start tag or empty-element tag (section 3.1).
      if (current === NONE && hasRoot) throw syntax(i, 'Only one root element is allowed: found an element after the end of the root element.');
      let k = i + 1;
      if (!isNameStart(c1)) {
        throw syntax(k, k >= n ? 'The input ends after \'<\': it is truncated.' : `${describeChar(text, k)} cannot start an element name.`);
      }
      k++;
      while (isNameChar(text.charCodeAt(k))) k++;
      if (stack.length >= MAX_DEPTH) throw new Stop('XML-DEPTH', i, '');
      const node = tree.open(names.get(text, i + 1, k), i, current);
      hasRoot = true;
      let empty = false;
      let seen: Set<string> | undefined;
      for (;;) {
        const wsStart = k;
        while (isWhitespace(text.charCodeAt(k))) k++;
        const c = text.charCodeAt(k);
        if (c === GT) {
          k++;
          break;
        }
        if (c === SLASH) {
          if (text.charCodeAt(k + 1) !== GT) throw syntax(k + 1, `Expected '>' after '/' in the tag <${tree.name(node)}>, found ${describeChar(text, k + 1)}.`);
          k += 2;
          empty = true;
          break;
        }
        if (k >= n) throw syntax(n, `The input ends inside the start tag <${tree.name(node)}>: it is truncated.`);
        if (k === wsStart) throw syntax(k, `Expected whitespace, '>' or '/>' in the tag <${tree.name(node)}>, found ${describeChar(text, k)}.`);
        if (!isNameStart(c)) throw syntax(k, `${describeChar(text, k)} cannot start an attribute name (tag <${tree.name(node)}>).`);
        const attrStart = k;
        k = readAttribute(text, k, tree, node, names);
        seen = checkDuplicate(tree, node, attrStart, seen);
      }
      if (!empty) {
        stack.push(node);
        current = node;
      }
      i = k;
    }
  }
  if (current !== NONE) {
    throw syntax(n, `The input ends before the end tag of <${tree.name(current)}> (opened at line ${positionOf(text, tree.offset(current)).line}): it is truncated.`);
  }
  if (!hasRoot) throw syntax(n, 'The input holds no element: an XML document needs a root element.');
  return tree;
}

/**
 * Interns element and attribute names per document: a UBL document writes a few hundred
 * distinct names tens of thousands of times, and slicing each occurrence was a measurable share
 * of the garbage produced. Lookup compares in place (`startsWith`), so a hit allocates nothing.
 */
class NameTable {
  private readonly buckets = new Map<number, string[]>();

  get(text: string, from: number, to: number): string {
    const length = to - from;
    const key = length * 0x10000 + ((text.charCodeAt(to - 1) * 31 + text.charCodeAt(from + (length >> 1))) & 0xffff);
    let bucket = this.buckets.get(key);
    if (bucket !== undefined) {
      for (const candidate of bucket) if (text.startsWith(candidate, from)) return candidate;
    } else {
      bucket = [];
      this.buckets.set(key, bucket);
    }
    const name = text.slice(from, to);
    // A pathological document with many distinct names of one shape must not make lookups quadratic.
    if (bucket.length < 8) bucket.push(name);
    return name;
  }
}

/** Reads `Name S? '=' S? AttValue` at `k` into `node.attributes`; returns the offset after it (section 3.1, 3.3.3). */
function readAttribute(text: string, start: number, tree: XmlTree, node: number, names: NameTable): number {
  const n = text.length;
  let k = start + 1;
  while (isNameChar(text.charCodeAt(k))) k++;
  const name = names.get(text, start, k);
  while (isWhitespace(text.charCodeAt(k))) k++;
  if (text.charCodeAt(k) !== EQUALS) {
    if (k >= n) throw syntax(n, `The input ends inside the start tag <${tree.name(node)}>: it is truncated.`);
    throw syntax(k, `Expected '=' after the attribute name ${name}, found ${describeChar(text, k)}: attributes need a quoted value.`);
  }
  k++;
  while (isWhitespace(text.charCodeAt(k))) k++;
  const quote = text.charCodeAt(k);
  if (quote !== QUOT && quote !== APOS) {
    if (k >= n) throw syntax(n, `The input ends inside the start tag <${tree.name(node)}>: it is truncated.`);
    throw syntax(k, `The value of attribute ${name} must be in quotes, found ${describeChar(text, k)}.`);
  }
  const valueStart = k + 1;
  let hasAmp = false;
  let hasWhitespaceChar = false;
  for (k = valueStart; ; k++) {
    if (k >= n) throw syntax(n, `The input ends inside the value of attribute ${name}: it is truncated.`);
    const c = text.charCodeAt(k);
    if (c === quote) break;
    if (c === LT) throw syntax(k, `'<' is not allowed in an attribute value (attribute ${name}); write '&lt;'.`);
    if (c === AMP) hasAmp = true;
    else if (c === 9 || c === 10 || c === 13) hasWhitespaceChar = true;
  }
  const valueEnd = k;
  if (hasAmp) checkReferences(text, valueStart, valueEnd);
  let value = text.slice(valueStart, valueEnd);
  // Section 3.3.3: literal tab, LF, CR (a CR LF pair after line-end normalisation) become one space each; references are not normalised.
  if (hasWhitespaceChar) value = value.replace(/\r\n|[\t\n\r]/g, ' ');
  value = value.trim();
  if (hasAmp) value = decodeReferences(value);
  tree.addAttribute(node, name, value);
  return k + 1;
}

/**
 * Throws when the attribute just added to `node` repeats an earlier one (section 3.1, "Unique
 * Att Spec"). Scans while the tag is small and builds `seen` once it grows, so a tag with
 * thousands of attributes costs linear time, not quadratic.
 */
function checkDuplicate(tree: XmlTree, node: number, start: number, seen: Set<string> | undefined): Set<string> | undefined {
  const attrs = tree.attributeList;
  const first = tree.attributeStart(node);
  const last = attrs.length - 2;
  const name = attrs[last] ?? '';
  if (seen !== undefined) {
    if (seen.has(name)) throw duplicate(start, name, tree.name(node));
    seen.add(name);
    return seen;
  }
  for (let a = first; a < last; a += 2) if (attrs[a] === name) throw duplicate(start, name, tree.name(node));
  if (attrs.length - first < SCAN_DUPLICATES_UP_TO * 2) return undefined;
  const built = new Set<string>();
  for (let a = first; a < attrs.length; a += 2) built.add(attrs[a] ?? '');
  return built;
}

function duplicate(offset: number, name: string, element: string): Stop {
  return syntax(offset, `The attribute ${name} occurs twice in the tag <${element}>.`);
}
