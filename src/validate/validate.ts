/**
 * `validateDocument`: bytes in, report out, never throws.
 *
 * Stages, each stopping the run when it fails: decode (BOM / declared encoding),
 * size limit, SBDH unwrap, DOCTYPE refusal, well-formedness, root element and
 * namespace, then the rules on ONE parsed document: the built-in rule sets merged into
 * one stylesheet (one traversal), then each extra rule set as its own pass.
 */
import { detectProfile } from '../profiles/detect.js';
import type { DetectedProfile } from '../profiles/types.js';
import { decodeXmlInput, hasDoctype, maxElementDepth, readRootTag, unwrapSbdh, XmlInputError } from '../ubl/input.js';
import { readRuleSetOutput } from './report-reader.js';
import { loadBuiltInRuleSets, type CompiledRuleSet } from './rule-sets.js';
import { describeParseError, saxonEngine, type ParsedDocument, type XsltEngine } from './saxon.js';
import type { DocumentType, ValidationIssue, ValidationReport } from './types.js';

/** Options of `validateDocument`. */
export interface ValidateOptions {
  /** Extra rule sets to run after the built-in ones (each is a separate pass over the parsed document). */
  readonly ruleSets?: readonly CompiledRuleSet[];
  /** Run the rule sets shipped with the package (default true). */
  readonly includeBuiltIn?: boolean;
  /** Refuse bigger input (default 32 MiB), before any parsing. */
  readonly maxBytes?: number;
  /** The XSLT engine; tests may pass a fake. Default: saxon-js. */
  readonly engine?: XsltEngine;
}

/**
 * Deepest element nesting we accept. UBL nests about 10 deep; the parser and the rule
 * walk recurse per level and overflow the stack somewhere past a thousand.
 */
export const MAX_ELEMENT_DEPTH = 200;

/** 32 MiB: far above real invoices (the largest Peppol ones carry a few MB of attachments). */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

const NAMESPACES: Readonly<Record<string, string>> = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
};

function xmlIssue(ruleId: string, message: string, location = ''): ValidationIssue {
  return { ruleId, severity: 'fatal', message, location, businessTerms: [], source: 'xml', ruleSet: 'xml' };
}

function engineIssue(error: unknown, ruleSet: string): ValidationIssue {
  const message = error instanceof Error ? error.message : String(error);
  return {
    ruleId: 'ENGINE-ERROR',
    severity: 'fatal',
    message: `The validation engine failed${ruleSet === 'engine' ? '' : ` in rule set ${ruleSet}`}: ${message}`,
    location: '',
    businessTerms: [],
    source: 'rule',
    ruleSet,
  };
}

function byteLength(input: string | Uint8Array, max: number): number {
  if (typeof input !== 'string') return input.byteLength;
  // A UTF-8 byte count is at least the UTF-16 length: skip the O(n) count when that already exceeds.
  return input.length > max ? input.length : Buffer.byteLength(input, 'utf8');
}

const UNKNOWN_PROFILE: DetectedProfile = { profile: 'unknown', isSelfBilled: false, root: '', diagnostics: [] };

/**
 * Validates a UBL Invoice or CreditNote (optionally inside an SBDH envelope) against
 * the built-in Peppol Self-Billing rule sets and any extra ones.
 *
 * @param xml File bytes (any BOM, UTF-8/UTF-16 or the declared encoding) or text.
 * @param options Extra rule sets, built-in on/off, size limit.
 * @returns Always a report; `valid` is false when any issue is fatal. Engine
 * failures become `ENGINE-ERROR` issues.
 *
 * @example
 * const report = await validateDocument(readFileSync('invoice.xml'));
 * for (const i of report.issues) console.log(i.severity, i.ruleId, i.location, i.message);
 */
