/**
 * The XML layer of the parser: the DOCTYPE guard, our own strict tokenizer (./tokenizer.ts,
 * well-formedness with line and column, see docs/decisions/xml-reader.md for why it replaced
 * fast-xml-parser here), and a namespace-aware element tree over its output.
 *
 * Why resolve namespaces ourselves instead of `removeNSPrefix`: UBL files in the wild use
 * any prefixes (`ubl:`, `ns2:`, a default namespace on basic components ...). Dropping the
 * prefix would make `cbc:ID` and `ext:ID`, or an element from a foreign schema, look alike.
 * We keep the prefixes, track `xmlns` declarations on the way down, and key every element
 * by its namespace URI (written with the conventional prefix: `cbc:ID`, `cac:Party`). The
 * cost is a scope lookup per element, which the measurements show to be small next to
 * tokenizing.
 */
import { findDoctype } from '../input.js';
import { MAX_DEPTH, tokenizeXml, XmlTree, type XmlNode, type XmlProblem } from './tokenizer.js';

export { findDoctype, MAX_DEPTH, XmlTree, type XmlNode, type XmlProblem };

/** UBL 2.1 namespace URIs. */
export const UBL_NAMESPACES = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  ext: 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2',
} as const;

/** Namespace URI -> the prefix we write in keys and XPaths (the root namespace has none). */
const CANONICAL_PREFIX: ReadonlyMap<string, string> = new Map([
  [UBL_NAMESPACES.cac, 'cac:'],
  [UBL_NAMESPACES.cbc, 'cbc:'],
  [UBL_NAMESPACES.ext, 'ext:'],
  [UBL_NAMESPACES.invoice, ''],
  [UBL_NAMESPACES.creditNote, ''],
]);

/**
 * UBL elements that may repeat where the model reads them, by parent and name. Every child
 * list of the tree is an array in document order, so the list does not steer the tokenizer;
 * it tells the reader which elements it takes all of. Any other element that occurs twice keeps its first occurrence and the
 * rest are reported as unmapped (for example a second `cbc:Note` on a line, BT-127 is 0..1).
 */
export const REPEATING_ELEMENTS: ReadonlySet<string> = new Set([
  'Invoice/cbc:Note',
  'CreditNote/cbc:Note',
  'Invoice/cac:BillingReference',
  'CreditNote/cac:BillingReference',
  'Invoice/cac:AdditionalDocumentReference',
  'CreditNote/cac:AdditionalDocumentReference',
  'Invoice/cac:PaymentMeans',
  'CreditNote/cac:PaymentMeans',
  'Invoice/cac:AllowanceCharge',
  'CreditNote/cac:AllowanceCharge',
  'Invoice/cac:TaxTotal',
  'CreditNote/cac:TaxTotal',
  'Invoice/cac:InvoiceLine',
  'CreditNote/cac:CreditNoteLine',
  'cac:Party/cac:PartyIdentification',
  'cac:PayeeParty/cac:PartyIdentification',
  'cac:Party/cac:PartyTaxScheme',
  'cac:TaxTotal/cac:TaxSubtotal',
  'cac:InvoiceLine/cac:AllowanceCharge',
  'cac:CreditNoteLine/cac:AllowanceCharge',
  'cac:Item/cac:CommodityClassification',
  'cac:Item/cac:AdditionalItemProperty',
]);

/**
 * Tokenizes UBL text into the compact element tree, after refusing DOCTYPE and ENTITY
 * declarations, checking well-formedness (XML 1.0) and the nesting depth. Never throws.
 *
 * @param text - decoded XML text
 * @returns the root element, or the problem with its offset, line and column
 * @example
 * const r = tokenize('<Invoice/>'); // { ok: true, tree: XmlTree }
 * tokenize('<!DOCTYPE a><a/>'); // { ok: false, problem: { code: 'XML-DOCTYPE', offset: 0, ... } }
 */
export function tokenize(text: string): { ok: true; tree: XmlTree } | { ok: false; problem: XmlProblem } {
  // Before tokenizing, and anywhere outside comments and CDATA: a declaration is refused as
  // XML-DOCTYPE even when a syntax error comes earlier, so hostile input gets the clear answer.
  const doctype = findDoctype(text);
  if (doctype >= 0) {
    return {
      ok: false,
      problem: {
        code: 'XML-DOCTYPE',
        offset: doctype,
        message:
          'The document contains a DOCTYPE or ENTITY declaration. UBL documents never need one, and entity declarations ' +
          'enable entity-expansion and external-entity attacks, so they are refused: remove the declaration and send plain UBL.',
      },
    };
  }
  const result = tokenizeXml(text);
  return result.ok ? { ok: true, tree: result.tree } : { ok: false, problem: result.problem };
}

