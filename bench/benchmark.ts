import { percentile, round, sortedCopy, type PairedSamples } from './stats';

/** One line of the output. `baseline_ms` and `ratio` appear when a baseline ran alongside. */
export interface Result {
  bench: string;
  size: number;
  metric: string;
  value: number;
  baseline_ms?: number;
  ratio?: number;
}

export type Emit = (result: Result) => void;

export interface RunContext {
  /** A smoke run: fewer samples, so that every code path runs in seconds. */
  quick: boolean;
  /** Opt-in native SQLCipher anchor (builds a native module on first use). */
  withSqlcipher: boolean;
}

/**
 * A benchmark module, `bench/<name>.ts`, listed in the registry of `bench/run.ts`. `size` is the
 * number of synthetic records it works on; `run` may emit any number of results for it.
 */
export interface Benchmark {
  name: string;
  defaultSizes: number[];
  /** Runs once before the first size, e.g. to install an optional tool. */
  setup?(context: RunContext): Promise<void>;
  run(size: number, emit: Emit, context: RunContext): Promise<void>;
}

/** Progress goes to stderr: stdout carries only result lines. */
export function progress(message: string): void {
  console.error(`[bench] ${message}`);
}

/** Emits the p50 and p95 of `op`, each beside the same percentile of its paired baseline. */
export function emitPercentiles(
  emit: Emit,
  bench: string,
  size: number,
  samples: PairedSamples,
  percentiles: readonly number[],
): void {
  const op = sortedCopy(samples.op);
  const baseline = sortedCopy(samples.baseline);
  for (const p of percentiles) {
    const value = percentile(op, p);
    const base = percentile(baseline, p);
    emit({
      bench,
      size,
      metric: `p${p}_ms`,
      value: round(value),
      baseline_ms: round(base),
      ratio: round(value / base, 2),
    });
  }
}