export async function validateDocument(
  xml: string | Uint8Array,
  options: ValidateOptions = {},
): Promise<ValidationReport> {
  const started = performance.now();
  const issues: ValidationIssue[] = [];
  const ranSets: string[] = [];
  let profile = UNKNOWN_PROFILE;
  let documentType: DocumentType = 'unknown';
  let parseMs = 0;
  let rulesMs = 0;

  const finish = (): ValidationReport => {
    const fatal = issues.filter((i) => i.severity === 'fatal').length;
    return {
      valid: fatal === 0,
      profile,
      documentType,
      issues,
      stats: {
        durationMs: performance.now() - started,
        parseMs,
        rulesMs,
        ruleSets: ranSets,
        fatal,
        warnings: issues.length - fatal,
      },
    };
  };

  try {
    const engine = options.engine ?? saxonEngine;
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const size = byteLength(xml, maxBytes);
    if (size > maxBytes) {
      issues.push(xmlIssue('XML-TOO-LARGE', `The document has ${size} bytes, more than the limit of ${maxBytes} (option maxBytes).`));
      return finish();
    }
    let text: string;
    try {
      text = decodeXmlInput(xml);
    } catch (e) {
      if (e instanceof XmlInputError) {
        issues.push(xmlIssue(e.code, e.message));
        return finish();
      }
      throw e;
    }
    text = unwrapSbdh(text).xml;
    if (text.trim() === '') {
      issues.push(xmlIssue('XML-SYNTAX', 'The document is empty.', 'line 1, column 1'));
      return finish();
    }
    // Refused before parsing: no DTD means no entity expansion and no external fetch.
    if (hasDoctype(text)) {
      issues.push(xmlIssue('XML-DOCTYPE', 'The document declares a DOCTYPE; UBL documents have none, and DTDs and entity declarations are refused for safety.'));
      return finish();
    }
    if (maxElementDepth(text, MAX_ELEMENT_DEPTH) > MAX_ELEMENT_DEPTH) {
      issues.push(xmlIssue('XML-DEPTH', `Elements are nested more than ${MAX_ELEMENT_DEPTH} deep; UBL documents nest about 10 deep.`));
      return finish();
    }
    let doc: ParsedDocument;
    const parseStart = performance.now();
    try {
      doc = engine.parse(text);
    } catch (e) {
      if (e instanceof RangeError) {
        issues.push(xmlIssue('XML-DEPTH', 'The document is nested too deeply to be processed.'));
        return finish();
      }
      const failure = describeParseError(e);
      const where = failure.line === undefined ? '' : `line ${failure.line}, column ${failure.column ?? 0}`;
      issues.push(xmlIssue('XML-SYNTAX', `The document is not well-formed XML: ${failure.message}.`, where));
      return finish();
    } finally {
      parseMs = performance.now() - parseStart;
    }

    const root = readRootTag(text);
    const expected = root ? NAMESPACES[root.local] : undefined;
    if (!root || expected === undefined || root.ns !== expected) {
      const found = root ? `${root.local}${root.ns ? ` in namespace ${root.ns}` : ' without namespace'}` : 'no root element';
      issues.push(
        xmlIssue('XML-ROOT', `The root element must be Invoice in ${NAMESPACES['Invoice']} or CreditNote in ${NAMESPACES['CreditNote']}; found ${found}.`, root ? `/${root.qname}[1]` : ''),
      );
      return finish();
    }
    documentType = root.local === 'Invoice' ? 'Invoice' : 'CreditNote';
    profile = detectProfile(text);

    const sets = [...(options.includeBuiltIn === false ? [] : await loadBuiltInRuleSets()), ...(options.ruleSets ?? [])];
    const rulesStart = performance.now();
    for (const set of sets) {
      // A merged set (the built-in one) lists the rule sets it holds.
      ranSets.push(...(set.metadata.ruleSets ?? [set.name]));
      try {
        const found = readRuleSetOutput(engine.run(set.sef, doc), set);
        // A merged set runs only the rule sets it lists (in development an edited file
        // runs from its own fresh SEF instead: see loadBuiltInRuleSets).
        const listed = set.metadata.ruleSets;
        issues.push(...(listed === undefined ? found : found.filter((i) => listed.includes(i.ruleSet))));
      } catch (e) {
        issues.push(engineIssue(e, set.name));
      }
    }
    rulesMs = performance.now() - rulesStart;
  } catch (e) {
    issues.push(engineIssue(e, 'engine'));
  }
  return finish();
}
