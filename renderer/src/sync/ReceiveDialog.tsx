import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { ReceivePreview, ReceiveResult } from '../../../core/api/sync';
import { requestUnlocked } from '../api';
import type { PickedPath } from '../../../core/api/pickers';
import { ChoosePath } from '../components/ChoosePath';
import { Modal } from '../components/Modal';
import { fileErrorKey } from './fileErrors';
import { ReceiveSummary } from './ReceiveSummary';

interface Props {
  readOnly: boolean;
  /** The vault changed: lists, the open page, contacts and the conflict count load again. */
  onReceived: () => void;
  onClose: () => void;
}

type Step =
  | { kind: 'path' }
  | { kind: 'checked'; path: string; preview: ReceivePreview }
  | { kind: 'applied'; result: ReceiveResult };

/**
 * "Receive a bundle": Check opens and verifies the bundle and says what it brings, without
 * changing anything; Apply then applies exactly that file. Every refusal is a sentence that
 * says nothing was changed.
 */
export function ReceiveDialog({ readOnly, onReceived, onClose }: Props) {
  const { t } = useTranslation();
  const [path, setPath] = useState<PickedPath | null>(null);
  const [missing, setMissing] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'path' });
  const [busy, setBusy] = useState<'check' | 'apply' | null>(null);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const pathInput = useRef<HTMLButtonElement>(null);

  async function check(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const typed = path?.token;
    if (typed === undefined) {
      setMissing(true);
      pathInput.current?.focus();
      return;
    }
    setBusy('check');
    setProblem(null);
    setStep({ kind: 'path' });
    const result = await requestUnlocked((api) => api.previewReceive({ path: typed }));
    setBusy(null);
    if (!result.ok) {
      setProblem(result.error.code);
      pathInput.current?.focus();
      return;
    }
    setStep({ kind: 'checked', path: typed, preview: result.value });
  }

  async function apply() {
    if (busy || step.kind !== 'checked' || readOnly) return;
    setBusy('apply');
    setProblem(null);
    const result = await requestUnlocked((api) => api.receiveBundle({ path: step.path }));
    setBusy(null);
    if (!result.ok) {
      setProblem(result.error.code);
      return;
    }
    setStep({ kind: 'applied', result: result.value });
    onReceived();
  }

  return (
    <Modal title={t('sync.receive.title')} closeLabel={t('sync.receive.close')} onClose={onClose}>
      <form
        onSubmit={(event) => void check(event)}
        noValidate
        autoComplete="off"
        aria-busy={busy !== null}
        aria-label={t('sync.receive.label')}
      >
        <p className="muted">{t('sync.receive.lead')}</p>
        <ChoosePath
          ref={pathInput}
          label={t('sync.receive.path')}
          error={missing ? t('sync.receive.needPath') : undefined}
          purpose="receiveBundle"
          value={path}
          onChange={(picked) => {
            setPath(picked);
            setMissing(false);
            setProblem(null);
            setStep({ kind: 'path' });
          }}
        />
        <div className="actions">
          <button type="submit" className="button secondary" aria-disabled={busy !== null}>
            {busy === 'check' ? t('sync.receive.checking') : t('sync.receive.check')}
          </button>
        </div>
      </form>

      {problem && (
        <p role="alert" className="alert">
          {t(fileErrorKey(problem, 'bundle'))}
        </p>
      )}
      {step.kind === 'checked' && (
        <>
          <ReceiveSummary kind="preview" summary={step.preview} />
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={readOnly}
              aria-disabled={busy !== null}
              onClick={() => void apply()}
            >
              {busy === 'apply' ? t('sync.receive.applying') : t('sync.receive.apply')}
            </button>
          </div>
        </>
      )}
      <p role="status" className="status">
        {step.kind === 'applied' ? t('sync.receive.applied') : ''}
      </p>
      {step.kind === 'applied' && <ReceiveSummary kind="result" summary={step.result} />}
    </Modal>
  );
}
