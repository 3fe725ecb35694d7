/**
 * Agreement with the official rule sets, without the official files: each case is a shared
 * document, a mutation recipe and the rule ids the official Peppol BIS Self-Billing 3.0.2 /
 * CEN EN16931 UBL 1.3.16 Schematron fired on it (recorded by scripts/agreement/compare.mjs
 * and derive-cases.mjs). Our built-in rules must fire exactly those ids within the scope.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltInRuleSets, validateDocument } from '../../src/validate/index.js';
import { mutate, type Recipe } from '../helpers/rule-scope.js';

interface AgreementCase {
  readonly name: string;
  readonly base: string;
  readonly mutations: readonly Recipe[];
  readonly official: readonly string[];
}
interface AgreementCases {
  readonly scope: readonly string[];
  readonly rules: readonly string[];
  readonly cases: readonly AgreementCase[];
}

const shared = path.resolve(process.cwd(), '../shared');
const data = JSON.parse(readFileSync(path.resolve(process.cwd(), 'test/rules/agreement-cases.json'), 'utf8')) as AgreementCases;
const judged = new Set(data.rules);

describe('validateDocument agrees with the official rule sets', () => {
  beforeAll(async () => {
    await loadBuiltInRuleSets();
  }, 600_000);

  it('has cases for every rule family it judges', () => {
    expect(data.cases.length).toBeGreaterThanOrEqual(150);
    for (const prefix of data.scope) expect(data.cases.some((c) => c.official.some((id) => id.startsWith(prefix)))).toBe(true);
  });

  it.each(data.cases.map((c) => [c.name, c] as const))('fires the official rule ids on %s', async (_name, c) => {
    const xml = mutate(readFileSync(path.join(shared, c.base), 'utf8'), c.mutations);
    expect(xml).toBeDefined();
    const report = await validateDocument(xml ?? '');
    const fired = [...new Set(report.issues.map((i) => i.ruleId).filter((id) => judged.has(id)))].sort();
    expect(fired).toEqual([...c.official].sort());
  });
});
