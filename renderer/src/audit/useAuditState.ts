import { useEffect, useState } from 'react';
import type { AuditState } from '../../../core/api/records';
import { requestUnlocked } from '../api';

/** The check runs in the core after unlock; asking once a second costs nothing meanwhile. */
const POLL_MS = 1000;

/** The result of the audit chain check, once the core has finished it; null until then. */
export function useAuditState(): AuditState | null {
  const [state, setState] = useState<AuditState | null>(null);

  useEffect(() => {
    let current = true;
    let timer: number | undefined;
    async function poll() {
      const result = await requestUnlocked((api) => api.auditStatus());
      if (!current || !result.ok) return;
      if (result.value.state === 'checking') timer = window.setTimeout(poll, POLL_MS);
      else setState(result.value);
    }
    void poll();
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, []);

  return state;
}
