import { describe, expect, it } from 'vitest';
import { crashTest, formatReport } from './harness';

describe('crash safety', () => {
  it('loses no acknowledged change and never leaves the vault unopenable across 200 kills', async () => {
    const report = await crashTest(200);
    console.warn(formatReport(report));
    expect(report.unopenable).toBe(0);
    expect(report.lost).toBe(0);
    expect(report.acknowledged).toBeGreaterThan(1000);
    // The kills must really land inside the risky operations, not only between them.
    expect(report.duringCompaction).toBeGreaterThan(20);
    expect(report.duringPassphraseChange).toBeGreaterThan(20);
  }, 600_000);
});
