/**
 * The small XML writer every part of the serializer writes through.
 *
 * Why not xmlbuilder2: measured on this project's 2-core machine, building a 1000-line
 * invoice with xmlbuilder2 (its `ele` API and its object API alike) took about 210 ms warm,
 * most of it in namespace bookkeeping and node objects we never read back. UBL needs
 * neither: the prefixes are fixed and the output is written once, front to back. Writing
 * the string directly takes a small fraction of that (see bench/serialize.ts).
 *
 * What the writer guarantees, so the parts do not have to:
 * - no empty element is ever written: aggregates open lazily and vanish when nothing was
 *   written inside them, leaves are skipped when their value is absent or blank;
 * - text and attribute values are escaped, and characters XML 1.0 cannot carry are
 *   refused with a {@link UblSerializeError} naming the business term and model path;
 * - required values that are missing or of the wrong run-time type are refused the same way.
 */
import { Decimal, formatDecimal } from '../../model/decimal.js';
import { UblSerializeError } from './errors.js';

/** Attributes of one element; entries whose value is absent or blank are left out. */
export type Attributes = Readonly<Record<string, string | undefined>>;

/**
 * A business term with its name, e.g. `'BT-27 Seller name'`. The text up to the first
 * space is the id reported in {@link UblSerializeError.bt}.
 */
export type Term = string;

// Text needs work when it holds markup characters, a carriage return (a parser would turn
// it into a line feed), a character XML 1.0 forbids, or any surrogate half (paired ones
// are fine, unpaired ones cannot be encoded in UTF-8 and are refused).
const TEXT_NEEDS_WORK = /[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
// Attribute values are also normalised by parsers: tab and line feed become spaces unless
// written as character references.
const ATTR_NEEDS_WORK = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * Escapes text for XML 1.0 element content or attribute values.
 *
 * @param value - the text to write
 * @param inAttribute - true for an attribute value (tab and line feed are escaped too)
 * @returns the escaped text, or `undefined` when `value` holds a character XML 1.0 forbids
 * @example
 * escapeXml('A & B <c> "d"', false); // 'A &amp; B &lt;c&gt; &quot;d&quot;'
 * escapeXml('bell\u0007', false); // undefined
 */
export function escapeXml(value: string, inAttribute: boolean): string | undefined {
  if (!(inAttribute ? ATTR_NEEDS_WORK : TEXT_NEEDS_WORK).test(value)) return value;
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    let rep: string;
    if (c === 0x26) rep = '&amp;';
    else if (c === 0x3c) rep = '&lt;';
    else if (c === 0x3e) rep = '&gt;';
    else if (c === 0x22) rep = '&quot;';
    else if (c === 0x0d) rep = '&#13;';
    else if (c === 0x09) {
      if (!inAttribute) continue;
      rep = '&#9;';
    } else if (c === 0x0a) {
      if (!inAttribute) continue;
      rep = '&#10;';
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return undefined;
    } else if (c < 0x20 || (c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) {
      return undefined;
    } else continue;
    out += value.slice(from, i) + rep;
    from = i + 1;
  }
  return out + value.slice(from);
}

/** The first character of `value` that XML 1.0 cannot carry, as `U+XXXX` at its index. */
function describeIllegalChar(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    // XML 1.0 Char production, BMP part (astral characters come as surrogate pairs above).
    const legal = c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c < 0xd800) || (c >= 0xe000 && c <= 0xfffd);
    if (!legal) return `U+${c.toString(16).toUpperCase().padStart(4, '0')} at index ${i}`;
  }
  return 'an illegal character';
}

/** True when `value` is a string with something else than whitespace in it. */
function hasText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

const INDENTS: string[] = [];
function indent(depth: number): string {
  return (INDENTS[depth] ??= `\n${'  '.repeat(depth)}`);
}

/**
 * Writes one UBL document as text. Parts call it in XSD order; it tracks the model path
 * (`enter`/`leave`) only to name the place of a bad value in errors.
 *
 * @example
 * const w = new UblWriter({ pretty: false, currency: 'EUR' });
 * w.start('cac:LegalMonetaryTotal');
 * w.amount('cbc:PayableAmount', total, 'BT-115 Amount due for payment', 'amountDue');
 * w.end();
 * w.finish(); // '<cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="EUR">100.00</cbc:PayableAmount></cac:LegalMonetaryTotal>'
 */
