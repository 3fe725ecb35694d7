import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAgainstUblXsd } from './xsd.js';

const example = (name: string): string =>
  readFileSync(path.resolve(process.cwd(), '../shared/peppol-sb/examples', name), 'utf8');

describe('validateAgainstUblXsd', () => {
  it('accepts the official self-billed invoice example', async () => {
    expect(await validateAgainstUblXsd(example('SB-base-example.xml'), 'Invoice')).toEqual({ valid: true, errors: [] });
  });

  it('accepts the official self-billed credit note example against the CreditNote schema', async () => {
    const result = await validateAgainstUblXsd(example('SB-base-creditnote-correction.xml'), 'CreditNote');
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('refuses a credit note checked against the Invoice schema', async () => {
    const result = await validateAgainstUblXsd(example('SB-base-creditnote-correction.xml'), 'Invoice');
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toContain('No matching global declaration');
  });

  it('refuses elements out of XSD order', async () => {
    // DocumentCurrencyCode must come after InvoiceTypeCode and Note.
    const xml = example('SB-base-example.xml').replace(
      /(<cbc:InvoiceTypeCode>389<\/cbc:InvoiceTypeCode>)([\s\S]*?)(<cbc:DocumentCurrencyCode>EUR<\/cbc:DocumentCurrencyCode>)/,
      '$3$2$1',
    );
    const result = await validateAgainstUblXsd(xml, 'Invoice');
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });
});
