import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult, ErrorCode } from '../../../core/api/errors';
import type { DefinitionKey } from '../../../core/api/figureDefinitions';
import type { CaseSummary, Figure } from '../../../core/api/figures';
import { requestUnlocked } from '../api';
import { Modal } from '../components/Modal';
import { errorKey } from '../errors';
import { useThesauri } from '../thesauri/ThesauriContext';
import { HowCounted } from './HowCounted';
import { useFigureLabels, type FigureLabels } from './labels';
import { coreLanguage } from '../language';
import type { DrillMemory, ListKind } from './memory';

/** What a click on a number opens: the cases behind it. */
export interface DrillRequest {
  /** Names the figure and gives its number: "Pardon, released in 2022: 12". */
  title: string;
  definitions: readonly DefinitionKey[];
  /** The figure, or how to get it (a point of a series asks for its persons when clicked). */
  figure: Figure | (() => Promise<ApiResult<Figure>>);
}

interface Props {
  /** The open drill-down, with what it had loaded when it was last left for a case. */
  memory: DrillMemory;
  /** Keeps its progress (pages, scroll, the case opened) for the way back from a case. */
  onRemember: (update: (memory: DrillMemory) => DrillMemory) => void;
  onClose: () => void;
  onOpenPerson: (personId: string) => void;
  /** Opens a list report of the counted cases, described by the figure's title. */
  onReport: (personIds: string[], description: string) => void;
  /** Opens the export of exactly the counted cases. */
  onExport: (personIds: string[], description: string) => void;
}

/** Rows asked of the core at a time; a figure can hold tens of thousands of people. */
const PAGE_SIZE = 100;

type Loaded = { ok: true; figure: Figure } | { ok: false; code: ErrorCode };

/** The list of cases behind one number, with those that may also belong and those unplaced. */
export function DrillDown({
  memory,
  onRemember,
  onClose,
  onOpenPerson,
  onReport,
  onExport,
}: Props) {
  const labels = useFigureLabels();
  const { t } = labels;
  const { request } = memory;
  const body = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(() =>
    memory.figure ? { ok: true, figure: memory.figure } : null,
  );

  useEffect(() => {
    if (memory.figure || typeof request.figure !== 'function') return;
    let current = true;
    void request.figure().then((result) => {
      if (!current) return;
      if (result.ok) onRemember((kept) => ({ ...kept, figure: result.value }));
      setLoaded(
        result.ok ? { ok: true, figure: result.value } : { ok: false, code: result.error.code },
      );
    });
    return () => {
      current = false;
    };
  }, [memory, request, onRemember]);

  // Back from a case: the lists come from memory, so the dialog can scroll to where it was and
  // give the focus to the case that was opened. This runs after the dialog has opened.
  useEffect(() => {
    const dialog = body.current?.closest('dialog');
    if (!dialog) return;
    dialog.scrollTop = memory.scrollTop;
    const opened = memory.openedId;
    if (opened !== null) {
      dialog
        .querySelector<HTMLElement>(`[data-person-id="${opened}"]`)
        ?.focus({ preventScroll: true });
    }
    const remember = () => onRemember((kept) => ({ ...kept, scrollTop: dialog.scrollTop }));
    dialog.addEventListener('scroll', remember);
    return () => dialog.removeEventListener('scroll', remember);
  }, [memory, onRemember]);

  const figure = loaded?.ok ? loaded.figure : null;
  const open = (personId: string) => {
    onRemember((kept) => ({ ...kept, openedId: personId }));
    onOpenPerson(personId);
  };

  return (
    <Modal
      title={request.title}
      closeLabel={t('figures.drill.close')}
      onClose={onClose}
      className="figures-drill"
    >
      {/* Finds the dialog, which is what scrolls. */}
      <div ref={body} hidden />
      {loaded && !loaded.ok ? (
        <p role="alert" className="alert">
          {t(errorKey(loaded.code))}
        </p>
      ) : figure === null ? (
        <p className="muted">{t('figures.loading')}</p>
      ) : (
        <>
          {figure.unit === 'events' && figure.value !== figure.personIds.length && (
            <p className="figures-drill-note">
              {t('figures.drill.eventsOfPersons', {
                count: figure.value,
                events: labels.number(figure.value),
                persons: labels.number(figure.personIds.length),
              })}
            </p>
          )}
          <HowCounted definitions={request.definitions} />
          <div className="actions figures-drill-actions">
            <button
              type="button"
              className="button secondary"
              onClick={() => onReport(figure.personIds, request.title)}
            >
              {t('reports.openList')}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => onExport(figure.personIds, request.title)}
            >
              {t('figureNav.export')}
            </button>
          </div>
          <CaseList
            title={t('figures.drill.counted', {
              count: figure.personIds.length,
              formatted: labels.number(figure.personIds.length),
            })}
            listLabel={t('figures.drill.countedList')}
            kind="counted"
            memory={memory}
            onRemember={onRemember}
            ids={figure.personIds}
            empty={t('figures.drill.noneCounted')}
            labels={labels}
            onOpenPerson={open}
          />
          {figure.uncertainIds.length > 0 && (
            <CaseList
              title={t('figures.drill.maybe', {
                count: figure.uncertainIds.length,
                formatted: labels.number(figure.uncertainIds.length),
              })}
              hint={t('figures.drill.maybeHint')}
              listLabel={t('figures.drill.maybeList')}
              kind="maybe"
              memory={memory}
              onRemember={onRemember}
              ids={figure.uncertainIds}
              labels={labels}
              onOpenPerson={open}
            />
          )}
          {figure.unplaced.personIds.length > 0 && (
            <CaseList
              title={t('figures.drill.unplaced', {
                count: figure.unplaced.personIds.length,
                formatted: labels.number(figure.unplaced.personIds.length),
              })}
              hint={t('figures.drill.unplacedHint')}
              listLabel={t('figures.drill.unplacedList')}
              kind="unplaced"
              memory={memory}
              onRemember={onRemember}
              ids={figure.unplaced.personIds}
              labels={labels}
              onOpenPerson={open}
            />
          )}
        </>
      )}
    </Modal>
  );
}

