import { idlePhase, nextIdleCheckMs } from '../../../core/api/idle';

/** What the idle clock needs from its surroundings; tests give a clock of their own. */
export interface IdleTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface IdleClockEvents {
  /** The warning's seconds left, each second while it shows; null once input cancels it. */
  onWarning(secondsLeft: number | null): void;
  /** The auto-lock time has passed without input: called once. */
  onLock(): void;
}

/** A moving mouse fires many events a second; the timer is restarted at most this often. */
const RESET_THROTTLE_MS = 1000;

/**
 * The renderer's idle clock: a warning that counts down the last seconds (IDLE_WARNING_MS)
 * before the lock, then the lock. One timer, restarted on input at most once a second; input
 * inside that second is still counted, because a timer that fires early sets itself again for
 * what is left. While the warning shows, only Keep working cancels it (see `activity`).
 */
export class IdleClock {
  private lastInput: number;
  private lastReset: number;
  private timer: number;
  private warning: number | null = null;
  private done = false;

  constructor(
    private readonly minutes: number,
    private readonly events: IdleClockEvents,
    private readonly timers: IdleTimers,
  ) {
    this.lastInput = timers.now();
    this.lastReset = this.lastInput;
    this.timer = this.schedule();
  }

  /**
   * Keyboard, pointer or wheel input in the window. While the warning shows it does not dismiss
   * it: the dialog would vanish under a pointer on its way to Keep working, and the click would
   * land on whatever the page has behind the button. Only Keep working (or Escape) does.
   */
  activity(): void {
    if (this.warning === null) this.input();
  }

  /** Input that counts, or the warning's Keep working: hides the warning, starts the wait again. */
  input(): void {
    const now = this.timers.now();
    this.lastInput = now;
    if (this.warning !== null) {
      this.warning = null;
      this.events.onWarning(null);
    } else if (now - this.lastReset < RESET_THROTTLE_MS) return;
    this.lastReset = now;
    this.timers.clearTimeout(this.timer);
    this.timer = this.schedule();
  }

  /** Looks at the clock now, e.g. when a window comes back from the background. */
  check(): void {
    if (this.done) return;
    const phase = idlePhase(this.timers.now() - this.lastInput, this.minutes);
    if (phase.kind === 'lock') {
      this.done = true;
      this.events.onLock();
      return;
    }
    const shown = phase.kind === 'warning' ? phase.secondsLeft : null;
    if (shown !== this.warning) {
      this.warning = shown;
      this.events.onWarning(shown);
    }
    this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => this.check(), nextIdleCheckMs(phase));
  }

  stop(): void {
    this.done = true;
    this.timers.clearTimeout(this.timer);
  }

  private schedule(): number {
    const phase = idlePhase(this.timers.now() - this.lastInput, this.minutes);
    return this.timers.setTimeout(() => this.check(), nextIdleCheckMs(phase));
  }
}
