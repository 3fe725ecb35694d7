/**
 * The reading context shared by the part readers: it hands out child elements (recording
 * what was consumed), converts text into model values, and collects issues with XPath,
 * business term and line/column. Readers never throw; a wrong or missing value becomes an
 * issue and a placeholder, and the document fails when any error was collected.
 */
import { decimalFromText, type Decimal } from '../../model/decimal.js';
import { isIsoDate } from '../../model/primitives.js';
import type { Issue, IssueSeverity } from '../../model/result.js';
import { REPEATING_ELEMENTS, type XmlElement } from './xml.js';

/**
 * A business term label as the readers pass it: the id, a space, the name
 * (`'BT-27 Seller name'`). Issues carry the id in `businessTerm` and the whole label in the message.
 */
export type TermLabel = string;

/** Options of the value readers. */
export interface ReadOptions {
  /** The model requires the value: absence is an error. */
  readonly required?: boolean;
}

/** Most UNMAPPED-* warnings reported one by one; the rest are counted in one summary warning. */
const MAX_UNMAPPED_REPORTED = 500;

function termId(label: TermLabel): string {
  const space = label.indexOf(' ');
  return space < 0 ? label : label.slice(0, space);
}

/**
 * Reading state for one document. Create one per parse.
 *
 * @example
 * const ctx = new ReadContext(locate);
 * const name = ctx.text(party, 'cbc:Name', 'BT-27 Seller name', { required: true });
 */
export class ReadContext {
  readonly issues: Issue[] = [];
  /** BT-5, set by the document reader before any amount is read. */
  documentCurrency: string | undefined;
  private readonly locate: ((offset: number) => { line: number; column: number }) | undefined;

  /**
   * @param locate - maps an element offset to line and column (omit when unknown)
   */
  constructor(locate?: (offset: number) => { line: number; column: number }) {
    this.locate = locate;
  }

  /** True when an error has been collected. */
  get failed(): boolean {
    return this.issues.some((i) => i.severity === 'error');
  }

  /**
   * Records an issue about an element (or an expected element below `at`).
   *
   * @param severity - error or warning
   * @param code - stable issue code
   * @param message - what is wrong and how to fix it
   * @param at - the element concerned (its position gives line/column)
   * @param extra - path override (for an element that is missing) and business term
   * @returns nothing
   * @example
   * ctx.report('warning', 'UNKNOWN-CODE', 'Currency "EUX" ...', el, { businessTerm: 'BT-5' });
   */
  report(
    severity: IssueSeverity,
    code: string,
    message: string,
    at: XmlElement | undefined,
    extra: { readonly path?: string; readonly businessTerm?: string } = {},
  ): void {
    const path = extra.path ?? at?.path;
    const pos = at?.offset !== undefined && this.locate !== undefined ? this.locate(at.offset) : undefined;
    this.issues.push({
      code,
      severity,
      message,
      ...(path !== undefined && { path }),
      ...(extra.businessTerm !== undefined && { businessTerm: extra.businessTerm }),
      ...(pos !== undefined && { line: pos.line, column: pos.column }),
    });
  }

