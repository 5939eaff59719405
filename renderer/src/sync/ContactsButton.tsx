import { useTranslation } from 'react-i18next';
import './sync.css';
import { formatNumber } from '../format';

interface Props {
  conflicts: number;
  onOpen: () => void;
}

/** The navigation's way to Contacts, with the number of conflicts waiting for review. */
export function ContactsButton({ conflicts, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <button type="button" className="button secondary" onClick={onOpen}>
      {conflicts > 0 ? (
        <>
          <span aria-hidden="true">{t('sync.open')}</span>
          <span className="nav-badge" aria-hidden="true">
            {formatNumber(i18n.language, conflicts)}
          </span>
          <span className="visually-hidden">
            {t('sync.openWithConflicts', { count: conflicts })}
          </span>
        </>
      ) : (
        t('sync.open')
      )}
    </button>
  );
}
