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
