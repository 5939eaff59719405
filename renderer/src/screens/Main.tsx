import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../core/api/records';
import type { VaultStatus } from '../../../core/api/schemas';
import { lockAndRestart } from '../api';
import { AuditBanner } from '../audit/AuditBanner';
import { PreviousGenerationBanner } from '../audit/PreviousGenerationBanner';
import { useAuditState } from '../audit/useAuditState';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { NoticeMessage } from '../components/NoticeMessage';
import { ReadOnlyBanner } from '../components/ReadOnlyBanner';
import { ExportDialog } from '../export/ExportDialog';
import type { FiguresMemory } from '../figures/memory';
import { FiguresScreen } from '../figures/FiguresScreen';
import { HelpButton } from '../help/HelpButton';
import { ImportDialog } from '../import/ImportDialog';
import { NO_FILTER, PersonList, type ListFilter } from '../list/PersonList';
import type { Notice } from '../notice';
import { PersonPage } from '../person/PersonPage';
import { startSpec } from '../reports/draft';
import { ReportDialog } from '../reports/ReportDialog';
import { DEFAULT_AUTO_LOCK_MINUTES } from '../settings/autoLock';
import { SettingsDialog } from '../settings/SettingsDialog';
import { useAutoLockMinutes } from '../settings/useAutoLockMinutes';
import type { Source } from '../sources/sources';
import { ContactsButton } from '../sync/ContactsButton';
import { ContactsScreen } from '../sync/ContactsScreen';
import { useConflictCount } from '../sync/useConflictCount';
import { ThesauriProvider, useThesauri } from '../thesauri/ThesauriContext';
import { ThesaurusEditor } from '../thesauri/ThesaurusEditor';
import { UndoButton } from '../undo/UndoButton';
import { DiscardedForms } from '../idle/DiscardedForms';
import { IdleWarning } from '../idle/IdleWarning';
import { useIdleLock } from '../idle/useIdleLock';
import { IS_MAC, useLockShortcut } from '../useLockShortcut';

/** What fills the window below the header: the cases, or a full-width view in their place. */
type Screen = 'cases' | 'figures' | 'contacts';

interface Props {
  status: VaultStatus;
  /** Shown once on arrival, e.g. after a repair. */
  notice: Notice | null;
}

/** What the right-hand side shows. A new `key` mounts a fresh page with an empty draft. */
interface OpenPage {
  key: number;
  /** What the page was opened with: null for a new person. */
  personId: string | null;
  /** What the list highlights; a new person gets an id once saved. */
  selectedId: string | null;
}

export function Main(props: Props) {
  return (
    <ThesauriProvider>
      <Workspace {...props} />
    </ThesauriProvider>
  );
}

