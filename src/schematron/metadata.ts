/**
 * Rule-set metadata: name, and per rule its id, flag and business terms.
 *
 * The compiler embeds this JSON in the generated XSLT as a string literal returned by a
 * named template, so it travels inside the SEF file. `findEmbeddedMetadata` gets it
 * back by walking the SEF tree, without running the stylesheet.
 */

/** What the schema says about one `assert` or `report`. */
export interface RuleMetadata {
  readonly id: string;
  /** `flag` attribute as written (`fatal`, `warning`, ...), '' when absent. */
  readonly flag: string;
  readonly kind: 'assert' | 'report';
  /** `role` attribute, '' when absent. */
  readonly role: string;
  /** BT-/BG- ids named in the message text or in the `see` attribute, in order of first mention. */
  readonly businessTerms: readonly string[];
  /** Id of the pattern holding the rule. */
  readonly pattern: string;
  /**
   * Rule set the rule belongs to, when the SEF holds several merged ones (the built-in
   * set: the `.sch` file stem, e.g. `peppol-document`). Issues carry the same name.
   */
  readonly ruleSet?: string;
}

/** Metadata of a compiled rule set. */
export interface RuleSetMetadata {
  /** Schema `title`, '' when absent. */
  readonly title: string;
  /** Active phase, `#ALL` when every pattern is active. */
  readonly phase: string;
  readonly rules: readonly RuleMetadata[];
  /** Names of the merged rule sets, in the order they run; absent for a single schema. */
  readonly ruleSets?: readonly string[];
}

/** Prefix marking the embedded metadata string inside the XSLT and the SEF. */
export const METADATA_MARKER = 'peppol-self-billing:rule-set-metadata:';

/** Prefix marking the embedded node-index specification (see `NodeIndexSpec`). */
export const NODE_INDEX_MARKER = 'peppol-self-billing:node-index:';

/**
 * A necessary condition an element must meet to be matched by a wildcard rule context
 * (`*[not(*) and not(normalize-space())]`, `cbc:*`, `*[ends-with(local-name(), 'Amount')]`).
 * Cheap to check in JavaScript; the stylesheet still checks the full context.
 */
export type ElementCondition =
  | { readonly test: 'leaf' }
  | { readonly test: 'blank' }
  | { readonly test: 'namespace'; readonly value: string }
  | { readonly test: 'local-name'; readonly value: string }
  | { readonly test: 'local-ends'; readonly value: string }
  | { readonly test: 'local-starts'; readonly value: string }
  | { readonly test: 'local-contains'; readonly value: string }
  /** The element has this attribute (no namespace): `[@schemeID]`. */
  | { readonly test: 'attribute'; readonly value: string };

/**
 * When a pattern may match an element (necessary conditions, checked in JavaScript before
 * the stylesheet is asked): its name (`key`, absent for a wildcard), `conditions`, and the
 * names of its ancestors (`chain`, nearest first, null = any element; `anchored`: the last
 * one is the document element).
 */
export interface DispatchFilter {
  readonly pattern: number;
  readonly key?: string;
  readonly conditions?: readonly ElementCondition[];
  readonly chain?: readonly (string | null)[];
  readonly anchored?: true;
}

/**
 * Which nodes the rules of a compiled stylesheet can match, so the engine can hand the
 * stylesheet only those (in document order) instead of having it walk every node.
 */
export interface NodeIndexSpec {
  /** Namespace URI ('' for none) to local names that some rule context names. */
  readonly elements: Readonly<Record<string, readonly string[]>>;
  /**
   * One entry per wildcard rule context: conditions (all must hold) an element must meet
   * to be worth visiting; an empty entry means every element.
   */
  readonly wildcards: readonly (readonly ElementCondition[])[];
  /** Namespace URI to local names of attributes that some rule context names: their owners are visited. */
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  /** True when some context matches any attribute: every element with attributes is visited. */
  readonly anyAttribute: boolean;
  /**
   * Per-pattern dispatch (stylesheets compiled since it exists): which pattern may match
   * which element. The engine hands each pattern only those elements, so the work per
   * element does not grow with the number of rules.
   */
  readonly dispatch?: {
    readonly patterns: number;
    readonly filters: readonly DispatchFilter[];
    /** Patterns with attribute contexts: attribute name keys ('*' = any attribute) per pattern. */
    readonly attributes: readonly { readonly pattern: number; readonly key: string }[];
    /**
     * True in stylesheets that take one element list per pattern (`psbv:e<p>`, `psbv:a<p>`);
     * earlier ones took (element, pattern) pairs, which the engine no longer passes: it hands
     * them the node list (`psbv:nodes`) instead.
     */
    readonly perPattern?: boolean;
  };
  /**
   * Element names (`Q{uri}local`) whose elements the engine collects, in document order, into
   * the parameter `psbv:list-K` (K = position here), with `psbv:listed` true: the stylesheet's
   * document-wide `//name` lookups read them (see descendant-lookups.ts).
   */
  readonly lists?: readonly string[];
}
const TERM = /\b(B[TG]-\d+)\b/g;

