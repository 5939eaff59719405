import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { PickedPath } from '../../../core/api/pickers';
import type { DamageDetails, VaultStatus } from '../../../core/api/schemas';
import { request } from '../api';
import { errorKey } from '../errors';
import type { Notice } from '../notice';
import { DamageAlert } from '../components/DamageAlert';
import { ChoosePath } from '../components/ChoosePath';
import { SecretField } from '../secret/SecretField';
import { isBlankSecret, secretArgs, type SecretMode } from '../secret/secret';

interface Props {
  onRestored: (status: VaultStatus, notice: Notice) => void;
  onBack: () => void;
}

type AlertKey =
  | ReturnType<typeof errorKey>
  | 'restore.needSource'
  | 'restore.needFolder'
  | 'unlock.needRecoveryKey'
  | 'restore.errors.VAULT_EXISTS'
  | 'restore.errors.VAULT_NOT_FOUND';
type Alert = { kind: 'message'; key: AlertKey } | { kind: 'damage'; details: DamageDetails };

/** Sentences that name the right one of the form's two folders. */
function restoreErrorKey(code: ErrorCode): AlertKey {
  if (code === 'VAULT_EXISTS' || code === 'VAULT_NOT_FOUND') return `restore.errors.${code}`;
  return errorKey(code);
}

export function RestoreBackup({ onRestored, onBack }: Props) {
  const { t } = useTranslation();
  const [source, setSource] = useState<PickedPath | null>(null);
  const [folder, setFolder] = useState<PickedPath | null>(null);
  const [mode, setMode] = useState<SecretMode>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<Alert | null>(null);
  const sourceInput = useRef<HTMLButtonElement>(null);
  const folderInput = useRef<HTMLButtonElement>(null);
  const secretControl = useRef<HTMLElement | null>(null);

  function show(key: AlertKey, focus: HTMLElement | null) {
    setAlert({ kind: 'message', key });
    focus?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAlert(null);
    if (source === null) return show('restore.needSource', sourceInput.current);
    if (folder === null) return show('restore.needFolder', folderInput.current);
    if (isBlankSecret(mode, secret)) {
      const key = mode === 'passphrase' ? errorKey('EMPTY_PASSPHRASE') : 'unlock.needRecoveryKey';
      return show(key, secretControl.current);
    }
    setBusy(true);
    const result = await request((api) =>
      api.restoreBackup({
        source: source.token,
        folder: folder.token,
        ...secretArgs(mode, secret),
      }),
    );
    if (result.ok) {
      onRestored(result.value, {
        kind: 'restored',
        folder: result.value.folder?.label ?? folder.label,
      });
      return;
    }
    setBusy(false);
    const { code, details } = result.error;
    if (code === 'VAULT_CORRUPT' && details) {
      setAlert({ kind: 'damage', details });
    } else if (code === 'VAULT_NOT_FOUND') {
      show(restoreErrorKey(code), sourceInput.current);
    } else if (
      code === 'VAULT_EXISTS' ||
      code === 'FOLDER_NOT_WRITABLE' ||
      code === 'FOLDER_NOT_EMPTY'
    ) {
      show(restoreErrorKey(code), folderInput.current);
    } else if (code === 'WRONG_PASSPHRASE' || code === 'WRONG_RECOVERY_KEY') {
      if (code === 'WRONG_PASSPHRASE') setSecret('');
      show(restoreErrorKey(code), secretControl.current);
    } else {
      show(restoreErrorKey(code), null);
    }
  }

  return (
    <main className="screen">
      <form className="card" onSubmit={submit} noValidate autoComplete="off" aria-busy={busy}>
        <h1>{t('restore.title')}</h1>
        <p className="lead">{t('restore.intro')}</p>

        {alert?.kind === 'message' && (
          <p role="alert" className="alert">
            {t(alert.key)}
          </p>
        )}
        {alert?.kind === 'damage' && <DamageAlert details={alert.details} of="backup" />}

        <ChoosePath
          ref={sourceInput}
          label={t('restore.source')}
          hint={t('restore.sourceHint')}
          purpose="restoreSource"
          value={source}
          onChange={setSource}
        />

        <ChoosePath
          ref={folderInput}
          label={t('restore.folder')}
          hint={t('restore.folderHint')}
          purpose="newVault"
          value={folder}
          onChange={setFolder}
        />

        <SecretField
          mode={mode}
          onModeChange={setMode}
          value={secret}
          onChange={setSecret}
          passphraseLabel={t('restore.passphrase')}
          passphraseHint={t('restore.passphraseHint')}
          controlRef={secretControl}
        />

        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('restore.submitting') : t('restore.submit')}
          </button>
          <button type="button" className="button link" onClick={onBack}>
            {t('restore.back')}
          </button>
        </div>
      </form>
    </main>
  );
}
