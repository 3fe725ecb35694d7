import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { describeFields } from '../../src/model/describe.js';
import { SellerSchema } from '../../src/model/party.js';
import { renderModelFieldsDoc } from '../../scripts/model-doc.js';

describe('describeFields', () => {
  it('lists nested fields with dotted paths and their business terms', () => {
    const fields = describeFields(SellerSchema);
    expect(fields.find((f) => f.path === 'vatIdentifier')?.description).toBe('BT-31 Seller VAT identifier');
    expect(fields.find((f) => f.path === 'postalAddress.countryCode')?.description).toBe('BT-40 Country code');
    expect(fields.find((f) => f.path === 'identifiers[]')?.description).toMatch(/^BT-29/);
  });

  it('prefers the description given where a reused schema is placed', () => {
    const Inner = z.object({ a: z.string().describe('inner a') }).describe('inner');
    const Outer = z.object({ x: Inner.optional().describe('BG-99 outer x') });
    expect(describeFields(Outer)[0]).toEqual({ path: 'x', description: 'BG-99 outer x' });
  });
});

describe('docs/concepts/model-fields.md', () => {
  it('is up to date with the model (regenerate with npx tsx scripts/generate-model-doc.ts)', () => {
    const file = readFileSync(resolve(process.cwd(), 'docs/concepts/model-fields.md'), 'utf8');
    expect(file).toBe(renderModelFieldsDoc());
  });
});
