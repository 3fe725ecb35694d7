/**
 * Reads ISO Schematron (queryBinding xslt2/xslt3) into a flat, resolved model:
 * includes inlined, abstract patterns instantiated, `extends` expanded, the active
 * phase applied. The emitter (`emit.ts`) only sees concrete patterns and rules.
 */
import { SchematronCompileError } from './errors.js';
import { childElements, parseXmlTree, serializeElement, textContent, type XElement, type XNode } from './xml-tree.js';

/** Namespace of ISO Schematron elements. */
export const SCH_NS = 'http://purl.oclc.org/dsdl/schematron';
/** Namespace of XSLT elements (foreign `xsl:function`, `xsl:key` in a schema). */
export const XSL_NS = 'http://www.w3.org/1999/XSL/Transform';

/** A `let`: `value` is an XPath expression; `content` is literal XSLT content when there is no value. */
export interface LetDecl {
  readonly name: string;
  readonly value?: string;
  readonly content?: string;
}

/** One piece of an assert/report/diagnostic message. */
export type MessagePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value-of'; readonly select: string }
  | { readonly kind: 'name'; readonly path?: string };

/** A `diagnostic` a check names, resolved when the schema is read (ids are per schema). */
export interface DiagnosticRef {
  readonly id: string;
  readonly message: readonly MessagePart[];
}

export interface CheckDecl {
  readonly kind: 'assert' | 'report';
  readonly id: string;
  readonly test: string;
  readonly flag: string;
  readonly role: string;
  readonly see: string;
  readonly message: readonly MessagePart[];
  readonly diagnostics: readonly DiagnosticRef[];
}

/** A rule body item after `extends` expansion: a let or a check, in document order. */
export type RuleItem = { readonly kind: 'let'; readonly let: LetDecl } | { readonly kind: 'check'; readonly check: CheckDecl };

export interface RuleDecl {
  readonly context: string;
  readonly items: readonly RuleItem[];
}

export interface PatternDecl {
  readonly id: string;
  readonly lets: readonly LetDecl[];
  readonly rules: readonly RuleDecl[];
  /** Name of the rule set (source schema) the pattern came from, when compiled as part of a set. */
  readonly ruleSet?: string;
}

/**
 * A top-level foreign XSLT declaration (`xsl:function`, `xsl:key`, ...) as text, with the
 * identity two merged schemas must not both define differently: kind plus expanded name
 * (plus arity for functions); '' for unnamed declarations.
 */
export interface ForeignDecl {
  readonly identity: string;
  readonly text: string;
}

/** The resolved schema the emitter works from. */
export interface SchemaModel {
  readonly title: string;
  readonly phase: string;
  /** Prefix to URI from `ns` elements and the namespaces in scope on the schema element. */
  readonly namespaces: Readonly<Record<string, string>>;
  /** Schema-level and active-phase lets: global variables. */
  readonly lets: readonly LetDecl[];
  readonly patterns: readonly PatternDecl[];
  /** Foreign XSLT declarations (`xsl:function`, `xsl:key`, ...) serialised as text. */
  readonly foreign: readonly ForeignDecl[];
  /** Names of the merged schemas, in order (set by `mergeSchemas`). */
  readonly ruleSets?: readonly string[];
}

export interface ReadOptions {
  readonly phase?: string;
  readonly resolveInclude?: (href: string) => string;
  /**
   * Name of the rule set, when the schema is read to be merged with others: recorded
   * on every pattern, and used to make generated pattern ids unique (`<name>-pattern1`).
   */
  readonly name?: string;
}

function describe(el: XElement): string {
  const id = el.attrs['id'];
  return id === undefined ? `<${el.qname}>` : `<${el.qname} id="${id}">`;
}

function required(el: XElement, attr: string): string {
  const v = el.attrs[attr];
  if (v === undefined || v.trim() === '') {
    throw new SchematronCompileError('MISSING_ATTRIBUTE', `${describe(el)} needs a "${attr}" attribute.`);
  }
  return v;
}

