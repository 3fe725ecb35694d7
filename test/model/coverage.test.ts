import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DocumentSchema } from '../../src/model/document.js';

const syntaxDir = resolve(process.cwd(), '../shared/peppol-sb/syntax');
const syntaxFiles = [
  resolve(syntaxDir, 'ubl-selfbilledinvoice.xml'),
  resolve(syntaxDir, 'ubl-selfbilledcreditnote.xml'),
  ...readdirSync(resolve(syntaxDir, 'part-sb')).map((f) => resolve(syntaxDir, 'part-sb', f)),
];

/** Every BT-/BG- id that the Peppol self-billing syntax binding names as a business term. */
function termsOfSyntax(): Set<string> {
  const terms = new Set<string>();
  for (const f of syntaxFiles) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/<Reference type="BUSINESS_TERM">([^<]*)<\/Reference>/g)) {
      for (const t of (m[1] ?? '').split(/[,\s]+/)) if (/^B[TG]-\d+$/.test(t)) terms.add(t);
    }
  }
  return terms;
}

/** Every BT-/BG- id named in a `.describe()` of the model, walking the schema tree. */
function termsOfModel(): Set<string> {
  const terms = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (schema: unknown): void => {
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
    seen.add(schema);
    const s = schema as z.ZodType & { description?: string };
    for (const m of (s.description ?? '').matchAll(/B[TG]-\d+/g)) terms.add(m[0]);
    const def = (s as unknown as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    for (const value of Object.values(def)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') {
        if ('_zod' in value) visit(value);
        else Object.values(value).forEach(visit);
      }
    }
  };
  visit(DocumentSchema);
  return terms;
}

describe('the document model', () => {
  it('has a field for every business term of the Peppol self-billing syntax binding', () => {
    const model = termsOfModel();
    const missing = [...termsOfSyntax()].filter((t) => !model.has(t)).sort();
    expect(missing).toEqual([]);
    expect(model.size).toBeGreaterThan(150);
  });

  it('names only business terms that exist in EN 16931 (BT-1..BT-165, BG-1..BG-32)', () => {
    const odd = [...termsOfModel()].filter((t) => {
      const n = Number(t.slice(3));
      return t.startsWith('BT') ? n < 1 || n > 165 : n < 1 || n > 32;
    });
    expect(odd).toEqual([]);
  });
});
