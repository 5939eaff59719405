import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../core/api/errors';
import {
  everyInterval,
  IDLE_CHECK_MS,
  idleLockDue,
  InputClock,
  lockIfIdle,
} from '../../core/host/idleLock';

afterEach(() => {
  vi.useRealTimers();
});

/** A core that answers getSettings and vaultStatus as given, and records what it was asked. */
function fakeCore(autoLockMinutes: number, state: string) {
  const asked: string[] = [];
  const answers: Record<string, ApiResult<unknown>> = {
    getSettings: { ok: true, value: { autoLockMinutes } },
    vaultStatus: { ok: true, value: { state } },
  };
  return {
    asked,
    call(method: unknown): Promise<ApiResult<unknown>> {
      asked.push(String(method));
      return Promise.resolve(
        answers[String(method)] ?? { ok: false, error: { code: 'INTERNAL', message: '' } },
      );
    },
  };
}

describe('idleLockDue', () => {
  it('is due at the auto-lock time, not a millisecond before', () => {
    expect(idleLockDue(5 * 60_000 - 1, 5)).toBe(false);
    expect(idleLockDue(5 * 60_000, 5)).toBe(true);
    expect(idleLockDue(0, 1)).toBe(false);
  });
});

describe('lockIfIdle', () => {
  it('locks an unlocked vault once the idle time reaches the setting', async () => {
    const lock = vi.fn();
    const core = fakeCore(5, 'unlocked');
    expect(await lockIfIdle(core, () => 4 * 60_000, lock)).toBe(false);
    expect(lock).not.toHaveBeenCalled();
    expect(await lockIfIdle(core, () => 5 * 60_000, lock)).toBe(true);
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it('does nothing when no vault is unlocked, or the settings cannot be read', async () => {
    const lock = vi.fn();
    expect(await lockIfIdle(fakeCore(1, 'locked'), () => 3_600_000, lock)).toBe(false);
    expect(await lockIfIdle(fakeCore(1, 'none'), () => 3_600_000, lock)).toBe(false);
    const broken = {
      call: () =>
        Promise.resolve<ApiResult<unknown>>({
          ok: false,
          error: { code: 'STORAGE_FAILED', message: '' },
        }),
    };
    expect(await lockIfIdle(broken, () => 3_600_000, lock)).toBe(false);
    expect(lock).not.toHaveBeenCalled();
  });

  it('asks for the vault state only when the idle time is due', async () => {
    const core = fakeCore(5, 'unlocked');
    await lockIfIdle(core, () => 0, vi.fn());
    expect(core.asked).toEqual(['getSettings']);
  });
});

describe('InputClock', () => {
  it('counts from the last input, and from the start before any', () => {
    let now = 1_000;
    const clock = new InputClock(() => now);
    now += 40_000;
    expect(clock.idleMs()).toBe(40_000);
    clock.input();
    now += 5_000;
    expect(clock.idleMs()).toBe(5_000);
  });
});

describe('everyInterval', () => {
  it('checks every interval and never starts a check while one is running', async () => {
    vi.useFakeTimers();
    let finish = (): void => undefined;
    const check = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const stop = everyInterval(check);
    await vi.advanceTimersByTimeAsync(IDLE_CHECK_MS - 1);
    expect(check).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3 * IDLE_CHECK_MS);
    expect(check).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(IDLE_CHECK_MS);
    expect(check).toHaveBeenCalledTimes(2);
    stop();
    finish();
    await vi.advanceTimersByTimeAsync(5 * IDLE_CHECK_MS);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('keeps checking after a check that failed', async () => {
    vi.useFakeTimers();
    const check = vi.fn(() => Promise.reject(new Error('core stopped')));
    const stop = everyInterval(check);
    await vi.advanceTimersByTimeAsync(2 * IDLE_CHECK_MS);
    expect(check).toHaveBeenCalledTimes(2);
    stop();
  });
});
