import { useCallback, useEffect, useState } from 'react';
import { requestUnlocked } from '../api';

/**
 * How many conflicts wait for review, for the badge in the navigation; `refresh` after a bundle
 * is applied or a conflict settled. A queue that cannot be read shows no badge: the Contacts
 * screen says why.
 */
export function useConflictCount(): { count: number; refresh: () => void } {
  const [count, setCount] = useState(0);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    void requestUnlocked((api) => api.listConflicts()).then((result) => {
      if (current) setCount(result.ok ? result.value.length : 0);
    });
    return () => {
      current = false;
    };
  }, [generation]);

  const refresh = useCallback(() => setGeneration((value) => value + 1), []);
  return { count, refresh };
}
