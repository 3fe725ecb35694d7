/**
 * Our rule sets against the official catalogue (../shared/peppol-sb/rules.json): every rule
 * we implement has an official id and the official severity.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltInRuleSets } from '../../src/validate/rule-sets.js';

interface CatalogueRule {
  readonly id: string;
  readonly flag: 'fatal' | 'warning';
  readonly source: string;
}
const catalogue = JSON.parse(readFileSync(resolve(process.cwd(), '../shared/peppol-sb/rules.json'), 'utf8')) as CatalogueRule[];
const byId = new Map(catalogue.map((r) => [r.id, r]));
const ours = (await loadBuiltInRuleSets()).flatMap((s) => s.metadata.rules.map((r) => ({ ...r, ruleSet: r.ruleSet ?? s.name })));

describe('the built-in rule sets', () => {
  it('use only rule ids of the official catalogue', () => {
    expect(ours.filter((r) => !byId.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('flag every rule with the official severity', () => {
    const wrong = ours.filter((r) => byId.has(r.id) && byId.get(r.id)?.flag !== r.flag).map((r) => `${r.id}: ${r.flag} (official: ${byId.get(r.id)?.flag})`);
    expect(wrong).toEqual([]);
  });

  it('name at least one business term in the message of every business rule', () => {
    const bare = ours.filter((r) => /^BR-/.test(r.id) && r.businessTerms.length === 0).map((r) => r.id);
    expect(bare).toEqual([]);
  });
});
