import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../core/api/records';
import type { VaultStatus } from '../../../core/api/schemas';
import { lockAndRestart } from '../api';
import type { Notice } from '../notice';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { NoticeMessage } from '../components/NoticeMessage';
import { PersonForm } from '../components/PersonForm';
import { PersonList } from '../components/PersonList';
import { ReadOnlyBanner } from '../components/ReadOnlyBanner';
import { DEFAULT_AUTO_LOCK_MINUTES } from '../settings/autoLock';
import { SettingsDialog } from '../settings/SettingsDialog';
import { useAutoLockMinutes } from '../settings/useAutoLockMinutes';
import { useIdleLock } from '../useIdleLock';
import { IS_MAC, useLockShortcut } from '../useLockShortcut';

interface Props {
  status: VaultStatus;
  /** Shown once on arrival, e.g. after a repair. */
  notice: Notice | null;
}

/** What the right-hand side shows. A new `key` mounts a fresh form with an empty draft. */
interface OpenForm {
  key: number;
  /** What the form was opened with: null for a new person. */
  personId: string | null;
  /** What the list highlights; a new person gets an id once saved. */
  selectedId: string | null;
}

export function Main({ status, notice }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<OpenForm | null>(null);
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<{ personId: string | null } | null>(null);
  const [listToken, setListToken] = useState(0);
  const [locking, setLocking] = useState(false);
  const [shownNotice, setShownNotice] = useState(notice);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [autoLockMinutes, setAutoLockMinutes] = useAutoLockMinutes();
  const readOnly = status.readOnly;

  const lock = useCallback(() => {
    setLocking(true);
    void lockAndRestart();
  }, []);
  useLockShortcut(lock);
  useIdleLock(autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES, lock);

  function open(personId: string | null) {
    setForm((previous) => ({ key: (previous?.key ?? 0) + 1, personId, selectedId: personId }));
    setDirty(false);
    setPending(null);
  }

  function navigate(personId: string | null) {
    if (personId !== null && personId === form?.selectedId) return;
    if (dirty) setPending({ personId });
    else open(personId);
  }

  function saved(formKey: number, person: Person) {
    setForm((current) =>
      current?.key === formKey ? { ...current, selectedId: person.id } : current,
    );
    setListToken((token) => token + 1);
  }

  // Hide case data at once; the reload that follows clears it from memory.
  if (locking) return null;

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-name">{t('app.name')}</h1>
        <div className="header-actions">
          <button type="button" className="button secondary" onClick={() => setSettingsOpen(true)}>
            {t('main.settings')}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={lock}
            aria-keyshortcuts="Control+L Meta+L"
          >
            {t('main.lock')}
            <kbd aria-hidden="true">
              {IS_MAC ? t('main.lockShortcutMac') : t('main.lockShortcut')}
            </kbd>
          </button>
        </div>
      </header>

      {readOnly && <ReadOnlyBanner />}
      {shownNotice && <NoticeMessage notice={shownNotice} onDismiss={() => setShownNotice(null)} />}

      <main className="workspace">
        <PersonList
          selectedId={form?.selectedId ?? null}
          refreshToken={listToken}
          onSelect={navigate}
          onAdd={() => navigate(null)}
          readOnly={readOnly}
        />
        <section className="detail">
          {form ? (
            <PersonForm
              key={form.key}
              personId={form.personId}
              onSaved={(person) => saved(form.key, person)}
              onDirtyChange={setDirty}
              readOnly={readOnly}
            />
          ) : (
            <p className="placeholder">{t('person.nothingOpen')}</p>
          )}
        </section>
      </main>

      <ConfirmDialog
        open={pending !== null}
        title={t('discard.title')}
        body={t('discard.body')}
        confirmLabel={t('discard.confirm')}
        cancelLabel={t('discard.cancel')}
        onConfirm={() => {
          if (pending) open(pending.personId);
        }}
        onCancel={() => setPending(null)}
      />

      {settingsOpen && (
        <SettingsDialog
          autoLockMinutes={autoLockMinutes}
          onAutoLockSaved={setAutoLockMinutes}
          folder={status.folder ?? ''}
          readOnly={readOnly}
          onClose={() => setSettingsOpen(false)}
        />
      )}
    </div>
  );
}
