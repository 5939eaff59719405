import { useEffect, useRef } from 'react';

/** Input that counts as someone being at the computer. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/** A moving mouse fires many events a second; the timer is restarted at most this often. */
const RESET_THROTTLE_MS = 1000;

/**
 * Calls `onIdle` once `minutes` pass without keyboard, pointer or wheel input in this window.
 *
 * One timer, restarted on input at most once a second. Input inside that second is still
 * counted: when the timer fires early because of it, it is set again for the time that is
 * left, so the lock never comes sooner than `minutes` after the last input. A change of
 * `minutes` starts the wait afresh. When the window becomes visible again after a time in the
 * background (where browsers slow timers down), the wait is checked at once.
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    const wait = minutes * 60_000;
    let lastInput = Date.now();
    let lastReset = lastInput;
    let fired = false;
    let timer = window.setTimeout(check, wait);

    function check() {
      if (fired) return;
      const left = lastInput + wait - Date.now();
      if (left > 0) {
        window.clearTimeout(timer);
        timer = window.setTimeout(check, left);
        return;
      }
      fired = true;
      latest.current();
    }

    function onActivity() {
      const now = Date.now();
      lastInput = now;
      if (now - lastReset < RESET_THROTTLE_MS) return;
      lastReset = now;
      window.clearTimeout(timer);
      timer = window.setTimeout(check, wait);
    }

    function onVisibility() {
      if (document.visibilityState === 'visible') check();
    }

    const options = { capture: true, passive: true } as const;
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, options);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, options);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [minutes]);
}
