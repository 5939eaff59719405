import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../core/api/schemas';
import { lockAndRestart } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { PersonForm } from '../components/PersonForm';
import { PersonList } from '../components/PersonList';
import { IS_MAC, useLockShortcut } from '../useLockShortcut';

/** What the right-hand side shows. A new `key` mounts a fresh form with an empty draft. */
interface OpenForm {
  key: number;
  /** What the form was opened with: null for a new person. */
  personId: string | null;
  /** What the list highlights; a new person gets an id once saved. */
  selectedId: string | null;
}

export function Main() {
  const { t } = useTranslation();
  const [form, setForm] = useState<OpenForm | null>(null);
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<{ personId: string | null } | null>(null);
  const [listToken, setListToken] = useState(0);
  const [locking, setLocking] = useState(false);

  const lock = useCallback(() => {
    setLocking(true);
    void lockAndRestart();
  }, []);
  useLockShortcut(lock);

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
      </header>

      <main className="workspace">
        <PersonList
          selectedId={form?.selectedId ?? null}
          refreshToken={listToken}
          onSelect={navigate}
          onAdd={() => navigate(null)}
        />
        <section className="detail">
          {form ? (
            <PersonForm
              key={form.key}
              personId={form.personId}
              onSaved={(person) => saved(form.key, person)}
              onDirtyChange={setDirty}
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
    </div>
  );
}
