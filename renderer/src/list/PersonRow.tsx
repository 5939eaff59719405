import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../core/api/records';
import { formatPartialDate } from '../dates';
import { useThesauri } from '../thesauri/ThesauriContext';

interface Props {
  /** Undefined while its page is loading. */
  person: PersonSummary | undefined;
  selected: boolean;
  /** The row the Tab key reaches in the list; the others are reached with the arrow keys. */
  tabbable: boolean;
  onOpen: (id: string) => void;
  onFocus: () => void;
}

/**
 * One row of the person list. It is a button even while loading, so that a row the arrow keys
 * reach before its data keeps the focus when the data arrives.
 */
export function PersonRow({ person, selected, tabbable, onOpen, onFocus }: Props) {
  const { t } = useTranslation();
  const { label } = useThesauri();
  return (
    <button
      type="button"
      className="person-item"
      tabIndex={tabbable ? 0 : -1}
      aria-current={selected ? 'true' : undefined}
      aria-disabled={person ? undefined : true}
      onClick={() => {
        if (person) onOpen(person.id);
      }}
      onFocus={onFocus}
    >
      {person ? (
        <>
          <span className="person-name">{person.name}</span>{' '}
          <span className="person-more">
            {person.nameLatin && <span className="person-latin">{person.nameLatin}</span>}{' '}
            {person.birthDate && (
              <span className="person-born">
                {t('people.born', { date: formatPartialDate(t, person.birthDate) })}
              </span>
            )}{' '}
            {person.status && (
              <span className="person-status">{t(`summary.rowStatus.${person.status}`)}</span>
            )}{' '}
            {person.region && (
              <span className="person-region">{label('region', person.region)}</span>
            )}
          </span>
        </>
      ) : (
        <span className="muted">{t('people.loadingRow')}</span>
      )}
    </button>
  );
}
