import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { ReportSpec, SavedReportEntry } from '../../../core/api/reports';
import { requestUnlocked } from '../api';
import { errorKey } from '../errors';

interface Props {
  /** The settings on screen, or null while they are not valid. */
  spec: ReportSpec | null;
  /** Puts a saved definition's settings in the dialog. */
  onOpen: (entry: SavedReportEntry) => void;
}

/**
 * Report settings kept under a name in the vault (never the report itself), to make the same
 * report again next month.
 */
export function SavedDefinitions({ spec, onOpen }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const nameId = useId();
  const [saved, setSaved] = useState<SavedReportEntry[] | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<ErrorCode | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    let live = true;
    void requestUnlocked((api) => api.listReportDefinitions()).then((answer) => {
      if (!live) return;
      if (answer.ok) setSaved(answer.value);
      else setError(answer.error.code);
    });
    return () => {
      live = false;
    };
  }, []);

  function save() {
    const trimmed = name.trim();
    if (trimmed === '' || spec === null) return;
    void requestUnlocked((api) => api.saveReportDefinition({ name: trimmed, spec })).then(
      (answer) => {
        setError(answer.ok ? null : answer.error.code);
        if (!answer.ok) return;
        setSaved(answer.value);
        setName('');
        setStatus(t('reports.saved.savedAs', { name: trimmed }));
      },
    );
  }

  function remove(entry: SavedReportEntry) {
    void requestUnlocked((api) => api.deleteReportDefinition({ id: entry.id })).then((answer) => {
      setError(answer.ok ? null : answer.error.code);
      if (!answer.ok) return;
      setSaved((current) => current?.filter((item) => item.id !== entry.id) ?? null);
      setStatus(t('reports.saved.deleted', { name: entry.name }));
    });
  }

  return (
    <section className="report-saved" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('reports.saved.heading')}</h3>
      {error && (
        <p role="alert" className="alert">
          {t(errorKey(error))}
        </p>
      )}
      <div className="report-saved-form">
        <label htmlFor={nameId}>{t('reports.saved.saveAs')}</label>
        <input
          id={nameId}
          type="text"
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button
          type="button"
          className="button secondary"
          disabled={spec === null || name.trim() === ''}
          onClick={save}
        >
          {t('reports.saved.save')}
        </button>
      </div>
      <p role="status" className="status">
        {status}
      </p>
      {saved === null ? null : saved.length === 0 ? (
        <p className="muted">{t('reports.saved.none')}</p>
      ) : (
        <ul className="report-saved-list" aria-label={t('reports.saved.listLabel')}>
          {saved.map((entry) => (
            <li key={entry.id}>
              <span className="report-saved-name">{entry.name}</span>
              <span className="muted">{t(`reports.templates.${entry.spec.template}`)}</span>
              <button
                type="button"
                className="button secondary small"
                aria-label={t('reports.saved.openNamed', { name: entry.name })}
                onClick={() => {
                  onOpen(entry);
                  setStatus(t('reports.saved.opened', { name: entry.name }));
                }}
              >
                {t('reports.saved.open')}
              </button>
              <button
                type="button"
                className="button secondary small"
                aria-label={t('reports.saved.deleteNamed', { name: entry.name })}
                onClick={() => remove(entry)}
              >
                {t('reports.saved.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
