import { lazy, Suspense, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AutoLockForm } from './AutoLockForm';
import { BackupForm } from './BackupForm';
import { DemoDataForm } from './DemoDataForm';
import { LanguageSection } from '../language/LanguageSection';

// The strength meter's dictionaries are large; they load when settings are first opened.
const ChangePassphraseForm = lazy(() =>
  import('./ChangePassphraseForm').then((module) => ({ default: module.ChangePassphraseForm })),
);

interface Props {
  /** Null while the saved setting is still loading. */
  autoLockMinutes: number | null;
  onAutoLockSaved: (minutes: number) => void;
  /** The vault folder, whose words a new passphrase should not contain. */
  folder: string;
  readOnly: boolean;
  /** Demo data was loaded: the list and the thesauri must be read again. */
  onDemoLoaded: () => void;
  onClose: () => void;
}

/**
 * Settings in a modal <dialog>, so that an unsaved person draft behind it stays as it is.
 * Mounted only while open: each opening starts with empty passphrase fields.
 */
export function SettingsDialog({
  autoLockMinutes,
  onAutoLockSaved,
  folder,
  readOnly,
  onDemoLoaded,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog settings"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{t('settings.title')}</h2>

      <LanguageSection />

      {autoLockMinutes === null ? (
        <p className="muted">{t('settings.loading')}</p>
      ) : (
        <AutoLockForm minutes={autoLockMinutes} onSaved={onAutoLockSaved} />
      )}

      <Suspense fallback={<p className="muted">{t('settings.loading')}</p>}>
        <ChangePassphraseForm folder={folder} readOnly={readOnly} />
      </Suspense>

      <BackupForm />

      <DemoDataForm readOnly={readOnly} onLoaded={onDemoLoaded} />

      <div className="dialog-actions">
        <button type="button" className="button secondary" onClick={onClose}>
          {t('settings.close')}
        </button>
      </div>
    </dialog>
  );
}