/** The Schematron element `node` if it is one (named `local` when given), else undefined. */
function asSch(node: XNode, local?: string): XElement | undefined {
  return node.kind === 'element' && node.ns === SCH_NS && (local === undefined || node.local === local) ? node : undefined;
}

/** Replaces every `sch:include` by the root element of the document it points to, recursively. */
function expandIncludes(el: XElement, options: ReadOptions, stack: readonly string[]): XElement {
  const children: XNode[] = [];
  for (const child of el.children) {
    const include = asSch(child, 'include');
    if (include) {
      const href = required(include, 'href');
      if (stack.includes(href)) {
        throw new SchematronCompileError('INCLUDE_CYCLE', `<${include.qname} href="${href}"> includes itself through ${stack.join(' -> ')}.`);
      }
      if (!options.resolveInclude) {
        throw new SchematronCompileError('INCLUDE_UNRESOLVED', `<${include.qname} href="${href}"> needs a resolveInclude option.`);
      }
      let text: string;
      try {
        text = options.resolveInclude(href);
      } catch (cause) {
        throw new SchematronCompileError(
          'INCLUDE_UNRESOLVED',
          `<${include.qname} href="${href}"> could not be resolved: ${cause instanceof Error ? cause.message : String(cause)}`,
        );
      }
      children.push(expandIncludes(parseXmlTree(text), options, [...stack, href]));
    } else if (child.kind === 'element') {
      children.push(expandIncludes(child, options, stack));
    } else {
      children.push(child);
    }
  }
  return { ...el, children };
}

/** Macro-substitutes abstract pattern parameters (`$name`) in every attribute value. */
function substituteParams(el: XElement, params: ReadonlyMap<string, string>): XElement {
  // Longest names first, so `$ab` is not replaced by the value of `$a`.
  const names = [...params.keys()].sort((a, b) => b.length - a.length);
  const replace = (s: string): string => {
    let out = s;
    for (const name of names) {
      const escaped = name.replace(/[.\\-]/g, '\\$&');
      out = out.replace(new RegExp(`\\$${escaped}(?![\\w.\\-])`, 'g'), () => params.get(name) ?? '');
    }
    return out;
  };
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(el.attrs)) attrs[k] = replace(v);
  const children = el.children.map((c) => (c.kind === 'element' ? substituteParams(c, params) : c));
  return { ...el, attrs, children };
}

function readLet(el: XElement): LetDecl {
  const name = required(el, 'name');
  const value = el.attrs['value'];
  if (value !== undefined) return { name, value };
  const content = el.children.map((c) => (c.kind === 'text' ? c.text.replace(/[&<>]/g, (ch) => `&#${ch.charCodeAt(0)};`) : serializeElement(c))).join('');
  return { name, content };
}

function readMessage(el: XElement): MessagePart[] {
  const parts: MessagePart[] = [];
  for (const child of el.children) {
    if (child.kind === 'text') {
      parts.push({ kind: 'text', text: child.text });
      continue;
    }
    const sch = asSch(child);
    if (sch?.local === 'value-of') parts.push({ kind: 'value-of', select: required(sch, 'select') });
    else if (sch?.local === 'name') {
      const path = sch.attrs['path'];
      parts.push(path === undefined ? { kind: 'name' } : { kind: 'name', path });
    } else parts.push(...readMessage(child)); // emph, dir, span, foreign: keep their content
  }
  return parts;
}

function messageText(parts: readonly MessagePart[]): string {
  return parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
}

interface ReadContext {
  readonly abstractRules: ReadonlyMap<string, XElement>;
  readonly diagnostics: ReadonlyMap<string, readonly MessagePart[]>;
}

