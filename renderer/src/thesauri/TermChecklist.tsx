import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThesaurusName } from '../../../core/api/records';
import { termLabel, termSearchText } from './labels';
import { useThesauri } from './ThesauriContext';

interface Props {
  legend: string;
  filterLabel: string;
  /** Said when the thesaurus has no terms to offer. */
  emptyText: string;
  thesaurus: ThesaurusName;
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
}

/** Past this many terms a filter box saves scrolling through a code of law. */
const FILTER_FROM = 8;

/**
 * Several terms of one thesaurus as checkboxes: unlike a multiple select, each is reached with
 * Tab and toggled with Space, and the choice shows without scrolling through the list.
 */
export function TermChecklist(props: Props) {
  const { legend, filterLabel, emptyText, thesaurus, value, onChange, error } = props;
  const { i18n } = useTranslation();
  const { terms } = useThesauri();
  const [filter, setFilter] = useState('');
  const id = useId();
  const errorId = `${id}-error`;
  const needle = filter.trim().toLocaleLowerCase();
  const offered = (terms?.[thesaurus] ?? []).filter(
    (term) => !term.deprecated || value.includes(term.code),
  );
  const shown = offered.filter(
    (term) => value.includes(term.code) || needle === '' || termSearchText(term).includes(needle),
  );
  // Codes stored before the term was deleted stay, so that saving does not drop them unseen.
  const unknown = value.filter((code) => !offered.some((term) => term.code === code));

  function toggle(code: string, checked: boolean) {
    onChange(checked ? [...value, code] : value.filter((item) => item !== code));
  }

  return (
    <fieldset className="field wide checklist" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {offered.length > FILTER_FROM && (
        <div className="checklist-filter">
          <label htmlFor={`${id}-filter`}>{filterLabel}</label>
          <input
            id={`${id}-filter`}
            type="search"
            value={filter}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
      )}
      {offered.length === 0 && unknown.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <div className="checklist-options">
          {[
            ...shown.map((term) => ({ code: term.code, label: termLabel(term, i18n.language) })),
            ...unknown.map((code) => ({ code, label: code })),
          ].map(({ code, label }) => (
            <label key={code} className="checkbox-field">
              <input
                type="checkbox"
                checked={value.includes(code)}
                onChange={(event) => toggle(code, event.target.checked)}
              />
              <span>{label}</span>
            </label>
          ))}
        </div>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
