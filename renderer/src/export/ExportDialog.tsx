import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import { ExportShape } from '../../../core/api/export';
import type { Audience } from '../../../core/api/reports';
import { ReplaceFileDialog } from '../components/ReplaceFileDialog';
import type { PathPurpose, PickedPath } from '../../../core/api/pickers';
import { ChoosePath } from '../components/ChoosePath';
import { Field } from '../components/Field';
import { Modal } from '../components/Modal';
import { NeedsList } from '../components/NeedsList';
import { PlaintextConsent } from '../components/PlaintextConsent';
import { disclosureSentence } from '../disclosure/sentence';
import { errorKey } from '../errors';
import type { ListFilter } from '../list/PersonList';
import { countMatching } from './personIds';
import {
  runExport,
  type Delimiter,
  type Exported,
  type Format,
  type Labels,
  type What,
} from './runExport';
import { useDisclosurePreview, type ChosenCases, type Which } from './useDisclosurePreview';
import { formatNumber } from '../format';

interface Props {
  /** The search and filters of the person list, for "people matching". */
  filter: ListFilter;
  /** Exports exactly these people instead of all or the list's: the cases behind a figure. */
  chosen?: ChosenCases;
  onClose: () => void;
}

type Problem = { code: ErrorCode } | null;

const FORMATS: readonly Format[] = ['csv', 'xlsx'];
const WHATS: readonly What[] = [...ExportShape.options, 'caseFile'];
const LABELS: readonly Labels[] = ['en', 'be', 'ru'];
/** An existing output the user may choose to replace. */
const REPLACEABLE: readonly ErrorCode[] = ['EXPORT_FILE_EXISTS', 'EXPORT_FOLDER_EXISTS'];
const WHICH: readonly Which[] = ['all', 'matching'];
const AUDIENCES: readonly Audience[] = ['publish', 'internal'];

/**
 * Writes people, one table of their records, or their whole case file to a plaintext file (a
 * case file as CSV: a new folder of files). The file is for publication unless the
 * user chooses an internal file and confirms that it includes never-publish cases; either way
 * the dialog says what the disclosure policy leaves out before the button. The warning comes
 * before the button too, and the call says `confirmPlaintext: true` only once the user has
 * ticked that they understand.
 */
