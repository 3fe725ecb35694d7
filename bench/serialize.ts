/**
 * Times serializeUbl on a 1000-line invoice (warm median of 50 runs after 10 warm-up runs).
 * Run: node --import tsx bench/serialize.ts
 */
import { serializeUbl } from '../src/ubl/serialize/index.js';
import { largeInvoice } from '../test/ubl/serialize/fixtures.js';

const doc = largeInvoice(1000);
for (let i = 0; i < 10; i++) serializeUbl(doc);
const times: number[] = [];
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  serializeUbl(doc);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const xml = serializeUbl(doc);
console.log(
  `serializeUbl, 1000 lines (${(xml.length / 1024).toFixed(0)} KiB): median ${times[25]?.toFixed(2)} ms, min ${times[0]?.toFixed(2)} ms, max ${times[49]?.toFixed(2)} ms`,
);
const compact: number[] = [];
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  serializeUbl(doc, { pretty: false });
  compact.push(performance.now() - t0);
}
compact.sort((a, b) => a - b);
console.log(`serializeUbl, 1000 lines, pretty: false: median ${compact[25]?.toFixed(2)} ms`);
