/**
 * Turns the resolved Schematron model into one XSLT 3.0 stylesheet that visits the
 * document ONCE, and only the nodes some rule can match.
 *
 * Design (why it is fast):
 * - Each pattern becomes its own mode. Its rules are templates with descending
 *   priorities, so XSLT's "best match" is Schematron's "first matching rule wins
 *   within a pattern"; unmatched nodes are deep-skipped (the mode never recurses).
 *   Several schemas are merged into one model first (`merge.ts`): one stylesheet, one walk.
 * - Which nodes get visited: on SaxonJS, navigating the tree costs about 2.5 µs per
 *   element (a 1000-line invoice has 22,000), as much as the rest of a rule-free run.
 *   So the stylesheet embeds a `NodeIndexSpec`: per pattern, the names, ancestor chains and
 *   cheap conditions (such as "empty leaf" for `*[not(*) and not(normalize-space())]`) of
 *   the elements its rule contexts can match. The engine collects them in one plain
 *   JavaScript walk and passes each pattern its own element list (`psbv:e<p>`, and
 *   `psbv:a<p>` for attribute contexts) in document order; the results come pattern by
 *   pattern and the engine sorts them back into document order. The same walk collects the
 *   elements of the document-wide `//name` lookups the compiler rewrote
 *   (`descendant-lookups.ts`, `psbv:list-K`).
 * - Without those parameters (a stylesheet compiled before per-pattern dispatch, another
 *   XSLT processor, the `/` entry point) a `visit` mode with one template per element name
 *   hands a node the patterns that can match it, over `psbv:nodes` or a recursive `walk`
 *   of every element: same results, slower.
 * - Each test runs in `xsl:try`: a dynamic error (`xs:decimal('abc')`) becomes a
 *   fatal result carrying the id of the rule being evaluated, never a crash.
 * - Results are XDM maps collected into one array, serialised as JSON (small, no SVRL
 *   tree to build and read back). See `src/validate/report-reader.ts` for the format.
 *   Order: document order of the context nodes; on one node, pattern order.
 */
import { analyseContext } from './context.js';
import { indexDescendantLookups, listVariable } from './descendant-lookups.js';
import {
  extractBusinessTerms,
  METADATA_MARKER,
  NODE_INDEX_MARKER,
  type DispatchFilter,
  type ElementCondition,
  type NodeIndexSpec,
  type RuleMetadata,
  type RuleSetMetadata,
} from './metadata.js';
import { messageText, type CheckDecl, type LetDecl, type MessagePart, type PatternDecl, type SchemaModel } from './read.js';
import { escapeXml } from './xml-tree.js';

/** Namespace of the names the generated stylesheet defines for itself. */
export const INTERNAL_NS = 'urn:peppol-self-billing:schematron:internal';
const P = 'psbv';
const ERR = 'Q{http://www.w3.org/2005/xqt-errors}';
const MAP = 'Q{http://www.w3.org/2005/xpath-functions/map}';

function str(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function attr(s: string): string {
  return escapeXml(s);
}

/** XPath expression producing a message: literals, `value-of` and `name` joined. */
function messageExpr(parts: readonly MessagePart[]): string {
  const pieces = parts.map((p) => {
    switch (p.kind) {
      case 'text':
        return str(p.text);
      case 'value-of':
        // xsl:value-of semantics: each item as a string, separated by a space.
        return `string-join((${p.select}) ! string(.), ' ')`;
      case 'name':
        return p.path === undefined ? 'name(.)' : `name((${p.path})[1])`;
    }
  });
  if (parts.every((p) => p.kind === 'text')) {
    // A fixed message: normalise here (as XPath does: space, tab, CR, LF only), not per firing.
    return str(parts.map((p) => (p.kind === 'text' ? p.text : '')).join('').replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, ''));
  }
  return `normalize-space(${pieces.join(' || ')})`;
}

/** Global lets are evaluated with the checked document as context item (see `DOCUMENT`). */
const GLOBAL_CONTEXT = `(if (exists($${P}:document)) then $${P}:document else /)`;

/** A rule-level let as a local variable. */
function letElement(decl: LetDecl, name: string, indent: string): string {
  if (decl.value !== undefined) return `${indent}<xsl:variable name="${attr(name)}" select="${attr(decl.value)}"/>\n`;
  return `${indent}<xsl:variable name="${attr(name)}">${decl.content ?? ''}</xsl:variable>\n`;
}

