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
    } else {
      this.counter++;
    }
    return formatHlc(this.wall, this.counter, this.installId);
  }

  /** Moves the clock past a timestamp already in the vault, so new edits sort after it. */
  observe(hlc: string): void {
    const parsed = parseHlc(hlc);
    if (!parsed) return;
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

export function parseHlc(hlc: string): { wall: number; counter: number; installId: string } | null {
  const match = HLC_PATTERN.exec(hlc);
  if (!match) return null;
  return { wall: Date.parse(match[1]!), counter: parseInt(match[2]!, 16), installId: match[3]! };
}

export function isHlc(value: string): boolean {
  return HLC_PATTERN.test(value);
}

/** The wall-clock part of a timestamp, as an ISO string. */
export function hlcTime(hlc: string): string {
  return hlc.slice(0, 24);
}
