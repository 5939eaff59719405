import { describe, expect, it } from 'vitest';
import { IDLE_WARNING_MS, idlePhase } from '../../core/api/idle';
import { IdleClock, type IdleTimers } from '../../renderer/src/idle/idleClock';

/** A hand-driven clock: `advance` runs every timer that falls due, in time order. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; run: () => void }>();
  const timers: IdleTimers = {
    now: () => now,
    setTimeout(run, ms) {
      due.set(next, { at: now + ms, run });
      return next++;
    },
    clearTimeout(id) {
      due.delete(id);
    },
  };
  function advance(ms: number) {
    const end = now + ms;
    for (;;) {
      const [id, first] = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (id === undefined || first!.at > end) break;
      due.delete(id);
      now = first!.at;
      first!.run();
    }
    now = end;
  }
  return { timers, advance };
}

function startClock(minutes: number) {
  const { timers, advance } = fakeTimers();
  const shown: (number | null)[] = [];
  let locks = 0;
  const clock = new IdleClock(
    minutes,
    { onWarning: (seconds) => shown.push(seconds), onLock: () => locks++ },
    timers,
  );
  return { clock, advance, shown, locks: () => locks };
}

describe('idlePhase', () => {
  it('warns for the last 30 seconds, counting whole seconds up, then locks', () => {
    expect(idlePhase(0, 1)).toEqual({ kind: 'active', untilWarningMs: 30_000 });
    expect(idlePhase(30_000, 1)).toEqual({ kind: 'warning', secondsLeft: 30, untilLockMs: 30_000 });
    expect(idlePhase(30_001, 1)).toMatchObject({ kind: 'warning', secondsLeft: 30 });
    expect(idlePhase(59_999, 1)).toMatchObject({ kind: 'warning', secondsLeft: 1 });
    expect(idlePhase(60_000, 1)).toEqual({ kind: 'lock' });
    expect(IDLE_WARNING_MS).toBe(30_000);
  });
});

describe('the renderer idle clock', () => {
  it('shows the warning 30 s before the lock, counts down each second, then locks once', () => {
    const idle = startClock(5);
    idle.advance(5 * 60_000 - 30_001);
    expect(idle.shown).toEqual([]);
    idle.advance(1);
    expect(idle.shown).toEqual([30]);
    idle.advance(29_000);
    expect(idle.shown).toEqual(Array.from({ length: 30 }, (_, k) => 30 - k));
    expect(idle.locks()).toBe(0);
    idle.advance(1000);
    expect(idle.locks()).toBe(1);
    idle.advance(10 * 60_000);
    expect(idle.locks()).toBe(1);
  });

  it('Keep working (or any input) hides the warning and starts the whole wait again', () => {
    const idle = startClock(1);
    idle.advance(45_000);
    expect(idle.shown.at(-1)).toBe(15);
    idle.clock.input();
    expect(idle.shown.at(-1)).toBeNull();
    idle.advance(59_999);
    expect(idle.locks()).toBe(0);
    expect(idle.shown.at(-1)).toBe(1);
    idle.advance(1);
    expect(idle.locks()).toBe(1);
  });

  it('keeps the warning up through window input until Keep working, which starts again', () => {
    const idle = startClock(1);
    idle.clock.activity();
    idle.advance(45_000);
    expect(idle.shown.at(-1)).toBe(15);
    // A pointer on its way to the button must not make the dialog vanish under it.
    idle.clock.activity();
    idle.advance(1000);
    expect(idle.shown.at(-1)).toBe(14);
    idle.clock.input();
    expect(idle.shown.at(-1)).toBeNull();
    idle.advance(29_999);
    expect(idle.shown.at(-1)).toBeNull();
    // Before the warning, window input counts.
    idle.clock.activity();
    idle.advance(59_999);
    expect(idle.locks()).toBe(0);
  });

  it('counts input inside the throttle second, so the lock never comes early', () => {
    const idle = startClock(1);
    idle.advance(10_000);
    idle.clock.input();
    idle.advance(500);
    // Inside the throttle second: the timer is not restarted, but the input still counts.
    idle.clock.input();
    // The timer set at the first input falls due 30 s after it: too early, it waits on.
    idle.advance(29_999);
    expect(idle.shown).toEqual([]);
    idle.advance(1);
    expect(idle.shown).toEqual([30]);
    idle.advance(29_999);
    expect(idle.locks()).toBe(0);
    idle.advance(1);
    expect(idle.locks()).toBe(1);
  });

  it('stops: no warning or lock after the window has gone', () => {
    const idle = startClock(1);
    idle.clock.stop();
    idle.advance(5 * 60_000);
    expect(idle.shown).toEqual([]);
    expect(idle.locks()).toBe(0);
  });
});