/*
 * LETS that fail. Lets are bound before any test runs, so a dynamic error in a let's value
 * (`xs:decimal('abc')`) would escape the tests' `xsl:try`s and abort the whole validation.
 * A rule with lets (its own or its pattern's) therefore runs inside one more `xsl:try`; its
 * catch reports each check that mentions a let (directly or through other lets) as a fatal
 * result carrying the check's id, and evaluates the checks that use no let as usual. One
 * try per rule, not per let: guarding every let doubled the run time of the let-heavy rule
 * sets (measured). Schema-level and pattern-level lets are global variables, and SaxonJS
 * raises a global's error outside the checks' tries (a failing schema let aborted the whole
 * run): they hold a failure marker instead (a map under an internal QName key no rule can
 * build by accident), raised again in each rule that uses the let, inside its try.
 */
const FAILURE_KEY = `QName('${INTERNAL_NS}', 'let-failure')`;

/** `expr` with its string literals blanked, so a `$name` inside a string is not a reference. */
function withoutStrings(expr: string): string {
  return expr.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, "''");
}

function mentions(expr: string, name: string): boolean {
  const escaped = name.replace(/[.\\-]/g, '\\$&');
  return new RegExp(`\\$\\s*${escaped}(?![\\w.\\-:])`).test(withoutStrings(expr));
}

/** The XPath texts of a check: test, message, diagnostics. */
function checkExpressions(c: CheckDecl): string[] {
  const out = [c.test];
  const parts = [...c.message, ...c.diagnostics.flatMap((d) => d.message)];
  for (const p of parts) {
    if (p.kind === 'value-of') out.push(p.select);
    else if (p.kind === 'name' && p.path !== undefined) out.push(p.path);
  }
  return out;
}

/** A let visible in a rule: its name, the raw variable holding it, the expression it reads. */
interface BoundLet {
  readonly name: string;
  readonly raw: string;
  readonly source: string;
  /** For a schema or pattern let: the global variable holding its value or failure marker. */
  readonly global?: string;
}

/** The lets `exprs` depend on, directly or through earlier lets. */
function dependencies(exprs: readonly string[], scope: readonly BoundLet[]): BoundLet[] {
  const found = new Set<BoundLet>();
  const visit = (texts: readonly string[], upTo: number): void => {
    // The innermost binding of a name is the last one declared before the use.
    const seen = new Set<string>();
    for (let i = upTo - 1; i >= 0; i--) {
      const b = scope[i];
      if (!b || seen.has(b.name)) continue;
      seen.add(b.name);
      if (!texts.some((t) => mentions(t, b.name)) || found.has(b)) continue;
      found.add(b);
      visit([b.source], i);
    }
  };
  visit(exprs, scope.length);
  return [...found];
}

function patternLetName(patternIndex: number, name: string): string {
  return `${P}:p${patternIndex}-${name}`;
}

/**
 * Builds the rule-set metadata (ids, flags, business terms) from the model.
 *
 * @param model - the schema as read by `readSchema`
 * @returns one entry per assert/report, in schema order
 * @example
 * buildMetadata(readSchema(schText)).rules.map((r) => r.id); // ['PEPPOL-EN16931-R001', ...]
 */
export function buildMetadata(model: SchemaModel): RuleSetMetadata {
  const rules: RuleMetadata[] = [];
  for (const pattern of model.patterns) {
    for (const rule of pattern.rules) {
      for (const item of rule.items) {
        if (item.kind !== 'check') continue;
        const c = item.check;
        const rule: RuleMetadata = {
          id: c.id,
          flag: c.flag,
          kind: c.kind,
          role: c.role,
          businessTerms: extractBusinessTerms(messageText(c.message), c.see),
          pattern: pattern.id,
        };
        rules.push(pattern.ruleSet === undefined ? rule : { ...rule, ruleSet: pattern.ruleSet });
      }
    }
  }
  const ruleSets = model.ruleSets ?? [...new Set(model.patterns.flatMap((p) => (p.ruleSet === undefined ? [] : [p.ruleSet])))];
  const metadata: RuleSetMetadata = { title: model.title, phase: model.phase, rules };
  return ruleSets.length === 0 ? metadata : { ...metadata, ruleSets };
}