function readRuleItems(rule: XElement, ctx: ReadContext, patternId: string, ruleIndex: number, seen: readonly string[]): RuleItem[] {
  const items: RuleItem[] = [];
  const ruleFlag = rule.attrs['flag'] ?? '';
  const ruleRole = rule.attrs['role'] ?? '';
  for (const child of childElements(rule, SCH_NS)) {
    if (child.local === 'let') items.push({ kind: 'let', let: readLet(child) });
    else if (child.local === 'assert' || child.local === 'report') {
      const message = readMessage(child);
      const diagnostics = (child.attrs['diagnostics'] ?? '')
        .split(/\s+/)
        .filter((d) => d !== '')
        .map((d): DiagnosticRef => {
          const parts = ctx.diagnostics.get(d);
          if (!parts) {
            throw new SchematronCompileError('UNKNOWN_DIAGNOSTIC', `${describe(child)} refers to diagnostic "${d}", which is not defined.`);
          }
          return { id: d, message: parts };
        });
      const checkIndex = items.filter((i) => i.kind === 'check').length;
      items.push({
        kind: 'check',
        check: {
          kind: child.local,
          id: child.attrs['id'] ?? `${patternId}-rule${ruleIndex + 1}-${child.local}${checkIndex + 1}`,
          test: required(child, 'test'),
          flag: child.attrs['flag'] ?? ruleFlag,
          role: child.attrs['role'] ?? ruleRole,
          see: child.attrs['see'] ?? '',
          message,
          diagnostics,
        },
      });
    } else if (child.local === 'extends') {
      const ref = required(child, 'rule');
      const target = ctx.abstractRules.get(ref);
      if (!target) {
        throw new SchematronCompileError('UNKNOWN_ABSTRACT_RULE', `<${child.qname} rule="${ref}"> names no abstract rule.`);
      }
      if (seen.includes(ref)) {
        throw new SchematronCompileError('UNKNOWN_ABSTRACT_RULE', `<${child.qname} rule="${ref}"> extends itself.`);
      }
      items.push(...readRuleItems(target, ctx, patternId, ruleIndex, [...seen, ref]));
    }
  }
  return items;
}

/**
 * Reads a Schematron schema into the resolved model the emitter needs.
 *
 * @example
 * const model = readSchema(schText, { phase: '#ALL' });
 * model.patterns.length;
 */
