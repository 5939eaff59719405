import { describe, expect, it } from 'vitest';
import { crashProblems, crashSeed, crashTest, formatReport } from './harness';

describe('crash safety', () => {
  // About 40 child processes: minutes on a busy 2-core machine; the limit only catches a hang.
  it('loses no acknowledged change and never leaves the vault unopenable, killed before every file-system step', async () => {
    const seed = crashSeed();
    // Printed first, so even a run that throws can be replayed with CRASH_SEED.
    console.warn(`crash seed ${seed}`);
    const report = await crashTest({ seed, streamKills: 16 });
    console.warn(formatReport(report));
    expect(crashProblems(report)).toEqual([]);
    expect(report.operations.map((op) => op.operation)).toEqual([
      'commit',
      'compaction',
      'passphrase-change',
      'key-rotation',
    ]);
    expect(report.acknowledged).toBeGreaterThan(100);
  }, 900_000);
});