/** The raise-again binding of a let whose global holds a failure marker when its value raised (see LETS). */
function reraised(name: string, global: string): string {
  const g = `$${global}`;
  return `  <xsl:variable name="${attr(name)}" select="${attr(`if (${g} instance of map(*) and ${MAP}contains(${g}, ${FAILURE_KEY})) then error(QName('${INTERNAL_NS}', 'let-failed'), ${g}?description) else ${g}`)}"/>\n`;
}

/** The XPath texts of a rule: its lets' values and its checks' expressions. */
function ruleExpressions(items: PatternDecl['rules'][number]['items']): string[] {
  return items.flatMap((item) => (item.kind === 'let' ? [item.let.value ?? item.let.content ?? ''] : checkExpressions(item.check)));
}

function emitPatternMode(pattern: PatternDecl, index: number, schemaLets: readonly LetDecl[]): string {
  const mode = `${P}:p${index}`;
  let out = `<xsl:mode name="${mode}" on-no-match="deep-skip"/>\n`;
  const n = pattern.rules.length;
  const patternLets: BoundLet[] = pattern.lets.map((l) => ({
    name: l.name,
    raw: l.name,
    source: l.value ?? l.content ?? '',
    global: patternLetName(index, l.name),
  }));
  pattern.rules.forEach((rule, ruleIndex) => {
    // First rule gets the highest priority: first match wins within the pattern.
    out += `<xsl:template match="${attr(rule.context)}" mode="${mode}" priority="${n - ruleIndex}">\n`;
    const scope: BoundLet[] = [...patternLets];
    const set = str(pattern.ruleSet ?? '');
    const checks: { readonly text: string; readonly failed: string; readonly lets: readonly BoundLet[] }[] = [];
    let body = '';
    // A schema let the rule uses holds a failure marker when its value raised: raised again
    // here, inside the rule's try (the local binding shadows the global of the same name).
    const texts = ruleExpressions(rule.items);
    const usedSchemaLets = schemaLets.filter((l) => l.value !== undefined && texts.some((t) => mentions(t, l.name)));
    for (const l of usedSchemaLets) {
      body += reraised(l.name, l.name);
      scope.unshift({ name: l.name, raw: l.name, source: l.value ?? '', global: l.name });
    }
    // A pattern let holds a failure marker when its value raised: raised again here, inside the rule's try.
    for (const l of pattern.lets) body += reraised(l.name, patternLetName(index, l.name));
    for (const item of rule.items) {
      if (item.kind === 'let') {
        body += letElement(item.let, item.let.name, '  ');
        scope.push({ name: item.let.name, raw: item.let.name, source: item.let.value ?? item.let.content ?? '' });
        continue;
      }
      const c = item.check;
      // The constant parts of a result are built by psbv:fired / psbv:failed: one call per
      // check keeps the stylesheet (and the SEF, and its compile time) small.
      const diagnostics = c.diagnostics.length === 0 ? '()' : `(${c.diagnostics.map((d) => messageExpr(d.message)).join(', ')})`;
      const fired = `${P}:fired(., ${str(c.id)}, ${str(c.flag)}, ${str(c.kind)}, ${messageExpr(c.message)}, ${str(c.role)}, ${set}, ${diagnostics})`;
      const failed = `<xsl:sequence select="${attr(`${P}:failed(., ${str(c.id)}, ${set}, $${ERR}description, $${ERR}code)`)}"/>`;
      const test = c.kind === 'assert' ? `not((${c.test}))` : `(${c.test})`;
      const text = `<xsl:try><xsl:if test="${attr(test)}"><xsl:sequence select="${attr(fired)}"/></xsl:if><xsl:catch>${failed}</xsl:catch></xsl:try>`;
      checks.push({ text, failed, lets: dependencies(checkExpressions(c), scope) });
      body += `  ${text}\n`;
    }
    if (scope.length === 0) out += body;
    else {
      // Lets (see LETS): the rule runs in one xsl:try; when a let raises, the catch reports
      // every check that uses a rule let as failed, the checks that use only schema and
      // pattern lets as failed when one of those holds a failure marker (else they run as
      // usual, the lets bound to their values), and evaluates the checks that use no let.
      out += `<xsl:try>\n${body}<xsl:catch>\n`;
      const onlyGlobal = (c: (typeof checks)[number]): boolean => c.lets.length > 0 && c.lets.every((l) => l.global !== undefined);
      const globals = [...new Set(checks.filter(onlyGlobal).flatMap((c) => c.lets))];
      for (const l of scope) if (globals.includes(l)) out += `  <xsl:variable name="${attr(l.name)}" select="$${attr(l.global ?? l.name)}"/>\n`;
      for (const c of checks) {
        if (c.lets.length === 0) out += `  ${c.text}\n`;
        else if (!onlyGlobal(c)) out += `  ${c.failed}\n`;
        else {
          const markers = c.lets.map((l) => `$${l.global ?? l.name}`).join(', ');
          const anyFailed = `some $${P}:v in (${markers}) satisfies ($${P}:v instance of map(*) and ${MAP}contains($${P}:v, ${FAILURE_KEY}))`;
          out += `  <xsl:choose><xsl:when test="${attr(anyFailed)}">${c.failed}</xsl:when><xsl:otherwise>${c.text}</xsl:otherwise></xsl:choose>\n`;
        }
      }
      out += `</xsl:catch></xsl:try>\n`;
    }
    out += `</xsl:template>\n`;
  });
  return out;
}

