/**
 * Shapes of a validation run: what `validateDocument` resolves to.
 * Pure data, no saxon-js here, so these types can be imported anywhere.
 */
import type { DetectedProfile } from '../profiles/types.js';

/** Severity as the official Peppol and CEN artefacts flag their rules. */
export type Severity = 'fatal' | 'warning';

/** Where an issue came from: the XML stage (syntax, root) or a Schematron rule. */
export type IssueSource = 'xml' | 'rule';

/**
 * One finding of a validation run.
 *
 * @example
 * const issue: ValidationIssue = {
 *   ruleId: 'BR-CO-15', severity: 'fatal',
 *   message: 'Invoice total amount with VAT (BT-112) must equal BT-109 + BT-110.',
 *   location: '/Invoice[1]/cac:LegalMonetaryTotal[1]',
 *   businessTerms: ['BT-112', 'BT-109', 'BT-110'], source: 'rule', ruleSet: 'cen-en16931',
 * };
 */
export interface ValidationIssue {
  /** Official rule id (`BR-CO-15`, `PEPPOL-EN16931-R001`) or `XML-SYNTAX`, `XML-ROOT`, ... */
  readonly ruleId: string;
  readonly severity: Severity;
  /** Our own words: what is wrong and how to fix it. */
  readonly message: string;
  /** XPath with positions (`/Invoice[1]/cac:InvoiceLine[3]`) or `line 12, column 4` for XML issues. */
  readonly location: string;
  /** Business terms the rule concerns, e.g. `['BT-112']`. */
  readonly businessTerms: readonly string[];
  readonly source: IssueSource;
  /**
   * Rule set that produced the issue: for built-in rules the `.sch` file stem
   * (`peppol-document`, `cen-core`, `ubl-restrictions`, ...), for an extra rule set the
   * name it was loaded under, `xml` for the XML stage, `self-billing` for an engine
   * failure of the merged built-in set.
   */
  readonly ruleSet: string;
  /**
   * Extra explanations: the texts of the Schematron `<diagnostic>`s the rule names in
   * its `diagnostics` attribute, evaluated on the failing node, in that order. Absent
   * when the rule names none (the official rule sets rarely do).
   */
  readonly diagnostics?: readonly string[];
}

/** Timing and size figures of one run, for benchmarks and curiosity. */
export interface ValidationStats {
  /** Wall-clock milliseconds for the whole run. */
  readonly durationMs: number;
  /** Milliseconds spent parsing the XML into a tree. */
  readonly parseMs: number;
  /** Milliseconds spent in rule evaluation. */
  readonly rulesMs: number;
  /** Rule sets that ran, by name: the built-in ones by file stem, then the extra ones. */
  readonly ruleSets: readonly string[];
  readonly fatal: number;
  readonly warnings: number;
}

/** The UBL document kind found at the root. */
export type DocumentType = 'Invoice' | 'CreditNote' | 'unknown';

/**
 * Result of `validateDocument`: always produced, never thrown.
 * `valid` is true when no issue has severity `fatal`.
 */
export interface ValidationReport {
  readonly valid: boolean;
  readonly profile: DetectedProfile;
  readonly documentType: DocumentType;
  readonly issues: readonly ValidationIssue[];
  readonly stats: ValidationStats;
}
