/**
 * `npm run bench [-- <names...>] [--sizes 1000,10000] [--quick] [--with-sqlcipher]`
 *
 * Prints one JSON object per result line on stdout and nothing else (progress goes to stderr),
 * so the output can be piped straight into a file or `jq`. Use `npm run -s bench` to keep npm's
 * own banner off stdout too.
 */
import type { Benchmark, Result, RunContext } from './benchmark';
import { progress } from './benchmark';
import { casesBenchmark } from './cases';
import { figuresBenchmark } from './figures';
import { importLinkedBenchmark } from './importLinked';
import { reportsBenchmark } from './reports';
import { syncBenchmark } from './sync';
import { vaultBenchmark } from './vault';

/** Every benchmark, in the order a full run takes them. A new one is a `bench/<name>.ts`. */
const REGISTRY: readonly Benchmark[] = [
  vaultBenchmark,
  casesBenchmark,
  importLinkedBenchmark,
  figuresBenchmark,
  reportsBenchmark,
  syncBenchmark,
];

/** Sizes of a smoke run: every code path, in seconds rather than minutes. */
const QUICK_SIZES = [100, 1000];

const USAGE = `usage: npm run -s bench -- [${REGISTRY.map((b) => b.name).join('|')}...] [--sizes N,N] [--quick] [--with-sqlcipher]`;

interface Options {
  benchmarks: Benchmark[];
  sizes: number[] | null;
  context: RunContext;
}

class UsageError extends Error {}

function parseSizes(text: string | undefined): number[] {
  const sizes = (text ?? '').split(',').map((part) => Number(part.trim()));
  if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    throw new UsageError(`--sizes takes positive whole numbers, e.g. --sizes 1000,10000`);
  }
  return sizes;
}

function parseArgs(argv: readonly string[]): Options {
  const names: string[] = [];
  let sizes: number[] | null = null;
  const context: RunContext = { quick: false, withSqlcipher: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') context.quick = true;
    else if (arg === '--with-sqlcipher') context.withSqlcipher = true;
    else if (arg === '--sizes') sizes = parseSizes(argv[++i]);
    else if (arg.startsWith('--sizes=')) sizes = parseSizes(arg.slice('--sizes='.length));
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else names.push(arg);
  }
  const benchmarks = names.map((name) => {
    const found = REGISTRY.find((b) => b.name === name);
    if (!found) throw new UsageError(`unknown benchmark ${name}`);
    return found;
  });
  return { benchmarks: benchmarks.length > 0 ? benchmarks : [...REGISTRY], sizes, context };
}

function emit(result: Result): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const { benchmarks, context } = options;
  for (const benchmark of benchmarks) {
    await benchmark.setup?.(context);
    const sizes = options.sizes ?? (context.quick ? QUICK_SIZES : benchmark.defaultSizes);
    for (const size of sizes) {
      progress(`${benchmark.name} at ${size}`);
      await benchmark.run(size, emit, context);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
