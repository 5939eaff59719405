import { ApiError } from '../api/errors';

/** The counter has four hex digits; a timestamp with a fifth would not sort or parse. */
export const MAX_COUNTER = 0xffff;
/** A timestamp further ahead of this computer's clock is a wrong clock, not a colleague's edit. */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

/**
 * Hybrid logical clock. Timestamps sort as text: `<ISO wall time>-<counter, 4 hex>-<install id>`,
 * so the order of two edits never depends on parsing, and ties are broken by the install id.
 */
export class HybridClock {
  private wall = 0;
  private counter = 0;

  constructor(
    private readonly installId: string,
    private readonly nowMs: () => number = Date.now,
  ) {}

  tick(): string {
    const now = this.nowMs();
    if (now > this.wall) {
      this.wall = now;
      this.counter = 0;
    } else if (this.counter < MAX_COUNTER) {
      this.counter++;
    } else {
      // More edits in one millisecond than the counter holds: borrow the next millisecond.
      this.wall++;
      this.counter = 0;
    }
    return formatHlc(this.wall, this.counter, this.installId);
  }

  /**
   * Moves the clock past a timestamp already in the vault, so new edits sort after it. A
   * timestamp more than a day ahead of this computer's clock is refused with CLOCK_AHEAD and
   * leaves the clock as it was: adopting it would stamp every later edit with that far-future
   * time, and only the counter would move until the real clock caught up.
   */
  observe(hlc: string): void {
    const parsed = parseHlc(hlc);
    if (!parsed) return;
    if (parsed.wall > this.nowMs() + MAX_DRIFT_MS) {
      throw new ApiError('CLOCK_AHEAD', 'Timestamp more than a day ahead of the local clock');
    }
    if (parsed.wall > this.wall || (parsed.wall === this.wall && parsed.counter > this.counter)) {
      this.wall = parsed.wall;
      this.counter = parsed.counter;
    }
  }
}

export function formatHlc(wall: number, counter: number, installId: string): string {
  return `${new Date(wall).toISOString()}-${counter.toString(16).padStart(4, '0')}-${installId}`;
}

const HLC_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;

/** Null for text that is not a timestamp, a wall time that is no real instant included. */
export function parseHlc(hlc: string): { wall: number; counter: number; installId: string } | null {
  const match = HLC_PATTERN.exec(hlc);
  if (!match) return null;
  const wall = Date.parse(match[1]!);
  if (Number.isNaN(wall) || new Date(wall).toISOString() !== match[1]) return null;
  return { wall, counter: parseInt(match[2]!, 16), installId: match[3]! };
}

export function isHlc(value: string): boolean {
  return parseHlc(value) !== null;
}

/** The wall-clock part of a timestamp, as an ISO string. */
export function hlcTime(hlc: string): string {
  return hlc.slice(0, 24);
}
