import { PeppolSelfBillingError } from '../model/errors.js';

/**
 * Getting from raw input to the UBL XML text: byte decoding, the prolog, the SBDH
 * envelope. Pure string work, no XML library, so it is cheap on big documents and
 * shared by validation, profile detection and the UBL parser.
 */

/** Why input could not be turned into XML text. */
export type XmlInputErrorCode = 'XML-ENCODING';

/**
 * Thrown by `decodeXmlInput` when bytes cannot be decoded.
 *
 * @example
 * try { decodeXmlInput(new Uint8Array([0xc3, 0x28])); }
 * catch (e) { if (e instanceof XmlInputError) console.log(e.code); } // 'XML-ENCODING'
 */
export class XmlInputError extends PeppolSelfBillingError<XmlInputErrorCode> {

  constructor(code: XmlInputErrorCode, message: string) {
    super(code, message);
    this.name = 'XmlInputError';
  }
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (cause) {
    if (cause instanceof RangeError) {
      throw new XmlInputError('XML-ENCODING', `The XML declaration names the encoding "${encoding}", which is not supported.`);
    }
    throw new XmlInputError('XML-ENCODING', `The bytes are not valid ${encoding.toUpperCase()}.`);
  }
}

/**
 * Turns input bytes (or a string) into XML text without a byte order mark.
 *
 * Encoding is decided as XML 1.0 Appendix F says: a BOM (UTF-8, UTF-16 LE/BE) wins;
 * else `<?` in UTF-16 without BOM; else the `encoding` of the XML declaration (any
 * encoding the platform's TextDecoder knows, e.g. ISO-8859-1); else UTF-8.
 *
 * @param input File bytes, or text that was already decoded.
 * @returns The decoded text.
 * @throws XmlInputError (`XML-ENCODING`) when the bytes are not valid in their encoding.
 *
 * @example
 * decodeXmlInput(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x2f, 0x3e])); // '<a/>'
 * decodeXmlInput('\uFEFF<a/>'); // '<a/>'
 */
export function decodeXmlInput(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const b = input;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return decodeWith('utf-8', b.subarray(3));
  if (b[0] === 0xff && b[1] === 0xfe) return decodeWith('utf-16le', b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return decodeWith('utf-16be', b.subarray(2));
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return decodeWith('utf-16le', b);
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return decodeWith('utf-16be', b);
  // The declaration is ASCII in every ASCII-compatible encoding: read it as latin1.
  const head = new TextDecoder('latin1').decode(b.subarray(0, 200));
  const declared = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  if (declared === undefined || declared === 'utf-8' || declared === 'utf8') return decodeWith('utf-8', b);
  if (declared.startsWith('utf-16')) {
    throw new XmlInputError('XML-ENCODING', `The XML declaration says ${declared} but the bytes are single-byte text without a byte order mark.`);
  }
  return decodeWith(declared, b);
}

/** Skips the XML declaration, comments, processing instructions and whitespace. */
function skipProlog(text: string, from = 0): number {
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return text.length;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return text.length;
      i = end + 3;
    } else return i;
  }
}

/** The first start tag found at or after `from` (after the prolog), read without parsing. */
export interface StartTag {
  /** Qualified name as written. */
  readonly qname: string;
  readonly local: string;
  /** Namespace URI of the element ('' when none is declared on it or above it). */
  readonly ns: string;
  /** Namespace declarations on this tag, prefix ('' = default) to URI. */
  readonly namespaces: Readonly<Record<string, string>>;
  /** Offset of `<` and just after `>`. */
  readonly start: number;
  readonly end: number;
}

/**
 * Reads the root element's start tag (name, namespace declarations) without parsing
 * the document. Returns undefined when there is no start tag where one should be
 * (empty input, text, a DOCTYPE: see `hasDoctype`).
 *
 * @example
 * readRootTag('<?xml version="1.0"?><Invoice xmlns="urn:x">')?.ns; // 'urn:x'
 */
