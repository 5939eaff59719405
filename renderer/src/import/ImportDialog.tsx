import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type {
  ImportMapping,
  ImportPreview,
  ImportResult,
  ImportRun,
} from '../../../core/api/import';
import { request, requestUnlocked } from '../api';
import { Modal } from '../components/Modal';
import { errorKey } from '../errors';
import { DryRunStep } from './DryRunStep';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportResultMessage } from './ImportResultMessage';
import { mappingForCore } from './mapping';
import { MappingStep } from './MappingStep';
import { RecentImports } from './RecentImports';
import { SourceStep, type ImportSource } from './SourceStep';

interface Props {
  onClose: () => void;
  /** Rows were written: the list and the open person must be read again. */
  onImported: () => void;
}

type Step = 'file' | 'columns' | 'dryRun' | 'done';
type Busy = 'check' | 'recheck' | 'import' | null;

const STEPS = ['file', 'columns', 'dryRun'] as const;

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
 * Import in three steps: the file, the columns, the dry run. Only the last step's buttons write;
 * the core reads and checks the file again then, so a file changed in between is not trusted.
 */
export function ImportDialog({ onClose, onImported }: Props) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<Step>('file');
  const [source, setSource] = useState<ImportSource>({ path: '', shape: 'persons', sheet: '' });
  /** The file as first read: its columns, sample rows and suggested mapping. */
  const [file, setFile] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
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
    setDryRun(null);
    setStep('columns');
  }

  async function checkRows() {
    setBusy('recheck');
    setErrorCode(null);
    const result = await requestUnlocked((api) =>
      api.previewImport({ ...sourceArgs(source), mapping: mappingForCore(mapping) }),
    );
    setBusy(null);
    if (!result.ok) {
      setErrorCode(result.error.code);
      return;
    }
    setDryRun(result.value);
    setStep('dryRun');
  }

  async function runImport(mode: 'all' | 'validOnly') {
    setBusy('import');
    setErrorCode(null);
    setStopped(null);
    liveRun.current = null;
    const known = new Set((runs ?? []).map((run) => run.id));
    const result = await requestUnlocked((api) =>
      api.runImport({ ...sourceArgs(source), mapping: mappingForCore(mapping), mode }),
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
    setErrorCode(null);
    setStopped(null);
    setStep('file');
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
              imported: stopped.imported.toLocaleString(i18n.language),
              rows: stopped.rows.toLocaleString(i18n.language),
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
          busy={busy === 'recheck'}
          onBack={() => {
            setErrorCode(null);
            setStep('file');
          }}
          onCheck={() => void checkRows()}
        />
      )}
      {step === 'dryRun' && dryRun && (
        <DryRunStep
          preview={dryRun}
          shape={source.shape}
          busy={busy === 'import'}
          onBack={() => {
            setErrorCode(null);
            setStep('columns');
          }}
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
