/** Timing helpers for `npm run bench`: warm medians, never single runs. */
import { performance } from 'node:perf_hooks';

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Runs `fn` `warmup` times unmeasured, then `runs` times measured; returns the median in ms.
 *
 * @example
 * const ms = await measure(() => parseUbl(xml), { runs: 50 });
 */
export async function measure(fn: () => unknown, { runs = 30, warmup = 5 }: { runs?: number; warmup?: number } = {}): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * Like `measure`, but the median of the process's CPU time (user + system) per run, in ms:
 * steadier than wall time on a machine shared with other work (single-threaded code only).
 *
 * @example
 * const cpuMs = await measureCpu(() => validateDocument(xml), { runs: 10 });
 */
export async function measureCpu(fn: () => unknown, { runs = 30, warmup = 5 }: { runs?: number; warmup?: number } = {}): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  return median(times);
}
