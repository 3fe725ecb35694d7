/**
 * Static analysis of rule contexts: which nodes can a context pattern match?
 *
 * This is what makes the generated XSLT fast. The single traversal only applies a
 * pattern's mode at nodes its rules can match; a context whose last step is a plain
 * name test (`cac:InvoiceLine`, `/ubl:Invoice`, `cbc:*[...]` is not one) is dispatched
 * by name, everything else falls back to being tried everywhere.
 */

/** What one branch of a context pattern can match. */
export type ContextTarget =
  | { readonly kind: 'element'; readonly key: string }
  | { readonly kind: 'attribute'; readonly key: string }
  | { readonly kind: 'root' }
  | { readonly kind: 'any-element' }
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

function analyseBranch(branch: string, namespaces: Readonly<Record<string, string>>): ContextTarget {
  const b = stripPredicates(branch.trim());
  if (b === '/' || b === 'document-node()' || b === '/document-node()') return { kind: 'root' };
  const steps = splitTopLevel(b, '/');
  const last = stripPredicates((steps[steps.length - 1] ?? '').trim());
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
    return attribute ? { kind: 'any-attribute' } : { kind: 'any-element' };
  }
  const key = nameKey(step, namespaces);
  if (key === undefined) return { kind: 'any-node' };
  return attribute ? { kind: 'attribute', key } : { kind: 'element', key };
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
