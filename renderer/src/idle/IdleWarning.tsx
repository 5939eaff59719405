import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Seconds until the idle lock; the warning shows while this is not null. */
  secondsLeft: number | null;
  onKeepWorking: () => void;
}

/**
 * "Locking in 30 s — Keep working": a modal alert dialog, announced by screen readers when it
 * opens. The countdown itself is not a live region: a reader would announce every second.
 */
export function IdleWarning({ secondsLeft, onKeepWorking }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const open = secondsLeft !== null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape is input like any other: it keeps the vault open.
        event.preventDefault();
        onKeepWorking();
      }}
    >
      <h2 id={titleId}>{t('idle.title')}</h2>
      <div id={bodyId}>
        <p className="idle-countdown">{t('idle.countdown', { count: secondsLeft ?? 0 })}</p>
        <p>{t('idle.body')}</p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onKeepWorking}>
          {t('idle.keepWorking')}
        </button>
      </div>
    </dialog>
  );
}
