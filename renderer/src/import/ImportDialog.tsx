import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { ImportMapping, ImportPreview, ImportResult } from '../../../core/api/import';
import { requestUnlocked } from '../api';
import { Modal } from '../components/Modal';
import { errorKey } from '../errors';
import { DryRunStep } from './DryRunStep';
import { ImportResultMessage } from './ImportResultMessage';
import { mappingForCore } from './mapping';
import { MappingStep } from './MappingStep';
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

/**
 * Import in three steps: the file, the columns, the dry run. Only the last step's buttons write;
 * the core reads and checks the file again then, so a file changed in between is not trusted.
 */
export function ImportDialog({ onClose, onImported }: Props) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('file');
  const [source, setSource] = useState<ImportSource>({ path: '', shape: 'persons', sheet: '' });
  /** The file as first read: its columns, sample rows and suggested mapping. */
  const [file, setFile] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [dryRun, setDryRun] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef<Step>(step);

  // A new step is announced by moving the focus to its heading; the first keeps its autofocus.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    headingRef.current?.focus();
  }, [step]);

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
    const result = await requestUnlocked((api) =>
      api.runImport({ ...sourceArgs(source), mapping: mappingForCore(mapping), mode }),
    );
    setBusy(null);
    if (!result.ok) {
      setErrorCode(result.error.code);
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
    setStep('file');
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
          onCaseFileImported={onImported}
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
    </Modal>
  );
}
