/**
 * Static analysis of rule contexts: which nodes can a context pattern match?
 *
 * This is what makes the generated XSLT fast. Only the nodes some rule can match are
 * visited, and each visited node is only handed to the patterns that can match it: a
 * context whose last step is a plain name test (`cac:InvoiceLine`, `/ubl:Invoice`) is
 * dispatched by name. A wildcard step (`*[not(*) and not(normalize-space())]`,
 * `cbc:*`) matches any element, but its name test and the simple conjuncts of its
 * predicates (`not(*)`, `not(normalize-space())`, `ends-with(local-name(), 'Amount')`)
 * are kept as conditions the engine checks cheaply before visiting; anything else
 * falls back to being tried everywhere.
 */
import type { ElementCondition } from './metadata.js';

/**
 * Names of the ancestors a context requires, nearest first (the parent, then the
 * grandparent, ...): an expanded name, or null for any element (`*`). With `anchored`,
 * the last one is the document element (the context starts with `/`). Only plain child
 * steps count; the chain stops at `//`, other axes or anything else, and the conditions
 * are then necessary, not sufficient (the stylesheet still checks the full pattern).
 */
export interface AncestorChain {
  readonly chain?: readonly (string | null)[];
  readonly anchored?: true;
}

/** What one branch of a context pattern can match. */
export type ContextTarget =
  | ({ readonly kind: 'element'; readonly key: string; readonly conditions?: readonly ElementCondition[] } & AncestorChain)
  | { readonly kind: 'attribute'; readonly key: string }
  | { readonly kind: 'root' }
  /** Any element meeting all `conditions` (necessary, not sufficient; [] = every element). */
  | ({ readonly kind: 'any-element'; readonly conditions: readonly ElementCondition[] } & AncestorChain)
  | { readonly kind: 'any-attribute' }
  | { readonly kind: 'any-node' };

/** Splits `text` on `sep` characters that are outside brackets, parentheses, braces and strings. */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(' || c === '{') depth++;
    else if (c === ']' || c === ')' || c === '}') depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Removes trailing `[...]` predicates of a step. */
function stripPredicates(step: string): string {
  let s = step.trimEnd();
  while (s.endsWith(']')) {
    let depth = 0;
    let quote = '';
    let open = -1;
    for (let i = s.length - 1; i >= 0; i--) {
      const c = s[i];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === ']') depth++;
      else if (c === '[') {
        depth--;
        if (depth === 0) {
          open = i;
          break;
        }
      }
    }
    if (open < 0) return s;
    s = s.slice(0, open).trimEnd();
  }
  return s;
}

const NCNAME = '[A-Za-z_][\\w.\\-]*';
const NAME_TEST = new RegExp(`^(?:(${NCNAME}):)?(${NCNAME})$`);
const EQNAME_TEST = /^Q\{([^}]*)\}([A-Za-z_][\w.-]*)$/;

function nameKey(test: string, namespaces: Readonly<Record<string, string>>): string | undefined {
  const eq = EQNAME_TEST.exec(test);
  if (eq) return `Q{${eq[1] ?? ''}}${eq[2] ?? ''}`;
  const m = NAME_TEST.exec(test);
  if (!m) return undefined;
  const prefix = m[1];
  // Unprefixed names in XPath patterns mean "no namespace" (no xpath-default-namespace is set).
  const uri = prefix === undefined ? '' : namespaces[prefix];
  return uri === undefined ? undefined : `Q{${uri}}${m[2] ?? ''}`;
}

