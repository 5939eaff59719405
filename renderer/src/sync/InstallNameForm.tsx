import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { SyncIdentity } from '../../../core/api/sync';
import { requestUnlocked } from '../api';
import { Field } from '../components/Field';
import { errorKey } from '../errors';

interface Props {
  identity: SyncIdentity;
  readOnly: boolean;
  onSaved: (identity: SyncIdentity) => void;
}

/**
 * The name colleagues see beside this computer's changes and on its contact. Saved as the
 * installation's record, so it travels with the changes.
 */
export function InstallNameForm({ identity, readOnly, onSaved }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(identity.name ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ErrorCode | 'empty' | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (name.trim() === '') {
      setProblem('empty');
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await requestUnlocked((api) => api.setInstallName({ name: name.trim() }));
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.code);
      return;
    }
    setSaved(true);
    onSaved(result.value);
  }

  return (
    <form className="sync-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <Field
        label={t('sync.identity.nameLabel')}
        hint={t('sync.identity.nameHint')}
        error={
          problem === 'empty'
            ? t('sync.identity.nameEmpty')
            : problem
              ? t(errorKey(problem))
              : undefined
        }
      >
        {(control) => (
          <input
            {...control}
            value={name}
            maxLength={100}
            disabled={readOnly}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="button secondary" disabled={readOnly || busy}>
          {t('sync.identity.nameSave')}
        </button>
        <p role="status" className="status">
          {saved ? t('sync.identity.nameSaved') : ''}
        </p>
      </div>
    </form>
  );
}