/** Prefix -> namespace URI in scope. */
type Scope = ReadonlyMap<string, string>;

/** How a qualified name resolves in a scope; shared by every element with that name. */
interface ResolvedName {
  readonly namespace: string | undefined;
  readonly localName: string;
  readonly qualifiedName: string;
  readonly key: string;
  /** Written in XPaths: the canonical key for UBL namespaces, the name as written otherwise. */
  readonly segment: string;
  readonly undeclaredPrefix: string | undefined;
}

/**
 * Name resolution is cached per scope object: scopes are shared down the tree until an
 * element declares a namespace, so a whole document usually resolves each distinct name
 * once instead of once per element.
 */
const NAME_CACHE = new WeakMap<Scope, Map<string, ResolvedName>>();

function resolveName(name: string, scope: Scope): ResolvedName {
  let cache = NAME_CACHE.get(scope);
  if (cache === undefined) {
    cache = new Map();
    NAME_CACHE.set(scope, cache);
  }
  let resolved = cache.get(name);
  if (resolved !== undefined) return resolved;
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  const localName = colon < 0 ? name : name.slice(colon + 1);
  const uri = prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : scope.get(prefix);
  const namespace = uri === '' ? undefined : uri;
  const undeclaredPrefix = uri === undefined && prefix !== '' ? prefix : undefined;
  const canonical = namespace === undefined ? (prefix === '' ? '' : undefined) : CANONICAL_PREFIX.get(namespace);
  const key = canonical !== undefined ? canonical + localName : `{${namespace ?? prefix}}${localName}`;
  resolved = { namespace, localName, qualifiedName: name, key, segment: canonical !== undefined ? key : name, undeclaredPrefix };
  cache.set(name, resolved);
  return resolved;
}

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/**
 * An element of the parsed document, keyed by namespace: `key` is `cbc:ID` for the UBL
 * basic-components namespace whatever prefix the file used, `Invoice` for the root
 * namespace, and `{uri}Local` for anything else. Children, text and XPath are built on
 * first access, so the parts of the document the reader never asks for cost nothing beyond
 * tokenizing.
 *
 * `used` and {@link XmlElement.isAttributeUsed} record what the reader consumed; what stays unused is reported
 * as UNMAPPED-ELEMENT / UNMAPPED-ATTRIBUTE, so nothing is dropped silently.
 *
 * @example
 * const root = rootElement(tree);
 * root?.children().find((c) => c.key === 'cbc:ID')?.text(); // 'Snippet1'
 */
export class XmlElement {
  readonly parent: XmlElement | undefined;
  /** Attributes other than namespace declarations, by the name as written. */
  readonly attributes: Readonly<Record<string, string>>;
  used = false;
  private readonly name: ResolvedName;
  private readonly tree: XmlTree;
  private readonly index: number;
  private readonly scope: Scope;
  /** Attribute names read so far; an array, as elements carry one to three attributes. */
  private attrsRead: string[] | undefined;
  private pathText: string | undefined;
  private kids: readonly XmlElement[] | undefined;

  /**
   * @param tree - the tokenizer's tree
   * @param index - this element's number in it
   * @param parent - the parent element, undefined for the root
   * @param parentScope - namespace declarations in scope at the parent
   */
  constructor(tree: XmlTree, index: number, parent: XmlElement | undefined, parentScope: Scope) {
    this.tree = tree;
    this.index = index;
    this.parent = parent;
    const attrs = tree.attributeList;
    const start = tree.attributeStart(index);
    const end = tree.attributeEnd(index);
    let scope = parentScope;
    let own = NO_ATTRIBUTES;
    if (end > start) {
      let declared: Map<string, string> | undefined;
      const kept: Record<string, string> = {};
      for (let i = start; i < end; i += 2) {
        const a = attrs[i] ?? '';
        const value = attrs[i + 1] ?? '';
        if (a === 'xmlns' || a.startsWith('xmlns:')) {
          declared ??= new Map(parentScope);
          declared.set(a === 'xmlns' ? '' : a.slice(6), value);
        } else {
          kept[a] = value;
          own = kept;
        }
      }
      if (declared !== undefined) scope = declared;
    }
    this.scope = scope;
    this.attributes = own;
    this.name = resolveName(tree.name(index), scope);
  }

