import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../core/api/schemas';
import { request } from '../api';
import { errorKey } from '../errors';
import { Field } from '../components/Field';

interface Props {
  status: VaultStatus;
  onUnlocked: (status: VaultStatus) => void;
  onCreateInstead: () => void;
}

type AlertKey = ReturnType<typeof errorKey> | 'unlock.needFolder';

export function Unlock({ status, onUnlocked, onCreateInstead }: Props) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState(status.folder ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<AlertKey | null>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const passphraseInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    // Cleared first so that the same message, shown again, is announced again.
    setAlert(null);
    if (folder.trim() === '') {
      setAlert('unlock.needFolder');
      folderInput.current?.focus();
      return;
    }
    if (passphrase === '') {
      setAlert(errorKey('EMPTY_PASSPHRASE'));
      passphraseInput.current?.focus();
      return;
    }
    setBusy(true);
    const result = await request((api) => api.unlockVault({ folder: folder.trim(), passphrase }));
    if (result.ok) {
      onUnlocked(result.value);
      return;
    }
    setBusy(false);
    setAlert(errorKey(result.error.code));
    if (result.error.code === 'VAULT_NOT_FOUND') {
      folderInput.current?.focus();
    } else {
      setPassphrase('');
      passphraseInput.current?.focus();
    }
  }

  return (
    <main className="screen">
      <form className="card" onSubmit={submit} noValidate autoComplete="off" aria-busy={busy}>
        <h1>{t('unlock.title')}</h1>

        {alert && (
          <p role="alert" className="alert">
            {t(alert)}
          </p>
        )}

        <Field label={t('unlock.folder')}>
          {(control) => (
            <input
              {...control}
              ref={folderInput}
              type="text"
              spellCheck={false}
              autoFocus={folder === ''}
              value={folder}
              onChange={(event) => setFolder(event.target.value)}
            />
          )}
        </Field>

        <Field label={t('unlock.passphrase')}>
          {(control) => (
            <input
              {...control}
              ref={passphraseInput}
              type="password"
              spellCheck={false}
              autoFocus={folder !== ''}
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
            />
          )}
        </Field>

        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('unlock.submitting') : t('unlock.submit')}
          </button>
          <button type="button" className="button link" onClick={onCreateInstead}>
            {t('unlock.toCreate')}
          </button>
        </div>
      </form>
    </main>
  );
}
