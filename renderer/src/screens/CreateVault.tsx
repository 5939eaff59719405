import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { VaultStatus } from '../../../core/api/schemas';
import { request } from '../api';
import { errorKey } from '../errors';
import { Field } from '../components/Field';
import { PassphraseStrength } from '../passphrase/PassphraseStrength';
import {
  MIN_PASSPHRASE_LENGTH,
  MIN_SCORE,
  estimateStrength,
  folderWords,
  passphraseLength,
} from '../passphrase/strength';

interface Props {
  status: VaultStatus;
  onCreated: (status: VaultStatus) => void;
  onUnlockInstead: () => void;
}

const FOLDER_ERRORS: readonly ErrorCode[] = ['VAULT_EXISTS', 'FOLDER_NOT_WRITABLE'];

export function CreateVault({ status, onCreated, onUnlockInstead }: Props) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState(status.defaultFolder);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const needsId = useId();
  const ratingId = useId();

  const strength = useMemo(
    () => (passphrase ? estimateStrength(passphrase, folderWords(folder)) : null),
    [passphrase, folder],
  );
  const length = passphraseLength(passphrase);
  const mismatch = repeat !== '' && repeat !== passphrase;

  const needs: string[] = [];
  if (folder.trim() === '') needs.push(t('create.needs.folder'));
  if (length < MIN_PASSPHRASE_LENGTH) {
    needs.push(t('create.needs.length', { min: MIN_PASSPHRASE_LENGTH, count: length }));
  }
  if (strength === null || strength.score < MIN_SCORE) needs.push(t('create.needs.strength'));
  if (repeat === '' || mismatch) needs.push(t('create.needs.repeat'));
  const ready = needs.length === 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setErrorCode(null);
    const result = await request((api) => api.createVault({ folder: folder.trim(), passphrase }));
    if (result.ok) {
      onCreated(result.value);
      return;
    }
    setBusy(false);
    setErrorCode(result.error.code);
    if (FOLDER_ERRORS.includes(result.error.code)) folderInput.current?.focus();
  }

  return (
    <main className="screen">
      <form className="card" onSubmit={submit} noValidate autoComplete="off" aria-busy={busy}>
        <h1>{t('create.title')}</h1>
        <p className="lead">{t('create.intro')}</p>

        {errorCode && (
          <p role="alert" className="alert">
            {t(errorKey(errorCode))}
          </p>
        )}

        <Field label={t('create.folder')} hint={t('create.folderHint')}>
          {(control) => (
            <input
              {...control}
              ref={folderInput}
              type="text"
              spellCheck={false}
              value={folder}
              onChange={(event) => setFolder(event.target.value)}
            />
          )}
        </Field>

        <div className="warning" role="note">
          <p className="warning-title">{t('create.warningTitle')}</p>
          <p>{t('create.warning')}</p>
        </div>

        <Field
          label={t('create.passphrase')}
          hint={t('create.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
          {...(strength ? { describedBy: ratingId } : {})}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoFocus
              spellCheck={false}
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
            />
          )}
        </Field>
        <PassphraseStrength id={ratingId} strength={strength} />

        <Field label={t('create.repeat')} error={mismatch ? t('create.mismatch') : undefined}>
          {(control) => (
            <input
              {...control}
              type="password"
              spellCheck={false}
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
            />
          )}
        </Field>

        {!ready && (
          <div id={needsId} className="needs">
            <p>{t('create.needsTitle')}</p>
            <ul>
              {needs.map((need) => (
                <li key={need}>{need}</li>
              ))}
            </ul>
          </div>
        )}

        <div className="actions">
          <button
            type="submit"
            className="button primary"
            disabled={!ready || busy}
            aria-describedby={ready ? undefined : needsId}
          >
            {busy ? t('create.submitting') : t('create.submit')}
          </button>
          <button type="button" className="button link" onClick={onUnlockInstead}>
            {t('create.toUnlock')}
          </button>
        </div>
      </form>
    </main>
  );
}
