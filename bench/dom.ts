/**
 * Parsing into SaxonJS's DOM: SaxonJS's own parser (`parseXmlFromString`, a bundled sax-js
 * feeding its DOM) against `buildDom` (src/validate/dom-builder.ts) building the same DOM.
 * Target: buildDom <= 60 ms for 1000 lines, and never slower than SaxonJS on small documents.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildDom } from '../src/validate/dom-builder.js';
// Loads SaxonJS the way the package does (patched, into the require cache) before anything
// here requires it, so later benchmarks in the same process measure the real engine.
import '../src/validate/saxon.js';
import { examplePath, makeLargeInvoice } from './make-large.js';
import { measure } from './stats.js';

interface Platform {
  parseXmlFromString(text: string): unknown;
  createDocument(): unknown;
}

/**
 * Median parse times, SaxonJS parser vs buildDom, on SB-base-example and a 1000-line invoice.
 *
 * @example
 * for (const row of await benchDom()) console.log(row.name, row.medianMs);
 */
export async function benchDom(): Promise<{ name: string; medianMs: number }[]> {
  const platform = (createRequire(import.meta.url)('saxon-js') as { getPlatform(): Platform }).getPlatform();
  const createDocument = (): unknown => platform.createDocument();
  const built = (text: string): unknown => {
    const r = buildDom(text, createDocument);
    if (!r.ok) throw new Error(`buildDom refused the benchmark document: ${r.message} at ${r.line}:${r.column}`);
    return r.document;
  };
  const rows: { name: string; medianMs: number }[] = [];
  const cases: [string, string, number][] = [
    ['SB-base-example', readFileSync(examplePath('SB-base-example.xml'), 'utf8'), 200],
    ['1000 lines', makeLargeInvoice(1000), 21],
  ];
  for (const [name, xml, runs] of cases) {
    rows.push({ name: `SaxonJS parseXmlFromString ${name}`, medianMs: await measure(() => platform.parseXmlFromString(xml), { runs }) });
    rows.push({ name: `buildDom ${name}`, medianMs: await measure(() => built(xml), { runs }) });
  }
  return rows;
}
