import { useEffect, useState } from 'react';
import { requestUnlocked } from '../api';
import { DEFAULT_AUTO_LOCK_MINUTES } from './autoLock';

/**
 * The auto-lock setting, loaded when the vault opens. Until it arrives, and if it cannot be
 * read, the default applies: the vault is never left without a lock timer.
 */
export function useAutoLockMinutes(): [number | null, (minutes: number) => void] {
  const [loaded, setLoaded] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    void requestUnlocked((api) => api.getSettings()).then((result) => {
      if (current) setLoaded(result.ok ? result.value.autoLockMinutes : DEFAULT_AUTO_LOCK_MINUTES);
    });
    return () => {
      current = false;
    };
  }, []);

  return [loaded, setLoaded];
}
