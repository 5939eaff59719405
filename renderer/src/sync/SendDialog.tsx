import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { Contact, SendResult } from '../../../core/api/sync';
import { requestUnlocked } from '../api';
import { ReplaceFileDialog } from '../components/ReplaceFileDialog';
import type { PickedPath } from '../../../core/api/pickers';
import { ChoosePath } from '../components/ChoosePath';
import { Modal } from '../components/Modal';
import { NeedsList } from '../components/NeedsList';
import { errorKey } from '../errors';
import { SendPreviewList } from './SendPreviewList';
import { useSendPreview } from './useSendPreview';

interface Props {
  contacts: readonly Contact[];
  readOnly: boolean;
  /** A bundle was written: the contacts' "last sent" changed. */
  onSent: () => void;
  onClose: () => void;
}

/**
 * "Send changes to…": one file for the chosen verified contacts, encrypted for them only. Before
 * the button it says what each contact gets and what is left out and why.
 */
export function SendDialog({ contacts, readOnly, onSent, onClose }: Props) {
  const { t } = useTranslation();
  const needsId = useId();
  const armorId = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  const [path, setPath] = useState<PickedPath | null>(null);
  const [armor, setArmor] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState<{ result: SendResult; names: string } | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const pathInput = useRef<HTMLButtonElement>(null);
  const preview = useSendPreview(chosen);
  const verified = contacts.filter((contact) => contact.verified);

  const needs = [
    ...(chosen.length === 0 ? [t('sync.send.needRecipient')] : []),
    ...(preview.state === 'checking' ? [t('sync.send.checking')] : []),
    ...(preview.state === 'error' ? [t(errorKey(preview.code))] : []),
    ...(preview.state === 'ready' && preview.preview.changes === 0
      ? [t(errorKey('BUNDLE_EMPTY'))]
      : []),
    ...(path === null ? [t('sync.send.needPath')] : []),
  ];
  const ready = needs.length === 0 && preview.state === 'ready' && !readOnly;

  function toggle(id: string, checked: boolean) {
    setChosen((current) =>
      checked ? [...current, id] : current.filter((contactId) => contactId !== id),
    );
    setDone(null);
    setProblem(null);
  }

  async function run(overwrite: boolean) {
    // Sends to exactly the contacts the preview on screen was made for.
    if (busy || preview.state !== 'ready' || path === null) return;
    const contactIds = [...preview.contactIds];
    setBusy(true);
    setProblem(null);
    setDone(null);
    const result = await requestUnlocked((api) =>
      api.sendBundle({ contactIds, path: path.token, overwrite, armor }),
    );
    setBusy(false);
    if (result.ok) {
      const names = preview.preview.contacts.map((contact) => contact.name).join(', ');
      setDone({ result: { ...result.value, path: path.label }, names });
      onSent();
      return;
    }
    if (result.error.code === 'EXPORT_FILE_EXISTS' && !overwrite) {
      setConfirmReplace(true);
      return;
    }
    setProblem(result.error.code);
    if (['FOLDER_NOT_WRITABLE', 'PATH_NOT_CHOSEN'].includes(result.error.code))
      pathInput.current?.focus();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (path === null) pathInput.current?.focus();
    else if (ready) void run(false);
  }

  return (
    <Modal title={t('sync.send.title')} closeLabel={t('sync.send.close')} onClose={onClose}>
      <form
        onSubmit={submit}
        noValidate
        autoComplete="off"
        aria-busy={busy}
        aria-label={t('sync.send.label')}
      >
        <p className="muted">{t('sync.send.lead')}</p>
        <fieldset className="choice-group">
          <legend>{t('sync.send.recipients')}</legend>
          {verified.length === 0 && <p className="muted">{t('sync.send.noVerified')}</p>}
          {contacts.map((contact) => (
            <label key={contact.id} className="checkbox-field">
              <input
                type="checkbox"
                checked={chosen.includes(contact.id)}
                disabled={!contact.verified}
                onChange={(event) => toggle(contact.id, event.target.checked)}
              />
              <span>
                {contact.verified
                  ? contact.name
                  : t('sync.send.unverified', { name: contact.name })}
              </span>
            </label>
          ))}
        </fieldset>

        {preview.state === 'ready' && <SendPreviewList preview={preview.preview} />}

        {problem && (
          <p role="alert" className="alert">
            {t(errorKey(problem))}
          </p>
        )}
        <ChoosePath
          ref={pathInput}
          label={t('sync.send.path')}
          hint={t('sync.send.pathHint')}
          purpose="sendBundle"
          suggestedName="changes.vigil-bundle"
          value={path}
          onChange={(picked) => {
            setPath(picked);
            setDone(null);
          }}
        />
        <div className="checkbox-field">
          <input
            id={armorId}
            type="checkbox"
            checked={armor}
            aria-describedby={`${armorId}-hint`}
            onChange={(event) => setArmor(event.target.checked)}
          />
          <label htmlFor={armorId}>{t('sync.send.armor')}</label>
        </div>
        <p id={`${armorId}-hint`} className="hint">
          {t('sync.send.armorHint')}
        </p>

        <NeedsList id={needsId} title={t('sync.send.needsTitle')} needs={needs} />

        <div className="actions">
          <button
            type="submit"
            className="button primary"
            disabled={!ready}
            aria-disabled={busy}
            aria-describedby={ready ? undefined : needsId}
          >
            {busy ? t('sync.send.submitting') : t('sync.send.submit')}
          </button>
          <p role="status" className="status">
            {done ? t('sync.send.done', { path: done.result.path, names: done.names }) : ''}
          </p>
        </div>
      </form>

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
    </Modal>
  );
}