interface Dispatch {
  readonly root: number[];
  readonly anyElement: number[];
  readonly anyAttribute: number[];
  readonly elements: Map<string, number[]>;
  readonly attributes: Map<string, number[]>;
  /** Necessary conditions of each wildcard context ([] = every element). */
  readonly wildcards: (readonly ElementCondition[])[];
  /** Per pattern: when it may match an element (see `DispatchFilter`). */
  readonly filters: DispatchFilter[];
  readonly attributeFilters: { readonly pattern: number; readonly key: string }[];
}

function addFilter(list: DispatchFilter[], filter: DispatchFilter): void {
  const key = JSON.stringify(filter);
  if (!list.some((f) => JSON.stringify(f) === key)) list.push(filter);
}

function addTo(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (!list.includes(index)) list.push(index);
}

function addOnce(list: number[], index: number): void {
  if (!list.includes(index)) list.push(index);
}

function addWildcard(d: Dispatch, conditions: readonly ElementCondition[]): void {
  const key = JSON.stringify(conditions);
  if (!d.wildcards.some((w) => JSON.stringify(w) === key)) d.wildcards.push(conditions);
}

/** Computes, per node name, which pattern modes a visit must apply. */
function computeDispatch(model: SchemaModel): Dispatch {
  const d: Dispatch = { root: [], anyElement: [], anyAttribute: [], elements: new Map(), attributes: new Map(), wildcards: [], filters: [], attributeFilters: [] };
  model.patterns.forEach((pattern, index) => {
    for (const rule of pattern.rules) {
      for (const target of analyseContext(rule.context, model.namespaces)) {
        switch (target.kind) {
          case 'root':
            addOnce(d.root, index);
            break;
          case 'element': {
            addTo(d.elements, target.key, index);
            const { kind: _kind, ...filter } = target;
            addFilter(d.filters, { pattern: index, ...filter });
            break;
          }
          case 'attribute':
            addTo(d.attributes, target.key, index);
            addFilter(d.attributeFilters, { pattern: index, key: target.key });
            break;
          case 'any-element': {
            addOnce(d.anyElement, index);
            addWildcard(d, target.conditions);
            const { kind: _kind, conditions, ...chain } = target;
            addFilter(d.filters, { pattern: index, ...(conditions.length === 0 ? {} : { conditions }), ...chain });
            break;
          }
          case 'any-attribute':
            addOnce(d.anyAttribute, index);
            addFilter(d.attributeFilters, { pattern: index, key: '*' });
            break;
          case 'any-node':
            addOnce(d.root, index);
            addOnce(d.anyElement, index);
            addOnce(d.anyAttribute, index);
            addWildcard(d, []);
            addFilter(d.filters, { pattern: index });
            addFilter(d.attributeFilters, { pattern: index, key: '*' });
            break;
        }
      }
    }
  });
  return d;
}

/** `Q{uri}local` keys grouped as namespace URI -> local names. */
function groupKeys(keys: Iterable<string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of keys) {
    const close = key.indexOf('}');
    const uri = key.slice(2, close);
    (out[uri] ??= []).push(key.slice(close + 1));
  }
  return out;
}

/** The nodes worth visiting, for the engine's JavaScript walk (see the file comment). */
function nodeIndexSpec(d: Dispatch, patterns: number, lists: readonly string[]): NodeIndexSpec {
  // One condition-free wildcard visits every element: the others add nothing.
  const everything = d.wildcards.some((w) => w.length === 0);
  const spec: NodeIndexSpec = {
    elements: groupKeys(d.elements.keys()),
    wildcards: everything ? [[]] : d.wildcards,
    attributes: groupKeys(d.attributes.keys()),
    anyAttribute: d.anyAttribute.length > 0,
    dispatch: { patterns, filters: d.filters, attributes: d.attributeFilters, perPattern: true },
  };
  return lists.length === 0 ? spec : { ...spec, lists };
}

