import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSelfBilledCreditNote, createSelfBilledInvoice, type BuildOptions } from '../../src/build/create.js';
import type { SelfBilledInput } from '../../src/build/input.js';
import type { SelfBilledDocument } from '../../src/model/document.js';
import type { Result } from '../../src/model/result.js';
import { serializeUbl } from '../../src/ubl/serialize/index.js';
import { validateAgainstUblXsd } from '../helpers/xsd.js';
import { validateDocument } from '../../src/validate/validate.js';

interface Scenario {
  readonly description: string;
  readonly build: 'invoice' | 'credit-note' | 'debit-note';
  readonly options?: { readonly vatAccountingRate?: string };
  /** Lines are repeated (cycling through the given ones) up to this count. */
  readonly repeatLines?: number;
  readonly input: SelfBilledInput;
  /** Computed by an independent oracle (Python decimal) when the fixture was written. */
  readonly expect: {
    readonly lineNetTotal: string;
    readonly allowanceTotal: string;
    readonly chargeTotal: string;
    readonly totalWithoutVat: string;
    readonly vatTotal: string;
    readonly totalWithVat: string;
    readonly amountDue: string;
    readonly vatBreakdown: readonly { category: string; rate?: string; taxableAmount: string; taxAmount: string }[];
  };
}

const DIR = path.resolve(process.cwd(), 'fixtures/scenarios');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const load = (file: string): Scenario => JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as Scenario;

/** Builds a scenario as a user would. */
export function buildScenario(s: Scenario): Result<SelfBilledDocument> {
  const lines = s.repeatLines === undefined ? s.input.lines : Array.from({ length: s.repeatLines }, (_, i) => s.input.lines[i % s.input.lines.length]!);
  const input = { ...s.input, lines };
  const options: BuildOptions = { ...(s.options?.vatAccountingRate === undefined ? {} : { vatAccountingRate: s.options.vatAccountingRate }), ...(s.build === 'debit-note' ? { typeCode: '527' as const } : {}) };
  return s.build === 'credit-note' ? createSelfBilledCreditNote(input, options) : createSelfBilledInvoice(input, options);
}

describe('scenarios', () => {
  it('has at least 30 scenarios', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(files)('builds %s with the expected totals and VAT breakdown', (file) => {
    const s = load(file);
    const r = buildScenario(s);
    if (!r.success) expect.fail(r.issues.map((i) => `${i.code} ${i.path ?? ''}: ${i.message}`).join('\n'));
    const doc = r.data;
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const t = doc.totals;
    expect({
      lineNetTotal: t.lineNetTotal.toFixed(2),
      allowanceTotal: (t.allowanceTotal?.toFixed(2)) ?? '0.00',
      chargeTotal: (t.chargeTotal?.toFixed(2)) ?? '0.00',
      totalWithoutVat: t.totalWithoutVat.toFixed(2),
      vatTotal: t.vatTotal?.toFixed(2),
      totalWithVat: t.totalWithVat.toFixed(2),
      amountDue: t.amountDue.toFixed(2),
    }).toEqual({
      lineNetTotal: s.expect.lineNetTotal,
      allowanceTotal: s.expect.allowanceTotal,
      chargeTotal: s.expect.chargeTotal,
      totalWithoutVat: s.expect.totalWithoutVat,
      vatTotal: s.expect.vatTotal,
      totalWithVat: s.expect.totalWithVat,
      amountDue: s.expect.amountDue,
    });
    expect(
      doc.vatBreakdown.map((e) => ({
        category: e.category.code,
        ...(e.category.rate === undefined ? {} : { rate: e.category.rate.toFixed() }),
        taxableAmount: e.taxableAmount.toFixed(2),
        taxAmount: e.taxAmount.toFixed(2),
      })),
    ).toEqual(s.expect.vatBreakdown);
    expect(doc.lines).toHaveLength(s.repeatLines ?? s.input.lines.length);
    expect(doc.typeCode).toBe(s.build === 'credit-note' ? '261' : s.build === 'debit-note' ? '527' : '389');
  });

  // Golden files: delete fixtures/scenarios/golden/<name>.xml (or run vitest with -u) to regenerate.
  it.each(files)('serializes %s to XSD-valid UBL matching its golden file', async (file) => {
    const r = buildScenario(load(file));
    if (!r.success) return expect.fail('scenario does not build');
    const xml = serializeUbl(r.data);
    await expect(xml).toMatchFileSnapshot(path.join(DIR, 'golden', file.replace(/\.json$/, '.xml')));
    const { valid, errors } = await validateAgainstUblXsd(xml, r.data.documentType);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(files)('builds %s into a document the Peppol and CEN rules accept (no fatal issue)', async (file) => {
    const r = buildScenario(load(file));
    if (!r.success) return expect.fail('scenario does not build');
    const report = await validateDocument(serializeUbl(r.data));
    expect(report.issues.filter((i) => i.severity === 'fatal').map((i) => `${i.ruleId} ${i.location}: ${i.message}`)).toEqual([]);
  });
});
