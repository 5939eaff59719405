import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../core/api/import';
import { formatNumber } from '../format';

interface Props {
  file: ImportPreview;
}

const DELIMITER_NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

/** `utf-16le` as UTF-16LE, `windows-1251` as Windows-1251. */
function encodingName(encoding: string): string {
  return encoding.startsWith('utf')
    ? encoding.toUpperCase()
    : encoding.replace(/^windows/, 'Windows');
}

/** What Vigil found the file to be, so that a wrong encoding or separator shows at once. */
export function FileSummary({ file }: Props) {
  const { t, i18n } = useTranslation();
  const rows = { count: file.rows, formatted: formatNumber(i18n.language, file.rows) };
  if (file.format === 'xlsx') {
    return <p className="file-summary">{t('import.fileXlsx', rows)}</p>;
  }
  const delimiter = file.delimiter ?? ',';
  const name = Object.hasOwn(DELIMITER_NAMES, delimiter)
    ? DELIMITER_NAMES[delimiter as keyof typeof DELIMITER_NAMES]
    : null;
  return (
    <p className="file-summary">
      {t('import.fileCsv', {
        ...rows,
        encoding: encodingName(file.encoding ?? 'utf-8'),
        delimiter: name
          ? t(`import.delimiters.${name}`)
          : t('import.delimiters.other', { delimiter }),
      })}
    </p>
  );
}
