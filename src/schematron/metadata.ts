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
}

/** Metadata of a compiled rule set. */
export interface RuleSetMetadata {
  /** Schema `title`, '' when absent. */
  readonly title: string;
  /** Active phase, `#ALL` when every pattern is active. */
  readonly phase: string;
  readonly rules: readonly RuleMetadata[];
}

/** Prefix marking the embedded metadata string inside the XSLT and the SEF. */
export const METADATA_MARKER = 'peppol-self-billing:rule-set-metadata:';

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
  const stack: unknown[] = [sef];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (node.startsWith(METADATA_MARKER)) return JSON.parse(node.slice(METADATA_MARKER.length)) as RuleSetMetadata;
    } else if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
    } else if (isRecord(node)) {
      for (const [key, value] of Object.entries(node)) if (key !== 'parentNode') stack.push(value);
    }
  }
  return undefined;
}