export class UblWriter {
  /** The document currency (BT-5), the `currencyID` of every amount but BT-111. */
  readonly currency: string;
  private readonly pretty: boolean;
  private out = '';
  private started = false;
  private readonly names: string[] = [];
  private readonly openAttrs: string[] = [];
  /** How many of the open elements are already written (the rest wait for content). */
  private written = 0;
  private readonly path: (string | number)[] = [];

  /**
   * @param options - `pretty`: one element per line, two-space indent; `currency`: BT-5
   * @example
   * const w = new UblWriter({ pretty: true, currency: 'SEK' });
   */
  constructor(options: { readonly pretty: boolean; readonly currency: string }) {
    this.pretty = options.pretty;
    this.currency = options.currency;
  }

  /**
   * Writes raw text that needs no escaping (the XML declaration).
   *
   * @param text - well-formed XML text
   * @example
   * w.raw('<?xml version="1.0" encoding="UTF-8"?>');
   */
  raw(text: string): void {
    this.out += text;
    this.started = true;
  }

  /**
   * Enters a model property or array index; errors below it name the path.
   *
   * @param segment - a property name or an array index
   * @example
   * w.enter('lines'); w.enter(0); // errors say lines[0]...
   */
  enter(segment: string | number): void {
    this.path.push(segment);
  }

  /**
   * Leaves what the last {@link UblWriter.enter} entered.
   *
   * @example
   * w.leave();
   */
  leave(): void {
    this.path.pop();
  }

  /**
   * Runs `write` with the model path set to `path` (for a value that belongs elsewhere in
   * the model than where UBL puts it, such as a credit note's BT-9 in PaymentMeans).
   *
   * @param path - the model path to report in errors
   * @param write - writes the value
   * @example
   * w.atPath([], () => w.text('cbc:PaymentDueDate', doc.dueDate, 'BT-9 Payment due date', 'dueDate'));
   */
  atPath(path: readonly (string | number)[], write: () => void): void {
    const saved = this.path.splice(0, this.path.length, ...path);
    write();
    this.path.splice(0, this.path.length, ...saved);
  }

  /**
   * Opens an aggregate element. It is only written once something is written inside it.
   *
   * @param name - the qualified element name, e.g. `cac:Party`
   * @param attributes - attributes, written as given
   * @example
   * w.start('cac:Contact'); w.text('cbc:Name', contact.name, 'BT-41 Seller contact point', 'name'); w.end();
   */
  start(name: string, attributes?: Attributes): void {
    this.names.push(name);
    this.openAttrs.push(attributes === undefined ? '' : this.renderAttributes(attributes, name, 'attributes'));
  }

  /**
   * Closes the innermost aggregate; if nothing was written inside it, it is dropped.
   *
   * @example
   * w.end();
   */
  end(): void {
    const depth = this.names.length - 1;
    const name = this.names.pop();
    this.openAttrs.pop();
    if (name === undefined) throw new Error('UblWriter.end() without start()');
    if (this.written > depth) {
      this.written = depth;
      this.out += `${this.newline(depth)}</${name}>`;
    }
  }

  /**
   * Writes a text leaf when `value` is present and not blank.
   *
   * @param name - qualified element name
   * @param value - the text (absent or blank: nothing is written)
   * @param term - the business term, for errors
   * @param field - the model property, for errors
   * @param attributes - attributes of the element
   * @example
   * w.text('cbc:Note', 'Thank you', 'BT-22 Invoice note', 'notes');
   */
  text(name: string, value: string | undefined, term: Term, field: string | number, attributes?: Attributes): void {
    if (value === undefined) return;
    if (typeof value !== 'string') throw this.error('INVALID-VALUE', term, field, `must be text, got ${typeof value}`);
    if (value.trim() === '') return;
    this.leaf(name, value, term, field, attributes);
  }

