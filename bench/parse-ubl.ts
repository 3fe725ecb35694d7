/**
 * Parse time of a 1000-line self-billed invoice (SB-base-example with its first line
 * repeated): warm median of `parseUbl`, plus the fast-xml-parser share for comparison.
 * Run: node --import tsx bench/parse-ubl.ts [lines]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseUbl } from '../src/ubl/parse/index.js';

/**
 * Builds SB-base-example with `count` copies of its first invoice line (ids 1..count).
 *
 * @param count - number of lines
 * @returns the XML text
 * @example
 * manyLines(1000).length; // about 1.4 MB
 */
export function manyLines(count: number): string {
  const base = fs.readFileSync(path.resolve(process.cwd(), '../shared/peppol-sb/examples/SB-base-example.xml'), 'utf8');
  const start = base.indexOf('<cac:InvoiceLine>');
  const end = base.indexOf('</cac:InvoiceLine>') + '</cac:InvoiceLine>'.length;
  const line = base.slice(start, end);
  const lines = Array.from({ length: count }, (_, i) => line.replace('<cbc:ID>1</cbc:ID>', `<cbc:ID>${i + 1}</cbc:ID>`));
  return base.slice(0, start) + lines.join('\n') + '\n</Invoice>\n';
}

function median(fn: () => void, runs: number): number {
  for (let i = 0; i < 5; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]));
if (isMain) {
  const counts = process.argv[2] !== undefined ? [Number(process.argv[2])] : [10, 100, 1000, 2000];
  for (const n of counts) {
    const xml = manyLines(n);
    const r = parseUbl(xml);
    if (!r.success || r.data.lines.length !== n) throw new Error(`parse failed for ${n} lines`);
    const ms = median(() => parseUbl(xml), n >= 1000 ? 31 : 101);
    console.log(`${n} lines (${(xml.length / 1e6).toFixed(2)} MB): median ${ms.toFixed(1)} ms`);
  }
}
