import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findSchematronDir, readBuiltInSources, type CompiledRuleSet } from '../src/validate/rule-sets.js';
import { validateDocument } from '../src/validate/validate.js';
import { examplePath, makeLargeInvoice } from './make-large.js';
import { cachedRuleSet } from './sef-cache.js';
import { cpuTimeOf, measure, measureCpu, median } from './stats.js';

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

/** The built-in rule sets but the UBL syntax ones, merged like the shipped SEF. */
function rulesWithoutSyntax(): Promise<CompiledRuleSet> {
  const dir = findSchematronDir() ?? 'schematron';
  return cachedRuleSet(readBuiltInSources(dir).filter((s) => !s.name.startsWith('ubl-')), dir, 'without-syntax');
}

/** Validation medians (warm, in-process), the cold CLI, and batch throughput with --jobs 2. */
export async function benchValidate(): Promise<{ name: string; medianMs?: number; value?: string }[]> {
  const base = readFileSync(examplePath('SB-base-example.xml'), 'utf8');
  const large = makeLargeInvoice(1000);
  const rows: { name: string; medianMs?: number; value?: string }[] = [];
  rows.push({ name: 'validateDocument SB-base-example (warm)', medianMs: await measure(() => validateDocument(base), { runs: 50, warmup: 10 }) });
  rows.push({ name: 'validateDocument SB-base-example (warm, CPU time)', medianMs: await measureCpu(() => validateDocument(base), { runs: 50, warmup: 10 }) });
  rows.push({ name: 'validateDocument 1000 lines (warm)', medianMs: await measure(() => validateDocument(large), { runs: 10, warmup: 2 }) });
  // The syntax rules' share (issue 6: at most 30 % on top of the rest): the same merged
  // compile without ubl-syntax and ubl-restrictions, cached in the OS temp dir by content.
  // The two are measured alternately, so that drift in the machine's load hits both alike.
  const withoutSyntax = await rulesWithoutSyntax();
  const restOptions = { includeBuiltIn: false, ruleSets: [withoutSyntax] };
  const all: number[] = [];
  const rest: number[] = [];
  for (let i = 0; i < 14; i++) {
    all.push(await cpuTimeOf(() => validateDocument(large)));
    rest.push(await cpuTimeOf(() => validateDocument(large, restOptions)));
  }
  const [allCpu, restCpu] = [median(all.slice(2)), median(rest.slice(2))];
  rows.push({ name: 'validateDocument 1000 lines (warm, CPU time)', medianMs: allCpu });
  rows.push({ name: 'validateDocument 1000 lines, without UBL syntax rules (CPU time)', medianMs: restCpu });
  const share = ((allCpu - restCpu) / restCpu) * 100;
  rows.push({ name: 'UBL syntax rules share, 1000 lines', value: `${share >= 0 ? '+' : ''}${share.toFixed(0)} % over the other rules (CPU medians, alternating runs)` });

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