/** Parameter holding the elements pattern `p` must visit (`kind` e) or whose attributes it must visit (a). */
function patternListParam(kind: 'e' | 'a', p: number): string {
  return `${P}:${kind}${p}`;
}

/** Patterns with element (e) or attribute (a) contexts the engine may dispatch. */
function dispatchedPatterns(d: Dispatch): { readonly elements: number[]; readonly attributes: number[] } {
  const elements = [...new Set(d.filters.map((f) => f.pattern))].sort((a, b) => a - b);
  const attributes = [...new Set(d.attributeFilters.map((f) => f.pattern))].sort((a, b) => a - b);
  return { elements, attributes };
}

function applyModes(indices: readonly number[], indent: string, select = '.'): string {
  return [...indices]
    .sort((a, b) => a - b)
    .map((i) => `${indent}<xsl:apply-templates select="${select}" mode="${P}:p${i}"/>\n`)
    .join('');
}

function emitVisit(d: Dispatch): string {
  const visit = `${P}:visit`;
  const walk = `${P}:walk`;
  const visitAttributes = d.anyAttribute.length > 0 || d.attributes.size > 0;
  const attributes = visitAttributes ? `  <xsl:apply-templates select="@*" mode="${visit}"/>\n` : '';
  let out = `<xsl:mode name="${visit}" on-no-match="deep-skip"/>\n`;
  out += `<xsl:template match="*" mode="${visit}" priority="0">\n${applyModes(d.anyElement, '  ')}${attributes}</xsl:template>\n`;
  for (const [key, indices] of d.elements) {
    const all = [...new Set([...indices, ...d.anyElement])];
    out += `<xsl:template match="${attr(key)}" mode="${visit}" priority="1">\n${applyModes(all, '  ')}${attributes}</xsl:template>\n`;
  }
  if (visitAttributes) {
    out += `<xsl:template match="@*" mode="${visit}" priority="0">\n${applyModes(d.anyAttribute, '  ')}</xsl:template>\n`;
    for (const [key, indices] of d.attributes) {
      const all = [...new Set([...indices, ...d.anyAttribute])];
      out += `<xsl:template match="@${attr(key)}" mode="${visit}" priority="1">\n${applyModes(all, '  ')}</xsl:template>\n`;
    }
  }
  // The fallback when no node list is passed: visit every element, recursively.
  out += `<xsl:mode name="${walk}" on-no-match="shallow-skip"/>\n`;
  out += `<xsl:template match="document-node()" mode="${walk}">\n${applyModes(d.root, '  ')}  <xsl:apply-templates select="*" mode="${walk}"/>\n</xsl:template>\n`;
  out += `<xsl:template match="*" mode="${walk}">\n  <xsl:apply-templates select="." mode="${visit}"/>\n  <xsl:apply-templates select="*" mode="${walk}"/>\n</xsl:template>\n`;
  return out;
}

const RESULT_FUNCTIONS = `<xsl:function name="${P}:fired" as="map(*)">
  <xsl:param name="node" as="node()"/><xsl:param name="id" as="xs:string"/><xsl:param name="flag" as="xs:string"/>
  <xsl:param name="kind" as="xs:string"/><xsl:param name="text" as="xs:string"/><xsl:param name="role" as="xs:string"/>
  <xsl:param name="set" as="xs:string"/><xsl:param name="diagnostics" as="xs:string*"/>
  <xsl:sequence select="${MAP}merge((map{'id':$id, 'flag':$flag, 'kind':$kind, 'location':${P}:location($node), 'text':$text},
    if ($role ne '') then map{'role':$role} else (),
    if (exists($diagnostics)) then map{'diagnostics':array{$diagnostics}} else (),
    if ($set ne '') then map{'ruleSet':$set} else ()))"/>
</xsl:function>
<xsl:function name="${P}:failed" as="map(*)">
  <xsl:param name="node" as="node()"/><xsl:param name="id" as="xs:string"/><xsl:param name="set" as="xs:string"/>
  <xsl:param name="description"/><xsl:param name="code"/>
  <xsl:sequence select="${MAP}merge((map{'id':$id, 'flag':'fatal', 'kind':'error', 'location':${P}:location($node),
    'text':'Rule ' || $id || ' could not be evaluated: ' || $description, 'error':string($code)},
    if ($set ne '') then map{'ruleSet':$set} else ()))"/>
</xsl:function>
`;

