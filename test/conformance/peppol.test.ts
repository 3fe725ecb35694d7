/**
 * The official Peppol self-billing unit tests, for every rule our built-in rule sets
 * implement. "Implemented" comes from the compiled rule sets' metadata, so rules that
 * colleagues add under schematron/ are picked up without touching this file.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeTestSets, implementedRules } from './run-testsets.js';
import { loadTestSet } from './testset.js';

const dir = resolve(__dirname, '../../../shared/peppol-sb/unit-tests/peppol-sb');
const sets = readdirSync(dir)
  .filter((f) => f.endsWith('.xml'))
  .sort()
  .map((f) => loadTestSet(join(dir, f)));
const implemented = await implementedRules();

describe('official Peppol self-billing unit tests', () => {
  it('finds test sets for every implemented Peppol rule that has official tests', () => {
    expect(sets.filter((s) => s.scope.some((rule) => implemented.has(rule))).length).toBe(sets.length);
  });

  describeTestSets(sets, implemented);
});