/**
 * Collects BT-/BG- ids from text, unique, in order of first mention.
 *
 * @example
 * extractBusinessTerms('Seller name (BT-27) in BG-4, BT-27 again'); // ['BT-27', 'BG-4']
 */
export function extractBusinessTerms(...texts: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(TERM)) if (m[1]) seen.add(m[1]);
  return [...seen];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * Finds the metadata the compiler embedded in a SEF tree (a string literal starting
 * with `METADATA_MARKER`). Returns undefined for SEF files we did not compile.
 *
 * @example
 * const meta = findEmbeddedMetadata(JSON.parse(sefText));
 * meta?.rules.map((r) => r.id);
 */
export function findEmbeddedMetadata(sef: unknown): RuleSetMetadata | undefined {
  const text = findMarked(sef, METADATA_MARKER);
  return text === undefined ? undefined : (JSON.parse(text) as RuleSetMetadata);
}

/**
 * Finds the node-index specification the compiler embedded in a SEF tree; undefined
 * for SEF files compiled before it existed or elsewhere (they walk the document).
 *
 * @example
 * findEmbeddedNodeIndex(sef)?.elements['urn:oasis:names:specification:ubl:schema:xsd:Invoice-2']; // ['Invoice']
 */
export function findEmbeddedNodeIndex(sef: unknown): NodeIndexSpec | undefined {
  const text = findMarked(sef, NODE_INDEX_MARKER);
  return text === undefined ? undefined : (JSON.parse(text) as NodeIndexSpec);
}

/**
 * The embedded strings (metadata, node index) read from the JSON text a SEF object was parsed
 * from, per marker; undefined where the text has none. Only these small strings are kept, not
 * the text (5 MB for the built-in rule set).
 */
const embeddedStrings = new WeakMap<object, ReadonlyMap<string, string | undefined>>();

/**
 * Reads the embedded metadata and node index out of the JSON text a SEF object was parsed
 * from, so that they are found with a text search instead of a walk over the whole tree
 * (about 80 ms for the 10 MB built-in rule set, at every cold start).
 *
 * @example
 * const sef = JSON.parse(text);
 * rememberSefText(sef, text);
 * findEmbeddedMetadata(sef); // no walk over the tree
 */
export function rememberSefText(sef: object, text: string): void {
  embeddedStrings.set(sef, new Map([METADATA_MARKER, NODE_INDEX_MARKER].map((marker) => [marker, markedInText(text, marker)])));
}

/** The rest of the first JSON string literal of `text` that starts with `marker`. */
function markedInText(text: string, marker: string): string | undefined {
  let at = text.indexOf(`"${marker}`);
  while (at >= 0) {
    // The closing quote: the next one not escaped (preceded by an even number of backslashes).
    let end = text.indexOf('"', at + 1);
    for (;;) {
      if (end < 0) return undefined;
      let backslashes = 0;
      while (text[end - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    try {
      const value = JSON.parse(text.slice(at, end + 1)) as string;
      return value.slice(marker.length);
    } catch {
      at = text.indexOf(`"${marker}`, end);
    }
  }
  return undefined;
}

/** The rest of the first string starting with `marker`: from the remembered text when there is one, else by walking the tree. */
function findMarked(sef: unknown, marker: string): string | undefined {
  const remembered = isRecord(sef) ? embeddedStrings.get(sef) : undefined;
  return remembered ? remembered.get(marker) : findMarkedString(sef, marker);
}

/** The rest of the first string in the tree that starts with `marker`. */
function findMarkedString(tree: unknown, marker: string): string | undefined {
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (node.startsWith(marker)) return node.slice(marker.length);
    } else if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
    } else if (isRecord(node)) {
      for (const [key, value] of Object.entries(node)) if (key !== 'parentNode') stack.push(value);
    }
  }
  return undefined;
}
