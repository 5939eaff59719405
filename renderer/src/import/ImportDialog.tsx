import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type {
  ImportDecisions,
  ImportMapping,
  ImportPreview,
  ValueMap,
} from '../../../core/api/import';
import type { ImportResult, ImportRun } from '../../../core/api/importRuns';
import { request, requestUnlocked } from '../api';
import { Modal } from '../components/Modal';
import { errorKey } from '../errors';
import {
  ambiguousLinksOf,
  duplicateRowsOf,
  FIRST_DECISIONS,
  keptRows,
  sameDecisions,
  type AmbiguousLink,
  type DuplicateRow,
} from './decisions';
import { DryRunStep } from './DryRunStep';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportResultMessage } from './ImportResultMessage';
import { mappingForCore } from './mapping';
import { MappingStep } from './MappingStep';
import { RecentImports } from './RecentImports';
import { SaveMappingForm } from './SaveMappingForm';
import { schemesForCore, type SchemeTexts } from './schemes';
import { SourceStep, type ImportSource } from './SourceStep';
import { ValueStep } from './ValueStep';
import { choiceOf, valuesForCore } from './values';
import { formatNumber } from '../format';

interface Props {
  onClose: () => void;
  /** Rows were written: the list and the open person must be read again. */
  onImported: () => void;
}

type Step = 'file' | 'columns' | 'values' | 'dryRun' | 'done';
type Busy = 'check' | 'recheck' | 'import' | null;

const STEPS = ['file', 'columns', 'values', 'dryRun'] as const;

function sourceArgs(source: ImportSource) {
  const sheet = source.sheet.trim();
  return {
    path: source.path.trim(),
    shape: source.shape,
    ...(sheet ? { sheet } : {}),
  };
}

/** The imports into this vault, newest first; none when the list cannot be read. */
async function fetchRuns(): Promise<ImportRun[]> {
  const result = await request((api) => api.listImportRuns());
  return result.ok ? result.value : [];
}

/**
 * Import in four steps: the file, the columns, the values no term matches, the dry run. Only
 * the last step's buttons write; the core reads and checks the file again then, so a file
 * changed in between is not trusted. The value step is passed over when every value is known.
 */
