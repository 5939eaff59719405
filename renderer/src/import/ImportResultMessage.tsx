import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../core/api/importRuns';
import { resultSentence } from './result';

interface Props {
  result: ImportResult;
}

/** What the import did, and that it is in the vault now. */
export function ImportResultMessage({ result }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div className="import-result">
      <p role="status" className="status">
        {resultSentence(t, result, i18n.language)}
      </p>
      <p className="muted">{t('import.resultNote')}</p>
    </div>
  );
}