interface CaseListProps {
  kind: ListKind;
  memory: DrillMemory;
  onRemember: Props['onRemember'];
  title: string;
  hint?: string;
  listLabel: string;
  ids: readonly string[];
  empty?: string;
  labels: FigureLabels;
  onOpenPerson: (personId: string) => void;
}

interface Page {
  order: readonly string[];
  items: CaseSummary[];
  error: ErrorCode | null;
}

/**
 * One list of the drill-down, sorted by name in the core and loaded a page at a time. What it
 * has loaded is kept in the drill-down's memory, so that it is all there again on the way back.
 */
function CaseList({
  kind,
  memory,
  onRemember,
  title,
  hint,
  listLabel,
  ids,
  empty,
  labels,
  onOpenPerson,
}: CaseListProps) {
  const { t } = labels;
  const { i18n } = useTranslation();
  const { label } = useThesauri();
  const headingId = useId();
  const kept = memory.lists[kind]?.ids === ids ? memory.lists[kind] : undefined;
  const [order, setOrder] = useState<readonly string[] | null>(kept?.order ?? null);
  const [orderError, setOrderError] = useState<ErrorCode | null>(null);
  const [wanted, setWanted] = useState(kept?.wanted ?? PAGE_SIZE);
  const [page, setPage] = useState<Page | null>(() =>
    kept ? { order: kept.order, items: kept.items, error: null } : null,
  );
  const shown = page !== null && page.order === order ? page : null;
  const have = shown?.items.length ?? 0;
  const language = coreLanguage(i18n.language);

  useEffect(() => {
    if (order !== null || ids.length === 0) return;
    let current = true;
    void requestUnlocked((api) => api.figureCaseOrder({ personIds: [...ids], language })).then(
      (result) => {
        if (!current) return;
        if (result.ok) setOrder(result.value.personIds);
        else setOrderError(result.error.code);
      },
    );
    return () => {
      current = false;
    };
  }, [ids, order, language]);

  useEffect(() => {
    if (order === null) return;
    const missing = order.slice(have, Math.min(wanted, order.length));
    if (missing.length === 0) return;
    let current = true;
    void requestUnlocked((api) => api.figureCases({ personIds: missing })).then((result) => {
      if (!current) return;
      setPage((previous) => {
        const before = previous?.order === order ? previous.items : [];
        return result.ok
          ? { order, items: [...before, ...result.value.items], error: null }
          : { order, items: before, error: result.error.code };
      });
    });
    return () => {
      current = false;
    };
  }, [order, have, wanted]);

  useEffect(() => {
    if (order === null) return;
    const list = { ids, order, items: shown?.items ?? [], wanted };
    onRemember((kept) => ({ ...kept, lists: { ...kept.lists, [kind]: list } }));
  }, [onRemember, kind, ids, order, shown, wanted]);

  const total = order?.length ?? ids.length;
  const remaining = total - have;
  const error = orderError ?? shown?.error ?? null;
  return (
    <section className="figures-drill-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {hint && <p className="hint">{hint}</p>}
      {ids.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          <ul className="figures-case-list" aria-label={listLabel}>
            {shown?.items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="figures-case"
                  data-person-id={item.id}
                  onClick={() => onOpenPerson(item.id)}
                >
                  <span className="figures-case-name">{caseName(labels, item)}</span>
                  <span className="figures-case-more">
                    {item.birthDate
                      ? t('people.born', { date: labels.date(item.birthDate) })
                      : t('figures.drill.birthUnknown')}
                  </span>
                  <span className="figures-case-more">
                    {item.region ? label('region', item.region) : t('figures.drill.regionUnknown')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {error && (
            <p role="alert" className="alert">
              {t(errorKey(error))}
            </p>
          )}
          {have < total && have < wanted && !error && (
            <p className="muted">{t('figures.loading')}</p>
          )}
          {remaining > 0 && have >= wanted && (
            <button
              type="button"
              className="button secondary small"
              onClick={() => setWanted((count) => count + PAGE_SIZE)}
            >
              {t('figures.drill.more', {
                count: remaining,
                formatted: labels.number(remaining),
              })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** The name, unless the person's consent withholds it: then the pseudonym reports print. */
function caseName(labels: FigureLabels, item: CaseSummary): string {
  if (item.consent === 'withhold_name' || item.consent === 'never_publish') {
    return labels.t('figures.drill.withheld', { id: item.pseudonym });
  }
  return item.nameLatin && item.nameLatin !== item.name
    ? labels.t('figures.drill.nameWithLatin', { name: item.name, latin: item.nameLatin })
    : item.name;
}