export function ExportDialog({ filter, chosen, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const needsId = useId();
  const whichName = useId();
  const audienceName = useId();
  const disclosureId = useId();
  const internalId = useId();
  const [picked, setPicked] = useState<{ path: PickedPath; purpose: PathPurpose } | null>(null);
  const [format, setFormat] = useState<Format>('csv');
  const [delimiter, setDelimiter] = useState<Delimiter>(',');
  const [what, setWhat] = useState<What>('persons');
  const [labels, setLabels] = useState<Labels | null>(null);
  const [which, setWhich] = useState<Which>('all');
  const [audience, setAudience] = useState<Audience>('publish');
  const [internalConfirmed, setInternalConfirmed] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [matching, setMatching] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const [done, setDone] = useState<Exported | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const pathInput = useRef<HTMLButtonElement>(null);
  const checkbox = useRef<HTMLInputElement>(null);
  const internalCheckbox = useRef<HTMLInputElement>(null);
  const preview = useDisclosurePreview(filter, which, audience, chosen);
  const internalUnconfirmed = audience === 'internal' && !internalConfirmed;
  const toFolder = what === 'caseFile' && format === 'csv';
  const purpose: PathPurpose = toFolder ? 'exportFolder' : 'exportFile';
  // A file chosen before the export became a folder (or back) is no longer the choice.
  const path = picked?.purpose === purpose ? picked.path : null;
  const formatKey = what === 'caseFile' ? 'export.caseFormats' : 'export.formats';

  const filtered =
    filter.query !== '' || filter.region !== '' || filter.riskCategory !== '' || filter.inCustody;

  useEffect(() => {
    let current = true;
    void countMatching(filter).then((result) => {
      if (current && result.ok) setMatching(result.value);
    });
    return () => {
      current = false;
    };
  }, [filter]);

  const previewNeed =
    preview.state === 'checking'
      ? [t('export.needChecked')]
      : preview.state === 'noneMatching'
        ? [t('export.noneMatching')]
        : preview.state === 'error'
          ? [t(errorKey(preview.code))]
          : [];
  const needs = [
    ...(path === null ? [t('export.needPath')] : []),
    ...previewNeed,
    ...(internalUnconfirmed ? [t('export.needConfirmInternal')] : []),
    ...(understood ? [] : [t('export.needUnderstand')]),
  ];
  const ready = needs.length === 0;

  async function run(overwrite: boolean) {
    // The plaintext file is written only with the boxes ticked and the policy's count said,
    // whatever called this, and holds exactly the persons that count was made for.
    if (!understood || internalUnconfirmed || preview.state !== 'ready' || busy || !path) return;
    setProblem(null);
    setDone(null);
    setBusy(true);
    const { personIds } = preview;
    const choice = { path: path.token, format, delimiter, what, audience, labels, personIds };
    const result = await runExport({ ...choice, overwrite });
    setBusy(false);
    if (result.ok) {
      setDone({ ...result.value, path: path.label });
      return;
    }
    if (REPLACEABLE.includes(result.error.code) && !overwrite) {
      setConfirmReplace(true);
      return;
    }
    setProblem({ code: result.error.code });
    if (
      ['FOLDER_NOT_WRITABLE', 'EXPORT_FOLDER_FOREIGN', 'PATH_NOT_CHOSEN'].includes(
        result.error.code,
      )
    ) {
      pathInput.current?.focus();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (path === null) pathInput.current?.focus();
    else if (internalUnconfirmed) internalCheckbox.current?.focus();
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
      <form onSubmit={submit} noValidate autoComplete="off" aria-busy={busy}>
        <p className="muted">{t('export.intro')}</p>
        {problem && (
          <p role="alert" className="alert">
            {t(errorKey(problem.code))}
          </p>
        )}
        <ChoosePath
          ref={pathInput}
          label={toFolder ? t('export.folderPath') : t('export.path')}
          hint={toFolder ? t('export.folderPathHint') : t('export.pathHint')}
          purpose={purpose}
          suggestedName={
            toFolder ? 'case-file' : `${what === 'caseFile' ? 'case-file' : what}.${format}`
          }
          value={path}
          onChange={(chosen) => {
            setPicked({ path: chosen, purpose });
            setDone(null);
          }}
        />
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
                    {t(`${formatKey}.${option}`)}
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
                value={what}
                onChange={(event) => {
                  setWhat(event.target.value as What);
                  setDone(null);
                }}
              >
                {WHATS.map((option) => (
                  <option key={option} value={option}>
                    {t(`export.whats.${option}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('export.labels')} hint={t('export.labelsHint')}>
            {(control) => (
              <select
                {...control}
                value={labels ?? ''}
                onChange={(event) => setLabels((event.target.value || null) as Labels | null)}
              >
                <option value="">{t('export.labelsNone')}</option>
                {LABELS.map((option) => (
                  <option key={option} value={option}>
                    {t(`export.labelLanguages.${option}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {chosen ? (
            <p className="choice-group">
              {t('figureNav.exportChosen', {
                count: chosen.personIds.length,
                formatted: formatNumber(i18n.language, chosen.personIds.length),
                description: chosen.description,
              })}
            </p>
          ) : (
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
                        formatted: formatNumber(i18n.language, matching),
                      })}
              </p>
            </fieldset>
          )}
        </div>

        <fieldset className="choice-group" aria-describedby={disclosureId}>
          <legend>{t('export.audience')}</legend>
          {AUDIENCES.map((option) => (
            <div key={option} className="checkbox-field">
              <input
                id={`${audienceName}-${option}`}
                type="radio"
                name={audienceName}
                value={option}
                checked={audience === option}
                onChange={() => {
                  setAudience(option);
                  setInternalConfirmed(false);
                  setDone(null);
                }}
              />
              <label htmlFor={`${audienceName}-${option}`}>{t(`export.audiences.${option}`)}</label>
            </div>
          ))}
          <p id={disclosureId} className="disclosure-summary" aria-live="polite">
            {preview.state === 'ready'
              ? disclosureSentence(t, i18n.language, preview.summary)
              : preview.state === 'checking'
                ? t('export.checking')
                : ''}
          </p>
          {audience === 'internal' && (
            <div className="checkbox-field">
              <input
                ref={internalCheckbox}
                id={internalId}
                type="checkbox"
                checked={internalConfirmed}
                onChange={(event) => setInternalConfirmed(event.target.checked)}
              />
              <label htmlFor={internalId}>{t('export.confirmInternal')}</label>
            </div>
          )}
        </fieldset>

        <PlaintextConsent
          warning={t('export.warning')}
          understood={understood}
          onChange={setUnderstood}
          checkboxRef={checkbox}
        />

        <NeedsList id={needsId} title={t('export.needsTitle')} needs={needs} />

        <div className="actions">
          <button
            type="submit"
            className="button primary"
            disabled={!ready}
            aria-disabled={busy}
            aria-describedby={ready ? undefined : needsId}
          >
            {busy ? t('export.submitting') : t('export.submit')}
          </button>
          <p role="status" className="status">
            {done
              ? t(done.tables === null ? 'export.done' : 'export.doneCaseFile', {
                  count: done.rows,
                  formatted: formatNumber(i18n.language, done.rows),
                  tables: done.tables,
                  path: done.path,
                })
              : ''}
          </p>
        </div>
      </form>

      <ReplaceFileDialog
        open={confirmReplace}
        folder={toFolder}
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
    </Modal>
  );
}
