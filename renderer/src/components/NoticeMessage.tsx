import { useTranslation } from 'react-i18next';
import type { Notice } from '../notice';
import { formatNumber } from '../format';

interface Props {
  notice: Notice;
  onDismiss: () => void;
}

/** A confirmation about how the vault was just opened, shown until dismissed. */
export function NoticeMessage({ notice, onDismiss }: Props) {
  const { t, i18n } = useTranslation();
  const text =
    notice.kind === 'repaired'
      ? t('main.notice.repaired', { count: notice.count })
      : notice.kind === 'restored'
        ? t('main.notice.restored', { folder: notice.folder })
        : notice.kind === 'demo'
          ? t('main.notice.demo', {
              count: notice.count,
              formatted: formatNumber(i18n.language, notice.count),
            })
          : t('main.notice.recoveryKeyUsed');
  return (
    <div className="notice" role="region" aria-label={t('main.notice.label')}>
      <p role="status">{text}</p>
      <button type="button" className="button secondary" onClick={onDismiss}>
        {t('main.dismiss')}
      </button>
    </div>
  );
}
