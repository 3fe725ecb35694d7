import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { validateDocument } from '../src/validate/validate.js';
import { examplePath, makeLargeInvoice } from './make-large.js';
import { measure, median } from './stats.js';

const cli = resolve(process.cwd(), 'bin/peppol-sb.js');

function runCli(args: readonly string[]): number {
  const t = performance.now();
  try {
    execFileSync(process.execPath, [cli, ...args], { stdio: 'ignore' });
  } catch {
    // exit code 1 (a file failed) is still a completed run
  }
  return performance.now() - t;
}

/** Validation medians (warm, in-process), the cold CLI, and batch throughput with --jobs 2. */
export async function benchValidate(): Promise<{ name: string; medianMs?: number; value?: string }[]> {
  const base = readFileSync(examplePath('SB-base-example.xml'), 'utf8');
  const large = makeLargeInvoice(1000);
  const rows: { name: string; medianMs?: number; value?: string }[] = [];
  rows.push({ name: 'validateDocument SB-base-example (warm)', medianMs: await measure(() => validateDocument(base), { runs: 50, warmup: 10 }) });
  rows.push({ name: 'validateDocument 1000 lines (warm)', medianMs: await measure(() => validateDocument(large), { runs: 10, warmup: 2 }) });

  const cold: number[] = [];
  for (let i = 0; i < 7; i++) cold.push(runCli(['validate', examplePath('SB-base-example.xml')]));
  rows.push({ name: 'peppol-sb validate one file (cold process)', medianMs: median(cold) });

  const dir = mkdtempSync(join(tmpdir(), 'peppol-sb-bench-'));
  try {
    const examples = readdirSync(resolve(process.cwd(), '../shared/peppol-sb/examples')).filter((f) => f.endsWith('.xml'));
    for (let i = 0; i < 1000; i++) {
      const name = examples[i % examples.length] ?? '';
      copyFileSync(examplePath(name), join(dir, `${String(i).padStart(4, '0')}-${name}`));
    }
    const ms = runCli(['validate', dir, '--jobs', '2', '--format', 'json']);
    rows.push({ name: 'peppol-sb validate 1000 documents --jobs 2', value: `${(1000 / (ms / 1000)).toFixed(0)} documents/s (${(ms / 1000).toFixed(2)} s in all)` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
