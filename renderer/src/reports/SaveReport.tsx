import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import { SaveReportArgs, type ReportSpec, type SaveReportResult } from '../../../core/api/reports';
import { requestUnlocked } from '../api';
import { ReplaceFileDialog } from '../components/ReplaceFileDialog';
import type { PickedPath } from '../../../core/api/pickers';
import { ChoosePath } from '../components/ChoosePath';
import { Field } from '../components/Field';
import { NeedsList } from '../components/NeedsList';
import { PlaintextConsent } from '../components/PlaintextConsent';
import { errorKey } from '../errors';
import { formatNumber } from '../format';

type Format = SaveReportArgs['format'];
const FORMATS = SaveReportArgs.options[0].shape.format.unwrap().options;

interface Props {
  /** The checked spec, or null while the fields are not valid. */
  spec: ReportSpec | null;
  /** The disclosure sentence of this very spec, or null until the preview has said it. */
  disclosure: string | null;
  /** What else stops saving, in words: a field to correct, the preview to wait for. */
  needs: readonly string[];
}

const EXTENSION = /\.(pdf|csv|xlsx)$/i;

/** A file name chosen with the extension of another format: a PDF saved as "list.xlsx". */
function otherExtension(name: string, format: Format): boolean {
  const extension = EXTENSION.exec(name)?.[1]?.toLowerCase();
  return extension !== undefined && extension !== format;
}

/**
 * Saves the report where the user chose in the host's dialog, after the plaintext warning and its checkbox, with
 * what the disclosure policy did said just above the button.
 */
export function SaveReport({ spec, disclosure, needs: otherNeeds }: Props) {
  const { t, i18n } = useTranslation();
  const needsId = useId();
  const disclosureId = useId();
  const [format, setFormat] = useState<Format>('pdf');
  const [path, setPath] = useState<PickedPath | null>(null);
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState<SaveReportResult | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const pathInput = useRef<HTMLButtonElement>(null);
  const checkbox = useRef<HTMLInputElement>(null);

  const needs = [
    ...otherNeeds,
    ...(path === null ? [t('reports.save.needPath')] : []),
    ...(path && otherExtension(path.label, format)
      ? [t('reports.save.needExtension', { format })]
      : []),
    ...(understood ? [] : [t('reports.save.needUnderstand')]),
  ];
  const ready = needs.length === 0 && spec !== null && disclosure !== null;

  async function run(overwrite: boolean) {
    // The plaintext file is written only with the box ticked, whatever called this.
    if (!understood || busy || spec === null || path === null) return;
    setProblem(null);
    setDone(null);
    setBusy(true);
    const result = await requestUnlocked((api) =>
      api.saveReport({ ...spec, path: path.token, format, confirmPlaintext: true, overwrite }),
    );
    setBusy(false);
    if (result.ok) {
      setDone({ ...result.value, path: path.label });
      return;
    }
    if (result.error.code === 'EXPORT_FILE_EXISTS' && !overwrite) {
      setConfirmReplace(true);
      return;
    }
    setProblem(result.error.code);
    if (['FOLDER_NOT_WRITABLE', 'PATH_NOT_CHOSEN'].includes(result.error.code))
      pathInput.current?.focus();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (path === null) pathInput.current?.focus();
    else if (!understood) checkbox.current?.focus();
    else if (ready) void run(false);
  }

  const number = (value: number) => formatNumber(i18n.language, value);
  return (
    <form
      className="report-save"
      onSubmit={submit}
      noValidate
      autoComplete="off"
      aria-busy={busy}
      aria-label={t('reports.save.label')}
    >
      <h3>{t('reports.save.heading')}</h3>
      <div id={disclosureId} className="warning report-disclosure" role="note">
        <p className="warning-title">{t('reports.disclosure.title')}</p>
        <p>{disclosure ?? t('reports.disclosure.waiting')}</p>
      </div>
      {problem && (
        <p role="alert" className="alert">
          {t(errorKey(problem))}
        </p>
      )}
      <div className="form-grid">
        <Field label={t('reports.save.format')}>
          {(control) => (
            <select
              {...control}
              value={format}
              onChange={(event) => {
                const next = FORMATS.find((f) => f === event.target.value) ?? 'pdf';
                setFormat(next);
              }}
            >
              {FORMATS.map((option) => (
                <option key={option} value={option}>
                  {t(`reports.save.formats.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ChoosePath
          ref={pathInput}
          label={t('reports.save.path')}
          hint={t('reports.save.pathHint')}
          purpose="reportFile"
          suggestedName={`report.${format}`}
          value={path}
          onChange={(picked) => {
            setPath(picked);
            setDone(null);
          }}
        />
      </div>

      <PlaintextConsent
        warning={t('reports.save.warning')}
        understood={understood}
        onChange={setUnderstood}
        checkboxRef={checkbox}
      />

      <NeedsList id={needsId} title={t('reports.save.needsTitle')} needs={needs} />

      <div className="actions">
        <button
          type="submit"
          className="button primary"
          disabled={!ready}
          aria-disabled={busy}
          aria-describedby={ready ? disclosureId : needsId}
        >
          {busy ? t('reports.save.submitting') : t('reports.save.submit')}
        </button>
        <p role="status" className="status">
          {done
            ? done.pages > 0
              ? t('reports.save.donePdf', {
                  count: done.pages,
                  formatted: number(done.pages),
                  path: done.path,
                })
              : t('reports.save.doneTables', { path: done.path })
            : ''}
        </p>
      </div>

      <ReplaceFileDialog
        open={confirmReplace}
        path={path?.label ?? ''}
        onReplace={() => {
          setConfirmReplace(false);
          void run(true);
        }}
        onCancel={() => {
          setConfirmReplace(false);
          pathInput.current?.focus();
        }}
      />
    </form>
  );
}
