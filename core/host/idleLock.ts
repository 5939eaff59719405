import { contract } from '../api/contract';
import type { ApiResult } from '../api/errors';
import { idlePhase } from '../api/idle';

/**
 * The host-side idle lock of Electron main and the browser host. The renderer has its own
 * (useIdleLock), but a page's timers are slowed down while its window is hidden, and the host
 * is the one that holds the keys: it checks on its own and locks as lockVault does.
 */

/** How often a host looks at the idle time. */
export const IDLE_CHECK_MS = 15_000;

export { USER_INPUT_EVENTS } from '../api/idle';

/** True once the user has been away for the whole auto-lock time (the renderer's own rule). */
export function idleLockDue(idleMs: number, autoLockMinutes: number): boolean {
  return idlePhase(idleMs, autoLockMinutes).kind === 'lock';
}

export interface IdleCore {
  call(method: unknown, args: unknown): Promise<ApiResult<unknown>>;
}

/**
 * Locks when a vault is unlocked and the user has been idle for the auto-lock time, read from
 * the core's settings at each check so that a change in Settings applies at once. Returns
 * whether it locked.
 */
export async function lockIfIdle(
  core: IdleCore,
  idleMs: () => number,
  lock: () => void,
): Promise<boolean> {
  const settings = await core.call('getSettings', {});
  const parsed = settings.ok
    ? contract.getSettings.result.pick({ autoLockMinutes: true }).safeParse(settings.value)
    : null;
  if (!parsed?.success || !idleLockDue(idleMs(), parsed.data.autoLockMinutes)) return false;
  const status = await core.call('vaultStatus', {});
  const state = status.ok
    ? contract.vaultStatus.result.pick({ state: true }).safeParse(status.value)
    : null;
  if (state?.data?.state !== 'unlocked') return false;
  lock();
  return true;
}

/**
 * Runs `check` every `everyMs`, never two at once (a check waits for the core, which may be busy
 * with a long figure). Returns a function that stops it. The timer does not keep Node running.
 */
export function everyInterval(check: () => Promise<unknown>, everyMs = IDLE_CHECK_MS): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    // A check that failed (the core stopped mid-call) is simply tried again next time.
    void check()
      .catch(() => undefined)
      .finally(() => (running = false));
  }, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}

/** The time since the last input the page reported, for hosts with no system idle time. */
export class InputClock {
  private last: number;

  constructor(private readonly now: () => number = Date.now) {
    this.last = now();
  }

  input(): void {
    this.last = this.now();
  }

  idleMs(): number {
    return this.now() - this.last;
  }
}
