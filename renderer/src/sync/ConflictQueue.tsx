import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { Conflict } from '../../../core/api/sync';
import { requestUnlocked } from '../api';
import { errorKey } from '../errors';
import { ConflictItem } from './ConflictItem';

interface Props {
  installId: string;
  readOnly: boolean;
  /** Loads the queue again, after a bundle was applied. */
  refreshToken: number;
  /** A conflict was settled: the vault changed and the count in the navigation too. */
  onResolved: () => void;
}

type Loaded = { ok: true; conflicts: Conflict[] } | { ok: false; code: ErrorCode };

/** The review queue: fields both sides changed unseen, with the applied value and the other. */
export function ConflictQueue({ installId, readOnly, refreshToken, onResolved }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const [remaining, setRemaining] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    void requestUnlocked((api) => api.listConflicts()).then((result) => {
      if (!current) return;
      setLoaded(
        result.ok ? { ok: true, conflicts: result.value } : { ok: false, code: result.error.code },
      );
    });
    return () => {
      current = false;
    };
  }, [refreshToken, generation]);

  async function resolve(conflict: Conflict, keep: 'winner' | 'other') {
    if (busy || readOnly) return;
    setBusy(true);
    setProblem(null);
    const { entity, id, field } = conflict;
    const result = await requestUnlocked((api) => api.resolveConflict({ entity, id, field, keep }));
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.code);
      return;
    }
    setRemaining(result.value.remaining);
    // The settled conflict's buttons are gone: the focus goes back to the top of the queue.
    headingRef.current?.focus();
    setGeneration((count) => count + 1);
    onResolved();
  }

  return (
    <section className="sync-section conflicts" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('sync.conflicts.heading')}
      </h3>
      <p role="status" className="status">
        {remaining === null ? '' : t('sync.conflicts.resolved', { count: remaining })}
      </p>
      {problem && (
        <p role="alert" className="alert">
          {t(errorKey(problem))}
        </p>
      )}
      {loaded === null ? (
        <p className="muted">{t('sync.loading')}</p>
      ) : !loaded.ok ? (
        <p role="alert" className="alert">
          {t(errorKey(loaded.code))}
        </p>
      ) : loaded.conflicts.length === 0 ? (
        <p className="empty">{t('sync.conflicts.none')}</p>
      ) : (
        <>
          <p className="muted">{t('sync.conflicts.lead')}</p>
          <ul className="conflict-list">
            {loaded.conflicts.map((conflict) => (
              <ConflictItem
                key={`${conflict.entity}/${conflict.id}/${conflict.field}`}
                conflict={conflict}
                installId={installId}
                readOnly={readOnly}
                busy={busy}
                onResolve={(keep) => void resolve(conflict, keep)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
