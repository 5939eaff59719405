import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../core/api/import';

interface Props {
  result: ImportResult;
}

/** "Imported N rows: X people, Y events. Skipped Z." */
export function ImportResultMessage({ result }: Props) {
  const { t, i18n } = useTranslation();
  const counted = (count: number) => ({ count, formatted: count.toLocaleString(i18n.language) });
  return (
    <div className="import-result">
      <p role="status" className="status">
        {t('import.result', {
          rows: t('import.rows', counted(result.imported)),
          persons: t('import.people', counted(result.personsCreated)),
          events: t('import.events', counted(result.eventsCreated)),
          skipped: result.skipped.toLocaleString(i18n.language),
        })}
        {result.proceedingsCreated > 0 &&
          ` ${t('import.resultCases', { cases: t('import.cases', counted(result.proceedingsCreated)) })}`}
      </p>
      {result.cancelled && <p className="status">{t('import.resultCancelled')}</p>}
      <p className="muted">{t('import.resultNote')}</p>
    </div>
  );
}