/** The `[...]` predicates of a step, outermost text of each, in order. */
function predicatesOf(step: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = -1;
  for (let i = 0; i < step.length; i++) {
    const c = step[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(' || c === '{') {
      if (c === '[' && depth === 0) start = i + 1;
      depth++;
    } else if (c === ']' || c === ')' || c === '}') {
      depth--;
      if (c === ']' && depth === 0 && start >= 0) {
        out.push(step.slice(start, i));
        start = -1;
      }
    }
  }
  return out;
}

/** Splits an expression on top-level `and` (outside brackets and strings). */
function splitAnd(expr: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(' || c === '{') depth++;
    else if (c === ']' || c === ')' || c === '}') depth--;
    else if (depth === 0 && /\s/.test(c ?? '') && /^\sand\s/.test(expr.slice(i, i + 5))) {
      parts.push(expr.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  parts.push(expr.slice(start));
  return parts.map((p) => p.trim());
}

const CTX = String.raw`\(\s*\.?\s*\)`;
const LIT = String.raw`\s*(?:'([^']*)'|"([^"]*)")\s*`;
const LEAF = /^not\(\s*(?:\*|child::\*|element\(\s*\))\s*\)$/;
const BLANK = new RegExp(`^not\\(\\s*normalize-space${CTX}\\s*\\)$`);
const LOCAL_FN = new RegExp(`^(ends-with|starts-with|contains)\\(\\s*local-name${CTX}\\s*,${LIT}\\)$`);
const NAME_ENDS = new RegExp(`^ends-with\\(\\s*name${CTX}\\s*,${LIT}\\)$`);
const LOCAL_EQ = new RegExp(`^local-name${CTX}\\s*(?:=|eq)${LIT}$`);
const HAS_ATTRIBUTE = /^(?:@|attribute::)([A-Za-z_][\w.-]*)$/;

/** `((x))` -> `x`, but `(a) or (b)` stays as it is. */
function unwrapParentheses(expr: string): string {
  let c = expr;
  for (;;) {
    if (!c.startsWith('(') || !c.endsWith(')')) return c;
    let depth = 0;
    for (let i = 0; i < c.length; i++) {
      if (c[i] === '(') depth++;
      else if (c[i] === ')') depth--;
      if (depth === 0 && i < c.length - 1) return c;
    }
    c = c.slice(1, -1).trim();
  }
}

/** A condition implied by one conjunct of a predicate, or undefined when we cannot tell. */
function conditionOf(conjunct: string): ElementCondition | undefined {
  const c = unwrapParentheses(conjunct.trim());
  if (LEAF.test(c)) return { test: 'leaf' };
  if (BLANK.test(c)) return { test: 'blank' };
  const fn = LOCAL_FN.exec(c);
  if (fn) {
    const value = fn[2] ?? fn[3] ?? '';
    const test = fn[1] === 'ends-with' ? 'local-ends' : fn[1] === 'starts-with' ? 'local-starts' : 'local-contains';
    return { test, value };
  }
  // name() is prefix:local; a suffix without a colon can only be a suffix of the local name.
  const ends = NAME_ENDS.exec(c);
  const suffix = ends ? (ends[1] ?? ends[2] ?? '') : undefined;
  if (suffix !== undefined && suffix !== '' && !suffix.includes(':')) return { test: 'local-ends', value: suffix };
  const eq = LOCAL_EQ.exec(c);
  if (eq) return { test: 'local-name', value: eq[1] ?? eq[2] ?? '' };
  // `[@schemeID]`: an unprefixed attribute name is in no namespace.
  const attribute = HAS_ATTRIBUTE.exec(c);
  if (attribute) return { test: 'attribute', value: attribute[1] ?? '' };
  return undefined;
}

function wildcardConditions(step: string, rawStep: string, namespaces: Readonly<Record<string, string>>): ElementCondition[] {
  const conditions: ElementCondition[] = [];
  const prefixed = /^([A-Za-z_][\w.-]*):\*$/.exec(step);
  if (prefixed) {
    const uri = namespaces[prefixed[1] ?? ''];
    if (uri !== undefined) conditions.push({ test: 'namespace', value: uri });
  }
  const local = /^\*:([A-Za-z_][\w.-]*)$/.exec(step);
  if (local) conditions.push({ test: 'local-name', value: local[1] ?? '' });
  for (const predicate of predicatesOf(rawStep)) {
    for (const conjunct of splitAnd(predicate)) {
      const condition = conditionOf(conjunct);
      if (condition) conditions.push(condition);
    }
  }
  return conditions;
}

/** The ancestor names a path requires before its last step (see `AncestorChain`). */
function ancestorChain(steps: readonly string[], namespaces: Readonly<Record<string, string>>): AncestorChain {
  const chain: (string | null)[] = [];
  for (let i = steps.length - 2; i >= 0; i--) {
    const raw = (steps[i] ?? '').trim();
    if (raw === '') {
      // A leading '/' (the document node) anchors the chain; '//' (an empty step inside) does not.
      if (i === 0 && !steps.slice(1, -1).some((s) => s.trim() === '')) return chain.length === 0 ? { anchored: true } : { chain, anchored: true };
      return chain.length === 0 ? {} : { chain };
    }
    const step = stripPredicates(raw).replace(/^child::/, '').trim();
    if (step === '*' || /^[A-Za-z_][\w.-]*:\*$/.test(step) || /^\*:[A-Za-z_][\w.-]*$/.test(step)) chain.push(null);
    else {
      const key = nameKey(step, namespaces);
      if (key === undefined) break;
      chain.push(key);
    }
  }
  return chain.length === 0 ? {} : { chain };
}

function analyseBranch(branch: string, namespaces: Readonly<Record<string, string>>): ContextTarget {
  const raw = branch.trim();
  const b = stripPredicates(raw);
  if (b === '/' || b === 'document-node()' || b === '/document-node()') return { kind: 'root' };
  const steps = splitTopLevel(raw, '/');
  const lastRaw = (steps[steps.length - 1] ?? '').trim();
  const last = stripPredicates(lastRaw);
  if (last === '') return { kind: 'any-node' };
  let step = last.startsWith('child::') ? last.slice(7).trim() : last;
  let attribute = false;
  if (step.startsWith('@')) {
    attribute = true;
    step = step.slice(1).trim();
  } else if (step.startsWith('attribute::')) {
    attribute = true;
    step = step.slice(11).trim();
  }
  if (step === '*' || /^[A-Za-z_][\w.-]*:\*$/.test(step) || /^\*:[A-Za-z_][\w.-]*$/.test(step)) {
    return attribute ? { kind: 'any-attribute' } : { kind: 'any-element', conditions: wildcardConditions(step, lastRaw, namespaces), ...ancestorChain(steps, namespaces) };
  }
  const key = nameKey(step, namespaces);
  if (key === undefined) return { kind: 'any-node' };
  if (attribute) return { kind: 'attribute', key };
  const conditions = predicatesOf(lastRaw).flatMap((p) => splitAnd(p).flatMap((c) => conditionOf(c) ?? []));
  return { kind: 'element', key, ...(conditions.length === 0 ? {} : { conditions }), ...ancestorChain(steps, namespaces) };
}

/**
 * Lists what each `|`-separated branch of an XSLT match pattern can match.
 *
 * @param context The rule context as written in the schema.
 * @param namespaces Prefix to URI map from the schema's `ns` declarations.
 * @returns One target per branch; `any-node` when the branch is not understood.
 *
 * @example
 * analyseContext('cac:InvoiceLine | /ubl:Invoice', { cac: 'urn:cac', ubl: 'urn:inv' });
 * // [{ kind: 'element', key: 'Q{urn:cac}InvoiceLine' }, { kind: 'element', key: 'Q{urn:inv}Invoice' }]
 */
export function analyseContext(context: string, namespaces: Readonly<Record<string, string>>): ContextTarget[] {
  return splitTopLevel(context, '|').map((branch) => analyseBranch(branch, namespaces));
}