export function ImportDialog({ onClose, onImported }: Props) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<Step>('file');
  const [source, setSource] = useState<ImportSource>({
    path: '',
    label: '',
    shape: 'persons',
    sheet: '',
  });
  /** The file as first read: its columns, sample rows and suggested mapping. */
  const [file, setFile] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [schemes, setSchemes] = useState<SchemeTexts>({});
  const [values, setValues] = useState<ValueMap>({});
  const [mappingName, setMappingName] = useState('');
  const [decisions, setDecisions] = useState<ImportDecisions>(FIRST_DECISIONS);
  /** The decisions the dry run shown was made with. */
  const [checked, setChecked] = useState<ImportDecisions>(FIRST_DECISIONS);
  const [duplicateRows, setDuplicateRows] = useState<DuplicateRow[]>([]);
  const [links, setLinks] = useState<AmbiguousLink[]>([]);
  const [dryRun, setDryRun] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [runs, setRuns] = useState<ImportRun[] | null>(null);
  /** An import that failed part of the way: how far it got, from its run. */
  const [stopped, setStopped] = useState<ImportRun | null>(null);
  /** The run of the import under way, as its progress reports it. */
  const liveRun = useRef<string | null>(null);
  const noteRun = useCallback((runId: string) => {
    liveRun.current = runId;
  }, []);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef<Step>(step);

  // A new step is announced by moving the focus to its heading; the first keeps its autofocus.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    headingRef.current?.focus();
  }, [step]);

  useEffect(() => {
    let current = true;
    void fetchRuns().then((listed) => {
      if (current) setRuns(listed);
    });
    return () => {
      current = false;
    };
  }, []);

  async function loadRuns(): Promise<ImportRun[]> {
    const listed = await fetchRuns();
    setRuns(listed);
    return listed;
  }

  /** What the core is to read the file with, as the steps so far have it. */
  function importArgs(used: ImportDecisions) {
    return {
      ...sourceArgs(source),
      mapping: mappingForCore(mapping),
      values: valuesForCore(values),
      schemes: schemesForCore(mapping, schemes),
      decisions: used,
    };
  }

  async function checkFile() {
    setBusy('check');
    setErrorCode(null);
    const result = await requestUnlocked((api) => api.previewImport(sourceArgs(source)));
    setBusy(null);
    if (!result.ok) {
      setErrorCode(result.error.code);
      return;
    }
    setFile(result.value);
    setMapping(result.value.mapping);
    setSchemes({});
    setValues({});
    setMappingName('');
    setDryRun(null);
    setStep('columns');
  }

  /**
   * A dry run with the choices made so far. From the columns it starts the questions afresh,
   * since other columns may make other duplicates; later it keeps the answers given.
   */
  async function checkRows(from: 'columns' | 'values' | 'dryRun') {
    const used = from === 'columns' ? FIRST_DECISIONS : decisions;
    setBusy('recheck');
    setErrorCode(null);
    const result = await requestUnlocked((api) => api.previewImport(importArgs(used)));
    setBusy(null);
    if (!result.ok) {
      setErrorCode(result.error.code);
      return;
    }
    const preview = result.value;
    const fresh = from === 'columns';
    setDecisions(used);
    setChecked(used);
    setDuplicateRows((rows) =>
      keptRows(fresh ? [] : rows, duplicateRowsOf(preview), used.duplicateRows),
    );
    setLinks((rows) => keptRows(fresh ? [] : rows, ambiguousLinksOf(preview), used.links));
    setDryRun(preview);
    const unchosen = preview.unknownValues.some((unknown) => choiceOf(values, unknown) === null);
    setStep(from === 'columns' && unchosen ? 'values' : 'dryRun');
    // The button that asked goes once the counts are fresh: the heading keeps the focus.
    if (from === 'dryRun') headingRef.current?.focus();
  }

  async function runImport(mode: 'all' | 'validOnly') {
    setBusy('import');
    setErrorCode(null);
    setStopped(null);
    liveRun.current = null;
    const known = new Set((runs ?? []).map((run) => run.id));
    const result = await requestUnlocked((api) =>
      api.runImport({ ...importArgs(decisions), mode }),
    );
    setBusy(null);
    const listed = await loadRuns();
    if (!result.ok) {
      setErrorCode(result.error.code);
      // Batches before the failure are in the vault: say how many, and what to do about them.
      const run =
        listed.find((r) => r.id === liveRun.current) ?? listed.find((r) => !known.has(r.id));
      if (run && run.imported > 0) {
        setStopped(run);
        onImported();
      }
      return;
    }
    setResult(result.value);
    setStep('done');
    onImported();
  }

  function startAgain() {
    setFile(null);
    setDryRun(null);
    setResult(null);
    setMapping({});
    setSchemes({});
    setValues({});
    setMappingName('');
    setDecisions(FIRST_DECISIONS);
    setErrorCode(null);
    setStopped(null);
    setStep('file');
  }

  function back(to: Step) {
    setErrorCode(null);
    setStep(to);
  }

  /** An undo, or a case file import, wrote records: read the runs and the list again. */
  function recordsChanged() {
    void loadRuns();
    onImported();
  }

  const stepIndex = step === 'done' ? STEPS.length : STEPS.indexOf(step);
  const heading = step === 'done' ? t('import.finished') : t(`import.steps.${step}`);

  return (
    <Modal
      title={t('import.title')}
      closeLabel={t('import.close')}
      onClose={onClose}
      className="import-dialog"
    >
      <ol className="steps" aria-label={t('import.stepsLabel')}>
        {STEPS.map((name, index) => (
          <li
            key={name}
            aria-current={index === stepIndex ? 'step' : undefined}
            data-done={index < stepIndex ? 'true' : undefined}
          >
            {t(`import.steps.${name}`)}
          </li>
        ))}
      </ol>
      <h3 ref={headingRef} tabIndex={-1} className="step-heading">
        {heading}
      </h3>

      {errorCode && (
        <p role="alert" className="alert">
          {t(errorKey(errorCode))}
          {stopped &&
            ` ${t('import.stoppedAt', {
              imported: formatNumber(i18n.language, stopped.imported),
              rows: formatNumber(i18n.language, stopped.rows),
            })}`}
        </p>
      )}

      {step === 'file' && (
        <SourceStep
          source={source}
          onChange={(next: ImportSource) => {
            setSource(next);
            setErrorCode(null);
          }}
          busy={busy === 'check'}
          onCheck={() => void checkFile()}
          onCaseFileTried={recordsChanged}
        />
      )}
      {step === 'columns' && file && (
        <MappingStep
          file={file}
          shape={source.shape}
          mapping={mapping}
          onMappingChange={setMapping}
          schemes={schemes}
          onSchemesChange={setSchemes}
          values={values}
          onApplied={(applied) => {
            setValues(applied.values);
            setSchemes(applied.schemes);
          }}
          mappingName={mappingName}
          onMappingNameChange={setMappingName}
          busy={busy === 'recheck'}
          onBack={() => back('file')}
          onCheck={() => void checkRows('columns')}
        />
      )}
      {step === 'values' && dryRun && (
        <ValueStep
          unknowns={dryRun.unknownValues}
          values={values}
          onValuesChange={setValues}
          busy={busy === 'recheck'}
          onBack={() => back('columns')}
          onCheck={() => void checkRows('values')}
        />
      )}
      {step === 'dryRun' && dryRun && (
        <DryRunStep
          preview={dryRun}
          shape={source.shape}
          decisions={decisions}
          onDecisionsChange={setDecisions}
          duplicateRows={duplicateRows}
          links={links}
          stale={!sameDecisions(decisions, checked)}
          onRecheck={() => void checkRows('dryRun')}
          saveForm={
            <SaveMappingForm
              shape={source.shape}
              mapping={mappingForCore(mapping)}
              values={valuesForCore(values)}
              schemes={schemesForCore(mapping, schemes)}
              name={mappingName}
              onNameChange={setMappingName}
              blocked={false}
              onSaved={(_entries, name) => setMappingName(name)}
            />
          }
          busy={busy === 'import' || busy === 'recheck' ? busy : null}
          onBack={() => back(dryRun.unknownValues.length > 0 ? 'values' : 'columns')}
          onImport={(mode) => void runImport(mode)}
        />
      )}
      {busy === 'import' && <ImportProgressBar onRun={noteRun} />}
      {step === 'done' && result && (
        <>
          <ImportResultMessage result={result} />
          <div className="actions">
            <button type="button" className="button secondary" onClick={startAgain}>
              {t('import.another')}
            </button>
          </div>
        </>
      )}
      {(step === 'file' || step === 'done') && (
        <RecentImports runs={runs} onUndone={recordsChanged} />
      )}
    </Modal>
  );
}
