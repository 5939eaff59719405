import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import { requestUnlocked } from '../api';
import { errorKey } from '../errors';
import { formatNumber } from '../format';

interface Props {
  /** How many invented persons to add to the new, empty vault. */
  persons: number;
  /** Called once the cases are in, with how many; null when loading failed. */
  onDone: (loaded: number | null) => void;
}

/** Fills a vault created "with demo data" before the main screen shows it. */
export function LoadingDemo({ persons, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const started = useRef(false);

  useEffect(() => {
    // Once only, also when development mode runs effects twice.
    if (started.current) return;
    started.current = true;
    void requestUnlocked((api) => api.loadDemoData({ persons })).then((result) => {
      if (result.ok) onDone(result.value.persons);
      else setErrorCode(result.error.code);
    });
  }, [persons, onDone]);

  return (
    <main className="screen">
      <div className="card" aria-busy={errorCode === null}>
        <h1>{t('demo.loadingTitle')}</h1>
        {errorCode === null ? (
          <>
            <p role="status" className="lead">
              {t('demo.loadingBody', {
                count: persons,
                formatted: formatNumber(i18n.language, persons),
              })}
            </p>
            <div className="progress" aria-hidden="true">
              <span />
            </div>
          </>
        ) : (
          <>
            <p role="alert" className="alert">
              {t('demo.failed')} {t(errorKey(errorCode))}
            </p>
            <div className="actions">
              <button type="button" className="button primary" onClick={() => onDone(null)}>
                {t('demo.continue')}
              </button>
            </div>
          </>
        )}
      </div>
    </main>
  );
}
