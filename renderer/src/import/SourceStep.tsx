import { useId, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportShape } from '../../../core/api/import';
import { ChoosePath } from '../components/ChoosePath';
import { Field } from '../components/Field';
import { CaseFileImport } from './CaseFileImport';

export interface ImportSource {
  /** The file chosen in the host's picker: its token (empty until chosen) and its name. */
  path: string;
  label: string;
  shape: ImportShape;
  /** XLSX only; blank for the first sheet. */
  sheet: string;
}

interface Props {
  source: ImportSource;
  onChange: (source: ImportSource) => void;
  busy: boolean;
  onCheck: () => void;
  /** A whole case file import was tried (it needs no further step). */
  onCaseFileTried: () => void;
}

/**
 * Step 1: which file, and which of the four table shapes it is; or, below, a whole case file,
 * which needs no other step. The host's picker chooses the file; the core reads it.
 */
export function SourceStep({ source, onChange, busy, onCheck, onCaseFileTried }: Props) {
  const { t } = useTranslation();
  const needsId = useId();
  const pathInput = useRef<HTMLButtonElement>(null);
  const ready = source.path.trim() !== '';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!ready) {
      pathInput.current?.focus();
      return;
    }
    onCheck();
  }

  return (
    <>
      <form onSubmit={submit} noValidate autoComplete="off" aria-busy={busy}>
        <p className="muted">{t('import.intro')}</p>
        <ChoosePath
          ref={pathInput}
          label={t('import.path')}
          hint={t('import.pathHint')}
          purpose="importFile"
          value={ready ? { token: source.path, label: source.label } : null}
          onChange={(picked) => onChange({ ...source, path: picked.token, label: picked.label })}
        />
        <div className="form-grid">
          <Field label={t('import.shape')}>
            {(control) => (
              <select
                {...control}
                value={source.shape}
                onChange={(event) =>
                  onChange({ ...source, shape: ImportShape.parse(event.target.value) })
                }
              >
                {ImportShape.options.map((shape) => (
                  <option key={shape} value={shape}>
                    {t(`import.shapes.${shape}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('import.sheet')} hint={t('import.sheetHint')}>
            {(control) => (
              <input
                {...control}
                type="text"
                spellCheck={false}
                maxLength={100}
                value={source.sheet}
                onChange={(event) => onChange({ ...source, sheet: event.target.value })}
              />
            )}
          </Field>
        </div>
        <div className="actions">
          <button
            type="submit"
            className="button primary"
            disabled={!ready}
            aria-disabled={busy}
            aria-describedby={ready ? undefined : needsId}
          >
            {busy ? t('import.checking') : t('import.check')}
          </button>
          {!ready && (
            <p id={needsId} className="hint">
              {t('import.needPath')}
            </p>
          )}
        </div>
      </form>
      <CaseFileImport onTried={onCaseFileTried} />
    </>
  );
}
