import { describe, expect, it } from 'vitest';
import { formatHlc, HybridClock, isHlc, MAX_COUNTER, parseHlc } from '../../core/changes/hlc';

const INSTALL = '0123456789abcdef';
const NOW = Date.UTC(2026, 4, 6, 12, 0, 0);
const HOUR = 60 * 60 * 1000;

describe('hybrid logical clock', () => {
  it('keeps every timestamp valid and increasing past 65,536 ticks in one millisecond', () => {
    const clock = new HybridClock(INSTALL, () => NOW);
    let previous = '';
    for (let i = 0; i < MAX_COUNTER + 2; i++) {
      const hlc = clock.tick();
      if (!isHlc(hlc) || !(hlc > previous)) {
        throw new Error(`tick ${i} gave ${hlc} after ${previous}`);
      }
      previous = hlc;
    }
    // The 65,537th tick borrowed the next millisecond instead of growing a fifth digit.
    expect(parseHlc(previous)).toEqual({ wall: NOW + 1, counter: 0, installId: INSTALL });
  });

  it('refuses a timestamp more than a day ahead and keeps its own time', () => {
    const clock = new HybridClock(INSTALL, () => NOW);
    const before = clock.tick();
    const farAhead = formatHlc(NOW + 25 * HOUR, 3, 'fedcba9876543210');
    expect(() => clock.observe(farAhead)).toThrow(expect.objectContaining({ code: 'CLOCK_AHEAD' }));
    const after = clock.tick();
    expect(after > before).toBe(true);
    expect(parseHlc(after)!.wall).toBe(NOW);
  });

  it("adopts a colleague's timestamp an hour ahead, so new edits sort after it", () => {
    const clock = new HybridClock(INSTALL, () => NOW);
    const ahead = formatHlc(NOW + HOUR, 7, 'fedcba9876543210');
    clock.observe(ahead);
    const next = clock.tick();
    expect(next > ahead).toBe(true);
    expect(parseHlc(next)).toEqual({ wall: NOW + HOUR, counter: 8, installId: INSTALL });
  });

  it('does not take a wall time that is no real instant for a timestamp', () => {
    expect(isHlc(formatHlc(NOW, 0, INSTALL))).toBe(true);
    expect(isHlc(`2026-13-45T99:99:99.999Z-0000-${INSTALL}`)).toBe(false);
    expect(isHlc(`2026-05-06T12:00:00.000Z-10000-${INSTALL}`)).toBe(false);
  });
});