function Workspace({ status, notice }: Props) {
  const { t } = useTranslation();
  const thesauri = useThesauri();
  const [page, setPage] = useState<OpenPage | null>(null);
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<{ personId: string | null } | null>(null);
  const [listToken, setListToken] = useState(0);
  const [pageToken, setPageToken] = useState(0);
  const [locking, setLocking] = useState(false);
  const [shownNotice, setShownNotice] = useState(notice);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [thesauriOpen, setThesauriOpen] = useState(false);
  const [screen, setScreen] = useState<Screen>('cases');
  const [importOpen, setImportOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [listFilter, setListFilter] = useState<ListFilter>(NO_FILTER);
  const [listReportOpen, setListReportOpen] = useState(false);
  // The dashboard as it was left, so that a visit to a case and back keeps its date, filters
  // and drill-down; `fromFigures` offers the way back while the case is open.
  const [figuresMemory, setFiguresMemory] = useState<FiguresMemory | null>(null);
  const [fromFigures, setFromFigures] = useState(false);
  const importReasonId = useId();
  // Sources recorded in this session, offered when citing again; gone on lock, like all else.
  const [sessionSources, setSessionSources] = useState<Source[]>([]);
  const [autoLockMinutes, setAutoLockMinutes] = useAutoLockMinutes();
  const audit = useAuditState();
  const conflicts = useConflictCount();
  const readOnly = status.readOnly;

  const lock = useCallback(() => {
    setLocking(true);
    void lockAndRestart();
  }, []);
  useLockShortcut(lock);
  const idle = useIdleLock(autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES, lock);

  const refreshList = useCallback(() => setListToken((token) => token + 1), []);
  const { reload: reloadThesauri } = thesauri;
  /** Something outside the open page changed the vault (undo, import, demo data). */
  const reloadAll = useCallback(() => {
    refreshList();
    setPageToken((token) => token + 1);
    reloadThesauri();
  }, [refreshList, reloadThesauri]);
  const { refresh: refreshConflicts } = conflicts;
  /** A bundle was applied or a conflict settled: the cases changed, and the queue too. */
  const syncChanged = useCallback(() => {
    reloadAll();
    refreshConflicts();
  }, [reloadAll, refreshConflicts]);

  function open(personId: string | null) {
    setPage((previous) => ({ key: (previous?.key ?? 0) + 1, personId, selectedId: personId }));
    setDirty(false);
    setPending(null);
  }

  function navigate(personId: string | null) {
    if (personId !== null && personId === page?.selectedId) return;
    if (dirty) setPending({ personId });
    else open(personId);
  }

  function saved(pageKey: number, person: Person) {
    setPage((current) =>
      current?.key === pageKey ? { ...current, selectedId: person.id } : current,
    );
    refreshList();
  }

  // Hide case data at once; the reload that follows clears it from memory.
  if (locking) return null;

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-name">{t('app.name')}</h1>
        <div className="header-actions">
          <UndoButton readOnly={readOnly} onUndone={reloadAll} />
          <button
            type="button"
            className="button secondary"
            onClick={() => setImportOpen(true)}
            disabled={readOnly}
            aria-describedby={readOnly ? importReasonId : undefined}
          >
            {t('main.import')}
          </button>
          {readOnly && (
            <span id={importReasonId} className="visually-hidden">
              {t('main.importReadOnly')}
            </span>
          )}
          <button type="button" className="button secondary" onClick={() => setExportOpen(true)}>
            {t('main.export')}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setFromFigures(false);
              setScreen('figures');
            }}
          >
            {t('figures.open')}
          </button>
          <ContactsButton conflicts={conflicts.count} onOpen={() => setScreen('contacts')} />
          <button type="button" className="button secondary" onClick={() => setThesauriOpen(true)}>
            {t('main.thesauri')}
          </button>
          <button type="button" className="button secondary" onClick={() => setSettingsOpen(true)}>
            {t('main.settings')}
          </button>
          <HelpButton />
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
      {audit?.state === 'broken' && <AuditBanner audit={audit} />}
      {audit && audit.previousGeneration.length > 0 && (
        <PreviousGenerationBanner damage={audit.previousGeneration} />
      )}
      <DiscardedForms />
      {shownNotice && <NoticeMessage notice={shownNotice} onDismiss={() => setShownNotice(null)} />}

      {fromFigures && screen === 'cases' && (
        <nav className="figures-return" aria-label={t('figureNav.returnLabel')}>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setFromFigures(false);
              setScreen('figures');
            }}
          >
            {t('figureNav.back')}
          </button>
        </nav>
      )}
      <main className="workspace" hidden={screen !== 'cases'}>
        <PersonList
          selectedId={page?.selectedId ?? null}
          refreshToken={listToken}
          onSelect={navigate}
          onAdd={() => navigate(null)}
          readOnly={readOnly}
          onFilterChange={setListFilter}
          onReport={() => setListReportOpen(true)}
        />
        <section className="detail">
          {page ? (
            <PersonPage
              key={page.key}
              personId={page.personId}
              refreshToken={pageToken}
              sessionSources={sessionSources}
              onSourceCreated={(source) => setSessionSources((current) => [...current, source])}
              onSaved={(person) => saved(page.key, person)}
              onChanged={refreshList}
              onDirtyChange={setDirty}
              onOpenPerson={navigate}
              readOnly={readOnly}
              installId={status.installId}
            />
          ) : (
            <p className="placeholder">{t('person.nothingOpen')}</p>
          )}
        </section>
      </main>
      {screen === 'figures' && (
        <FiguresScreen
          initial={figuresMemory}
          onClose={(memory) => {
            setFiguresMemory(memory);
            setFromFigures(false);
            setScreen('cases');
          }}
          onOpenPerson={(personId, memory) => {
            setFiguresMemory(memory);
            setFromFigures(true);
            setScreen('cases');
            navigate(personId);
          }}
        />
      )}
      {screen === 'contacts' && (
        <ContactsScreen
          installId={status.installId}
          readOnly={readOnly}
          onClose={() => setScreen('cases')}
          onVaultChanged={syncChanged}
        />
      )}

      <IdleWarning secondsLeft={idle.secondsLeft} onKeepWorking={idle.keepWorking} />

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
          folder={status.folder?.label ?? ''}
          readOnly={readOnly}
          onDemoLoaded={reloadAll}
          onClose={() => setSettingsOpen(false)}
        />
      )}
      {importOpen && <ImportDialog onClose={() => setImportOpen(false)} onImported={reloadAll} />}
      {listReportOpen && (
        <ReportDialog
          initial={startSpec({
            template: 'list',
            params: {
              persons: {
                kind: 'personList',
                query: listFilter.query,
                region: listFilter.region || undefined,
                riskCategory: listFilter.riskCategory || undefined,
                inCustody: listFilter.inCustody || undefined,
              },
            },
          })}
          onClose={() => setListReportOpen(false)}
        />
      )}
      {exportOpen && <ExportDialog filter={listFilter} onClose={() => setExportOpen(false)} />}
      {thesauriOpen && (
        <ThesaurusEditor readOnly={readOnly} onClose={() => setThesauriOpen(false)} />
      )}
    </div>
  );
}
