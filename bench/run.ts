/**
 * `npm run bench`: speed figures of the package, as warm medians on this machine.
 * Targets (issues 2, 3, 7): 1000-line parse < 100 ms, serialize < 100 ms, calculateTotals
 * < 20 ms, validation < 10 ms typical / < 500 ms for 1000 lines, cold CLI < 400 ms.
 */
import { cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { benchUbl } from './ubl.js';
import { benchCalc } from './calc.js';
import { benchDom } from './dom.js';
import { benchValidate } from './validate.js';

interface Row {
  readonly name: string;
  readonly medianMs?: number;
  readonly value?: string;
}

const only = process.argv.slice(2);
const want = (section: string): boolean => only.length === 0 || only.includes(section);

const rows: Row[] = [];
console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`);
console.log(`package: peppol-self-billing ${(JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version}\n`);
if (want('ubl')) rows.push(...(await benchUbl()));
if (want('calc')) rows.push(...(await benchCalc()));
if (want('dom')) rows.push(...(await benchDom()));
if (want('validate')) rows.push(...(await benchValidate()));

const width = Math.max(...rows.map((r) => r.name.length));
for (const r of rows) {
  const figure = r.medianMs !== undefined ? `${r.medianMs.toFixed(2)} ms (median)` : (r.value ?? '');
  console.log(`${r.name.padEnd(width)}  ${figure}`);
}
