/**
 * A small namespace-aware XML tree for reading Schematron sources.
 *
 * fast-xml-parser (with `preserveOrder`) does the tokenising; this module resolves
 * prefixes to namespace URIs, decodes character references itself (the parser's own
 * entity handling skips numeric references) and can serialise foreign elements such
 * as `xsl:function` back to text. No DOCTYPE entities are ever expanded.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SchematronCompileError } from './errors.js';

/** An element of the tree, with its namespace resolved. */
export interface XElement {
  readonly kind: 'element';
  /** The qualified name as written (`sch:rule`). */
  readonly qname: string;
  readonly local: string;
  /** Namespace URI, '' for none. */
  readonly ns: string;
  /** Attributes by qualified name, values decoded. Namespace declarations excluded. */
  readonly attrs: Readonly<Record<string, string>>;
  /** Every prefix in scope ('' for the default namespace). */
  readonly inScope: Readonly<Record<string, string>>;
  readonly children: readonly XNode[];
}

/** Text content (or CDATA, already literal). */
export interface XText {
  readonly kind: 'text';
  readonly text: string;
}

export type XNode = XElement | XText;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities are decoded by `decodeText` below, in one pass, so `&amp;lt;` stays `&lt;`.
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes the five predefined entities and numeric character references.
 *
 * @example
 * decodeText('a &lt; b &#x41;'); // 'a < b A'
 */
export function decodeText(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return PREDEFINED[ref] ?? whole;
  });
}

type Raw = Record<string, unknown>;

function splitQName(qname: string): { prefix: string; local: string } {
  const i = qname.indexOf(':');
  return i < 0 ? { prefix: '', local: qname } : { prefix: qname.slice(0, i), local: qname.slice(i + 1) };
}

function build(raw: Raw, parentScope: Readonly<Record<string, string>>): XNode | undefined {
  if ('#text' in raw) return { kind: 'text', text: decodeText(String(raw['#text'])) };
  if ('#comment' in raw) return undefined;
  if ('#cdata' in raw) {
    const parts = raw['#cdata'] as Raw[];
    return { kind: 'text', text: parts.map((p) => String(p['#text'] ?? '')).join('') };
  }
  const qname = Object.keys(raw).find((k) => k !== ':@');
  if (qname === undefined) return undefined;
  const rawAttrs = (raw[':@'] ?? {}) as Record<string, string>;
  const scope: Record<string, string> = { ...parentScope };
  const attrs: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawAttrs)) {
    const decoded = decodeText(String(value));
    if (name === 'xmlns') scope[''] = decoded;
    else if (name.startsWith('xmlns:')) scope[name.slice(6)] = decoded;
    else attrs[name] = decoded;
  }
  const { prefix, local } = splitQName(qname);
  const ns = scope[prefix];
  if (ns === undefined) {
    throw new SchematronCompileError('MALFORMED_XML', `Element <${qname}> uses an undeclared prefix "${prefix}".`);
  }
  const children: XNode[] = [];
  for (const child of (raw[qname] ?? []) as Raw[]) {
    const node = build(child, scope);
    if (node) children.push(node);
  }
  return { kind: 'element', qname, local, ns, attrs, inScope: scope, children };
}

/**
 * Parses XML text into a namespace-resolved tree and returns the root element.
 * Throws `SchematronCompileError` (`MALFORMED_XML`) when the text is not well-formed
 * or declares a DOCTYPE (entities are never expanded).
 *
 * @example
 * const root = parseXmlTree('<a xmlns="urn:x"><b/></a>');
 * root.ns; // 'urn:x'
 */
export function parseXmlTree(text: string): XElement {
  if (/<!DOCTYPE/i.test(text)) {
    throw new SchematronCompileError('MALFORMED_XML', 'A DOCTYPE declaration is not allowed in a Schematron schema.');
  }
  const check = XMLValidator.validate(text);
  if (check !== true) {
    throw new SchematronCompileError(
      'MALFORMED_XML',
      `The schema is not well-formed XML: ${check.err.msg} (line ${check.err.line}, column ${check.err.col}).`,
    );
  }
  const top = parser.parse(text) as Raw[];
  for (const raw of top) {
    const node = build(raw, { '': '', xml: XML_NS });
    if (node?.kind === 'element') return node;
  }
  throw new SchematronCompileError('MALFORMED_XML', 'The schema has no root element.');
}

/**
 * Child elements of `el`, optionally only those in namespace `ns` named `local`.
 *
 * @example
 * childElements(schema, SCH_NS, 'pattern').length; // number of patterns
 */
export function childElements(el: XElement, ns?: string, local?: string): XElement[] {
  return el.children.filter(
    (c): c is XElement =>
      c.kind === 'element' && (ns === undefined || c.ns === ns) && (local === undefined || c.local === local),
  );
}

/**
 * Concatenated text of `el` and its descendants.
 *
 * @example
 * textContent(parseXmlTree('<a>x<b>y</b></a>')); // 'xy'
 */
export function textContent(el: XElement): string {
  return el.children.map((c) => (c.kind === 'text' ? c.text : textContent(c))).join('');
}

/**
 * Escapes a string for use inside a double-quoted XML attribute or as text.
 *
 * @example
 * escapeXml('a < "b"'); // 'a &lt; &quot;b&quot;'
 */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Serialises an element back to XML text, declaring on it every namespace in scope
 * so it stays valid wherever it is pasted (used for foreign `xsl:*` declarations).
 *
 * @example
 * serializeElement(parseXmlTree('<a x="1">t</a>')); // '<a x="1">t</a>'
 */
export function serializeElement(el: XElement, declareScope = true): string {
  let s = `<${el.qname}`;
  if (declareScope) {
    for (const [prefix, uri] of Object.entries(el.inScope)) {
      if (prefix === 'xml' || (prefix === '' && uri === '')) continue;
      s += prefix === '' ? ` xmlns="${escapeXml(uri)}"` : ` xmlns:${prefix}="${escapeXml(uri)}"`;
    }
  }
  for (const [name, value] of Object.entries(el.attrs)) s += ` ${name}="${escapeXml(value)}"`;
  if (el.children.length === 0) return `${s}/>`;
  s += '>';
  for (const c of el.children) s += c.kind === 'text' ? escapeXml(c.text) : serializeElement(c, false);
  return `${s}</${el.qname}>`;
}
