import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { ExportResult } from '../../../core/api/export';
import type { ImportShape } from '../../../core/api/import';
import { requestUnlocked } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { Modal } from '../components/Modal';
import { NeedsList } from '../components/NeedsList';
import { errorKey } from '../errors';
import type { ListFilter } from '../list/PersonList';
import { countMatching, matchingPersonIds } from './personIds';

interface Props {
  /** The search and filters of the person list, for "people matching". */
  filter: ListFilter;
  onClose: () => void;
}

type Format = 'csv' | 'xlsx';
type Delimiter = ',' | ';';
type Which = 'all' | 'matching';
type Busy = 'collecting' | 'writing' | null;
type Problem = { kind: 'error'; code: ErrorCode } | { kind: 'noneMatching' } | null;

const FORMATS: readonly Format[] = ['csv', 'xlsx'];
const SHAPES: readonly ImportShape[] = ['persons', 'events'];
const WHICH: readonly Which[] = ['all', 'matching'];

/**
 * Writes people or their events to a plaintext file. The warning comes before the button, and
 * the call says `confirmPlaintext: true` only once the user has ticked that they understand.
 */
export function ExportDialog({ filter, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const needsId = useId();
  const warningId = useId();
  const checkboxId = useId();
  const whichName = useId();
  const [path, setPath] = useState('');
  const [format, setFormat] = useState<Format>('csv');
  const [delimiter, setDelimiter] = useState<Delimiter>(',');
  const [shape, setShape] = useState<ImportShape>('persons');
  const [which, setWhich] = useState<Which>('all');
  const [understood, setUnderstood] = useState(false);
  const [matching, setMatching] = useState<number | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const [done, setDone] = useState<ExportResult | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const pathInput = useRef<HTMLInputElement>(null);
  const checkbox = useRef<HTMLInputElement>(null);

  const filtered = filter.query !== '' || filter.region !== '' || filter.riskCategory !== '';

  useEffect(() => {
    let current = true;
    void countMatching(filter).then((result) => {
      if (current && result.ok) setMatching(result.value);
    });
    return () => {
      current = false;
    };
  }, [filter]);

  const needs = [
    ...(path.trim() === '' ? [t('export.needPath')] : []),
    ...(understood ? [] : [t('export.needUnderstand')]),
  ];
  const ready = needs.length === 0;

  async function run(overwrite: boolean) {
    // The plaintext file is written only with the box ticked, whatever called this.
    if (!understood || busy) return;
    setProblem(null);
    setDone(null);
    let personIds: string[] | undefined;
    if (which === 'matching') {
      setBusy('collecting');
      const ids = await matchingPersonIds(filter);
      if (!ids.ok) {
        setBusy(null);
        setProblem({ kind: 'error', code: ids.error.code });
        return;
      }
      if (ids.value.length === 0) {
        setBusy(null);
        setProblem({ kind: 'noneMatching' });
        return;
      }
      personIds = ids.value;
    }
    setBusy('writing');
    const result = await requestUnlocked((api) =>
      api.exportRecords({
        path: path.trim(),
        format,
        shape,
        ...(personIds ? { personIds } : {}),
        ...(format === 'csv' ? { delimiter } : {}),
        confirmPlaintext: true,
        overwrite,
      }),
    );
    setBusy(null);
    if (result.ok) {
      setDone(result.value);
      return;
    }
    if (result.error.code === 'EXPORT_FILE_EXISTS' && !overwrite) {
      setConfirmReplace(true);
      return;
    }
    setProblem({ kind: 'error', code: result.error.code });
    if (result.error.code === 'FOLDER_NOT_WRITABLE') pathInput.current?.focus();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (path.trim() === '') pathInput.current?.focus();
    else if (!understood) checkbox.current?.focus();
    else void run(false);
  }

  return (
    <Modal
      title={t('export.title')}
      closeLabel={t('export.close')}
      onClose={onClose}
      className="export-dialog"
    >
      <form onSubmit={submit} noValidate autoComplete="off" aria-busy={busy !== null}>
        <p className="muted">{t('export.intro')}</p>
        {problem && (
          <p role="alert" className="alert">
            {problem.kind === 'error' ? t(errorKey(problem.code)) : t('export.noneMatching')}
          </p>
        )}
        <Field label={t('export.path')} hint={t('export.pathHint')}>
          {(control) => (
            <input
              {...control}
              ref={pathInput}
              type="text"
              spellCheck={false}
              autoFocus
              value={path}
              onChange={(event) => {
                setPath(event.target.value);
                setDone(null);
              }}
            />
          )}
        </Field>
        <div className="form-grid">
          <Field label={t('export.format')}>
            {(control) => (
              <select
                {...control}
                value={format}
                onChange={(event) => setFormat(event.target.value as Format)}
              >
                {FORMATS.map((option) => (
                  <option key={option} value={option}>
                    {t(`export.formats.${option}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {format === 'csv' ? (
            <Field label={t('export.separator')}>
              {(control) => (
                <select
                  {...control}
                  value={delimiter}
                  onChange={(event) => setDelimiter(event.target.value as Delimiter)}
                >
                  <option value=",">{t('export.separators.comma')}</option>
                  <option value=";">{t('export.separators.semicolon')}</option>
                </select>
              )}
            </Field>
          ) : (
            <div />
          )}
          <Field label={t('export.what')} hint={t('export.whatHint')}>
            {(control) => (
              <select
                {...control}
                value={shape}
                onChange={(event) => setShape(event.target.value as ImportShape)}
              >
                {SHAPES.map((option) => (
                  <option key={option} value={option}>
                    {t(`export.whats.${option}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <fieldset className="choice-group">
            <legend>{t('export.which')}</legend>
            {WHICH.map((option) => (
              <div key={option} className="checkbox-field">
                <input
                  id={`${whichName}-${option}`}
                  type="radio"
                  name={whichName}
                  value={option}
                  checked={which === option}
                  onChange={() => setWhich(option)}
                />
                <label htmlFor={`${whichName}-${option}`}>{t(`export.whichs.${option}`)}</label>
              </div>
            ))}
            <p className="hint">
              {!filtered
                ? t('export.noFilter')
                : matching === null
                  ? ''
                  : t('export.matchingNow', {
                      count: matching,
                      formatted: matching.toLocaleString(i18n.language),
                    })}
            </p>
          </fieldset>
        </div>

        <div id={warningId} className="warning plaintext-warning" role="note">
          <p className="warning-title">{t('export.warningTitle')}</p>
          <p>{t('export.warning')}</p>
        </div>
        <div className="checkbox-field">
          <input
            ref={checkbox}
            id={checkboxId}
            type="checkbox"
            checked={understood}
            aria-describedby={warningId}
            onChange={(event) => setUnderstood(event.target.checked)}
          />
          <label htmlFor={checkboxId}>{t('export.understand')}</label>
        </div>

        <NeedsList id={needsId} title={t('export.needsTitle')} needs={needs} />

        <div className="actions">
          <button
            type="submit"
            className="button primary"
            disabled={!ready}
            aria-disabled={busy !== null}
            aria-describedby={ready ? undefined : needsId}
          >
            {busy === 'collecting'
              ? t('export.collecting')
              : busy === 'writing'
                ? t('export.submitting')
                : t('export.submit')}
          </button>
          <p role="status" className="status">
            {done
              ? t('export.done', {
                  count: done.rows,
                  formatted: done.rows.toLocaleString(i18n.language),
                  path: done.path,
                })
              : ''}
          </p>
        </div>
      </form>

      <ConfirmDialog
        open={confirmReplace}
        title={t('export.replaceTitle')}
        body={t('export.replaceBody', { path: path.trim() })}
        confirmLabel={t('export.replaceConfirm')}
        cancelLabel={t('export.replaceCancel')}
        onConfirm={() => {
          setConfirmReplace(false);
          void run(true);
        }}
        onCancel={() => {
          setConfirmReplace(false);
          pathInput.current?.focus();
        }}
      />
    </Modal>
  );
}
