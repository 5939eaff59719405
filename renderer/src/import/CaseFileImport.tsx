import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorBody } from '../../../core/api/errors';
import type { ImportResult } from '../../../core/api/importRuns';
import { requestUnlocked } from '../api';
import type { PickedPath } from '../../../core/api/pickers';
import { ChoosePath } from '../components/ChoosePath';
import { Field } from '../components/Field';
import { errorKey } from '../errors';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportResultMessage } from './ImportResultMessage';

interface Props {
  /**
   * An import was tried: the list, the open person and the recent imports must be read again
   * (a failed one may have written batches before it stopped).
   */
  onTried: () => void;
}

/** The dialog needs no run id: a run that stopped shows in the recent imports. */
const ignoreRun = () => {};

/** "In Persons, row 12, column “Birth date”.", from where the core says it stopped. */
function PlaceSentence({ place }: { place: NonNullable<ApiErrorBody['place']> }) {
  const { t } = useTranslation();
  const { table, row, column } = place;
  if (row !== undefined && column !== undefined) {
    return <>{t('import.caseFile.placeCell', { table, row, column })}</>;
  }
  if (row !== undefined) return <>{t('import.caseFile.placeRow', { table, row })}</>;
  if (column !== undefined) return <>{t('import.caseFile.placeColumn', { table, column })}</>;
  return <>{t('import.caseFile.placeTable', { table })}</>;
}

/**
 * A whole case file written by Vigil's export (a workbook, or its folder of CSV files),
 * imported in one step: it needs no mapping, and the core checks every row before it writes
 * any, so it is imported whole or, saying where it found the problem, not at all.
 */
export function CaseFileImport({ onTried }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const needsId = useId();
  const pathInput = useRef<HTMLButtonElement>(null);
  const [form, setForm] = useState<'workbook' | 'folder'>('workbook');
  const [path, setPath] = useState<PickedPath | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const ready = path !== null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (path === null) {
      pathInput.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    const answer = await requestUnlocked((api) => api.importCaseFile({ path: path.token }));
    setBusy(false);
    onTried();
    if (answer.ok) setResult(answer.value);
    else setError(answer.error);
  }

  return (
    <section className="case-file-import" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('import.caseFile.title')}</h4>
      <p className="muted">{t('import.caseFile.intro')}</p>
      {error && (
        <p role="alert" className="alert">
          {t(errorKey(error.code))} {error.place && <PlaceSentence place={error.place} />}
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate autoComplete="off" aria-busy={busy}>
        <Field label={t('import.caseFile.form')}>
          {(control) => (
            <select
              {...control}
              value={form}
              onChange={(event) => {
                // A workbook and a folder are chosen in different dialogs.
                setForm(event.target.value === 'folder' ? 'folder' : 'workbook');
                setPath(null);
                setError(null);
              }}
            >
              <option value="workbook">{t('import.caseFile.formWorkbook')}</option>
              <option value="folder">{t('import.caseFile.formFolder')}</option>
            </select>
          )}
        </Field>
        <ChoosePath
          ref={pathInput}
          label={t('import.caseFile.path')}
          hint={t('import.caseFile.pathHint')}
          purpose={form === 'folder' ? 'caseFileFolder' : 'caseFileWorkbook'}
          value={path}
          onChange={(picked) => {
            setPath(picked);
            setError(null);
          }}
        />
        <div className="actions">
          <button
            type="submit"
            className="button secondary"
            disabled={!ready}
            aria-disabled={busy}
            aria-describedby={ready ? undefined : needsId}
          >
            {busy ? t('import.caseFile.importing') : t('import.caseFile.submit')}
          </button>
          {!ready && (
            <p id={needsId} className="hint">
              {t('import.caseFile.needPath')}
            </p>
          )}
        </div>
      </form>
      {busy && <ImportProgressBar onRun={ignoreRun} />}
      {result && <ImportResultMessage result={result} />}
    </section>
  );
}
