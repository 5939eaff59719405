import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import { requestUnlocked } from '../api';
import { errorKey } from '../errors';
import { Field } from '../components/Field';
import { MAX_AUTO_LOCK_MINUTES, MIN_AUTO_LOCK_MINUTES, parseAutoLockMinutes } from './autoLock';

interface Props {
  minutes: number;
  /** Called with the stored value, so the idle timer follows at once. */
  onSaved: (minutes: number) => void;
}

const RANGE = { min: MIN_AUTO_LOCK_MINUTES, max: MAX_AUTO_LOCK_MINUTES };

export function AutoLockForm({ minutes, onSaved }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [draft, setDraft] = useState(String(minutes));
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [saved, setSaved] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setSaved(false);
    setErrorCode(null);
    const value = parseAutoLockMinutes(draft);
    setInvalid(value === null);
    if (value === null) {
      input.current?.focus();
      return;
    }
    setBusy(true);
    const result = await requestUnlocked((api) => api.updateSettings({ autoLockMinutes: value }));
    setBusy(false);
    if (!result.ok) {
      setErrorCode(result.error.code);
      return;
    }
    setDraft(String(result.value.autoLockMinutes));
    setSaved(true);
    onSaved(result.value.autoLockMinutes);
  }

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('settings.autoLock.title')}</h3>
      <form onSubmit={submit} noValidate autoComplete="off" aria-busy={busy}>
        {errorCode && (
          <p role="alert" className="alert">
            {t(errorKey(errorCode))}
          </p>
        )}
        <Field
          label={t('settings.autoLock.label')}
          hint={t('settings.autoLock.hint', RANGE)}
          error={invalid ? t('settings.autoLock.invalid', RANGE) : undefined}
          className="narrow"
        >
          {(control) => (
            <input
              {...control}
              ref={input}
              type="number"
              inputMode="numeric"
              min={MIN_AUTO_LOCK_MINUTES}
              max={MAX_AUTO_LOCK_MINUTES}
              step={1}
              value={draft}
              onChange={(event) => {
                setDraft(event.target.value);
                setInvalid(false);
                setSaved(false);
              }}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button primary" aria-disabled={busy}>
            {busy ? t('settings.autoLock.saving') : t('settings.autoLock.save')}
          </button>
          <p role="status" className="status">
            {saved ? t('settings.autoLock.saved') : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
