/**
 * Reads what a compiled rule set returns into `ValidationIssue`s. Pure: tested on
 * stored outputs, no Saxon needed.
 *
 * The output of a stylesheet made by `compileSchematron` is a JSON array with one
 * object per fired assert/report (a lean stand-in for SVRL failed-assert and
 * successful-report):
 *
 * ```json
 * [{ "id": "PEPPOL-EN16931-R003", "flag": "fatal", "kind": "assert",
 *    "location": "/Invoice[1]", "text": "Give a buyer reference (BT-10) ...",
 *    "role": "...", "diagnostics": ["..."], "ruleSet": "peppol-document" },
 *  { "id": "BR-CO-15", "flag": "fatal", "kind": "error", "location": "...",
 *    "text": "Rule BR-CO-15 could not be evaluated: ...", "error": "err:FORG0001" }]
 * ```
 * `kind: "error"` is a test that raised a dynamic error: always fatal. `ruleSet` is
 * present when the stylesheet merges several rule sets (the built-in one does): the
 * name of the rule set the rule came from.
 */
import { extractBusinessTerms, type RuleSetMetadata } from '../schematron/metadata.js';
import type { Severity, ValidationIssue } from './types.js';

/** One entry of the JSON array a compiled rule set returns. */
export interface RawRuleResult {
  readonly id: string;
  readonly flag: string;
  readonly kind: 'assert' | 'report' | 'error';
  readonly location: string;
  readonly text: string;
  readonly role?: string;
  readonly diagnostics?: readonly string[];
  readonly error?: string;
  /** Rule set of the rule, in a merged stylesheet. */
  readonly ruleSet?: string;
}

/**
 * Maps a Schematron `flag` (or `role`, which some rule sets use instead) to our
 * severity. Unknown or missing flags count as fatal: a rule that fires and does not
 * say it is a warning is an error.
 *
 * @example
 * severityOf('warning', ''); // 'warning'
 * severityOf('', 'information'); // 'warning'
 */
export function severityOf(flag: string, role: string): Severity {
  const f = (flag || role).trim().toLowerCase();
  return f === 'warning' || f === 'warn' || f === 'info' || f === 'information' ? 'warning' : 'fatal';
}

/** Business terms per rule, built once per metadata object (the built-in set has over 1000 rules). */
const termsByMetadata = new WeakMap<RuleSetMetadata, ReadonlyMap<string, readonly string[]>>();

function termsOf(metadata: RuleSetMetadata): ReadonlyMap<string, readonly string[]> {
  let terms = termsByMetadata.get(metadata);
  if (!terms) {
    // Keyed by rule set and id: two merged rule sets may (wrongly, but possibly) reuse an id.
    terms = new Map(metadata.rules.map((r) => [`${r.ruleSet ?? ''}\u0000${r.id}`, r.businessTerms]));
    termsByMetadata.set(metadata, terms);
  }
  return terms;
}

function isRaw(v: unknown): v is RawRuleResult {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r['id'] === 'string' && typeof r['text'] === 'string' && typeof r['location'] === 'string';
}

/**
 * Turns the JSON output of one rule set into issues.
 *
 * @param output The serialised principal result of the stylesheet.
 * @param ruleSet Name and metadata (business terms per rule id) of the rule set.
 * @returns Issues in document order; business terms come from the metadata, or
 * failing that from the BT-/BG- ids in the message. `ruleSet` of each issue is the
 * rule's own rule set when the output names it (merged sets), else `ruleSet.name`.
 * @throws Error when the output is not the expected JSON (the engine reports it).
 *
 * @example
 * readRuleSetOutput('[{"id":"R1","flag":"warning","kind":"assert","location":"/a[1]","text":"t"}]',
 *   { name: 'mine', metadata: { title: '', phase: '#ALL', rules: [] } });
 */
export function readRuleSetOutput(
  output: string,
  ruleSet: { readonly name: string; readonly metadata: RuleSetMetadata },
): ValidationIssue[] {
  const parsed: unknown = JSON.parse(output === '' ? '[]' : output);
  if (!Array.isArray(parsed)) throw new Error(`Rule set ${ruleSet.name} returned ${typeof parsed}, not an array.`);
  const terms = termsOf(ruleSet.metadata);
  const issues: ValidationIssue[] = [];
  for (const item of parsed) {
    if (!isRaw(item)) throw new Error(`Rule set ${ruleSet.name} returned an entry without id, text or location.`);
    const severity: Severity = item.kind === 'error' ? 'fatal' : severityOf(item.flag, item.role ?? '');
    const issue: { -readonly [K in keyof ValidationIssue]: ValidationIssue[K] } = {
      ruleId: item.id,
      severity,
      message: item.error === undefined ? item.text : `${item.text} (${item.error})`,
      location: item.location,
      businessTerms: terms.get(`${item.ruleSet ?? ''}\u0000${item.id}`) ?? extractBusinessTerms(item.text),
      source: 'rule',
      ruleSet: typeof item.ruleSet === 'string' && item.ruleSet !== '' ? item.ruleSet : ruleSet.name,
    };
    if (item.diagnostics && item.diagnostics.length > 0) issue.diagnostics = item.diagnostics;
    issues.push(issue);
  }
  return issues;
}
