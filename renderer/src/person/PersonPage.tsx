import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { Person, PersonFile } from '../../../core/api/records';
import { requestUnlocked } from '../api';
import { errorKey } from '../errors';
import { HistoryDialog, type HistoryTarget } from '../history/HistoryDialog';
import type { CiteTarget } from '../sources/CiteForm';
import { citationsOf, type Source } from '../sources/sources';
import { SourcesSection } from '../sources/SourcesSection';
import { useThesauri } from '../thesauri/ThesauriContext';
import { entryHeading } from '../timeline/describeEntry';
import { timelineEntries } from '../timeline/entries';
import { Timeline } from '../timeline/Timeline';
import { startSpec } from '../reports/draft';
import { ReportDialog } from '../reports/ReportDialog';
import { useReportUnsaved } from '../idle/useReportUnsaved';
import { PersonForm } from './PersonForm';
import { PersonSummary } from './PersonSummary';

interface Props {
  /** The person to show, or null for a new one. Read once: the parent remounts the page. */
  personId: string | null;
  /** Changing it reads the person file again, e.g. after an undo. */
  refreshToken: number;
  /** Sources recorded this session, which can be cited again without retyping them. */
  sessionSources: Source[];
  onSourceCreated: (source: Source) => void;
  onSaved: (person: Person) => void;
  /** Something about the person changed, which the list may show differently. */
  onChanged: () => void;
  onDirtyChange: (dirty: boolean) => void;
  onOpenPerson: (id: string) => void;
  readOnly: boolean;
  /** This installation's id, so that the history can say "This computer". */
  installId: string;
}

type Part = 'form' | 'timeline' | 'sources';

/** A person: their details, then their timeline and the sources cited for any of it. */
export function PersonPage(props: Props) {
  const { personId, refreshToken, sessionSources, onSourceCreated, onSaved, onChanged } = props;
  const { onDirtyChange, onOpenPerson, readOnly, installId } = props;
  const { t } = useTranslation();
  const { label } = useThesauri();
  const [id, setId] = useState(personId);
  const [file, setFile] = useState<PersonFile | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [reloads, setReloads] = useState(0);
  const [dirtyParts, setDirtyParts] = useState<Record<Part, boolean>>({
    form: false,
    timeline: false,
    sources: false,
  });
  const [history, setHistory] = useState<HistoryTarget | null>(null);
  const [dossierOpen, setDossierOpen] = useState(false);

  useEffect(() => {
    if (id === null) return;
    let current = true;
    void requestUnlocked((api) => api.getPersonFile({ id })).then((result) => {
      if (!current) return;
      if (result.ok) {
        setFile(result.value);
        setErrorCode(null);
      } else setErrorCode(result.error.code);
    });
    return () => {
      current = false;
    };
  }, [id, refreshToken, reloads]);

  useReportUnsaved(id, { ...dirtyParts, person: dirtyParts.form });
  const dirty = dirtyParts.form || dirtyParts.timeline || dirtyParts.sources;
  useEffect(() => {
    onDirtyChange(dirty);
  }, [dirty, onDirtyChange]);

  const reportDirty = useCallback(
    (part: Part) => (value: boolean) =>
      setDirtyParts((current) =>
        current[part] === value ? current : { ...current, [part]: value },
      ),
    [],
  );
  const formDirty = useMemo(() => reportDirty('form'), [reportDirty]);
  const timelineDirty = useMemo(() => reportDirty('timeline'), [reportDirty]);
  const sourcesDirty = useMemo(() => reportDirty('sources'), [reportDirty]);

  const entries = useMemo(() => (file ? timelineEntries(file) : []), [file]);
  const citations = useMemo(() => (file ? citationsOf(file) : []), [file]);

  const targets = useMemo<CiteTarget[]>(
    () =>
      file
        ? [
            { entity: 'person', id: file.person.id, label: t('sources.aboutPerson') },
            ...entries.map((entry) => ({
              entity: entry.kind,
              id: entry.record.id,
              label: entryHeading(t, entry, label),
            })),
          ]
        : [],
    [file, entries, t, label],
  );

  const sources = useMemo(() => {
    const byId = new Map<string, Source>();
    for (const citation of citations)
      if (citation.source) byId.set(citation.source.id, citation.source);
    for (const source of sessionSources) byId.set(source.id, source);
    return [...byId.values()].sort((a, b) => a.title.localeCompare(b.title));
  }, [citations, sessionSources]);

  const sourcesByRecord = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const citation of citations) {
      if (!citation.source) continue;
      map.set(citation.entityId, [...(map.get(citation.entityId) ?? []), citation.source.title]);
    }
    return map;
  }, [citations]);

  function saved(person: Person) {
    setId(person.id);
    setFile((current) =>
      current
        ? { ...current, person }
        : {
            person,
            statusEvents: [],
            proceedings: [],
            custodyEvents: [],
            riskAssignments: [],
            citations: [],
          },
    );
    onSaved(person);
  }

  const changed = useCallback(() => {
    setReloads((count) => count + 1);
    onChanged();
  }, [onChanged]);

  if (id !== null && file === null) {
    return errorCode ? (
      <p role="alert" className="alert">
        {t(errorKey(errorCode))}
      </p>
    ) : (
      <p className="muted">{t('person.loading')}</p>
    );
  }

  return (
    <div className="person-page">
      {errorCode && (
        <p role="alert" className="alert">
          {t(errorKey(errorCode))}
        </p>
      )}
      {file && (
        <PersonSummary
          personId={file.person.id}
          version={`${refreshToken}-${reloads}-${file.person.updatedAt}`}
        />
      )}
      <PersonForm
        person={file?.person ?? null}
        onSaved={saved}
        onDirtyChange={formDirty}
        onOpenPerson={onOpenPerson}
        onHistory={() => {
          if (file) setHistory({ kind: 'person', id: file.person.id, title: file.person.name });
        }}
        onDossier={() => setDossierOpen(true)}
        readOnly={readOnly}
      />
      {file && (
        <>
          <Timeline
            personId={file.person.id}
            entries={entries}
            sourcesByRecord={sourcesByRecord}
            readOnly={readOnly}
            onChanged={changed}
            onDirtyChange={timelineDirty}
            onHistory={setHistory}
          />
          <SourcesSection
            citations={citations}
            targets={targets}
            sources={sources}
            onSourceCreated={onSourceCreated}
            readOnly={readOnly}
            onChanged={changed}
            onDirtyChange={sourcesDirty}
          />
        </>
      )}
      {history && (
        <HistoryDialog target={history} installId={installId} onClose={() => setHistory(null)} />
      )}
      {dossierOpen && file && (
        <ReportDialog
          initial={startSpec({ template: 'dossier', params: { personId: file.person.id } })}
          onClose={() => setDossierOpen(false)}
        />
      )}
    </div>
  );
}
