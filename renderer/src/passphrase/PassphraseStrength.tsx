import { useTranslation } from 'react-i18next';
import en from '../../../resources/locales/en/translation.json';
import type { Strength } from './strength';

interface Props {
  /** Referenced by the passphrase field's aria-describedby, so only the rating is read out. */
  id: string;
  strength: Strength | null;
}

type WarningKey = keyof typeof en.strength.warnings;
type SuggestionKey = keyof typeof en.strength.suggestions;

function isWarningKey(key: string): key is WarningKey {
  return Object.hasOwn(en.strength.warnings, key);
}

function isSuggestionKey(key: string): key is SuggestionKey {
  return Object.hasOwn(en.strength.suggestions, key);
}

export function PassphraseStrength({ id, strength }: Props) {
  const { t } = useTranslation();
  if (strength === null) return null;
  const warning = strength.warning;
  const suggestions = strength.suggestions.filter(isSuggestionKey);
  return (
    <div className="strength" data-score={strength.score}>
      <div className="strength-bar" aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
      </div>
      <p id={id} className="strength-rating" aria-live="polite">
        {t('strength.label')} <strong>{t(`strength.score.${strength.score}`)}</strong>
      </p>
      {warning && isWarningKey(warning) && (
        <p className="strength-warning">{t(`strength.warnings.${warning}`)}</p>
      )}
      {suggestions.length > 0 && (
        <ul className="strength-suggestions">
          {suggestions.map((key) => (
            <li key={key}>{t(`strength.suggestions.${key}`)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
