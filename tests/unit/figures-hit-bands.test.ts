import { describe, expect, it } from 'vitest';
import { hitBands } from '../../renderer/src/figures/hitBands';

describe('click targets of a stacked bar', () => {
  it('gives one person in a bar of 300 a target of the minimum size, taken from its neighbours', () => {
    // 300 people over 240 px: 0.8 px for the one, the rest split between two series.
    const bands = hitBands([150 * 0.8, 0.8, 149 * 0.8], 10);
    expect(bands[1]!.size).toBe(10);
    // Contiguous, so no target covers another, and the stack keeps its height.
    expect(bands[0]!.start).toBe(0);
    expect(bands[1]!.start).toBeCloseTo(bands[0]!.size);
    expect(bands[2]!.start).toBeCloseTo(bands[1]!.start + bands[1]!.size);
    expect(bands[2]!.start + bands[2]!.size).toBeCloseTo(240);
    // The thin segment's target still covers where it is drawn.
    const drawnAt = 150 * 0.8;
    expect(bands[1]!.start).toBeLessThanOrEqual(drawnAt + 0.8);
    expect(bands[1]!.start + bands[1]!.size).toBeGreaterThanOrEqual(drawnAt);
  });

  it('leaves targets as drawn when every segment is big enough', () => {
    expect(hitBands([40, 12, 30], 10)).toEqual([
      { start: 0, size: 40 },
      { start: 40, size: 12 },
      { start: 52, size: 30 },
    ]);
  });

  it('grows a bar too short for its segments past its top, and gives empty ones nothing', () => {
    expect(hitBands([2, 0, 3], 10)).toEqual([
      { start: 0, size: 10 },
      { start: 10, size: 0 },
      { start: 10, size: 10 },
    ]);
  });
});
