import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The twelve words from createVault; they exist nowhere else once this screen is left. */
  recoveryKey: string;
  onContinue: () => void;
}

/**
 * Shows the recovery key once, right after the vault is created.
 *
 * There is deliberately no "Copy" button: clipboard managers and the OS clipboard history keep
 * what was copied, readable by other programs and long after this screen is gone. The words are
 * meant to be written on paper.
 */
export function RecoveryKey({ recoveryKey, onContinue }: Props) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState(false);
  const checkboxId = useId();
  const words = recoveryKey.trim().split(/\s+/);

  return (
    <main className="screen">
      <div className="card">
        <h1>{t('recovery.title')}</h1>
        <p className="lead">{t('recovery.intro')}</p>

        {/* Numbered by CSS, so that the list's text is exactly the words separated by spaces. */}
        <ol
          className="recovery-words"
          aria-label={t('recovery.wordsLabel')}
          data-testid="recovery-key"
          translate="no"
          lang="en"
        >
          {words.map((word, index) => (
            <li key={index}>
              {index > 0 && ' '}
              {word}
            </li>
          ))}
        </ol>

        <div className="warning" role="note">
          <p className="warning-title">{t('recovery.onceTitle')}</p>
          <p>{t('recovery.once')}</p>
          <p>{t('recovery.paper')}</p>
          <p>{t('recovery.secret')}</p>
        </div>

        <div className="checkbox-field">
          <input
            id={checkboxId}
            type="checkbox"
            checked={confirmed}
            onChange={(event) => setConfirmed(event.target.checked)}
          />
          <label htmlFor={checkboxId}>{t('recovery.confirm')}</label>
        </div>

        <div className="actions">
          <button
            type="button"
            className="button primary"
            disabled={!confirmed}
            onClick={onContinue}
          >
            {t('recovery.continue')}
          </button>
        </div>
      </div>
    </main>
  );
}
