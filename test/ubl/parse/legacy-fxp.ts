/**
 * The XML path parseUbl used before src/ubl/parse/tokenizer.ts: fast-xml-parser's XMLValidator
 * for well-formedness, then its `preserveOrder` parser with the same configuration and entity
 * decoder as src/ubl/parse/xml.ts had (commit e7c7f70). Kept here, and only here, as the
 * reference the differential and fuzz tests compare the new tokenizer with; its output is
 * converted to the tokenizer's tree (via {@link XmlNode}) exactly as the old `XmlElement` read it
 * (children in order, attributes in order, text pieces joined).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { findDoctype, MAX_DEPTH, XmlTree, type XmlNode, type XmlProblem } from '../../../src/ubl/parse/xml.js';

type RawEntry = Record<string, unknown>;
const TEXT = '#text';
const ATTRS = ':@';

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

const SAFE_ENTITY_DECODER = {
  setExternalEntities(): void {},
  addInputEntities(): void {},
  reset(): void {},
  setXmlVersion(): void {},
  decode(text: string): string {
    if (!text.includes('&')) return text;
    return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      const hit = named[ref];
      if (hit !== undefined) return hit;
      const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return isXmlChar(cp) ? String.fromCodePoint(cp) : whole;
    });
  },
};

const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: ATTRS,
  textNodeName: TEXT,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: false,
  entityDecoder: SAFE_ENTITY_DECODER,
  ignoreDeclaration: true,
  ignorePiTags: true,
  captureMetaData: true,
  maxNestedTags: MAX_DEPTH,
  jPath: false,
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/**
 * Well-formedness as fast-xml-parser's validator alone sees it.
 *
 * @param text - XML text
 * @returns true, or its message and position
 * @example
 * fxpValidate('<a></b>'); // { msg: "Expected closing tag 'a' ...", line: 1, col: 4 }
 */
export function fxpValidate(text: string): true | { msg: string; line: number; col: number } {
  const v = XMLValidator.validate(text, { allowBooleanAttributes: false });
  return v === true ? true : { msg: v.err.msg, line: v.err.line, col: v.err.col };
}

function elementName(entry: RawEntry): string | undefined {
  for (const name in entry) {
    if (name === TEXT || name === ATTRS || name.charCodeAt(0) === 63) continue;
    return name;
  }
  return undefined;
}

function convert(entry: RawEntry, name: string): XmlNode {
  const attrs = entry[ATTRS] as Record<string, string> | undefined;
  const attributes: string[] = [];
  for (const a in attrs ?? {}) attributes.push(a, String(attrs?.[a] ?? ''));
  const children: XmlNode[] = [];
  let text = '';
  const raw = entry[name];
  if (Array.isArray(raw)) {
    for (const child of raw as RawEntry[]) {
      const t = child[TEXT];
      if (t !== undefined) text += String(t);
      const childName = elementName(child);
      if (childName !== undefined) children.push(convert(child, childName));
    }
  }
  const meta = (entry as Record<symbol, unknown>)[META] as { startIndex?: number } | undefined;
  return {
    name,
    offset: meta?.startIndex ?? -1,
    attributes: attributes.length > 0 ? attributes : undefined,
    children: children.length > 0 ? children : undefined,
    text,
  };
}

/**
 * The old tokenize: DOCTYPE refusal, XMLValidator, parser; the tree in the new shape.
 *
 * @param text - XML text
 * @returns the tree in the tokenizer's shape, or the problem
 * @example
 * legacyTokenize('<a>1</a>'); // { ok: true, tree } with tree.text(0) === '1'
 */
export function legacyTokenize(text: string): { ok: true; tree: XmlTree } | { ok: false; problem: XmlProblem } {
  const doctype = findDoctype(text);
  if (doctype >= 0) return { ok: false, problem: { code: 'XML-DOCTYPE', offset: doctype, message: 'DOCTYPE' } };
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    return { ok: false, problem: { code: 'XML-SYNTAX', line: valid.err.line, column: valid.err.col, message: valid.err.msg } };
  }
  try {
    const entries = PARSER.parse(text) as unknown;
    if (!Array.isArray(entries)) throw new Error('no elements');
    for (const entry of entries as RawEntry[]) {
      const name = elementName(entry);
      if (name !== undefined) return { ok: true, tree: XmlTree.fromNode(convert(entry, name)) };
    }
    return { ok: false, problem: { code: 'XML-SYNTAX', message: 'no root element' } };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, problem: { code: /nested/i.test(msg) ? 'XML-DEPTH' : 'XML-SYNTAX', message: msg } };
  }
}
