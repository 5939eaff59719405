import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** What this output is and why it is readable by anyone who gets the file. */
  warning: string;
  understood: boolean;
  onChange(understood: boolean): void;
  /** Focused when the user tries to save without ticking it. */
  checkboxRef: RefObject<HTMLInputElement | null>;
}

/**
 * The warning every plaintext output (an export, a saved report) shows before it is written,
 * and the box the user ticks to say they understood it: the core refuses to write without it.
 */
export function PlaintextConsent({ warning, understood, onChange, checkboxRef }: Props) {
  const { t } = useTranslation();
  const warningId = useId();
  const checkboxId = useId();
  return (
    <>
      <div id={warningId} className="warning plaintext-warning" role="note">
        <p className="warning-title">{t('export.warningTitle')}</p>
        <p>{warning}</p>
      </div>
      <div className="checkbox-field">
        <input
          ref={checkboxRef}
          id={checkboxId}
          type="checkbox"
          checked={understood}
          aria-describedby={warningId}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={checkboxId}>{t('export.understand')}</label>
      </div>
    </>
  );
}
