import { useCallback, useEffect, useRef, useState } from 'react';
import { USER_INPUT_EVENTS as ACTIVITY_EVENTS } from '../../../core/api/idle';
import { IdleClock } from './idleClock';

const WINDOW_TIMERS = {
  now: () => Date.now(),
  setTimeout: (run: () => void, ms: number) => window.setTimeout(run, ms),
  clearTimeout: (id: number) => window.clearTimeout(id),
};

/**
 * Calls `onIdle` once `minutes` pass without keyboard, pointer or wheel input in this window,
 * after a warning that counts down its last seconds. Returns the seconds the warning shows
 * (null while none does) and what "Keep working" does. A change of `minutes` starts the wait
 * afresh. When the window becomes visible again after a time in the background (where browsers
 * slow timers down), the clock is checked at once.
 */
export function useIdleLock(
  minutes: number,
  onIdle: () => void,
): { secondsLeft: number | null; keepWorking: () => void } {
  const latest = useRef(onIdle);
  const clock = useRef<IdleClock | null>(null);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  useEffect(() => {
    latest.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    const idle = new IdleClock(
      minutes,
      { onWarning: setSecondsLeft, onLock: () => latest.current() },
      WINDOW_TIMERS,
    );
    clock.current = idle;
    const onActivity = () => idle.activity();
    function onVisibility() {
      if (document.visibilityState === 'visible') idle.check();
    }
    const options = { capture: true, passive: true } as const;
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, options);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      idle.stop();
      setSecondsLeft(null);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, options);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [minutes]);

  const keepWorking = useCallback(() => clock.current?.input(), []);
  return { secondsLeft, keepWorking };
}
