import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import { requestUnlocked } from '../api';
import { DEFAULT_DEMO_SIZE, DemoCountField, type DemoSize } from '../demo/DemoCountField';
import { errorKey } from '../errors';
import { formatNumber } from '../format';

interface Props {
  readOnly: boolean;
  /** Invented cases were added: the list and the thesauri must be read again. */
  onLoaded: () => void;
}

/** Null while checking; demo data goes only into a vault without people. */
type Emptiness = 'empty' | 'notEmpty' | null;

/** Fills an empty vault with invented cases, for trying Vigil out. */
export function DemoDataForm({ readOnly, onLoaded }: Props) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const reasonId = useId();
  const [size, setSize] = useState<DemoSize>(DEFAULT_DEMO_SIZE);
  const [emptiness, setEmptiness] = useState<Emptiness>(null);
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [added, setAdded] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    void requestUnlocked((api) => api.listPersons({ limit: 1 })).then((result) => {
      if (current && result.ok) setEmptiness(result.value.total === 0 ? 'empty' : 'notEmpty');
    });
    return () => {
      current = false;
    };
  }, []);

  async function load() {
    if (busy) return;
    setBusy(true);
    setErrorCode(null);
    const result = await requestUnlocked((api) => api.loadDemoData({ persons: size }));
    setBusy(false);
    // Whatever the outcome, some cases may be in now: the vault is no longer known empty.
    setEmptiness('notEmpty');
    onLoaded();
    if (result.ok) setAdded(result.value.persons);
    else setErrorCode(result.error.code);
  }

  const reason = readOnly
    ? t('settings.demo.readOnly')
    : emptiness === null
      ? t('settings.demo.checking')
      : emptiness === 'notEmpty' && added === null
        ? t('settings.demo.notEmpty')
        : null;
  const disabled = readOnly || emptiness !== 'empty';

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('settings.demo.title')}</h3>
      <p className="muted">{t('settings.demo.note')}</p>
      {errorCode && (
        <p role="alert" className="alert">
          {t(errorKey(errorCode))}
        </p>
      )}
      <DemoCountField
        label={t('settings.demo.count')}
        value={size}
        onChange={setSize}
        disabled={disabled || busy}
        className="narrow"
      />
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          disabled={disabled}
          aria-disabled={busy}
          aria-describedby={reason ? reasonId : undefined}
          onClick={() => void load()}
        >
          {busy ? t('settings.demo.submitting') : t('settings.demo.submit')}
        </button>
        {reason && (
          <p id={reasonId} className="muted read-only-reason">
            {reason}
          </p>
        )}
        <p role="status" className="status">
          {added !== null
            ? t('settings.demo.done', {
                count: added,
                formatted: formatNumber(i18n.language, added),
              })
            : ''}
        </p>
      </div>
    </section>
  );
}
