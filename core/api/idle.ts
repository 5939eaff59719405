/**
 * The idle clock shared by the renderer's idle lock and the hosts' (core/host/idleLock.ts): one
 * rule for when the warning shows and when the lock comes. Browser-safe: no Node imports.
 */

/** Input in the page that counts as someone at the computer, for the renderer and the hosts. */
export const USER_INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/** The warning shows this long before an idle lock, counting down, with "Keep working". */
export const IDLE_WARNING_MS = 30_000;

export type IdlePhase =
  /** Someone is at the computer; the warning is `untilWarningMs` away. */
  | { kind: 'active'; untilWarningMs: number }
  /** The warning shows `secondsLeft` (rounded up); the lock is `untilLockMs` away. */
  | { kind: 'warning'; secondsLeft: number; untilLockMs: number }
  | { kind: 'lock' };

/**
 * Where the idle clock stands after `idleMs` without input, for an auto-lock time of
 * `autoLockMinutes`. An auto-lock time shorter than the warning shows the warning at once.
 */
export function idlePhase(idleMs: number, autoLockMinutes: number): IdlePhase {
  const untilLockMs = autoLockMinutes * 60_000 - idleMs;
  if (untilLockMs <= 0) return { kind: 'lock' };
  if (untilLockMs > IDLE_WARNING_MS) {
    return { kind: 'active', untilWarningMs: untilLockMs - IDLE_WARNING_MS };
  }
  return { kind: 'warning', secondsLeft: Math.ceil(untilLockMs / 1000), untilLockMs };
}

/** How long to wait before the phase can next change (the next whole second while warning). */
export function nextIdleCheckMs(phase: IdlePhase): number {
  switch (phase.kind) {
    case 'active':
      return phase.untilWarningMs;
    case 'warning':
      return phase.untilLockMs - (phase.secondsLeft - 1) * 1000;
    case 'lock':
      return 0;
  }
}
