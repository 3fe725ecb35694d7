/** Timing helpers for `npm run bench`: warm medians, never single runs. */
import { performance } from 'node:perf_hooks';

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Wall time of one run of `fn`, in ms. */
async function wallTimeOf(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/**
 * CPU time (user + system) of the process during one run of `fn`, in ms: steadier than wall
 * time on a machine shared with other work (single-threaded code only; V8's garbage-collector
 * threads count too).
 *
 * @example
 * const ms = await cpuTimeOf(() => validateDocument(xml));
 */
export async function cpuTimeOf(fn: () => unknown): Promise<number> {
  const before = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

async function medianOf(
  fn: () => unknown,
  clock: (fn: () => unknown) => Promise<number>,
  { runs = 30, warmup = 5 }: { runs?: number; warmup?: number },
): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await clock(fn));
  return median(times);
}

/**
 * Runs `fn` `warmup` times unmeasured, then `runs` times measured; returns the median in ms.
 *
 * @example
 * const ms = await measure(() => parseUbl(xml), { runs: 50 });
 */
export function measure(fn: () => unknown, options: { runs?: number; warmup?: number } = {}): Promise<number> {
  return medianOf(fn, wallTimeOf, options);
}

/**
 * Like `measure`, but the median of the process's CPU time per run (see `cpuTimeOf`).
 *
 * @example
 * const cpuMs = await measureCpu(() => validateDocument(xml), { runs: 10 });
 */
export function measureCpu(fn: () => unknown, options: { runs?: number; warmup?: number } = {}): Promise<number> {
  return medianOf(fn, cpuTimeOf, options);
}
