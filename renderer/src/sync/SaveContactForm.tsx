import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import { requestUnlocked } from '../api';
import { ReplaceFileDialog } from '../components/ReplaceFileDialog';
import type { PickedPath } from '../../../core/api/pickers';
import { ChoosePath } from '../components/ChoosePath';
import { errorKey } from '../errors';

/**
 * Saves this installation's contact file where the user chose in the host's dialog. It holds public keys and a name,
 * no case data, so it needs no plaintext warning; an existing file is replaced only on asking.
 */
export function SaveContactForm() {
  const { t } = useTranslation();
  const [path, setPath] = useState<PickedPath | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const pathInput = useRef<HTMLButtonElement>(null);

  async function run(overwrite: boolean) {
    if (busy || path === null) return;
    setBusy(true);
    setProblem(null);
    setDone(null);
    const result = await requestUnlocked((api) =>
      api.saveContactFile({ path: path.token, overwrite }),
    );
    setBusy(false);
    if (result.ok) {
      setDone(path.label);
      return;
    }
    if (result.error.code === 'EXPORT_FILE_EXISTS' && !overwrite) {
      setConfirmReplace(true);
      return;
    }
    setProblem(result.error.code);
    pathInput.current?.focus();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (path === null) {
      setMissing(true);
      pathInput.current?.focus();
      return;
    }
    void run(false);
  }

  return (
    <form
      className="sync-form"
      onSubmit={submit}
      noValidate
      autoComplete="off"
      aria-busy={busy}
      aria-label={t('sync.saveContact.label')}
    >
      <h4>{t('sync.saveContact.heading')}</h4>
      {problem && (
        <p role="alert" className="alert">
          {t(errorKey(problem))}
        </p>
      )}
      <ChoosePath
        ref={pathInput}
        label={t('sync.saveContact.path')}
        hint={t('sync.saveContact.pathHint')}
        error={missing ? t('sync.saveContact.needPath') : undefined}
        purpose="saveContactFile"
        suggestedName="my-contact.vigil-contact"
        value={path}
        onChange={(picked) => {
          setPath(picked);
          setMissing(false);
          setDone(null);
        }}
      />
      <div className="actions">
        <button type="submit" className="button secondary" aria-disabled={busy}>
          {busy ? t('sync.saveContact.submitting') : t('sync.saveContact.submit')}
        </button>
        <p role="status" className="status">
          {done ? t('sync.saveContact.done', { path: done }) : ''}
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
