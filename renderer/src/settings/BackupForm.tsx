import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import { requestUnlocked } from '../api';
import { errorKey } from '../errors';
import type { PickedPath } from '../../../core/api/pickers';
import { ChoosePath } from '../components/ChoosePath';

const FOLDER_ERRORS: readonly ErrorCode[] = [
  'VAULT_EXISTS',
  'FOLDER_NOT_WRITABLE',
  'FOLDER_NOT_EMPTY',
  'PATH_NOT_CHOSEN',
];

/** The sentence for a failed backup; "unlock it instead" would be wrong advice here. */
function backupErrorKey(code: ErrorCode) {
  return code === 'VAULT_EXISTS' ? 'settings.backup.errors.VAULT_EXISTS' : errorKey(code);
}

/** Writes an encrypted copy of the vault elsewhere, which the core reads back to verify. */
export function BackupForm() {
  const { t } = useTranslation();
  const headingId = useId();
  const [folder, setFolder] = useState<PickedPath | null>(null);
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const folderInput = useRef<HTMLButtonElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || folder === null) {
      folderInput.current?.focus();
      return;
    }
    setBusy(true);
    setErrorCode(null);
    setSavedTo(null);
    const result = await requestUnlocked((api) => api.saveBackup({ folder: folder.token }));
    setBusy(false);
    if (result.ok) {
      setSavedTo(folder.label);
      return;
    }
    setErrorCode(result.error.code);
    if (FOLDER_ERRORS.includes(result.error.code)) folderInput.current?.focus();
  }

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('settings.backup.title')}</h3>
      <p className="muted">{t('settings.backup.note')}</p>
      <form onSubmit={submit} noValidate autoComplete="off" aria-busy={busy}>
        {errorCode && (
          <p role="alert" className="alert">
            {t(backupErrorKey(errorCode))}
          </p>
        )}
        <ChoosePath
          ref={folderInput}
          label={t('settings.backup.folder')}
          hint={t('settings.backup.hint')}
          purpose="backupFolder"
          suggestedName="vigil-backup"
          value={folder}
          onChange={(picked) => {
            setFolder(picked);
            setSavedTo(null);
          }}
        />
        <div className="actions">
          <button
            type="submit"
            className="button primary"
            disabled={folder === null}
            aria-disabled={busy}
          >
            {busy ? t('settings.backup.submitting') : t('settings.backup.submit')}
          </button>
          <p role="status" className="status">
            {savedTo ? t('settings.backup.done', { folder: savedTo }) : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
