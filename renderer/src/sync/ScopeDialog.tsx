import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import { ContactScope, type Contact } from '../../../core/api/sync';
import { requestUnlocked } from '../api';
import { Modal } from '../components/Modal';
import { errorKey } from '../errors';
import { TermChecklist } from '../thesauri/TermChecklist';

interface Props {
  contact: Contact;
  readOnly: boolean;
  onSaved: (contact: Contact) => void;
  onClose: () => void;
}

/** What one contact may see: everything, all but never-publish cases, or chosen regions. */
export function ScopeDialog({ contact, readOnly, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const name = useId();
  const hintId = useId();
  const [scope, setScope] = useState<ContactScope>(contact.scope);
  const [regions, setRegions] = useState<string[]>(contact.regions);
  const [missingRegion, setMissingRegion] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || readOnly) return;
    if (scope === 'regions' && regions.length === 0) {
      setMissingRegion(true);
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await requestUnlocked((api) =>
      api.setContactScope({ id: contact.id, scope, regions: scope === 'regions' ? regions : [] }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.code);
      return;
    }
    setSaved(true);
    onSaved(result.value);
  }

  return (
    <Modal
      title={t('sync.scope.title', { name: contact.name })}
      closeLabel={t('sync.scope.close')}
      onClose={onClose}
    >
      <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        {problem && (
          <p role="alert" className="alert">
            {t(errorKey(problem))}
          </p>
        )}
        <fieldset className="choice-group" aria-describedby={hintId}>
          <legend>{t('sync.scope.legend', { name: contact.name })}</legend>
          {ContactScope.options.map((option) => (
            <div key={option} className="checkbox-field">
              <input
                id={`${name}-${option}`}
                type="radio"
                name={name}
                value={option}
                checked={scope === option}
                disabled={readOnly}
                onChange={() => {
                  setScope(option);
                  setSaved(false);
                }}
              />
              <label htmlFor={`${name}-${option}`}>{t(`sync.scope.${option}`)}</label>
            </div>
          ))}
          <p id={hintId} className="hint">
            {t('sync.scope.hint')}
          </p>
        </fieldset>
        {scope === 'regions' && (
          <TermChecklist
            legend={t('sync.scope.regionsLegend')}
            filterLabel={t('sync.scope.regionsFilter')}
            emptyText={t('sync.scope.regionsEmpty')}
            thesaurus="region"
            value={regions}
            onChange={(codes) => {
              setRegions(codes);
              setMissingRegion(false);
              setSaved(false);
            }}
            error={missingRegion ? t('sync.scope.needRegion') : undefined}
          />
        )}
        <div className="actions">
          <button type="submit" className="button primary" disabled={readOnly || busy}>
            {busy ? t('sync.scope.submitting') : t('sync.scope.submit')}
          </button>
          <p role="status" className="status">
            {saved ? t('sync.scope.done') : ''}
          </p>
        </div>
      </form>
    </Modal>
  );
}
