import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { MAX_DATE_YEAR, MIN_DATE_YEAR } from '../../../core/api/schemas';
import type { DateReading } from '../../../core/api/dateInput';
import { formatPartialDate } from '../dates';

interface Props {
  id: string;
  reading: DateReading;
  onChoose: (value: string) => void;
}

/**
 * Under a date field: how the input was read, why it cannot be, or the two dates it could be
 * as buttons. Announced as it changes, since it is what tells the user the date is right.
 */
export function DateReadingLine({ id, reading, onChoose }: Props) {
  const { t } = useTranslation();
  return (
    <div id={id} className="date-reading" aria-live="polite">
      {reading.kind === 'certain' && (
        <p className="hint">
          {t('dateInput.readAs', { date: formatPartialDate(t, reading.value) })}
        </p>
      )}
      {reading.kind === 'refused' && <p className="field-error">{problemText(t, reading)}</p>}
      {reading.kind === 'ambiguous' && (
        <div role="group" aria-label={t('dateInput.which')} className="date-choices">
          <p className="field-error">{t('dateInput.which')}</p>
          {reading.choices.map((choice) => (
            <button
              key={choice.value}
              type="button"
              className="button secondary"
              onClick={() => onChoose(choice.value)}
            >
              {formatPartialDate(t, choice.value)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function problemText(t: TFunction, reading: Extract<DateReading, { kind: 'refused' }>): string {
  const { problem, parts } = reading;
  switch (problem) {
    case 'year':
      return t('dateInput.problems.year', { min: MIN_DATE_YEAR, max: MAX_DATE_YEAR });
    case 'month':
      return t('dateInput.problems.month', { month: parts?.month });
    case 'day': {
      const month = `${String(parts?.year).padStart(4, '0')}-${String(parts?.month).padStart(2, '0')}`;
      return t('dateInput.problems.day', { month: formatPartialDate(t, month), day: parts?.day });
    }
    default:
      return t(`dateInput.problems.${problem}`);
  }
}
