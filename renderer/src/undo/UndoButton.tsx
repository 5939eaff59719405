import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import { requestUnlocked } from '../api';
import { errorKey } from '../errors';
import { IS_MAC } from '../useLockShortcut';
import { useUndoShortcut } from './useUndoShortcut';

interface Props {
  readOnly: boolean;
  /** Something was undone: whatever is on screen must be read again. */
  onUndone: () => void;
}

type Outcome = { kind: 'undone' } | { kind: 'nothing' } | { kind: 'failed'; code: ErrorCode };

/** Long enough to be read, short enough that an old message is not taken for a new one. */
const MESSAGE_MS = 6000;

/** Undoes the last change saved in this session, from the button or with Ctrl+Z / Cmd+Z. */
export function UndoButton({ readOnly, onUndone }: Props) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const busy = useRef(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const undo = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    const result = await requestUnlocked((api) => api.undoLastChange());
    busy.current = false;
    const next: Outcome = !result.ok
      ? { kind: 'failed', code: result.error.code }
      : result.value.undone
        ? { kind: 'undone' }
        : { kind: 'nothing' };
    setOutcome(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setOutcome(null), MESSAGE_MS);
    if (next.kind === 'undone') onUndone();
  }, [onUndone]);

  const undoNow = useCallback(() => void undo(), [undo]);
  useUndoShortcut(undoNow, !readOnly);

  return (
    <>
      {outcome && (
        <p
          role={outcome.kind === 'failed' ? 'alert' : 'status'}
          className={outcome.kind === 'failed' ? 'undo-message failed' : 'undo-message'}
        >
          {outcome.kind === 'failed'
            ? t(errorKey(outcome.code))
            : outcome.kind === 'undone'
              ? t('main.undone')
              : t('main.nothingToUndo')}
        </p>
      )}
      <button
        type="button"
        className="button secondary"
        onClick={undoNow}
        disabled={readOnly}
        aria-keyshortcuts="Control+Z Meta+Z"
      >
        {t('main.undo')}
        <kbd aria-hidden="true">{IS_MAC ? t('main.undoShortcutMac') : t('main.undoShortcut')}</kbd>
      </button>
    </>
  );
}
