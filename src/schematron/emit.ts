/**
 * Turns the resolved Schematron model into one XSLT 3.0 stylesheet that visits the
 * document ONCE.
 *
 * Design (why it is fast):
 * - Each pattern becomes its own mode. Its rules are templates with descending
 *   priorities, so XSLT's "best match" is Schematron's "first matching rule wins
 *   within a pattern"; unmatched nodes are deep-skipped (the mode never recurses).
 * - One recursive walk mode visits the document node, every element (and the
 *   attributes, only when some rule targets attributes). The walk has one template per
 *   element name that some rule context names, listing exactly the pattern modes that
 *   can match that name; other elements only get the patterns whose contexts are not
 *   plain name tests. Saxon indexes templates by name, so dispatch is a hash lookup:
 *   a constant amount of work per node instead of one pass per pattern.
 * - Each test runs in `xsl:try`: a dynamic error (`xs:decimal('abc')`) becomes a
 *   fatal result carrying the id of the rule being evaluated, never a crash.
 * - Results are XDM maps collected into one array, serialised as JSON (small, no SVRL
 *   tree to build and read back). See `src/validate/report-reader.ts` for the format.
 */
import { analyseContext } from './context.js';
import { extractBusinessTerms, METADATA_MARKER, type RuleMetadata, type RuleSetMetadata } from './metadata.js';
import { messageText, type LetDecl, type MessagePart, type PatternDecl, type SchemaModel } from './read.js';
import { escapeXml } from './xml-tree.js';

/** Namespace of the names the generated stylesheet defines for itself. */
export const INTERNAL_NS = 'urn:peppol-self-billing:schematron:internal';
const P = 'psbv';
const ERR = 'Q{http://www.w3.org/2005/xqt-errors}';

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
  return pieces.length === 0 ? "''" : `normalize-space(${pieces.join(' || ')})`;
}

/** Global lets are evaluated with the checked document as context item (see `DOCUMENT`). */
const GLOBAL_CONTEXT = `(if (exists($${P}:document)) then $${P}:document else /)`;

function letElement(decl: LetDecl, name: string, indent: string, global = false): string {
  if (decl.value !== undefined) {
    const select = global ? `${GLOBAL_CONTEXT} ! (${decl.value})` : decl.value;
    return `${indent}<xsl:variable name="${attr(name)}" select="${attr(select)}"/>\n`;
  }
  return `${indent}<xsl:variable name="${attr(name)}">${decl.content ?? ''}</xsl:variable>\n`;
}

function patternLetName(patternIndex: number, name: string): string {
  return `${P}:p${patternIndex}-${name}`;
}

/** Builds the rule-set metadata (ids, flags, business terms) from the model. */
export function buildMetadata(model: SchemaModel): RuleSetMetadata {
  const rules: RuleMetadata[] = [];
  for (const pattern of model.patterns) {
    for (const rule of pattern.rules) {
      for (const item of rule.items) {
        if (item.kind !== 'check') continue;
        const c = item.check;
        rules.push({
          id: c.id,
          flag: c.flag,
          kind: c.kind,
          role: c.role,
          businessTerms: extractBusinessTerms(messageText(c.message), c.see),
          pattern: pattern.id,
        });
      }
    }
  }
  return { title: model.title, phase: model.phase, rules };
}

