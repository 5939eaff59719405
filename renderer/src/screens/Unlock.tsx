import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../../core/api/errors';
import type { PickedPath } from '../../../core/api/pickers';
import type { DamageDetails, VaultStatus } from '../../../core/api/schemas';
import { request } from '../api';
import { errorKey } from '../errors';
import type { Notice } from '../notice';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DamageAlert } from '../components/DamageAlert';
import { HelpButton } from '../help/HelpButton';
import { ChoosePath } from '../components/ChoosePath';
import { LanguagePicker } from '../language/LanguagePicker';
import { SecretField } from '../secret/SecretField';
import { isBlankSecret, secretArgs, type SecretMode } from '../secret/secret';

interface Props {
  status: VaultStatus;
  onUnlocked: (status: VaultStatus, notice: Notice | null) => void;
  onCreateInstead: () => void;
  onRestoreInstead: () => void;
}

type AlertKey = ReturnType<typeof errorKey> | 'unlock.needFolder' | 'unlock.needRecoveryKey';
type Alert = { kind: 'message'; key: AlertKey } | { kind: 'damage'; details: DamageDetails };
type Busy = 'unlock' | 'readOnly' | 'repair' | null;

export function Unlock({ status, onUnlocked, onCreateInstead, onRestoreInstead }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  // The last vault's folder comes as a token from the host, so it opens without a dialog.
  const [folder, setFolder] = useState<PickedPath | null>(status.folder);
  const [mode, setMode] = useState<SecretMode>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState<Busy>(null);
  const [alert, setAlert] = useState<Alert | null>(null);
  const [confirmRepair, setConfirmRepair] = useState(false);
  const folderInput = useRef<HTMLButtonElement>(null);
  const secretControl = useRef<HTMLElement | null>(null);

  const message = (key: AlertKey): Alert => ({ kind: 'message', key });
  const opened = (value: VaultStatus, notice: Notice | null = null) =>
    onUnlocked(value, notice ?? (mode === 'recoveryKey' ? { kind: 'recoveryKeyUsed' } : null));

  function failed(result: Extract<ApiResult<unknown>, { ok: false }>) {
    setBusy(null);
    const { code, details } = result.error;
    if (code === 'VAULT_CORRUPT' && details) {
      // The secret stays: opening read-only or repairing needs it again.
      setAlert({ kind: 'damage', details });
      return;
    }
    setAlert(message(errorKey(code)));
    if (code === 'VAULT_NOT_FOUND' || code === 'PATH_NOT_CHOSEN') {
      folderInput.current?.focus();
      return;
    }
    // Twelve words are kept so that one mistyped word can be corrected; a passphrase is retyped.
    if (code !== 'WRONG_RECOVERY_KEY') setSecret('');
    secretControl.current?.focus();
  }

  async function unlock(readOnly: boolean) {
    if (folder === null) return;
    setBusy(readOnly ? 'readOnly' : 'unlock');
    const result = await request((api) =>
      api.unlockVault({ folder: folder.token, ...secretArgs(mode, secret), readOnly }),
    );
    if (result.ok) opened(result.value);
    else failed(result);
  }

  async function repair() {
    setConfirmRepair(false);
    if (folder === null) return;
    setBusy('repair');
    const result = await request((api) =>
      api.repairVault({ folder: folder.token, ...secretArgs(mode, secret) }),
    );
    if (result.ok)
      opened(result.value.status, { kind: 'repaired', count: result.value.damage.length });
    else failed(result);
  }

  /** Says what is missing and focuses it; true when the folder and a secret are there. */
  function ready(): boolean {
    if (folder === null) {
      setAlert(message('unlock.needFolder'));
      folderInput.current?.focus();
      return false;
    }
    if (isBlankSecret(mode, secret)) {
      setAlert(
        message(mode === 'passphrase' ? errorKey('EMPTY_PASSPHRASE') : 'unlock.needRecoveryKey'),
      );
      secretControl.current?.focus();
      return false;
    }
    return true;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    // Cleared first so that the same message, shown again, is announced again.
    setAlert(null);
    if (ready()) void unlock(false);
  }

  return (
    <main className="screen">
      <form
        className="card"
        onSubmit={submit}
        noValidate
        autoComplete="off"
        aria-busy={busy !== null}
        aria-labelledby={titleId}
      >
        <LanguagePicker />
        <h1 id={titleId}>{t('unlock.title')}</h1>

        {alert?.kind === 'message' && (
          <p role="alert" className="alert">
            {t(alert.key)}
          </p>
        )}
        {alert?.kind === 'damage' && (
          <DamageAlert details={alert.details} of="vault">
            <div className="actions damage-actions">
              <button
                type="button"
                className="button secondary"
                disabled={busy !== null}
                autoFocus
                onClick={() => {
                  if (ready()) void unlock(true);
                }}
              >
                {busy === 'readOnly' ? t('unlock.openingReadOnly') : t('unlock.openReadOnly')}
              </button>
              <button
                type="button"
                className="button secondary"
                disabled={busy !== null}
                onClick={() => {
                  if (ready()) setConfirmRepair(true);
                }}
              >
                {busy === 'repair' ? t('unlock.repairing') : t('unlock.repair')}
              </button>
            </div>
          </DamageAlert>
        )}

        <ChoosePath
          ref={folderInput}
          label={t('unlock.folder')}
          purpose="openVault"
          value={folder}
          onChange={(picked) => {
            setFolder(picked);
            // The damage found belongs to the folder that was checked.
            if (alert?.kind === 'damage') setAlert(null);
          }}
        />

        <SecretField
          mode={mode}
          onModeChange={setMode}
          value={secret}
          onChange={setSecret}
          passphraseLabel={t('unlock.passphrase')}
          controlRef={secretControl}
          autoFocus={folder !== null}
        />

        <div className="actions">
          <button type="submit" className="button primary" disabled={busy !== null}>
            {busy === 'unlock' ? t('unlock.submitting') : t('unlock.submit')}
          </button>
          <button type="button" className="button link" onClick={onCreateInstead}>
            {t('unlock.toCreate')}
          </button>
          <button type="button" className="button link" onClick={onRestoreInstead}>
            {t('unlock.toRestore')}
          </button>
          <HelpButton className="button link" />
        </div>
      </form>

      <ConfirmDialog
        open={confirmRepair}
        title={t('repair.title')}
        body={t('repair.body')}
        confirmLabel={t('repair.confirm')}
        cancelLabel={t('repair.cancel')}
        onConfirm={() => void repair()}
        onCancel={() => setConfirmRepair(false)}
      />
    </main>
  );
}
