import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { ImportRun, UndoImportResult } from '../../../core/api/importRuns';
import { requestUnlocked } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { errorKey } from '../errors';
import { formatMoment, formatNumber } from '../format';

interface Props {
  /** Newest first, as the core lists them; null while loading. */
  runs: ImportRun[] | null;
  /** An import was undone: the list and the person lists must be read again. */
  onUndone: () => void;
}

/** What the state column says: a stopped run says how far it got, which is what rows are in. */
function stateText(t: TFunction, run: ImportRun, n: (x: number) => string): string {
  if (run.state === 'stopped')
    return t('import.runs.stopped', { imported: n(run.imported), rows: n(run.rows) });
  if (run.state === 'cancelled')
    return t('import.runs.cancelled', { imported: n(run.imported), rows: n(run.rows) });
  return t(`import.runs.states.${run.state}`);
}

/**
 * The imports made into this vault, with "Undo this import" for each one not undone yet. An
 * import that stopped (the vault locked, Vigil closed) is here with the rows it wrote: undo it,
 * or import the file again.
 */
export function RecentImports({ runs, onUndone }: Props) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [undoing, setUndoing] = useState<ImportRun | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<UndoImportResult | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const n = (x: number) => formatNumber(i18n.language, x);

  async function undo(run: ImportRun) {
    setUndoing(null);
    setBusy(true);
    setErrorCode(null);
    setDone(null);
    const result = await requestUnlocked((api) => api.undoImport({ id: run.id }));
    setBusy(false);
    if (!result.ok) {
      setErrorCode(result.error.code);
      return;
    }
    setDone(result.value);
    onUndone();
  }

  if (runs === null || runs.length === 0) return null;
  return (
    <section className="recent-imports" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('import.runs.title')}</h4>
      {errorCode && (
        <p role="alert" className="alert">
          {t(errorKey(errorCode))}
        </p>
      )}
      {done && (
        <p role="status" className="status">
          {t('import.runs.undone', {
            removed: t('import.runs.records', { count: done.removed, formatted: n(done.removed) }),
            restored: t('import.runs.fields', {
              count: done.restored,
              formatted: n(done.restored),
            }),
          })}
          {done.kept > 0 &&
            ` ${t('import.runs.kept', { count: done.kept, formatted: n(done.kept) })}`}
        </p>
      )}
      <div className="report-scroll">
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('import.runs.file')}</th>
              <th scope="col">{t('import.runs.date')}</th>
              <th scope="col">{t('import.runs.imported')}</th>
              <th scope="col">{t('import.runs.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('import.runs.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <th scope="row">{run.fileName}</th>
                <td>{formatMoment(t, run.createdAt)}</td>
                <td>{n(run.imported)}</td>
                <td>{stateText(t, run, n)}</td>
                <td>
                  {run.state !== 'undone' && run.state !== 'running' && (
                    <button
                      type="button"
                      className="button secondary small"
                      aria-disabled={busy}
                      aria-label={t('import.runs.undoFile', { file: run.fileName })}
                      onClick={() => {
                        if (!busy) setUndoing(run);
                      }}
                    >
                      {t('import.runs.undo')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={undoing !== null}
        title={t('import.runs.confirmTitle')}
        body={
          undoing
            ? t('import.runs.confirmBody', {
                file: undoing.fileName,
                rows: t('import.rows', { count: undoing.imported, formatted: n(undoing.imported) }),
              })
            : ''
        }
        confirmLabel={t('import.runs.confirm')}
        cancelLabel={t('import.runs.keep')}
        onConfirm={() => {
          if (undoing) void undo(undoing);
        }}
        onCancel={() => setUndoing(null)}
      />
    </section>
  );
}
