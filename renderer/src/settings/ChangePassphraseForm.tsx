import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import { requestUnlocked } from '../api';
import { errorKey } from '../errors';
import { NeedsList } from '../components/NeedsList';
import { NewPassphraseFields } from '../passphrase/NewPassphraseFields';
import { useNewPassphrase } from '../passphrase/useNewPassphrase';
import { SecretField } from '../secret/SecretField';
import { isBlankSecret, secretArgs, type SecretMode } from '../secret/secret';

interface Props {
  folder: string;
  /** A vault opened past damage is not written to, its key slots included. */
  readOnly: boolean;
}

/**
 * Replaces the passphrase's key slot. The current secret may be the recovery key, which is how
 * someone who forgot the passphrase sets a new one after unlocking with the recovery key.
 */
export function ChangePassphraseForm({ folder, readOnly }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const needsId = useId();
  const [mode, setMode] = useState<SecretMode>('passphrase');
  const [current, setCurrent] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState(false);
  const [rotate, setRotate] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const rotateId = useId();
  const rotateHintId = useId();
  const currentControl = useRef<HTMLElement | null>(null);

  const check = useNewPassphrase(passphrase, repeat, folder);
  const needs = readOnly
    ? [t('settings.passphrase.readOnly')]
    : isBlankSecret(mode, current)
      ? [t('settings.passphrase.needCurrent'), ...check.needs]
      : check.needs;
  const ready = needs.length === 0;

  function edit(set: (value: string) => void) {
    return (value: string) => {
      set(value);
      setDone(false);
      setRecoveryKey(null);
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setErrorCode(null);
    setDone(false);
    const result = await requestUnlocked((api) =>
      api.changePassphrase({
        ...secretArgs(mode, current),
        newPassphrase: passphrase,
        rotateKeys: rotate,
      }),
    );
    setBusy(false);
    if (!result.ok) {
      setErrorCode(result.error.code);
      if (result.error.code === 'WRONG_PASSPHRASE') setCurrent('');
      if (result.error.code === 'WRONG_PASSPHRASE' || result.error.code === 'WRONG_RECOVERY_KEY') {
        currentControl.current?.focus();
      }
      return;
    }
    setCurrent('');
    setPassphrase('');
    setRepeat('');
    setRotate(false);
    setRecoveryKey(result.value.recoveryKey);
    setDone(true);
  }

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('settings.passphrase.title')}</h3>
      <p className="muted">{t('settings.passphrase.note')}</p>
      <form onSubmit={submit} noValidate autoComplete="off" aria-busy={busy}>
        {errorCode && (
          <p role="alert" className="alert">
            {t(errorKey(errorCode))}
          </p>
        )}

        <SecretField
          mode={mode}
          onModeChange={setMode}
          value={current}
          onChange={edit(setCurrent)}
          passphraseLabel={t('settings.passphrase.current')}
          controlRef={currentControl}
        />

        <NewPassphraseFields
          passphraseLabel={t('settings.passphrase.new')}
          repeatLabel={t('settings.passphrase.repeat')}
          passphrase={passphrase}
          repeat={repeat}
          onPassphraseChange={edit(setPassphrase)}
          onRepeatChange={edit(setRepeat)}
          check={check}
        />

        <div className="checkbox-field">
          <input
            id={rotateId}
            type="checkbox"
            checked={rotate}
            aria-describedby={rotateHintId}
            onChange={(event) => setRotate(event.target.checked)}
          />
          <label htmlFor={rotateId}>{t('settings.passphrase.rotate')}</label>
        </div>
        <p id={rotateHintId} className="hint">
          {t('settings.passphrase.rotateHint')}
        </p>

        <NeedsList id={needsId} title={t('settings.passphrase.needsTitle')} needs={needs} />

        <div className="actions">
          <button
            type="submit"
            className="button primary"
            disabled={!ready || busy}
            aria-describedby={ready ? undefined : needsId}
          >
            {busy ? t('settings.passphrase.submitting') : t('settings.passphrase.submit')}
          </button>
          <p role="status" className="status">
            {done
              ? t(recoveryKey ? 'settings.passphrase.rotatedDone' : 'settings.passphrase.done')
              : ''}
          </p>
        </div>
        {recoveryKey && (
          // Written on paper, never copied: see RecoveryKey for why there is no copy button.
          <ol
            className="recovery-words"
            aria-label={t('settings.passphrase.newRecoveryKey')}
            translate="no"
            lang="en"
          >
            {recoveryKey.split(' ').map((word, index) => (
              <li key={index}>
                {index > 0 && ' '}
                {word}
              </li>
            ))}
          </ol>
        )}
      </form>
    </section>
  );
}