export function readRootTag(text: string, from = 0): StartTag | undefined {
  const start = skipProlog(text, from);
  if (text[start] !== '<') return undefined;
  const m = /^<([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)/.exec(text.slice(start, start + 300));
  if (!m || m[1] === undefined) return undefined;
  const qname = m[1];
  // Find the end of the start tag, honouring quoted attribute values.
  let i = start + m[0].length;
  let quote = '';
  for (; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') break;
  }
  if (i >= text.length) return undefined;
  const tag = text.slice(start, i + 1);
  const namespaces: Record<string, string> = {};
  for (const a of tag.matchAll(/\sxmlns(?::([A-Za-z_][\w.\-]*))?\s*=\s*(["'])(.*?)\2/gs)) namespaces[a[1] ?? ''] = a[3] ?? '';
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  return { qname, local: colon < 0 ? qname : qname.slice(colon + 1), ns: namespaces[prefix] ?? '', namespaces, start, end: i + 1 };
}

/**
 * Finds a DOCTYPE (or a stray ENTITY declaration) outside comments and CDATA sections.
 *
 * @param text - the XML text
 * @returns the offset of the declaration, or -1
 * @example
 * findDoctype('<!DOCTYPE a><a/>'); // 0
 */
export function findDoctype(text: string): number {
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<!', i);
    if (lt < 0) return -1;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) return -1;
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      i = end + 3;
    } else {
      const word = text.slice(lt + 2, lt + 9).toUpperCase();
      if (word.startsWith('DOCTYPE') || word.startsWith('ENTITY')) return lt;
      i = lt + 2;
    }
  }
}

/**
 * True when the text holds a DOCTYPE or ENTITY declaration (outside comments and CDATA; see
 * `findDoctype`). We refuse those: UBL has no DTD, and a DTD is the door to entity expansion
 * (billion laughs) and external entities (XXE).
 *
 * @example
 * hasDoctype('<!DOCTYPE x [<!ENTITY a "b">]><x/>'); // true
 */
export function hasDoctype(text: string): boolean {
  return findDoctype(text) >= 0;
}

const SBDH_NS = 'http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader';

/** What the SBDH envelope says about routing, when the document came in one. */
export interface SbdhEnvelope {
  /** Sender identifier as written (`0088:7300010000001`). */
  readonly sender?: string;
  readonly receiver?: string;
  /** DOCUMENTID scope value: the Peppol document type identifier. */
  readonly documentTypeId?: string;
  /** PROCESSID scope value. */
  readonly processId?: string;
  readonly instanceIdentifier?: string;
}

/** Result of `unwrapSbdh`: the payload XML and, if there was one, the envelope. */
export interface UnwrappedDocument {
  readonly xml: string;
  readonly envelope?: SbdhEnvelope;
}

function firstText(header: string, local: string): string | undefined {
  const m = new RegExp(`<(?:[\\w.-]+:)?${local}\\b[^>]*>([^<]*)</`).exec(header);
  return m?.[1]?.trim();
}

function scopeValue(header: string, type: string): string | undefined {
  for (const m of header.matchAll(/<(?:[\w.-]+:)?Scope\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?Scope>/g)) {
    const body = m[1] ?? '';
    if (firstText(body, 'Type') === type) return firstText(body, 'InstanceIdentifier');
  }
  return undefined;
}

/**
 * Unwraps a Peppol SBDH envelope (`StandardBusinessDocument`): returns the Invoice or
 * CreditNote payload as standalone XML (namespace declarations of the envelope that
 * are in scope are copied onto the payload root) plus the header's routing fields.
 * Input without an envelope is returned as is.
 *
 * @example
 * const { xml, envelope } = unwrapSbdh(text);
 * envelope?.receiver; // '0088:7300010000001'
 */
export function unwrapSbdh(text: string): UnwrappedDocument {
  const root = readRootTag(text);
  if (!root || root.local !== 'StandardBusinessDocument' || root.ns !== SBDH_NS) return { xml: text };
  const headerEnd = /<\/(?:[\w.-]+:)?StandardBusinessDocumentHeader\s*>/.exec(text.slice(root.end));
  const headerText = headerEnd ? text.slice(root.end, root.end + headerEnd.index) : '';
  const payloadFrom = headerEnd ? root.end + headerEnd.index + headerEnd[0].length : root.end;
  const payload = readRootTag(text, payloadFrom);
  const closeRoot = text.lastIndexOf(`</${root.qname}`);
  if (!payload || closeRoot < payload.end) return { xml: text };
  let open = text.slice(payload.start, payload.end);
  const added = Object.entries(root.namespaces)
    .filter(([prefix]) => !(prefix in payload.namespaces))
    .map(([prefix, uri]) => (prefix === '' ? ` xmlns="${uri}"` : ` xmlns:${prefix}="${uri}"`))
    .join('');
  if (added) open = open.replace(/^<[^\s/>]+/, (name) => name + added);
  const xml = open + text.slice(payload.end, closeRoot).trimEnd();
  const envelope: Record<string, string> = {};
  const sender = /<(?:[\w.-]+:)?Sender\b[\s\S]*?<(?:[\w.-]+:)?Identifier\b[^>]*>([^<]*)</.exec(headerText)?.[1]?.trim();
  const receiver = /<(?:[\w.-]+:)?Receiver\b[\s\S]*?<(?:[\w.-]+:)?Identifier\b[^>]*>([^<]*)</.exec(headerText)?.[1]?.trim();
  if (sender) envelope['sender'] = sender;
  if (receiver) envelope['receiver'] = receiver;
  const documentTypeId = scopeValue(headerText, 'DOCUMENTID');
  if (documentTypeId) envelope['documentTypeId'] = documentTypeId;
  const processId = scopeValue(headerText, 'PROCESSID');
  if (processId) envelope['processId'] = processId;
  const instance = firstText(headerText.replace(/<(?:[\w.-]+:)?Scope\b[\s\S]*?<\/(?:[\w.-]+:)?Scope>/g, ''), 'InstanceIdentifier');
  if (instance) envelope['instanceIdentifier'] = instance;
  return { xml, envelope };
}

/**
 * The deepest element nesting of `text`, counted without parsing; stops counting once
 * `limit` is exceeded (returns limit + 1). Comments, CDATA, PIs and quoted attribute
 * values are skipped. Used to refuse absurd nesting before recursive tree code (the
 * parser, the XSLT walk) overflows the stack: UBL documents nest about 10 deep.
 *
 * @example
 * maxElementDepth('<a><b/><c><d/></c></a>'); // 3
 */
export function maxElementDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    if (text.startsWith('<!--', i)) i = text.indexOf('-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) i = text.indexOf(']]>', i + 9);
    else if (text.startsWith('<?', i)) i = text.indexOf('?>', i + 2);
    else if (text[i + 1] === '!') i = text.indexOf('>', i + 2);
    else if (text[i + 1] === '/') {
      depth--;
      i = text.indexOf('>', i + 2);
    } else {
      let j = i + 1;
      let quote = '';
      for (; j < text.length; j++) {
        const c = text[j];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      // A self-closing element is as deep as an open one, it just does not stay open.
      const level = depth + 1;
      if (text[j - 1] !== '/') depth = level;
      if (level > max) {
        max = level;
        if (max > limit) return max;
      }
      i = j;
    }
    if (i < 0) break;
    i = text.indexOf('<', i + 1);
  }
  return max;
}
