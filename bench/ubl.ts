import { readFileSync } from 'node:fs';
import { parseUbl } from '../src/ubl/parse/index.js';
import { serializeUbl } from '../src/ubl/serialize/index.js';
import { examplePath, makeLargeInvoice } from './make-large.js';
import { measure } from './stats.js';

function parsedOrThrow(xml: string) {
  const r = parseUbl(xml);
  if (!r.success) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.data;
}

/** Parse and serialize medians for SB-base-example and for 250/500/1000/2000-line invoices (linearity). */
export async function benchUbl(): Promise<{ name: string; medianMs: number }[]> {
  const rows: { name: string; medianMs: number }[] = [];
  const cases: [string, string][] = [
    ['SB-base-example', readFileSync(examplePath('SB-base-example.xml'), 'utf8')],
    ['250 lines', makeLargeInvoice(250)],
    ['500 lines', makeLargeInvoice(500)],
    ['1000 lines', makeLargeInvoice(1000)],
    ['2000 lines', makeLargeInvoice(2000)],
  ];
  for (const [name, xml] of cases) {
    const runs = name === 'SB-base-example' ? 200 : 30;
    rows.push({ name: `parseUbl ${name}`, medianMs: await measure(() => parsedOrThrow(xml), { runs }) });
    const doc = parsedOrThrow(xml);
    if (name === '2000 lines') continue; // the parse row is the linearity check; serializing 2000 lines adds nothing
    rows.push({ name: `serializeUbl ${name}`, medianMs: await measure(() => serializeUbl(doc), { runs }) });
  }
  return rows;
}
