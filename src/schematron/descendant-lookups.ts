/**
 * Document-wide name lookups (`//cac:X`, and `.//cac:X` from the document or its root
 * element) served from the engine's JavaScript walk instead of a SaxonJS tree walk.
 *
 * Why: on SaxonJS every element navigated costs about 2.5 µs, so each `//cac:X` in a
 * document-level rule walks a 1000-line invoice (22,000 elements) for about 55 ms, and the
 * EN 16931 rules need a dozen such lookups. The engine already walks the tree once in
 * JavaScript (about 7 ms) to dispatch the rules; it can collect the elements of the names
 * these lookups ask for on the same walk and pass them in, in document order.
 *
 * The rewrite keeps the meaning exactly: `//cac:X` becomes
 * `(if ($psbv:listed and root(.) is $psbv:document) then $psbv:list-K else //cac:X)`, so it
 * uses the list only when the engine supplied it and the lookup concerns the checked
 * document; `.//cac:X` uses it from the document node, and from the root element unless the
 * root element itself is named `cac:X` (it is not its own descendant). A predicate after the
 * name applies to each parent's children in the original and to the whole list after the
 * rewrite, which is the same for boolean predicates only: a step followed by a predicate that
 * may be numeric (`[1]`, `[last()]`, `[$n]`, `position()`) is left alone, as is every `//`
 * that does not start a path (`$a//x`, `f()//x`, `a//x`), wildcards, attributes and axes.
 */

import type { CheckDecl, LetDecl, MessagePart, PatternDecl, RuleItem, SchemaModel } from './read.js';

/** Namespace prefix of the generated stylesheet's own names (as in emit.ts). */
const PREFIX = 'psbv';

/** Words after which an XPath operand (and so a new path) starts. */
const OPERAND_KEYWORDS = new Set(['and', 'or', 'return', 'then', 'else', 'in', 'satisfies', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'to', 'div', 'mod', 'idiv', 'union', 'intersect', 'except', 'is']);
/** Characters after which an operand starts. `-` and `*` are left out: they may end a name or be a wildcard. */
const OPERAND_BEFORE = new Set(['(', ',', '[', '|', '=', '<', '>', '!', '+', '{']);
const NAME_CHAR = /[\w.\-\u00B7\u00C0-\uFFFF]/;

/**
 * The lists a rewritten schema needs, in the order of their `$psbv:list-K` parameters.
 *
 * @example
 * const registry: LookupRegistry = { keys: [] }; // filled by rewriteDescendantLookups
 */
export interface LookupRegistry {
  /** `Q{uri}local` keys; position K is `$psbv:list-K`. */
  readonly keys: string[];
}

/**
 * Name of the stylesheet parameter holding the K-th list (the K-th key of the registry).
 *
 * @example
 * listVariable(2); // 'psbv:list-2'
 */
export function listVariable(k: number): string {
  return `${PREFIX}:list-${k}`;
}

/**
 * `expr` with the contents of its string literals (and XPath comments) replaced by `x`, so
 * positions still line up with the original.
 */
