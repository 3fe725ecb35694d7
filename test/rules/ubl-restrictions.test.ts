/**
 * Acceptance of the UBL-CR restrictions (issue 6, schematron/ubl-restrictions.sch, generated
 * from schematron/data/ubl-cr.json):
 * - for EVERY restriction, the restricted element (or attribute) is inserted at its place into
 *   a copy of an official example, and exactly that rule fires there, with its catalogue flag;
 * - no official example has a UBL-CR issue;
 * - each fixtures/invalid/UBL-CR-*.xml fires its rule.
 *
 * Batching: each insertion builds its own chain of ancestors (a fresh `cac:Delivery`, a fresh
 * `cac:Item` inside the first line, ...), so insertions never share an element and cannot
 * interact: all restrictions of one document kind go into a few documents, and each issue is
 * matched to its insertion by rule id and by the name of the element it is located at.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/validate/validate.js';

interface Restriction {
  readonly id: string;
  readonly flag: 'fatal' | 'warning';
  readonly documents: readonly ('Invoice' | 'CreditNote')[];
  readonly place: string;
  readonly element: string;
  readonly attribute?: string;
  readonly anywhere?: boolean;
  readonly scan?: boolean;
  readonly exampleAt?: string;
  readonly sample?: { readonly text?: string; readonly siblings?: string };
}

interface CatalogueRule {
  readonly id: string;
  readonly flag: 'fatal' | 'warning';
}

const table = JSON.parse(readFileSync(resolve(process.cwd(), 'schematron/data/ubl-cr.json'), 'utf8')) as Restriction[];
const catalogue = new Map(
  (JSON.parse(readFileSync(resolve(process.cwd(), '../shared/peppol-sb/rules.json'), 'utf8')) as CatalogueRule[]).map((r) => [r.id, r.flag]),
);
const examplesDir = resolve(process.cwd(), '../shared/peppol-sb/examples');
const EXAMPLE = { Invoice: 'SB-base-example.xml', CreditNote: 'SB-base-creditnote-correction.xml' } as const;
const LINE = { Invoice: 'cac:InvoiceLine', CreditNote: 'cac:CreditNoteLine' } as const;
const QUANTITY = { Invoice: 'cbc:InvoicedQuantity', CreditNote: 'cbc:CreditedQuantity' } as const;
const EXT_NS = 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2';

/** Where the restricted element goes: a path from the document element, `{line}` = the first line. */
function placeOf(r: Restriction, kind: 'Invoice' | 'CreditNote'): { inLine: boolean; steps: string[]; element: string } {
  const at = r.exampleAt ?? r.place;
  let steps = at === '/' ? [] : at.replace(/^\//, '').split('/');
  let element = r.element;
  if (r.scan) {
    // UBL-CR-663, an attribute of any element: put it on a quantity.
    steps = steps.filter((s) => s !== '{quantity}');
    element = QUANTITY[kind];
  }
  const inLine = steps[0] === '{line}';
  return { inLine, steps: inLine ? steps.slice(1) : steps, element };
}

/** The inserted XML: a fresh chain of ancestors down to the restricted element. */
function fragment(r: Restriction, steps: readonly string[], element: string): string {
  const ns = element.startsWith('ext:') ? ` xmlns:ext="${EXT_NS}"` : '';
  const attribute = r.attribute === undefined ? '' : ` ${r.attribute}="x"`;
  const unit = r.scan ? ' unitCode="C62"' : '';
  let xml = `<${element}${ns}${unit}${attribute}>${r.sample?.text ?? '1'}</${element}>`;
  if (r.sample?.siblings) xml = `${r.sample.siblings}${xml}`;
  for (const step of [...steps].reverse()) xml = `<${step}>${xml}</${step}>`;
  return xml;
}

/** A copy of the example with every restriction of `batch` inserted, each in its own chain. */
function documentWith(batch: readonly Restriction[], kind: 'Invoice' | 'CreditNote'): string {
  const source = readFileSync(join(examplesDir, EXAMPLE[kind]), 'utf8');
  const lineOpen = `<${LINE[kind]}>`;
  const lineAt = source.indexOf(lineOpen);
  if (lineAt < 0) throw new Error(`${EXAMPLE[kind]}: no ${lineOpen}`);
  let header = '';
  let line = '';
  for (const r of batch) {
    const { inLine, steps, element } = placeOf(r, kind);
    if (inLine) line += fragment(r, steps, element);
    else header += fragment(r, steps, element);
  }
  const afterLineOpen = lineAt + lineOpen.length;
  return source.slice(0, lineAt) + header + lineOpen + line + source.slice(afterLineOpen);
}

/**
 * Some rules of the catalogue restrict the same element twice, once by its full path and once
 * wherever it occurs (633/669 and 634/670 the price allowance reason code and reason, 635/671
 * its multiplier, 664 any FinancialInstitution under a branch, ...): inserting one fires both,
 * as in the official rule set. So each insertion must fire its own rule, at its element, and
 * every issue must be a rule of the batch located at an element that rule restricts.
 */
function localName(qname: string): string {
  return qname.replace(/^\w+:/, '');
}

/** The name of the element an issue is located at (`/Invoice[1]/cac:X[1]/cbc:Y[2]` -> `Y`). */
function locatedAt(location: string): string {
  const last = location.split('/').pop() ?? '';
  return localName(last.replace(/\[\d+\]$/, ''));
}

describe('ubl-restrictions.sch', () => {
  it('covers every UBL-CR rule of the catalogue with the catalogue flag', () => {
    const ids = [...catalogue.keys()].filter((id) => id.startsWith('UBL-CR-')).sort();
    expect(table.map((r) => r.id).sort()).toEqual(ids);
    for (const r of table) expect(r.flag, r.id).toBe(catalogue.get(r.id));
  });

  for (const kind of ['Invoice', 'CreditNote'] as const) {
    it(`fires the inserted restriction, with its flag, at the inserted element, for each of them in a ${kind}`, async () => {
      const applicable = table.filter((r) => r.documents.includes(kind));
      // Two documents per kind: every restriction inserted once, none sharing an element.
      const batches = [applicable.filter((_, i) => i % 2 === 0), applicable.filter((_, i) => i % 2 === 1)];
      const seen = new Map<string, number>();
      for (const batch of batches) {
        const report = await validateDocument(documentWith(batch, kind));
        const issues = report.issues.filter((i) => i.ruleId.startsWith('UBL-CR-'));
        for (const issue of issues) seen.set(issue.ruleId, (seen.get(issue.ruleId) ?? 0) + 1);
        for (const r of batch) {
          const found = issues.filter((i) => i.ruleId === r.id);
          expect(found.length, `${r.id} fires`).toBeGreaterThanOrEqual(1);
          for (const issue of found) {
            expect(issue.severity, r.id).toBe(r.flag);
            expect(issue.ruleSet, r.id).toBe('ubl-restrictions');
            expect(locatedAt(issue.location), `${r.id} at ${issue.location}`).toBe(localName(placeOf(r, kind).element));
          }
        }
        // Others only where they restrict the same element (the twins above).
        const inBatch = new Set(batch.map((r) => r.id));
        const restricts = (id: string, name: string) => table.some((r) => r.id === id && localName(placeOf(r, kind).element) === name);
        const strays = issues.filter((i) => !inBatch.has(i.ruleId) && !restricts(i.ruleId, locatedAt(i.location)));
        expect(strays.map((i) => `${i.ruleId} ${i.location}`)).toEqual([]);
      }
      // Nothing but the inserted restrictions fired.
      expect([...seen.keys()].sort()).toEqual(applicable.map((r) => r.id).sort());
    });
  }

  it('finds no UBL-CR issue in any official example', async () => {
    for (const file of readdirSync(examplesDir).filter((f) => f.endsWith('.xml'))) {
      const report = await validateDocument(readFileSync(join(examplesDir, file)));
      expect(report.issues.filter((i) => i.ruleId.startsWith('UBL-CR-')).map((i) => `${i.ruleId} ${i.location}`), file).toEqual([]);
    }
  });

  // The restrictions that depend on a value: each fires on one side of its condition only.
  const base = readFileSync(join(examplesDir, EXAMPLE.Invoice), 'utf8');
  const withHeader = (xml: string) => base.replace('    <cbc:ID>Snippet1</cbc:ID>', `${xml}\n    <cbc:ID>Snippet1</cbc:ID>`);
  const withReference = (xml: string) => base.replace('    <cac:AccountingSupplierParty>', `    <cac:AdditionalDocumentReference>${xml}</cac:AdditionalDocumentReference>\n    <cac:AccountingSupplierParty>`);
  const crIssues = async (xml: string) => (await validateDocument(xml)).issues.filter((i) => i.ruleId.startsWith('UBL-CR-')).map((i) => i.ruleId);
  it.each([
    ['UBL-CR-002 stays silent on UBL version 2.1', withHeader('    <cbc:UBLVersionID>2.1</cbc:UBLVersionID>'), []],
    ['UBL-CR-002 fires on UBL version 2.2', withHeader('    <cbc:UBLVersionID>2.2</cbc:UBLVersionID>'), ['UBL-CR-002']],
    ['UBL-CR-665 stays silent on the scheme of an invoiced object identifier (code 130)', withReference('<cbc:ID schemeID="AAA">X1</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>'), []],
    ['UBL-CR-665 fires on the scheme of a supporting document without type code', withReference('<cbc:ID schemeID="AAA">X1</cbc:ID>'), ['UBL-CR-665']],
    ['UBL-CR-666 and UBL-CR-673 stay silent on the description and attachment of a supporting document', withReference('<cbc:ID>X1</cbc:ID><cbc:DocumentDescription>D</cbc:DocumentDescription><cac:Attachment><cac:ExternalReference><cbc:URI>http://x</cbc:URI></cac:ExternalReference></cac:Attachment>'), []],
    ['UBL-CR-666 and UBL-CR-673 fire on the description and attachment of an invoiced object identifier', withReference('<cbc:ID>X1</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode><cbc:DocumentDescription>D</cbc:DocumentDescription><cac:Attachment><cac:ExternalReference><cbc:URI>http://x</cbc:URI></cac:ExternalReference></cac:Attachment>'), ['UBL-CR-666', 'UBL-CR-673']],
  ] as const)('%s', async (_name, xml, expected) => {
    expect(xml).not.toBe(base);
    expect((await crIssues(xml)).sort()).toEqual([...expected]);
  });

  const invalidDir = resolve(process.cwd(), 'fixtures/invalid');
  for (const file of readdirSync(invalidDir).filter((f) => f.startsWith('UBL-CR-') && f.endsWith('.xml'))) {
    it(`fires ${file.slice(0, -4)} on fixtures/invalid/${file}`, async () => {
      const id = file.slice(0, -4);
      const report = await validateDocument(readFileSync(join(invalidDir, file)));
      const issues = report.issues.filter((i) => i.ruleId.startsWith('UBL-CR-'));
      expect(issues.map((i) => [i.ruleId, i.severity])).toEqual([[id, catalogue.get(id)]]);
    });
  }
});
