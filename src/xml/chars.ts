/**
 * The XML 1.0 (fifth edition) character facts both of our strict XML scanners rely on: the
 * tokenizer of `parseUbl` (src/ubl/parse/tokenizer.ts) and the DOM builder of validation
 * (src/validate/dom-builder.ts). Both read text one `charCodeAt` at a time, so everything
 * here takes and returns plain numbers and strings, allocates nothing on the common path and
 * stays small enough for V8 to inline into their loops. Error wording stays with the callers:
 * the two scanners report problems in different styles.
 */

/** `<` @example text.charCodeAt(i) === LT; // a tag starts at i */
export const LT = 60;
/** `>` @example text.charCodeAt(k) === GT; // the tag ends at k */
export const GT = 62;
/** `&` @example c === AMP; // a reference starts here */
export const AMP = 38;
/** `/` @example text.charCodeAt(i + 1) === SLASH; // an end tag */
export const SLASH = 47;
/** `!` @example text.charCodeAt(i + 1) === BANG; // a comment or CDATA section */
export const BANG = 33;
/** `?` @example text.charCodeAt(i + 1) === QUESTION; // a processing instruction */
export const QUESTION = 63;
/** `=` @example text.charCodeAt(k) === EQUALS; // between an attribute's name and value */
export const EQUALS = 61;
/** `"` @example quote === QUOT || quote === APOS; // an attribute value starts */
export const QUOT = 34;
/** `'` @example quote === QUOT || quote === APOS; // an attribute value starts */
export const APOS = 39;
/** `;` @example text.charCodeAt(k) === SEMI; // a reference ends at k */
export const SEMI = 59;
/** `#` @example text.charCodeAt(amp + 1) === HASH; // a character reference */
export const HASH = 35;
/** `:` @example text.charCodeAt(k) === COLON; // a prefix separator */
export const COLON = 58;

// XML 1.0 section 2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the `u` flag a lone surrogate is one (forbidden) code point, a valid pair one allowed one.
const FORBIDDEN_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

// XML 1.0 section 2.8 XMLDecl, sticky: tried exactly where `lastIndex` points.
const XML_DECL =
  /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.[0-9]+"|'1\.[0-9]+')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*\?>/y;

// ASCII part of XML 1.0 section 2.3: 1 = NameChar, 3 = NameStartChar as well.
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === COLON;
  const char = start || (c >= 48 && c <= 57) || c === 45 || c === 46;
  ASCII_NAME[c] = start ? 3 : char ? 1 : 0;
}

// XML 1.0 section 4.6: the five entities every processor knows without a DTD. A Map, not an
// object literal: `&constructor;` or `&__proto__;` must not find Object.prototype's members.
const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/**
 * XML 1.0 section 2.3 S: space, tab, line feed, carriage return.
 *
 * @param c - a UTF-16 code unit (NaN past the end of the text, which is not whitespace)
 * @returns whether `c` is XML whitespace
 * @example
 * isWhitespace(' '.charCodeAt(0)); // true
 * isWhitespace(0xa0); // false (no-break space)
 */
export function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/**
 * XML 1.0 section 2.3 NameStartChar, one UTF-16 code unit at a time: surrogate code units
 * stand for U+10000..U+EFFFF (whether they pair up is {@link firstForbiddenChar}'s check).
 *
 * @param c - a UTF-16 code unit (NaN past the end of the text, which is not one)
 * @returns whether a name may start with `c`
 * @example
 * isNameStart('I'.charCodeAt(0)); // true
 * isNameStart('1'.charCodeAt(0)); // false
 */