function blankLiterals(expr: string): string {
  let out = '';
  let i = 0;
  while (i < expr.length) {
    const c = expr[i] ?? '';
    if (c === "'" || c === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= expr.length) break;
        if (expr[j] === c) {
          if (expr[j + 1] === c) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += c + 'x'.repeat(Math.max(0, Math.min(j, expr.length) - i - 1)) + (j < expr.length ? c : '');
      i = j + 1;
    } else if (c === '(' && expr[i + 1] === ':') {
      const end = expr.indexOf(':)', i + 2);
      const stop = end < 0 ? expr.length : end + 2;
      out += 'x'.repeat(stop - i);
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The end (exclusive) of the bracketed predicate starting at `open`, or -1. */
function predicateEnd(blank: string, open: number): number {
  let depth = 0;
  for (let i = open; i < blank.length; i++) {
    const c = blank[i];
    if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') {
      depth--;
      if (depth === 0) return c === ']' ? i + 1 : -1;
    }
  }
  return -1;
}

/** May this predicate (without brackets) select by position? Conservative: yes unless clearly boolean. */
function mayBePositional(predicate: string): boolean {
  if (/\b(position|last)\s*\(/.test(predicate)) return true;
  const p = predicate.trim();
  if (/[=<>]|\b(eq|ne|lt|le|gt|ge|and|or|is)\b/.test(p)) return false;
  if (/^(\d|\.\d|\$|\(|[+-])/.test(p)) return true;
  return /^(count|sum|avg|min|max|number|round|floor|ceiling|abs|string-length|index-of|xs:[a-zA-Z]+)\s*\(/.test(p);
}

/** Is the `//` at `at` the start of a path (absolute), `.//` (relative to the context), or neither? */
function pathStart(blank: string, at: number): 'absolute' | 'context' | undefined {
  let i = at - 1;
  while (i >= 0 && /\s/.test(blank[i] ?? '')) i--;
  if (i < 0) return 'absolute';
  const c = blank[i] ?? '';
  if (c === '.') {
    // `.//` but not `..//` or a name ending in a dot.
    const before = i > 0 ? (blank[i - 1] ?? '') : '';
    if (before === '.' || before === '$' || NAME_CHAR.test(before) || before === ')' || before === ']') return undefined;
    return i === at - 1 ? 'context' : undefined;
  }
  if (OPERAND_BEFORE.has(c)) return 'absolute';
  if (/[A-Za-z]/.test(c)) {
    let j = i;
    while (j >= 0 && /[\w.\-]/.test(blank[j] ?? '')) j--;
    const word = blank.slice(j + 1, i + 1);
    const beforeWord = j >= 0 ? (blank[j] ?? '') : '';
    if (OPERAND_KEYWORDS.has(word) && beforeWord !== '$' && beforeWord !== ':' && beforeWord !== '@') return 'absolute';
  }
  return undefined;
}

/**
 * Rewrites the document-wide name lookups of one XPath expression (see the file comment).
 *
 * @param expr - an XPath expression evaluated with a node of the checked document as context
 * @param namespaces - the schema's prefixes
 * @param registry - collects the names the rewritten expressions look up
 * @returns the expression, rewritten where that is exact
 * @example
 * const registry = { keys: [] };
 * rewriteDescendantLookups("exists(//cac:Item)", { cac: 'urn:cac' }, registry);
 * // "exists((if ($psbv:listed and root(.) is $psbv:document) then $psbv:list-0 else //cac:Item))"
 */
export function rewriteDescendantLookups(expr: string, namespaces: Readonly<Record<string, string>>, registry: LookupRegistry): string {
  if (!expr.includes('//')) return expr;
  const blank = blankLiterals(expr);
  let out = '';
  let copied = 0;
  let i = blank.indexOf('//');
  while (i >= 0) {
    const next = blank.indexOf('//', i + 2);
    const kind = blank[i - 1] === '/' || blank[i + 2] === '/' ? undefined : pathStart(blank, i);
    const name = kind === undefined ? undefined : blank.slice(i + 2).match(/^([A-Za-z_][\w.\-]*):([A-Za-z_][\w.\-]*)/);
    const uri = name ? namespaces[name[1] ?? ''] : undefined;
    if (kind !== undefined && name && uri !== undefined) {
      const end = i + 2 + name[0].length;
      // Not a function call (`f:name(`) nor a malformed name going on with a colon.
      const after = blank[end] ?? '';
      let safe = after !== '(' && after !== ':';
      // Every predicate directly on the step must be boolean.
      let p = end;
      while (safe && blank[p] === '[') {
        const close = predicateEnd(blank, p);
        if (close < 0 || mayBePositional(blank.slice(p + 1, close - 1))) safe = false;
        p = close;
      }
      if (safe) {
        const key = `Q{${uri}}${name[2] ?? ''}`;
        let k = registry.keys.indexOf(key);
        if (k < 0) k = registry.keys.push(key) - 1;
        const list = `$${listVariable(k)}`;
        const start = kind === 'context' ? i - 1 : i;
        const original = expr.slice(start, end);
        const test =
          kind === 'absolute'
            ? `$${PREFIX}:listed and root(.) is $${PREFIX}:document`
            : `$${PREFIX}:listed and (. is $${PREFIX}:document or (. is $${PREFIX}:document/*[1] and not(self::${name[0]})))`;
        out += `${expr.slice(copied, start)}(if (${test}) then ${list} else ${original})`;
        copied = end;
      }
    }
    i = next;
  }
  return out + expr.slice(copied);
}

function rewriteLet(decl: LetDecl, rewrite: (e: string) => string): LetDecl {
  return decl.value === undefined ? decl : { ...decl, value: rewrite(decl.value) };
}

function rewriteMessage(parts: readonly MessagePart[], rewrite: (e: string) => string): MessagePart[] {
  return parts.map((p) => {
    if (p.kind === 'value-of') return { ...p, select: rewrite(p.select) };
    if (p.kind === 'name' && p.path !== undefined) return { ...p, path: rewrite(p.path) };
    return p;
  });
}

/**
 * Rewrites every XPath expression of a schema model that runs with a node of the checked
 * document as context (lets, tests, messages, diagnostics; not rule contexts, which are
 * match patterns, nor foreign XSLT) and lists the names the engine must collect.
 *
 * @param model - the schema as read (or merged)
 * @returns the rewritten model and the `Q{uri}local` keys of `$psbv:list-0`, `-1`, ...
 * @example
 * const { model: fast, keys } = indexDescendantLookups(readSchema(schText));
 */
export function indexDescendantLookups(model: SchemaModel): { model: SchemaModel; keys: string[] } {
  const registry: LookupRegistry = { keys: [] };
  const rewrite = (e: string): string => rewriteDescendantLookups(e, model.namespaces, registry);
  const patterns = model.patterns.map(
    (pattern): PatternDecl => ({
      ...pattern,
      lets: pattern.lets.map((l) => rewriteLet(l, rewrite)),
      rules: pattern.rules.map((rule) => ({
        ...rule,
        items: rule.items.map((item): RuleItem => {
          if (item.kind === 'let') return { kind: 'let', let: rewriteLet(item.let, rewrite) };
          const c = item.check;
          const check: CheckDecl = {
            ...c,
            test: rewrite(c.test),
            message: rewriteMessage(c.message, rewrite),
            diagnostics: c.diagnostics.map((d) => ({ ...d, message: rewriteMessage(d.message, rewrite) })),
          };
          return { kind: 'check', check };
        }),
      })),
    }),
  );
  return { model: { ...model, lets: model.lets.map((l) => rewriteLet(l, rewrite)), patterns }, keys: registry.keys };
}
