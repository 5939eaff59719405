/**
 * Run as a child process by the vault benchmark (`node --import tsx bench/vaultMemory.ts
 * <folder> <size>`), so that its memory is the vault's alone and not the seeding's: unlocks the
 * vault, commits one-field edits, then compacts while edits keep coming. Prints result lines.
 *
 * - `vault.unlock` `rss_mb`: the process's peak resident memory once unlocked (the first thing
 *   it does, so the peak is the unlock's).
 * - `vault.commit` `rss_mb`: the largest resident memory sampled over 200 commits.
 * - `vault.compact` `rss_mb`, `ms`: the same during a compaction, and how long it took.
 * - `vault.compact.commit_wait` `p95_ms`, `max_ms`: one-field commits made one after another
 *   while the compaction runs, each timed from its call to its acknowledgement.
 */
import type { ChangeSet } from '../core/changes/changeSet';
import { HybridClock } from '../core/changes/hlc';
import { all } from '../core/db/statements';
import { Vault } from '../core/vault/vault';
import { percentile, round, sortedCopy, timeMs } from './stats';
import { BENCH_PASSPHRASE, inventNotes, Rng, SEED_AUTHOR } from './synthetic';

const COMMITS = 200;

function emit(size: number, bench: string, metric: string, value: number): void {
  process.stdout.write(`${JSON.stringify({ bench, size, metric, value: round(value) })}\n`);
}

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

/** The largest resident memory seen while `work` runs, sampled every few milliseconds. */
async function peakRssDuring<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = rssMb();
  const timer = setInterval(() => (peak = Math.max(peak, rssMb())), 2);
  try {
    const value = await work();
    return { value, peakMb: Math.max(peak, rssMb()) };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const [folder, sizeArg] = process.argv.slice(2);
  const size = Number(sizeArg);
  const vault = await Vault.open(folder!, { passphrase: BENCH_PASSPHRASE });
  emit(size, 'vault.unlock', 'rss_mb', process.resourceUsage().maxRSS / 1024);

  const ids = all(vault.db, 'SELECT id FROM persons LIMIT 5000').map((row) => String(row.id));
  const clock = new HybridClock(SEED_AUTHOR);
  const latest = vault.latestHlc(Date.now() + 86_400_000);
  if (latest) clock.observe(latest);
  const rng = new Rng(size + 3);
  const edit = (): ChangeSet => ({
    v: 1,
    hlc: clock.tick(),
    author: SEED_AUTHOR,
    cells: [{ entity: 'person', id: rng.pick(ids), field: 'notes', value: inventNotes(rng) }],
  });

  const commits = await peakRssDuring(async () => {
    for (let i = 0; i < COMMITS; i++) await vault.commit(edit());
  });
  emit(size, 'vault.commit', 'rss_mb', commits.peakMb);

  const waits: number[] = [];
  const compaction = await peakRssDuring(async () => {
    let done = false;
    const compacted = timeMs(() => vault.compact()).finally(() => (done = true));
    while (!done) waits.push(await timeMs(() => vault.commit(edit())));
    return compacted;
  });
  emit(size, 'vault.compact', 'rss_mb', compaction.peakMb);
  emit(size, 'vault.compact', 'ms_beside_commits', compaction.value);
  const sorted = sortedCopy(waits);
  emit(size, 'vault.compact.commit_wait', 'p95_ms', percentile(sorted, 95));
  emit(size, 'vault.compact.commit_wait', 'max_ms', sorted[sorted.length - 1]!);
  emit(size, 'vault.compact.commit_wait', 'commits', sorted.length);
  await vault.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
