import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../core/api/errors';
import type { VaultStatus } from '../../core/api/schemas';
import { request } from './api';
import { errorKey } from './errors';
import { HelpProvider } from './help/HelpContext';
import { applyLanguage } from './i18n';
import type { Notice } from './notice';
import { LoadingDemo } from './screens/LoadingDemo';
import { Main } from './screens/Main';
import { RecoveryKey } from './screens/RecoveryKey';
import { RestoreBackup } from './screens/RestoreBackup';
import { Unlock } from './screens/Unlock';

// The strength meter's dictionaries are large and only needed once per installation, so they
// load with this screen rather than slowing down every unlock.
const CreateVault = lazy(() =>
  import('./screens/CreateVault').then((module) => ({ default: module.CreateVault })),
);

type View =
  | { kind: 'loading' }
  | { kind: 'failed'; code: ErrorCode }
  | { kind: 'create'; status: VaultStatus }
  | { kind: 'unlock'; status: VaultStatus }
  | { kind: 'restore'; status: VaultStatus; back: 'create' | 'unlock' }
  | { kind: 'recoveryKey'; status: VaultStatus; recoveryKey: string; demo: number | null }
  | { kind: 'demo'; status: VaultStatus; persons: number }
  | { kind: 'main'; status: VaultStatus; notice: Notice | null };

function viewFor(status: VaultStatus, notice: Notice | null = null): View {
  switch (status.state) {
    case 'none':
      return { kind: 'create', status };
    case 'locked':
      return { kind: 'unlock', status };
    case 'unlocked':
      return { kind: 'main', status, notice };
  }
}

/**
 * Applies the language saved for this installation before the first screen shows. A setting that
 * cannot be read is no choice: the system language applies and the app goes on.
 */
async function loadLanguage(): Promise<void> {
  const settings = await request((api) => api.getSettings());
  await applyLanguage(settings.ok ? settings.value.language : null);
}

function Waiting() {
  const { t } = useTranslation();
  return (
    <main className="screen">
      <p className="muted">{t('app.loading')}</p>
    </main>
  );
}

export function App() {
  return (
    <HelpProvider>
      <Screens />
    </HelpProvider>
  );
}

function Screens() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void loadLanguage()
      .then(() => request((api) => api.vaultStatus()))
      .then((result) => {
        if (current)
          setView(result.ok ? viewFor(result.value) : { kind: 'failed', code: result.error.code });
      });
    return () => {
      current = false;
    };
  }, [attempt]);

  const show = (status: VaultStatus, notice: Notice | null = null) =>
    setView(viewFor(status, notice));

  switch (view.kind) {
    case 'loading':
      return <Waiting />;
    case 'failed':
      return (
        <main className="screen">
          <div className="card">
            <p role="alert" className="alert">
              {t(errorKey(view.code))}
            </p>
            <div className="actions">
              <button
                type="button"
                className="button primary"
                onClick={() => {
                  setView({ kind: 'loading' });
                  setAttempt((count) => count + 1);
                }}
              >
                {t('app.retry')}
              </button>
            </div>
          </div>
        </main>
      );
    case 'create':
      return (
        <Suspense fallback={<Waiting />}>
          <CreateVault
            status={view.status}
            onCreated={({ recoveryKey, ...status }, demo) =>
              setView({ kind: 'recoveryKey', status, recoveryKey, demo })
            }
            onUnlockInstead={() => setView({ kind: 'unlock', status: view.status })}
            onRestoreInstead={() =>
              setView({ kind: 'restore', status: view.status, back: 'create' })
            }
          />
        </Suspense>
      );
    case 'unlock':
      return (
        <Unlock
          status={view.status}
          onUnlocked={show}
          onCreateInstead={() => setView({ kind: 'create', status: view.status })}
          onRestoreInstead={() => setView({ kind: 'restore', status: view.status, back: 'unlock' })}
        />
      );
    case 'restore':
      return (
        <RestoreBackup
          onRestored={show}
          onBack={() => setView({ kind: view.back, status: view.status })}
        />
      );
    case 'recoveryKey':
      return (
        <RecoveryKey
          recoveryKey={view.recoveryKey}
          onContinue={() =>
            setView(
              view.demo === null
                ? { kind: 'main', status: view.status, notice: null }
                : { kind: 'demo', status: view.status, persons: view.demo },
            )
          }
        />
      );
    case 'demo':
      return (
        <LoadingDemo
          persons={view.persons}
          onDone={(count) =>
            setView({
              kind: 'main',
              status: view.status,
              notice: count === null ? null : { kind: 'demo', count },
            })
          }
        />
      );
    case 'main':
      return <Main status={view.status} notice={view.notice} />;
  }
}