  /** Namespace URI, undefined when there is none or the prefix was not declared. */
  get namespace(): string | undefined {
    return this.name.namespace;
  }
  get localName(): string {
    return this.name.localName;
  }
  /** Name as written in the file, e.g. `ns2:ID`. */
  get qualifiedName(): string {
    return this.name.qualifiedName;
  }
  /** Namespace-resolved key: `cbc:ID`, `cac:Party`, `Invoice`, `{urn:x}Foo`. */
  get key(): string {
    return this.name.key;
  }
  /** The prefix of the name when it is not declared in scope. */
  get undeclaredPrefix(): string | undefined {
    return this.name.undeclaredPrefix;
  }

  /** Character offset of the start tag in the parsed text, when known. */
  get offset(): number | undefined {
    return this.tree.offset(this.index);
  }

  /**
   * Whether the reader consumed an attribute.
   *
   * @param name - attribute name
   * @returns true when {@link markAttributeUsed} was called for it
   * @example
   * el.isAttributeUsed('schemeID'); // false until the reader took it
   */
  isAttributeUsed(name: string): boolean {
    return this.attrsRead !== undefined && this.attrsRead.includes(name);
  }

  /**
   * Records that the reader consumed an attribute.
   *
   * @param name - attribute name
   * @returns nothing
   * @example
   * el.markAttributeUsed('schemeID');
   */
  markAttributeUsed(name: string): void {
    const read = (this.attrsRead ??= []);
    if (!read.includes(name)) read.push(name);
  }

  /** XPath of this element, e.g. `/Invoice/cac:InvoiceLine[2]/cbc:ID`. */
  get path(): string {
    if (this.pathText === undefined) {
      let segment = this.name.segment;
      if (this.parent !== undefined) {
        // Positional predicates only where a name repeats, as XPath users write them.
        let position = 0;
        let count = 0;
        for (const sibling of this.parent.children()) {
          if (sibling.name.key !== this.name.key) continue;
          count++;
          if (sibling === this) position = count;
        }
        if (count > 1) segment += `[${position}]`;
      }
      this.pathText = (this.parent === undefined ? '' : this.parent.path) + '/' + segment;
    }
    return this.pathText;
  }

  /** The child elements in document order. */
  children(): readonly XmlElement[] {
    if (this.kids !== undefined) return this.kids;
    const tree = this.tree;
    const first = tree.firstChild(this.index);
    if (first < 0) {
      // Most elements are leaves: share one empty list instead of allocating one each.
      this.kids = NO_CHILDREN;
      return NO_CHILDREN;
    }
    let count = 0;
    for (let c = first; c >= 0; c = tree.nextSibling(c)) count++;
    const kids: XmlElement[] = new Array<XmlElement>(count);
    let k = 0;
    for (let c = first; c >= 0; c = tree.nextSibling(c)) kids[k++] = new XmlElement(tree, c, this, this.scope);
    this.kids = kids;
    return kids;
  }

  /** The text content (text and CDATA pieces joined), surrounding whitespace removed. */
  text(): string {
    // Assembled pieces (CDATA) may still carry whitespace at either end; trim copies nothing when there is none.
    return this.tree.text(this.index).trim();
  }

  /** True when the element has child elements. */
  hasChildren(): boolean {
    return this.children().length > 0;
  }
}

const NO_CHILDREN: readonly XmlElement[] = Object.freeze([]);

/**
 * Wraps the tokenizer's root in the namespace-aware element tree (no namespace in scope yet).
 *
 * @param tree - {@link tokenize}'s tree
 * @returns the document element
 * @example
 * const t = tokenize('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>');
 * if (t.ok) rootElement(t.tree).key; // 'Invoice'
 */
export function rootElement(tree: XmlTree): XmlElement {
  return new XmlElement(tree, 0, undefined, new Map());
}

/**
 * Maps character offsets to 1-based line and column, building the line index once.
 *
 * @param text - the parsed text
 * @returns a function from offset to position
 * @example
 * lineLocator('a\nb')(2); // { line: 2, column: 1 }
 */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | undefined;
  return (offset) => {
    if (starts === undefined) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}
