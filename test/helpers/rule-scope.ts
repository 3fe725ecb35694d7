/**
 * Shared pieces of the rule test files: validating with only the built-in rule sets that hold a
 * file's rules (the others are not needed there and cost time), the example and realistic
 * documents of ../shared used as mutation bases, and the harness's mutation recipes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll } from 'vitest';
// @ts-expect-error -- plain ESM helper shared with the harness, no type declarations
import { applyMutations } from '../../scripts/agreement/mutate.mjs';
import { loadBuiltInRuleSets, type CompiledRuleSet } from '../../src/validate/rule-sets.js';
import type { ValidationIssue } from '../../src/validate/types.js';
import { validateDocument } from '../../src/validate/validate.js';

/** ../shared/peppol-sb, as the tests read it. */
export const SHARED = resolve(process.cwd(), '../shared/peppol-sb');

/** The rule sets holding a test file's rules, and the issues of those rules only. */
export interface RuleScope {
  /** The loaded rule sets (empty until the `beforeAll` has run). */
  readonly ruleSets: () => readonly CompiledRuleSet[];
  readonly issues: (xml: string) => Promise<ValidationIssue[]>;
}

/**
 * Registers a `beforeAll` that loads the built-in rule sets holding `mine` (call at the top
 * level of a test file).
 */
export function scopedRules(mine: ReadonlySet<string>): RuleScope {
  let ruleSets: readonly CompiledRuleSet[] = [];
  beforeAll(async () => {
    ruleSets = (await loadBuiltInRuleSets()).filter((s) => s.metadata.rules.some((r) => mine.has(r.id)));
  }, 600_000);
  return {
    ruleSets: () => ruleSets,
    issues: async (xml) => (await validateDocument(xml, { includeBuiltIn: false, ruleSets })).issues.filter((i) => mine.has(i.ruleId)),
  };
}

/** The examples and realistic documents of ../shared up to `maxBytes` (larger ones carry attachments and only slow a suite down), by name, sorted. */
export function baseDocumentNames(maxBytes = 200_000): string[] {
  return [
    ...readdirSync(join(SHARED, 'examples')).map((f) => `examples/${f}`),
    ...readdirSync(join(SHARED, 'realistic')).map((f) => `realistic/${f}`),
  ]
    .filter((f) => f.endsWith('.xml') && statSync(join(SHARED, f)).size <= maxBytes)
    .sort();
}

/** Reads a document of ../shared/peppol-sb by its name under it. */
export function readShared(name: string): string {
  return readFileSync(join(SHARED, name), 'utf8');
}

/** One mutation recipe of the agreement harness (scripts/agreement/mutate.mjs). */
export interface Recipe {
  readonly op: string;
  readonly path: string;
  readonly index?: number;
  readonly value?: string | null;
  readonly attr?: string;
}

/** Applies recipes with the harness's own code; undefined when a recipe finds nothing to change. */
export const mutate = applyMutations as (xml: string, recipes: readonly Recipe[]) => string | undefined;
