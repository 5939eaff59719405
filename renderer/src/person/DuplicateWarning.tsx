import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../core/api/records';
import { describePerson } from './describe';

interface Props {
  people: PersonSummary[];
  onOpen: (id: string) => void;
}

/**
 * Says, without blocking the save, that the person may already be recorded. A live region
 * rendered only when there is something to say: the form's own status stays the only one.
 */
export function DuplicateWarning({ people, onOpen }: Props) {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  return (
    <div role="status" className="warning duplicates wide">
      <p className="warning-title">{t('duplicates.title', { count: people.length })}</p>
      <p>{t('duplicates.body')}</p>
      <ul>
        {people.map((person) => (
          <li key={person.id}>
            <button type="button" className="button link" onClick={() => onOpen(person.id)}>
              {t('duplicates.open', { person: describePerson(t, person) })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