export function readSchema(schText: string, options: ReadOptions = {}): SchemaModel {
  const parsed = parseXmlTree(schText);
  if (!asSch(parsed, 'schema')) {
    throw new SchematronCompileError('NOT_SCHEMATRON', `The root element <${parsed.qname}> is not an ISO Schematron <schema>.`);
  }
  const binding = (parsed.attrs['queryBinding'] ?? '').toLowerCase();
  if (binding !== 'xslt2' && binding !== 'xslt3') {
    throw new SchematronCompileError(
      'UNSUPPORTED_QUERY_BINDING',
      `<${parsed.qname}> has queryBinding="${binding}"; only xslt2 and xslt3 are supported.`,
    );
  }
  const root = expandIncludes(parsed, options, []);

  const namespaces: Record<string, string> = {};
  for (const [prefix, uri] of Object.entries(root.inScope)) if (prefix !== '' && prefix !== 'xml') namespaces[prefix] = uri;
  for (const ns of childElements(root, SCH_NS, 'ns')) namespaces[required(ns, 'prefix')] = required(ns, 'uri');

  // Abstract rules may sit in any pattern or in a `rules` container.
  const abstractRules = new Map<string, XElement>();
  const collectAbstract = (el: XElement): void => {
    for (const child of childElements(el, SCH_NS)) {
      if (child.local === 'rule' && child.attrs['abstract'] === 'true') abstractRules.set(required(child, 'id'), child);
      else if (child.local === 'pattern' || child.local === 'rules') collectAbstract(child);
    }
  };
  collectAbstract(root);

  const diagnostics = new Map<string, readonly MessagePart[]>();
  for (const group of childElements(root, SCH_NS, 'diagnostics')) {
    for (const d of childElements(group, SCH_NS, 'diagnostic')) diagnostics.set(required(d, 'id'), readMessage(d));
  }

  const allPatterns = childElements(root, SCH_NS, 'pattern');
  const abstractPatterns = new Map<string, XElement>();
  for (const p of allPatterns) if (p.attrs['abstract'] === 'true') abstractPatterns.set(required(p, 'id'), p);

  // Phase selection: explicit option, else the schema's defaultPhase, else all patterns.
  const phases = childElements(root, SCH_NS, 'phase');
  let phase = options.phase ?? root.attrs['defaultPhase'] ?? '#ALL';
  if (phase === '#DEFAULT') phase = root.attrs['defaultPhase'] ?? '#ALL';
  let active: Set<string> | undefined;
  const lets = childElements(root, SCH_NS, 'let').map(readLet);
  if (phase !== '#ALL') {
    const chosen = phases.find((p) => p.attrs['id'] === phase);
    if (!chosen) {
      const known = phases.map((p) => p.attrs['id'] ?? '').join(', ');
      throw new SchematronCompileError('UNKNOWN_PHASE', `No <phase id="${phase}"> in the schema (known: ${known || 'none'}).`);
    }
    active = new Set(childElements(chosen, SCH_NS, 'active').map((a) => required(a, 'pattern')));
    lets.push(...childElements(chosen, SCH_NS, 'let').map(readLet));
  }

  const ctx: ReadContext = { abstractRules, diagnostics };
  const patterns: PatternDecl[] = [];
  allPatterns.forEach((declared, index) => {
    if (declared.attrs['abstract'] === 'true') return;
    let p = declared;
    const isA = declared.attrs['is-a'];
    if (isA !== undefined) {
      const template = abstractPatterns.get(isA);
      if (!template) {
        throw new SchematronCompileError('UNKNOWN_ABSTRACT_PATTERN', `${describe(declared)} is-a "${isA}", which is not an abstract pattern.`);
      }
      const params = new Map<string, string>();
      for (const param of childElements(declared, SCH_NS, 'param')) params.set(required(param, 'name'), required(param, 'value'));
      p = substituteParams(template, params);
    }
    const declaredId = declared.attrs['id'];
    if (active && (declaredId === undefined || !active.has(declaredId))) return;
    const id = declaredId ?? (options.name === undefined ? `pattern${index + 1}` : `${options.name}-pattern${index + 1}`);
    const rules: RuleDecl[] = [];
    for (const rule of childElements(p, SCH_NS, 'rule')) {
      if (rule.attrs['abstract'] === 'true') continue;
      rules.push({ context: required(rule, 'context'), items: readRuleItems(rule, ctx, id, rules.length, []) });
    }
    const pattern: PatternDecl = { id, lets: childElements(p, SCH_NS, 'let').map(readLet), rules };
    patterns.push(options.name === undefined ? pattern : { ...pattern, ruleSet: options.name });
  });

  const foreign = childElements(root, XSL_NS).map(readForeign);
  const titleEl = childElements(root, SCH_NS, 'title')[0];
  return {
    title: titleEl ? textContent(titleEl).trim() : '',
    phase,
    namespaces,
    lets,
    patterns,
    foreign,
  };
}

/** Expanded name of a QName-valued attribute, resolved against the element's namespaces. */
function expandedName(el: XElement, qname: string): string {
  const colon = qname.indexOf(':');
  if (qname.startsWith('Q{') || colon < 0) return qname;
  return `Q{${el.inScope[qname.slice(0, colon)] ?? qname.slice(0, colon)}}${qname.slice(colon + 1)}`;
}

function readForeign(el: XElement): ForeignDecl {
  const name = el.attrs['name'];
  let identity = '';
  if (name !== undefined) {
    identity = `xsl:${el.local} ${expandedName(el, name)}`;
    // Functions are told apart by arity too: f:x#1 and f:x#2 may coexist.
    if (el.local === 'function') identity += `#${childElements(el, XSL_NS, 'param').length}`;
  }
  return { identity, text: serializeElement(el) };
}

export { messageText };