  /**
   * Writes a text leaf that must be there: absent or blank text is refused.
   *
   * @param name - qualified element name
   * @param value - the text
   * @param term - the business term, for errors
   * @param field - the model property, for errors
   * @param attributes - attributes of the element
   * @throws UblSerializeError `MISSING-REQUIRED` when `value` is absent or blank
   * @example
   * w.requiredText('cbc:ID', doc.invoiceNumber, 'BT-1 Invoice number', 'invoiceNumber');
   */
  requiredText(name: string, value: string | undefined, term: Term, field: string | number, attributes?: Attributes): void {
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw this.error('INVALID-VALUE', term, field, `must be text, got ${typeof value}`);
    }
    if (!hasText(value)) throw this.error('MISSING-REQUIRED', term, field, 'is required but missing or blank');
    this.leaf(name, value, term, field, attributes);
  }

  /**
   * Writes a fixed value of the syntax (`VAT`, `130`, `false`): no checks, no escaping.
   *
   * @param name - qualified element name
   * @param value - text without markup characters
   * @example
   * w.constant('cbc:ID', 'VAT');
   */
  constant(name: string, value: string): void {
    this.flush();
    this.out += `${this.newline(this.names.length)}<${name}>${value}</${name}>`;
  }

  /**
   * Writes a decimal (quantity, percentage) with its written scale, when present.
   *
   * @param name - qualified element name
   * @param value - the Decimal (absent: nothing is written)
   * @param term - the business term, for errors
   * @param field - the model property, for errors
   * @param attributes - attributes of the element (e.g. `unitCode`)
   * @example
   * w.decimal('cbc:Percent', category.rate, 'BT-152 Invoiced item VAT rate', 'rate');
   */
  decimal(name: string, value: Decimal | undefined, term: Term, field: string | number, attributes?: Attributes): void {
    if (value === undefined) return;
    this.leaf(name, this.formatted(value, term, field), term, field, attributes);
  }

  /**
   * Writes a decimal that must be there.
   *
   * @param name - qualified element name
   * @param value - the Decimal
   * @param term - the business term, for errors
   * @param field - the model property, for errors
   * @param attributes - attributes of the element (e.g. `unitCode`)
   * @throws UblSerializeError `MISSING-REQUIRED` when absent, `INVALID-VALUE` when not a Decimal
   * @example
   * w.requiredDecimal('cbc:InvoicedQuantity', line.quantity, 'BT-129 Invoiced quantity', 'quantity', { unitCode: line.unitCode });
   */
  requiredDecimal(name: string, value: Decimal | undefined, term: Term, field: string | number, attributes?: Attributes): void {
    if (value === undefined || value === null) throw this.error('MISSING-REQUIRED', term, field, 'is required but missing');
    this.leaf(name, this.formatted(value, term, field), term, field, attributes);
  }

  /**
   * Writes an amount in the document currency (BT-5) when present.
   *
   * @param name - qualified element name
   * @param value - the amount (absent: nothing is written)
   * @param term - the business term, for errors
   * @param field - the model property, for errors
   * @example
   * w.amount('cbc:AllowanceTotalAmount', totals.allowanceTotal, 'BT-107 Sum of allowances on document level', 'allowanceTotal');
   */
  amount(name: string, value: Decimal | undefined, term: Term, field: string | number): void {
    this.decimal(name, value, term, field, { currencyID: this.currency });
  }

  /**
   * Writes an amount in the document currency (BT-5) that must be there.
   *
   * @param name - qualified element name
   * @param value - the amount
   * @param term - the business term, for errors
   * @param field - the model property, for errors
   * @throws UblSerializeError `MISSING-REQUIRED` when absent, `INVALID-VALUE` when not a Decimal
   * @example
   * w.requiredAmount('cbc:PayableAmount', totals.amountDue, 'BT-115 Amount due for payment', 'amountDue');
   */
  requiredAmount(name: string, value: Decimal | undefined, term: Term, field: string | number): void {
    this.requiredDecimal(name, value, term, field, { currencyID: this.currency });
  }

  /**
   * Checks that a required text value (typically an attribute such as the EAS `schemeID`
   * of BT-34) is there and returns it.
   *
   * @param value - the text
   * @param term - the business term, e.g. `BT-34-1 Seller electronic address scheme`
   * @param field - the model property
   * @returns `value`, now known to be non-blank text
   * @throws UblSerializeError `MISSING-REQUIRED` when absent or blank, `INVALID-VALUE` when not text
   * @example
   * const scheme = w.requiredString(endpoint.schemeId, 'BT-34-1 Seller electronic address scheme', 'schemeId');
   */
  requiredString(value: string | undefined, term: Term, field: string | number): string {
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw this.error('INVALID-VALUE', term, field, `must be text, got ${typeof value}`);
    }
    if (!hasText(value)) throw this.error('MISSING-REQUIRED', term, field, 'is required but missing or blank');
    return value;
  }

  /**
   * Checks that a required group (an object) is there and returns it.
   *
   * @param value - the group
   * @param term - the business group, e.g. `BG-4 Seller`
   * @param field - the model property
   * @returns `value`, now known to be an object
   * @throws UblSerializeError `MISSING-REQUIRED` when absent, `INVALID-VALUE` when not an object
   * @example
   * const seller = w.requiredGroup(doc.seller, 'BG-4 Seller', 'seller');
   */
  requiredGroup<T extends object>(value: T | undefined, term: Term, field: string | number): T {
    if (value === undefined || value === null) throw this.error('MISSING-REQUIRED', term, field, 'is required but missing');
    if (typeof value !== 'object') throw this.error('INVALID-VALUE', term, field, `must be an object, got ${typeof value}`);
    return value;
  }

  /**
   * Builds a {@link UblSerializeError} for the value at the current path plus `field`.
   *
   * @param code - the error code
   * @param term - the business term, e.g. `BT-9 Payment due date`
   * @param field - the model property or index below the current path
   * @param problem - what is wrong, completing the sentence "<term> at <path> ..."
   * @returns the error, for the caller to throw
   * @example
   * throw w.error('UNREPRESENTABLE', 'BT-9 Payment due date', 'dueDate', 'needs a payment instruction');
   */
  error(code: UblSerializeError['code'], term: Term, field: string | number, problem: string): UblSerializeError {
    const path = this.pathTo(field);
    const space = term.indexOf(' ');
    const bt = space < 0 ? term : term.slice(0, space);
    return new UblSerializeError(code, bt, path, `${term} at ${path} ${problem}`);
  }

  /**
   * Returns the document text. All elements must be closed.
   *
   * @returns the XML text (a final line feed when pretty)
   * @example
   * const xml = w.finish();
   */
  finish(): string {
    if (this.names.length > 0) throw new Error(`UblWriter.finish() with open elements: ${this.names.join(' > ')}`);
    return this.pretty ? `${this.out}\n` : this.out;
  }

  private leaf(name: string, value: string, term: Term, field: string | number, attributes?: Attributes): void {
    const escaped = escapeXml(value, false);
    if (escaped === undefined) {
      throw this.error('INVALID-XML-CHAR', term, field, `contains ${describeIllegalChar(value)}, which XML 1.0 cannot carry`);
    }
    const attrs = attributes === undefined ? '' : this.renderAttributes(attributes, term, field);
    this.flush();
    this.out += `${this.newline(this.names.length)}<${name}${attrs}>${escaped}</${name}>`;
  }

  private renderAttributes(attributes: Attributes, term: Term, field: string | number): string {
    let out = '';
    for (const key in attributes) {
      const value = attributes[key];
      if (value === undefined) continue;
      if (typeof value !== 'string') throw this.error('INVALID-VALUE', term, field, `attribute ${key} must be text, got ${typeof value}`);
      if (value.trim() === '') continue;
      const escaped = escapeXml(value, true);
      if (escaped === undefined) {
        throw this.error('INVALID-XML-CHAR', term, field, `(attribute ${key}) contains ${describeIllegalChar(value)}, which XML 1.0 cannot carry`);
      }
      out += ` ${key}="${escaped}"`;
    }
    return out;
  }

  private formatted(value: Decimal, term: Term, field: string | number): string {
    if (!Decimal.isDecimal(value)) {
      throw this.error('INVALID-VALUE', term, field, `must be a Decimal (use the model schemas to turn "12.50" into one), got ${typeof value}`);
    }
    if (!value.isFinite()) throw this.error('INVALID-VALUE', term, field, 'must be a finite decimal');
    return formatDecimal(value);
  }

  private flush(): void {
    for (let i = this.written; i < this.names.length; i++) {
      this.out += `${this.newline(i)}<${this.names[i]}${this.openAttrs[i]}>`;
    }
    this.written = this.names.length;
  }

  private newline(depth: number): string {
    if (!this.started) {
      this.started = true;
      return '';
    }
    return this.pretty ? indent(depth) : '';
  }

  private pathTo(field: string | number): string {
    let out = '';
    for (const seg of [...this.path, field]) {
      if (typeof seg === 'number') out += `[${seg}]`;
      else out += out === '' ? seg : `.${seg}`;
    }
    return out;
  }
}