  /**
   * The first child with the namespace-resolved key, marked as read. Further children with
   * the same key stay unread and are reported as unmapped.
   *
   * @param el - parent element (undefined passes through)
   * @param key - e.g. `cbc:ID`, `cac:Party`
   * @returns the child or undefined
   * @example
   * const party = ctx.one(supplier, 'cac:Party');
   */
  one(el: XmlElement | undefined, key: string): XmlElement | undefined {
    if (el === undefined) return undefined;
    const kids = el.children();
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i] as XmlElement;
      if (k.key === key) {
        k.used = true;
        return k;
      }
    }
    return undefined;
  }

  /**
   * All children with the key, marked as read, when the element repeats where it stands
   * (REPEATING_ELEMENTS); otherwise only the first, like {@link one}.
   *
   * @param el - parent element
   * @param key - child key
   * @returns the children in document order
   * @example
   * const lines = ctx.all(root, 'cac:InvoiceLine');
   */
  all(el: XmlElement | undefined, key: string): XmlElement[] {
    if (el === undefined) return [];
    if (!REPEATING_ELEMENTS.has(`${el.key}/${key}`)) {
      const first = this.one(el, key);
      return first === undefined ? [] : [first];
    }
    const out: XmlElement[] = [];
    const kids = el.children();
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i] as XmlElement;
      if (k.key === key) {
        k.used = true;
        out.push(k);
      }
    }
    return out;
  }

  /**
   * An attribute's value, marked as read.
   *
   * @param el - the element
   * @param name - attribute name, e.g. `schemeID`
   * @returns the trimmed value or undefined
   * @example
   * ctx.attr(endpoint, 'schemeID'); // '0088'
   */
  attr(el: XmlElement | undefined, name: string): string | undefined {
    if (el === undefined) return undefined;
    const v = el.attributes[name];
    if (v === undefined) return undefined;
    el.markAttributeUsed(name);
    return v.trim();
  }

  /**
   * Reports a mandatory term as missing.
   *
   * @param parent - the element that should contain it
   * @param key - the expected child key
   * @param term - the business term label
   * @returns nothing
   * @example
   * ctx.missing(party, 'cac:PartyLegalEntity', 'BT-27 Seller name');
   */
  missing(parent: XmlElement | undefined, key: string, term: TermLabel): void {
    const path = parent === undefined ? undefined : `${parent.path}/${key}`;
    this.report(
      'error',
      'MISSING-ELEMENT',
      `${term} is mandatory but ${path ?? key} is missing or empty: add it with a value.`,
      parent,
      { ...(path !== undefined && { path }), businessTerm: termId(term) },
    );
  }

  /**
   * The text of a child element (`cbc:Name` ...). Empty text counts as absent for required
   * terms; optional empty elements give `''` so that nothing written is lost.
   *
   * @param el - parent element
   * @param key - child key
   * @param term - business term label, used in issues
   * @param options - `required` makes absence an error
   * @returns the trimmed text, or undefined when the element is absent
   * @example
   * ctx.text(party, 'cbc:EndpointID', 'BT-34 Seller electronic address', { required: true });
   */
  text(el: XmlElement | undefined, key: string, term: TermLabel, options: ReadOptions = {}): string | undefined {
    const child = this.one(el, key);
    const value = child?.text();
    if (options.required && (value === undefined || value === '')) {
      this.missing(el, key, term);
      return undefined;
    }
    return this.nonEmpty(child, value, term);
  }

  /**
   * An empty optional element reads as absent, with a warning: the model has no "empty" value,
   * Peppol forbids empty elements (PEPPOL-EN16931-R008), and the serializer never writes one.
   */
  private nonEmpty(child: XmlElement | undefined, value: string | undefined, term: TermLabel): string | undefined {
    if (value !== '' || child === undefined) return value;
    this.report(
      'warning',
      'EMPTY-ELEMENT',
      `${term} is an empty element: it is read as absent. Remove it or give it a value (PEPPOL-EN16931-R008 forbids empty elements).`,
      child,
      { businessTerm: termId(term) },
    );
    return undefined;
  }

  /**
   * Text at a relative path of keys (`['cac:PartyLegalEntity', 'cbc:RegistrationName']`);
   * a missing required term is reported with the whole path below `el`.
   *
   * @param el - starting element
   * @param keys - child keys, outermost first
   * @param term - business term label
   * @param options - `required` makes absence an error
   * @returns the trimmed text or undefined
   * @example
   * ctx.textAt(party, ['cac:PartyName', 'cbc:Name'], 'BT-28 Seller trading name');
   */
  textAt(el: XmlElement | undefined, keys: readonly string[], term: TermLabel, options: ReadOptions = {}): string | undefined {
    let cur = el;
    for (let i = 0; i < keys.length - 1 && cur !== undefined; i++) cur = this.one(cur, keys[i] as string);
    const child = cur === undefined ? undefined : this.one(cur, keys[keys.length - 1] as string);
    const value = child?.text();
    if (options.required && (value === undefined || value === '')) {
      this.missing(el, keys.join('/'), term);
      return undefined;
    }
    return this.nonEmpty(child, value, term);
  }

  /**
   * Text of a child that the model requires, with `''` as placeholder after the error is recorded.
   *
   * @param el - parent element
   * @param key - child key
   * @param term - business term label
   * @returns the text ('' when missing)
   * @example
   * const id = ctx.requiredText(line, 'cbc:ID', 'BT-126 Invoice line identifier');
   */
  requiredText(el: XmlElement | undefined, key: string, term: TermLabel): string {
    return this.text(el, key, term, { required: true }) ?? '';
  }

  /**
   * Reads an `xs:decimal` child (amount, quantity, percentage) keeping its written scale.
   *
   * @param el - parent element
   * @param key - child key
   * @param term - business term label
   * @param options - `required` makes absence an error
   * @returns the Decimal, or undefined when absent or invalid (invalid is an error)
   * @example
   * ctx.decimal(category, 'cbc:Percent', 'BT-152 Invoiced item VAT rate');
   */
  decimal(el: XmlElement | undefined, key: string, term: TermLabel, options: ReadOptions = {}): Decimal | undefined {
    const child = this.one(el, key);
    if (child === undefined) {
      if (options.required) this.missing(el, key, term);
      return undefined;
    }
    return this.decimalOf(child, term);
  }

  /**
   * Converts the text of an element to a Decimal, reporting INVALID-DECIMAL when it is not one.
   *
   * @param child - the element holding the number
   * @param term - business term label
   * @returns the Decimal or undefined
   * @example
   * ctx.decimalOf(amountElement, 'BT-131 Invoice line net amount');
   */
  decimalOf(child: XmlElement, term: TermLabel): Decimal | undefined {
    const raw = child.text();
    const value = decimalFromText(raw);
    if (value === undefined) {
      const hint = /^[+-]?\d+,\d+$/.test(raw)
        ? 'use "." as the decimal separator'
        : /[eE]/.test(raw) && /\d/.test(raw)
          ? 'write the number without exponent'
          : 'write digits with an optional sign and "." decimal separator, e.g. "1234.50"';
      this.report(
        'error',
        'INVALID-DECIMAL',
        `${term} "${raw}" is not a decimal: ${hint}.`,
        child,
        { businessTerm: termId(term) },
      );
    }
    return value;
  }

  /**
   * Reads an amount: a decimal whose `currencyID` must be the document currency (BT-5),
   * or `expectedCurrency` when given (BT-111 is in the VAT accounting currency BT-6).
   *
   * @param el - parent element
   * @param key - child key
   * @param term - business term label
   * @param options - `required`, and the expected currency when not BT-5
   * @returns the Decimal or undefined
   * @example
   * ctx.amount(totals, 'cbc:PayableAmount', 'BT-115 Amount due for payment', { required: true });
   */
  amount(
    el: XmlElement | undefined,
    key: string,
    term: TermLabel,
    options: ReadOptions & { readonly expectedCurrency?: string } = {},
  ): Decimal | undefined {
    const child = this.one(el, key);
    if (child === undefined) {
      if (options.required) this.missing(el, key, term);
      return undefined;
    }
    this.checkCurrency(child, term, options.expectedCurrency ?? this.documentCurrency);
    return this.decimalOf(child, term);
  }

  /**
   * Checks an amount's currencyID against the expected currency (warning, value kept).
   *
   * @param child - the amount element
   * @param term - business term label
   * @param expected - expected currency code
   * @returns nothing
   * @example
   * ctx.checkCurrency(amountEl, 'BT-92 Document level allowance amount', 'EUR');
   */
  checkCurrency(child: XmlElement, term: TermLabel, expected: string | undefined): void {
    const currency = this.attr(child, 'currencyID');
    if (currency === undefined) {
      this.report(
        'warning',
        'MISSING-CURRENCY',
        `${term} has no currencyID attribute; UBL requires one on every amount: add currencyID="${expected ?? 'EUR'}".`,
        child,
        { businessTerm: termId(term) },
      );
    } else if (expected !== undefined && currency !== expected) {
      this.report(
        'warning',
        'CURRENCY-MISMATCH',
        `${term} is in ${currency} but the document currency (BT-5) is ${expected}; every amount except BT-111 must be in the document currency (PEPPOL-EN16931-R051). The value is kept as written: convert it or correct currencyID.`,
        child,
        { businessTerm: termId(term) },
      );
    }
  }

  /**
   * Reads a calendar date (`YYYY-MM-DD`, PEPPOL-EN16931-F001).
   *
   * @param el - parent element
   * @param key - child key
   * @param term - business term label
   * @param options - `required` makes absence an error
   * @returns the date text, or undefined when absent or invalid (invalid is an error)
   * @example
   * ctx.date(root, 'cbc:IssueDate', 'BT-2 Invoice issue date', { required: true });
   */
  date(el: XmlElement | undefined, key: string, term: TermLabel, options: ReadOptions = {}): string | undefined {
    const child = this.one(el, key);
    if (child === undefined || child.text() === '') {
      if (options.required) this.missing(el, key, term);
      else if (child !== undefined) this.invalidDate(child, term);
      return undefined;
    }
    const raw = child.text();
    if (!isIsoDate(raw)) {
      this.invalidDate(child, term);
      return undefined;
    }
    return raw;
  }

  private invalidDate(child: XmlElement, term: TermLabel): void {
    const raw = child.text();
    const european = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(raw);
    const hint = european
      ? `write it as YYYY-MM-DD, e.g. "${european[3]}-${european[2]?.padStart(2, '0')}-${european[1]?.padStart(2, '0')}"`
      : /^\d{4}-\d{2}-\d{2}$/.test(raw)
        ? 'that day does not exist in the calendar; correct month or day'
        : 'write it as YYYY-MM-DD, e.g. "2024-03-31"';
    this.report('error', 'INVALID-DATE', `${term} "${raw}" is not a valid date: ${hint} (PEPPOL-EN16931-F001).`, child, {
      businessTerm: termId(term),
    });
  }

  /**
   * Reads a coded value and checks it against a code list. An unknown code is a warning
   * (UNKNOWN-CODE): the value is kept so validation can report it with the official rule.
   *
   * @param el - parent element
   * @param key - child key
   * @param list - the generated code list (src/model/codes)
   * @param listName - the list's name for messages
   * @param term - business term label
   * @param options - `required` makes absence an error
   * @returns the code or undefined
   * @example
   * ctx.code(root, 'cbc:DocumentCurrencyCode', CURRENCY_CODES, 'ISO 4217', 'BT-5 Invoice currency code', { required: true });
   */
  code(
    el: XmlElement | undefined,
    key: string,
    list: ReadonlyMap<string, string>,
    listName: string,
    term: TermLabel,
    options: ReadOptions = {},
  ): string | undefined {
    const child = this.one(el, key);
    const value = child?.text();
    if (value === undefined || value === '') {
      if (options.required) this.missing(el, key, term);
      return value === '' && !options.required ? '' : undefined;
    }
    this.checkCode(value, list, listName, term, child);
    return value;
  }

  /**
   * Checks a code (element text or attribute value) against a list; warns when unknown.
   *
   * @param value - the code
   * @param list - code -> name map
   * @param listName - list name for the message
   * @param term - business term label
   * @param at - element concerned
   * @param attribute - attribute name when the code is an attribute
   * @returns true when the code is known
   * @example
   * ctx.checkCode('0088', EAS_CODES, 'EAS', 'BT-34-1 Seller electronic address scheme', endpointEl, 'schemeID');
   */
  checkCode(
    value: string,
    list: ReadonlyMap<string, string>,
    listName: string,
    term: TermLabel,
    at: XmlElement | undefined,
    attribute?: string,
  ): boolean {
    if (list.has(value)) return true;
    const where = attribute === undefined ? '' : ` (attribute ${attribute})`;
    const near = suggest(value, list);
    this.report(
      'warning',
      'UNKNOWN-CODE',
      `${term} "${value}"${where} is not in the ${listName} code list${near === undefined ? '' : ` (did you mean "${near}"?)`}. The value is kept; use a code from ${listName} or validation will reject the document.`,
      at,
      { ...(at !== undefined && attribute !== undefined && { path: `${at.path}/@${attribute}` }), businessTerm: termId(term) },
    );
    return false;
  }

  /**
   * Reports every element and attribute below the root that no reader consumed
   * (UNMAPPED-ELEMENT / UNMAPPED-ATTRIBUTE). Unread elements are reported once, without
   * their descendants. Call once, after all readers ran.
   *
   * @param root - the document element
   * @returns nothing
   * @example
   * ctx.reportUnmapped(root);
   */
  reportUnmapped(root: XmlElement): void {
    let reported = 0;
    let skipped = 0;
    const note = (code: string, message: string, at: XmlElement, path?: string): void => {
      if (reported < MAX_UNMAPPED_REPORTED) {
        reported++;
        this.report('warning', code, message, at, path === undefined ? {} : { path });
      } else {
        skipped++;
      }
    };
    const stack: XmlElement[] = [root];
    while (stack.length > 0) {
      const el = stack.pop() as XmlElement;
      for (const name in el.attributes) {
        if (el.isAttributeUsed(name)) continue;
        note(
          'UNMAPPED-ATTRIBUTE',
          `Attribute ${name}="${el.attributes[name] ?? ''}" on ${el.key} has no place in the self-billing model and is dropped.`,
          el,
          `${el.path}/@${name}`,
        );
      }
      const kids = el.children();
      for (let i = 0; i < kids.length; i++) {
        const k = kids[i] as XmlElement;
        if (k.used) continue;
        if (k.undeclaredPrefix !== undefined) {
          // Not namespace-well-formed: the element cannot be identified, so it is an error.
          this.report(
            'error',
            'XML-NAMESPACE',
            `The prefix "${k.undeclaredPrefix}" of ${k.qualifiedName} is not declared: add xmlns:${k.undeclaredPrefix}="..." with the UBL namespace URI it stands for.`,
            k,
          );
          continue;
        }
        const repeated = kids.some((o) => o !== k && o.used && o.key === k.key);
        note(
          'UNMAPPED-ELEMENT',
          repeated
            ? `${k.key} occurs more than once here but the model holds only one; this occurrence is dropped.`
            : `${k.key} has no place in the self-billing model and is dropped${k.hasChildren() ? ' with its content' : ''}.`,
          k,
        );
      }
      // Depth-first in document order: push the read children last-to-first.
      for (let i = kids.length - 1; i >= 0; i--) {
        const k = kids[i] as XmlElement;
        if (k.used) stack.push(k);
      }
    }
    if (skipped > 0) {
      this.report(
        'warning',
        'UNMAPPED-ELEMENT',
        `${skipped} further unmapped elements or attributes are not listed one by one.`,
        root,
      );
    }
  }
}

/** A code from the list that differs only by letter case or surrounding whitespace. */
function suggest(value: string, list: ReadonlyMap<string, string>): string | undefined {
  const upper = value.trim().toUpperCase();
  if (upper === value) return undefined;
  if (list.has(upper)) return upper;
  return undefined;
}
