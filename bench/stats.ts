/** Runs `work` once and returns its result and how long it took, in milliseconds. */
export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** Runs `work` once and returns how long it took, in milliseconds. */
export async function timeMs(work: () => unknown): Promise<number> {
  return (await timed(work)).ms;
}

/**
 * Nearest-rank percentile (`p` in 0..100) of samples sorted in ascending order: always a value
 * that was actually observed, so a p95 of 500 samples is the 475th smallest, never interpolated.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no samples');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function sortedCopy(samples: readonly number[]): number[] {
  return [...samples].sort((a, b) => a - b);
}

export function median(samples: readonly number[]): number {
  return percentile(sortedCopy(samples), 50);
}

/** Rounds for printing: enough digits to compare runs, not the clock's noise. */
export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export interface PairedSamples {
  op: number[];
  baseline: number[];
}

/**
 * Times `op` and `baseline` alternately, `count` times each after `warmup` untimed rounds.
 * Alternating matters on a shared machine: a burst of disk or CPU contention then slows both
 * series alike instead of skewing their ratio.
 */
export async function measurePaired(
  count: number,
  warmup: number,
  op: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
): Promise<PairedSamples> {
  for (let i = 0; i < warmup; i++) {
    await op();
    await baseline();
  }
  const samples: PairedSamples = { op: [], baseline: [] };
  for (let i = 0; i < count; i++) {
    samples.op.push(await timeMs(op));
    samples.baseline.push(await timeMs(baseline));
  }
  return samples;
}
