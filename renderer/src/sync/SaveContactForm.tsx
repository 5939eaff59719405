import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import { requestUnlocked } from '../api';
import { ReplaceFileDialog } from '../components/ReplaceFileDialog';
import { Field } from '../components/Field';
import { errorKey } from '../errors';

/**
 * Saves this installation's contact file where the user typed. It holds public keys and a name,
 * no case data, so it needs no plaintext warning; an existing file is replaced only on asking.
 */
export function SaveContactForm() {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const pathInput = useRef<HTMLInputElement>(null);

  async function run(overwrite: boolean) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    setDone(null);
    const result = await requestUnlocked((api) =>
      api.saveContactFile({ path: path.trim(), overwrite }),
    );
    setBusy(false);
    if (result.ok) {
      setDone(result.value.path);
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
    if (path.trim() === '') {
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
      <Field
        label={t('sync.saveContact.path')}
        hint={t('sync.saveContact.pathHint')}
        error={missing ? t('sync.saveContact.needPath') : undefined}
      >
        {(control) => (
          <input
            {...control}
            ref={pathInput}
            type="text"
            spellCheck={false}
            value={path}
            onChange={(event) => {
              setPath(event.target.value);
              setMissing(false);
              setDone(null);
            }}
          />
        )}
      </Field>
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
        path={path.trim()}
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
