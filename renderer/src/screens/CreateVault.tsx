import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { PickedPath } from '../../../core/api/pickers';
import type { VaultStatus } from '../../../core/api/schemas';
import { request } from '../api';
import { errorKey } from '../errors';
import { HelpButton } from '../help/HelpButton';
import { ChoosePath } from '../components/ChoosePath';
import { LanguagePicker } from '../language/LanguagePicker';
import { NeedsList } from '../components/NeedsList';
import { DEFAULT_DEMO_SIZE, DemoCountField, type DemoSize } from '../demo/DemoCountField';
import { NewPassphraseFields } from '../passphrase/NewPassphraseFields';
import { useNewPassphrase } from '../passphrase/useNewPassphrase';

export type CreatedVault = VaultStatus & { recoveryKey: string };

interface Props {
  status: VaultStatus;
  /** `demoPersons`: how many invented cases to add once the recovery key is written down. */
  onCreated: (created: CreatedVault, demoPersons: number | null) => void;
  onUnlockInstead: () => void;
  onRestoreInstead: () => void;
}

const FOLDER_ERRORS: readonly ErrorCode[] = [
  'VAULT_EXISTS',
  'FOLDER_NOT_WRITABLE',
  'FOLDER_NOT_EMPTY',
  'PATH_NOT_CHOSEN',
];

export function CreateVault({ onCreated, onUnlockInstead, onRestoreInstead }: Props) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState<PickedPath | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [demo, setDemo] = useState(false);
  const [demoSize, setDemoSize] = useState<DemoSize>(DEFAULT_DEMO_SIZE);
  const folderInput = useRef<HTMLButtonElement>(null);
  const needsId = useId();
  const demoId = useId();
  const demoHintId = useId();

  const check = useNewPassphrase(passphrase, repeat, folder?.label ?? '');
  const needs = folder === null ? [t('create.needs.folder'), ...check.needs] : check.needs;
  const ready = needs.length === 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready || busy || folder === null) return;
    setBusy(true);
    setErrorCode(null);
    const result = await request((api) => api.createVault({ folder: folder.token, passphrase }));
    if (result.ok) {
      onCreated(result.value, demo ? demoSize : null);
      return;
    }
    setBusy(false);
    setErrorCode(result.error.code);
    if (FOLDER_ERRORS.includes(result.error.code)) folderInput.current?.focus();
  }

  return (
    <main className="screen">
      <form className="card" onSubmit={submit} noValidate autoComplete="off" aria-busy={busy}>
        <LanguagePicker />
        <h1>{t('create.title')}</h1>
        <p className="lead">{t('create.intro')}</p>

        {errorCode && (
          <p role="alert" className="alert">
            {t(errorKey(errorCode))}
          </p>
        )}

        <ChoosePath
          ref={folderInput}
          label={t('create.folder')}
          hint={t('create.folderHint')}
          purpose="newVault"
          value={folder}
          onChange={setFolder}
        />

        <div className="warning" role="note">
          <p className="warning-title">{t('create.warningTitle')}</p>
          <p>{t('create.warning')}</p>
        </div>

        <NewPassphraseFields
          passphraseLabel={t('create.passphrase')}
          repeatLabel={t('create.repeat')}
          passphrase={passphrase}
          repeat={repeat}
          onPassphraseChange={setPassphrase}
          onRepeatChange={setRepeat}
          check={check}
          autoFocus
        />

        <div className="demo-choice">
          <div className="checkbox-field">
            <input
              id={demoId}
              type="checkbox"
              checked={demo}
              aria-describedby={demoHintId}
              onChange={(event) => setDemo(event.target.checked)}
            />
            <label htmlFor={demoId}>{t('create.demo')}</label>
          </div>
          <p id={demoHintId} className="hint">
            {t('create.demoHint')}
          </p>
          {demo && (
            <DemoCountField
              label={t('create.demoCount')}
              value={demoSize}
              onChange={setDemoSize}
              className="narrow"
            />
          )}
        </div>

        <NeedsList id={needsId} title={t('create.needsTitle')} needs={needs} />

        <div className="actions">
          <button
            type="submit"
            className="button primary"
            disabled={!ready || busy}
            aria-describedby={ready ? undefined : needsId}
          >
            {busy ? t('create.submitting') : t('create.submit')}
          </button>
          <button type="button" className="button link" onClick={onUnlockInstead}>
            {t('create.toUnlock')}
          </button>
          <button type="button" className="button link" onClick={onRestoreInstead}>
            {t('create.toRestore')}
          </button>
          <HelpButton className="button link" />
        </div>
      </form>
    </main>
  );
}