export function isNameStart(c: number): boolean {
  if (c < 0x80) return (ASCII_NAME[c] ?? 0) >= 2;
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    (c >= 0x200c && c <= 0x200d) ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xd800 && c <= 0xdb7f) ||
    (c >= 0xdc00 && c <= 0xdfff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

/**
 * XML 1.0 section 2.3 NameChar, one UTF-16 code unit at a time.
 *
 * @param c - a UTF-16 code unit (NaN past the end of the text, which is not one)
 * @returns whether `c` may continue a name
 * @example
 * isNameChar('-'.charCodeAt(0)); // true
 * isNameChar('>'.charCodeAt(0)); // false
 */
export function isNameChar(c: number): boolean {
  if (c < 0x80) return (ASCII_NAME[c] ?? 0) !== 0;
  return c === 0xb7 || (c >= 0x300 && c <= 0x36f) || (c >= 0x203f && c <= 0x2040) || isNameStart(c);
}

/**
 * XML 1.0 section 2.2 Char, for a whole code point (a character reference's value).
 *
 * @param cp - a code point
 * @returns whether XML 1.0 allows the character
 * @example
 * isXmlChar(0x41); // true
 * isXmlChar(0x1); // false
 * isXmlChar(0xd800); // false (a surrogate is no character)
 */
export function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/**
 * The first character XML 1.0 does not allow anywhere (section 2.2: controls, lone
 * surrogates, U+FFFE, U+FFFF). One native regular-expression search over the whole text,
 * which is why the scanners' loops need not check each character.
 *
 * @param text - the document
 * @returns its offset, or -1 when there is none
 * @example
 * firstForbiddenChar('<a>\u0001</a>'); // 3
 * firstForbiddenChar('<a>\u{1F600}</a>'); // -1 (a valid surrogate pair)
 */
export function firstForbiddenChar(text: string): number {
  return text.search(FORBIDDEN_CHAR);
}

/**
 * Reads the XML declaration (section 2.8) if one starts at `at`.
 *
 * @param text - the document
 * @param at - where the declaration may start (0, or 1 after a byte-order mark)
 * @returns `at` when no declaration starts there, the offset after it when it is well formed,
 *   -1 when one starts there and is malformed
 * @example
 * xmlDeclarationEnd('<?xml version="1.0"?><a/>', 0); // 21
 * xmlDeclarationEnd('<a/>', 0); // 0
 * xmlDeclarationEnd('<?xml version="2"?><a/>', 0); // -1
 */
export function xmlDeclarationEnd(text: string, at: number): number {
  if (!text.startsWith('<?xml', at)) return at;
  const after = text.charCodeAt(at + 5);
  if (!isWhitespace(after) && after !== QUESTION) return at; // a processing instruction such as <?xml-stylesheet?>
  XML_DECL.lastIndex = at;
  return XML_DECL.test(text) ? XML_DECL.lastIndex : -1;
}

/**
 * The replacement text of a predefined entity (section 4.6); there are no others, since a
 * DTD is never read.
 *
 * @param name - the entity name, between `&` and `;`
 * @returns the character, or undefined for any other name
 * @example
 * predefinedEntity('amp'); // '&'
 * predefinedEntity('AMP'); // undefined
 * predefinedEntity('constructor'); // undefined
 */
export function predefinedEntity(name: string): string | undefined {
  return PREDEFINED.get(name);
}

/**
 * Where the reference starting at `amp` ends, if it has the syntax of section 4.1: `&Name;`,
 * `&#` decimal digits `;` or `&#x` hex digits `;` (a lower-case `x` only). Whether the name is
 * known or the code point allowed is the caller's question.
 *
 * @param text - the text
 * @param amp - offset of the `&`
 * @param to - end (exclusive) of the run the reference must lie in
 * @returns offset of the closing `;`, or -1 when it is no reference
 * @example
 * referenceEnd('a &amp; b', 2, 9); // 6
 * referenceEnd('a &#x41; b', 2, 10); // 7
 * referenceEnd('a & b', 2, 5); // -1
 */
export function referenceEnd(text: string, amp: number, to: number): number {
  let k = amp + 1;
  const first = text.charCodeAt(k);
  if (first === HASH) {
    k++;
    const hex = text.charCodeAt(k) === 120; // x
    if (hex) k++;
    const digitsStart = k;
    while (digitValue(text.charCodeAt(k), hex) >= 0) k++;
    if (k > digitsStart && k < to && text.charCodeAt(k) === SEMI) return k;
  } else if (isNameStart(first)) {
    k++;
    while (k < to && isNameChar(text.charCodeAt(k))) k++;
    if (k < to && text.charCodeAt(k) === SEMI) return k;
  }
  return -1;
}

/**
 * The code point a character reference names, the reference's syntax already checked by
 * {@link referenceEnd}. Saturates at 0x110000 instead of overflowing, so any number of
 * digits costs nothing and comes out as no character.
 *
 * @param text - the text
 * @param amp - offset of the `&` of `&#...;`
 * @param semi - offset of its `;`
 * @returns the code point, 0x110000 for anything above U+10FFFF; check it with {@link isXmlChar}
 * @example
 * characterReferenceValue('&#x41;', 0, 5); // 65
 * characterReferenceValue('&#65;', 0, 4); // 65
 * characterReferenceValue('&#99999999;', 0, 10); // 0x110000
 */
export function characterReferenceValue(text: string, amp: number, semi: number): number {
  let k = amp + 2;
  const hex = text.charCodeAt(k) === 120; // x
  if (hex) k++;
  const base = hex ? 16 : 10;
  let cp = 0;
  for (; k < semi; k++) cp = Math.min(cp * base + digitValue(text.charCodeAt(k), hex), 0x110000);
  return cp;
}

function digitValue(c: number, hex: boolean): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (hex) {
    if (c >= 97 && c <= 102) return c - 87;
    if (c >= 65 && c <= 70) return c - 55;
  }
  return -1;
}

/**
 * The character at `offset` as an error message shows it: quoted when it is printable,
 * `U+XXXX` otherwise.
 *
 * @param text - the text
 * @param offset - where the character starts
 * @returns its description, 'the end of the input' past the end
 * @example
 * describeChar('<a b>', 3); // "'b'"
 * describeChar('<a\u0001>', 2); // 'U+0001'
 * describeChar('<a', 2); // 'the end of the input'
 */
export function describeChar(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the input';
  const cp = text.codePointAt(offset) ?? 0;
  return cp > 0x20 && cp !== 0x7f && isXmlChar(cp) ? `'${String.fromCodePoint(cp)}'` : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Line and column of an offset, for error messages only (it scans the text from the start).
 *
 * @param text - the text
 * @param offset - an offset in it
 * @returns the 1-based line and the 1-based column in UTF-16 code units
 * @example
 * positionOf('<a>\n<b>', 5); // { line: 2, column: 2 }
 */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * `text.indexOf(search, from)`, with `otherwise` (usually the text's length) for "not found",
 * so a scanner can cache the next position of a delimiter and compare offsets directly.
 *
 * @param text - the text
 * @param search - what to find
 * @param from - where to start
 * @param otherwise - the result when `search` does not occur
 * @returns the offset of `search`, or `otherwise`
 * @example
 * indexOr('<a>&amp;</a>', '&', 0, 12); // 3
 * indexOr('<a/>', '&', 0, 4); // 4
 */
export function indexOr(text: string, search: string, from: number, otherwise: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? otherwise : at;
}