const LOCATION_FUNCTIONS = `<xsl:function name="${P}:location" as="xs:string">
  <xsl:param name="node" as="node()"/>
  <xsl:sequence select="if ($node instance of document-node()) then '/' else string-join($node/ancestor-or-self::node()[not(self::document-node())] ! ${P}:step(.), '')"/>
</xsl:function>
<xsl:function name="${P}:step" as="xs:string">
  <xsl:param name="n" as="node()"/>
  <xsl:sequence select="if ($n instance of element()) then '/' || name($n) || '[' || (count($n/preceding-sibling::*[node-name() eq node-name($n)]) + 1) || ']' else if ($n instance of attribute()) then '/@' || name($n) else if ($n instance of text()) then '/text()[' || (count($n/preceding-sibling::text()) + 1) || ']' else '/node()'"/>
</xsl:function>
`;

/**
 * Emits the XSLT 3.0 text for a resolved schema model.
 *
 * @example
 * const xslt = emitXslt(readSchema(schText));
 */
export function emitXslt(source: SchemaModel): string {
  // Document-wide `//name` lookups read lists the engine collects (see descendant-lookups.ts).
  const { model, keys: lists } = indexDescendantLookups(source);
  const nsDecls = Object.entries(model.namespaces)
    .filter(([prefix]) => prefix !== P && prefix !== 'xsl' && prefix !== 'xs')
    .map(([prefix, uri]) => ` xmlns:${prefix}="${attr(uri)}"`)
    .join('');
  let out = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by peppol-self-billing's Schematron compiler. Do not edit. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:${P}="${INTERNAL_NS}"${nsDecls} exclude-result-prefixes="#all">
<xsl:output method="json" indent="no"/>
`;
  for (const f of model.foreign) out += `${f.text}\n`;
  const catcher = `<xsl:catch select="map{${FAILURE_KEY}: true(), 'description': string($${ERR}code) || ': ' || $${ERR}description}"/>`;
  /** Select of a global let: a failed let it builds on makes it fail with the same marker. */
  const guarded = (value: string, failed: readonly string[]): string =>
    failed.length === 0
      ? value
      : `let $${P}:f := (${failed.join(', ')})[. instance of map(*) and ${MAP}contains(., ${FAILURE_KEY})][1] return if (exists($${P}:f)) then $${P}:f else ${value}`;
  // Schema-level lets: global variables evaluated against the document, each in an xsl:try
  // that turns an error into a failure marker (SaxonJS raises a global's error outside the
  // checks' tries, which aborted the whole run), raised again in the rules that use the let.
  model.lets.forEach((l, i) => {
    if (l.value === undefined) {
      out += `<xsl:variable name="${attr(l.name)}" as="item()*"><xsl:try><xsl:document>${l.content ?? ''}</xsl:document>${catcher}</xsl:try></xsl:variable>\n`;
      return;
    }
    const failed = model.lets.slice(0, i).filter((e) => mentions(l.value ?? '', e.name)).map((e) => `$${e.name}`);
    const select = guarded(`${GLOBAL_CONTEXT} ! (${l.value})`, failed);
    out += `<xsl:variable name="${attr(l.name)}" as="item()*"><xsl:try select="${attr(select)}">${catcher}</xsl:try></xsl:variable>\n`;
  });
  model.patterns.forEach((pattern, index) => {
    // Pattern-level lets are evaluated once against the document (like schema lets), each in
    // an xsl:try that turns an error into a failure marker, raised again in the rules that
    // use the let (see LETS). Renamed per pattern so two patterns may use the same name;
    // each sees the earlier lets of its own pattern through an XPath `let` prefix.
    pattern.lets.forEach((l, i) => {
      const earlier = pattern.lets.slice(0, i);
      const name = patternLetName(index, l.name);
      if (l.value === undefined) {
        out += `<xsl:variable name="${name}" as="item()*"><xsl:try><xsl:document>${l.content ?? ''}</xsl:document>${catcher}</xsl:try></xsl:variable>\n`;
        return;
      }
      const prefix = earlier.map((e) => `let $${e.name} := $${patternLetName(index, e.name)} return `).join('');
      const shadowed = new Set(earlier.map((e) => e.name));
      const failed = [
        ...model.lets.filter((e) => !shadowed.has(e.name) && mentions(l.value ?? '', e.name)).map((e) => `$${e.name}`),
        ...earlier.filter((e) => mentions(l.value ?? '', e.name)).map((e) => `$${patternLetName(index, e.name)}`),
      ];
      // Built on a failed earlier let: fails with the same marker.
      const select = guarded(`${GLOBAL_CONTEXT} ! (${prefix}(${l.value}))`, failed);
      out += `<xsl:variable name="${name}" as="item()*"><xsl:try select="${attr(select)}">${catcher}</xsl:try></xsl:variable>\n`;
    });
  });
  const dispatch = computeDispatch(model);
  const byPattern = dispatchedPatterns(dispatch);
  const metadata = METADATA_MARKER + JSON.stringify(buildMetadata(model));
  out += `<xsl:template name="${P}:metadata" visibility="public"><xsl:text>${escapeXml(metadata)}</xsl:text></xsl:template>\n`;
  const index = NODE_INDEX_MARKER + JSON.stringify(nodeIndexSpec(dispatch, model.patterns.length, lists));
  out += `<xsl:template name="${P}:node-index" visibility="public"><xsl:text>${escapeXml(index)}</xsl:text></xsl:template>\n`;
  // Two entry points. `psbv:run` with the document as the `psbv:document` parameter is
  // what validateDocument uses: SaxonJS copies a `sourceNode` tree on every transform
  // (36 ms for a 1000-line invoice), a parameter is passed by reference. With
  // `psbv:dispatched`, `psbv:e<p>` holds the elements pattern p may match and `psbv:a<p>`
  // the elements whose attributes it may match, each in document order: the results come
  // pattern by pattern and the engine sorts them back into document order (a dynamic call
  // per element and pattern cost more in SaxonJS than the rules of a small document).
  // With `psbv:indexed`, `psbv:nodes` holds the elements to visit (document order). The `/`
  // entry keeps the stylesheet usable the ordinary way (xslt3 -s:doc.xml).
  out += `<xsl:param name="${P}:document" as="document-node()?" select="()"/>
<xsl:param name="${P}:nodes" as="element()*" select="()"/>
<xsl:param name="${P}:indexed" as="xs:boolean" select="false()"/>
<xsl:param name="${P}:dispatched" as="xs:boolean" select="false()"/>
${byPattern.elements.map((p) => `<xsl:param name="${patternListParam('e', p)}" as="element()*" select="()"/>\n`).join('')}${byPattern.attributes.map((p) => `<xsl:param name="${patternListParam('a', p)}" as="element()*" select="()"/>\n`).join('')}
<xsl:param name="${P}:listed" as="xs:boolean" select="false()"/>
${lists.map((_, k) => `<xsl:param name="${listVariable(k)}" as="element()*" select="()"/>\n`).join('')}<xsl:template name="${P}:run">
  <xsl:variable name="results" as="map(*)*">
    <xsl:choose>
      <xsl:when test="$${P}:dispatched">
${applyModes(dispatch.root, '        ', `$${P}:document`)}${byPattern.elements.map((p) => `        <xsl:apply-templates select="$${patternListParam('e', p)}" mode="${P}:p${p}"/>\n`).join('')}${byPattern.attributes.map((p) => `        <xsl:apply-templates select="$${patternListParam('a', p)}/@*" mode="${P}:p${p}"/>\n`).join('')}
      </xsl:when>
      <xsl:when test="$${P}:indexed">
${applyModes(dispatch.root, '        ', `$${P}:document`)}        <xsl:apply-templates select="$${P}:nodes" mode="${P}:visit"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="$${P}:document" mode="${P}:walk"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:sequence select="array{$results}"/>
</xsl:template>
<xsl:template match="/">
  <xsl:variable name="results" as="map(*)*"><xsl:apply-templates select="." mode="${P}:walk"/></xsl:variable>
  <xsl:sequence select="array{$results}"/>
</xsl:template>
`;
  out += RESULT_FUNCTIONS + LOCATION_FUNCTIONS;
  out += emitVisit(dispatch);
  model.patterns.forEach((pattern, index) => {
    out += emitPatternMode(pattern, index, model.lets);
  });
  out += '</xsl:stylesheet>\n';
  return out;
}
