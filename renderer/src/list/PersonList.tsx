import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { PersonSummary } from '../../../core/api/records';
import { requestUnlocked } from '../api';
import { errorKey } from '../errors';
import { Field } from './Field';

interface Props {
  selectedId: string | null;
  /** Changing it reloads the list, e.g. after a save. */
  refreshToken: number;
  onSelect: (id: string) => void;
  onAdd: () => void;
  /** The vault is open read-only: nobody can be added. */
  readOnly: boolean;
}

interface Page {
  items: PersonSummary[];
  total: number;
}

/** Long enough to skip the keystrokes of a word being typed, short enough to feel immediate. */
const SEARCH_DELAY_MS = 200;

export function PersonList({ selectedId, refreshToken, onSelect, onAdd, readOnly }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const readOnlyId = useId();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState<Page | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(
      async () => {
        const result = await requestUnlocked((api) => api.listPersons({ query: query.trim() }));
        if (!current) return;
        if (result.ok) {
          setPage(result.value);
          setErrorCode(null);
        } else {
          setErrorCode(result.error.code);
        }
      },
      query ? SEARCH_DELAY_MS : 0,
    );
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [query, refreshToken]);

  return (
    <section className="people" aria-labelledby={headingId}>
      <div className="people-head">
        <h2 id={headingId}>{t('people.title')}</h2>
        <button
          type="button"
          className="button secondary"
          onClick={onAdd}
          disabled={readOnly}
          aria-describedby={readOnly ? readOnlyId : undefined}
        >
          {t('people.add')}
        </button>
      </div>
      {readOnly && (
        <p id={readOnlyId} className="muted read-only-reason">
          {t('people.addReadOnly')}
        </p>
      )}

      <Field label={t('people.search')} className="search">
        {(control) => (
          <input
            {...control}
            type="search"
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        )}
      </Field>

      {errorCode && (
        <p role="alert" className="alert">
          {t(errorKey(errorCode))}
        </p>
      )}

      {page === null ? (
        errorCode ? null : (
          <p className="muted">{t('people.loading')}</p>
        )
      ) : page.items.length === 0 ? (
        <p className="empty">{query.trim() ? t('people.noMatch') : t('people.empty')}</p>
      ) : (
        <ul className="person-list">
          {page.items.map((person) => (
            <li key={person.id}>
              <button
                type="button"
                className="person-item"
                aria-current={person.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(person.id)}
              >
                <span className="person-name">{person.name}</span>{' '}
                {person.nameLatin && <span className="person-latin">{person.nameLatin}</span>}{' '}
                {person.birthDate && (
                  <span className="person-born">
                    {t('people.born', { date: person.birthDate })}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}

      {page !== null && page.total > page.items.length && (
        <p className="muted">
          {t('people.truncated', { shown: page.items.length, total: page.total })}
        </p>
      )}
    </section>
  );
}