function emitPatternMode(pattern: PatternDecl, index: number, model: SchemaModel): string {
  const mode = `${P}:p${index}`;
  let out = `<xsl:mode name="${mode}" on-no-match="deep-skip"/>\n`;
  const n = pattern.rules.length;
  pattern.rules.forEach((rule, ruleIndex) => {
    // First rule gets the highest priority: first match wins within the pattern.
    out += `<xsl:template match="${attr(rule.context)}" mode="${mode}" priority="${n - ruleIndex}">\n`;
    for (const l of pattern.lets) out += `  <xsl:variable name="${attr(l.name)}" select="$${patternLetName(index, l.name)}"/>\n`;
    for (const item of rule.items) {
      if (item.kind === 'let') {
        out += letElement(item.let, item.let.name, '  ');
        continue;
      }
      const c = item.check;
      const entries = [
        `'id':${str(c.id)}`,
        `'flag':${str(c.flag)}`,
        `'kind':${str(c.kind)}`,
        `'location':${P}:location(.)`,
        `'text':${messageExpr(c.message)}`,
      ];
      if (c.role !== '') entries.push(`'role':${str(c.role)}`);
      if (c.diagnostics.length > 0) {
        const diags = c.diagnostics.map((d) => messageExpr(model.diagnostics.get(d) ?? []));
        entries.push(`'diagnostics':[${diags.join(', ')}]`);
      }
      const test = c.kind === 'assert' ? `not((${c.test}))` : `(${c.test})`;
      const failure = [
        `'id':${str(c.id)}`,
        `'flag':'fatal'`,
        `'kind':'error'`,
        `'location':${P}:location(.)`,
        `'text':${str(`Rule ${c.id} could not be evaluated: `)} || $${ERR}description`,
        `'error':string($${ERR}code)`,
      ];
      out += `  <xsl:try>\n`;
      out += `    <xsl:if test="${attr(test)}"><xsl:sequence select="${attr(`map{${entries.join(', ')}}`)}"/></xsl:if>\n`;
      out += `    <xsl:catch><xsl:sequence select="${attr(`map{${failure.join(', ')}}`)}"/></xsl:catch>\n`;
      out += `  </xsl:try>\n`;
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
}

function addTo(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (!list.includes(index)) list.push(index);
}

function addOnce(list: number[], index: number): void {
  if (!list.includes(index)) list.push(index);
}

/** Computes, per node name, which pattern modes the walk must apply. */
function computeDispatch(model: SchemaModel): Dispatch {
  const d: Dispatch = { root: [], anyElement: [], anyAttribute: [], elements: new Map(), attributes: new Map() };
  model.patterns.forEach((pattern, index) => {
    for (const rule of pattern.rules) {
      for (const target of analyseContext(rule.context, model.namespaces)) {
        switch (target.kind) {
          case 'root':
            addOnce(d.root, index);
            break;
          case 'element':
            addTo(d.elements, target.key, index);
            break;
          case 'attribute':
            addTo(d.attributes, target.key, index);
            break;
          case 'any-element':
            addOnce(d.anyElement, index);
            break;
          case 'any-attribute':
            addOnce(d.anyAttribute, index);
            break;
          case 'any-node':
            addOnce(d.root, index);
            addOnce(d.anyElement, index);
            addOnce(d.anyAttribute, index);
            break;
        }
      }
    }
  });
  return d;
}

function applyModes(indices: readonly number[], indent: string): string {
  return [...indices]
    .sort((a, b) => a - b)
    .map((i) => `${indent}<xsl:apply-templates select="." mode="${P}:p${i}"/>\n`)
    .join('');
}

function emitWalk(d: Dispatch): string {
  const walk = `${P}:walk`;
  const visitAttributes = d.anyAttribute.length > 0 || d.attributes.size > 0;
  const descend =
    (visitAttributes ? `  <xsl:apply-templates select="@*" mode="${walk}"/>\n` : '') +
    `  <xsl:apply-templates select="*" mode="${walk}"/>\n`;
  let out = `<xsl:mode name="${walk}" on-no-match="shallow-skip"/>\n`;
  out += `<xsl:template match="document-node()" mode="${walk}">\n${applyModes(d.root, '  ')}  <xsl:apply-templates select="*" mode="${walk}"/>\n</xsl:template>\n`;
  out += `<xsl:template match="*" mode="${walk}" priority="0">\n${applyModes(d.anyElement, '  ')}${descend}</xsl:template>\n`;
  for (const [key, indices] of d.elements) {
    const all = [...new Set([...indices, ...d.anyElement])];
    out += `<xsl:template match="${attr(key)}" mode="${walk}" priority="1">\n${applyModes(all, '  ')}${descend}</xsl:template>\n`;
  }
  if (visitAttributes) {
    out += `<xsl:template match="@*" mode="${walk}" priority="0">\n${applyModes(d.anyAttribute, '  ')}</xsl:template>\n`;
    for (const [key, indices] of d.attributes) {
      const all = [...new Set([...indices, ...d.anyAttribute])];
      out += `<xsl:template match="@${attr(key)}" mode="${walk}" priority="1">\n${applyModes(all, '  ')}</xsl:template>\n`;
    }
  }
  return out;
}

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
export function emitXslt(model: SchemaModel): string {
  const nsDecls = Object.entries(model.namespaces)
    .filter(([prefix]) => prefix !== P && prefix !== 'xsl' && prefix !== 'xs')
    .map(([prefix, uri]) => ` xmlns:${prefix}="${attr(uri)}"`)
    .join('');
  let out = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by peppol-self-billing's Schematron compiler. Do not edit. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:${P}="${INTERNAL_NS}"${nsDecls} exclude-result-prefixes="#all">
<xsl:output method="json" indent="no"/>
`;
  for (const f of model.foreign) out += `${f}\n`;
  for (const l of model.lets) out += letElement(l, l.name, '', true);
  model.patterns.forEach((pattern, index) => {
    // Pattern-level lets are evaluated once against the document (like schema lets);
    // renamed per pattern so two patterns may use the same name, and each sees the
    // earlier lets of its own pattern through an XPath `let` prefix.
    pattern.lets.forEach((l, i) => {
      const earlier = pattern.lets.slice(0, i);
      if (l.value === undefined) {
        out += letElement(l, patternLetName(index, l.name), '');
        return;
      }
      const prefix = earlier.map((e) => `let $${e.name} := $${patternLetName(index, e.name)} return `).join('');
      out += `<xsl:variable name="${patternLetName(index, l.name)}" select="${attr(`${GLOBAL_CONTEXT} ! (${prefix}(${l.value}))`)}"/>\n`;
    });
  });
  const metadata = METADATA_MARKER + JSON.stringify(buildMetadata(model));
  out += `<xsl:template name="${P}:metadata" visibility="public"><xsl:text>${escapeXml(metadata)}</xsl:text></xsl:template>\n`;
  // Two entry points. `psbv:run` with the document as the `psbv:document` parameter is
  // what validateDocument uses: SaxonJS copies a `sourceNode` tree on every transform
  // (36 ms for a 1000-line invoice), a parameter is passed by reference. The `/` entry
  // keeps the stylesheet usable the ordinary way (xslt3 -s:doc.xml).
  out += `<xsl:param name="${P}:document" as="document-node()?" select="()"/>
<xsl:template name="${P}:run">
  <xsl:variable name="results" as="map(*)*"><xsl:apply-templates select="$${P}:document" mode="${P}:walk"/></xsl:variable>
  <xsl:sequence select="array{$results}"/>
</xsl:template>
<xsl:template match="/">
  <xsl:variable name="results" as="map(*)*"><xsl:apply-templates select="." mode="${P}:walk"/></xsl:variable>
  <xsl:sequence select="array{$results}"/>
</xsl:template>
`;
  out += LOCATION_FUNCTIONS;
  out += emitWalk(computeDispatch(model));
  model.patterns.forEach((pattern, index) => {
    out += emitPatternMode(pattern, index, model);
  });
  out += '</xsl:stylesheet>\n';
  return out;
}
