import { useEffect, useId, useState } from 'react';
import type { ApiResult, ErrorCode } from '../../../core/api/errors';
import type { DefinitionKey } from '../../../core/api/figureDefinitions';
import type { CaseSummary, Figure } from '../../../core/api/figures';
import { requestUnlocked } from '../api';
import { Modal } from '../components/Modal';
import { errorKey } from '../errors';
import { useThesauri } from '../thesauri/ThesauriContext';
import { HowCounted } from './HowCounted';
import { useFigureLabels, type FigureLabels } from './labels';

/** What a click on a number opens: the cases behind it. */
export interface DrillRequest {
  /** Names the figure and gives its number: "Pardon, released in 2022: 12". */
  title: string;
  definitions: readonly DefinitionKey[];
  /** The figure, or how to get it (a point of a series asks for its persons when clicked). */
  figure: Figure | (() => Promise<ApiResult<Figure>>);
}

interface Props {
  request: DrillRequest;
  onClose: () => void;
  onOpenPerson: (personId: string) => void;
}

/** Rows asked of the core at a time; a figure can hold tens of thousands of people. */
const PAGE_SIZE = 100;

type Loaded = { ok: true; figure: Figure } | { ok: false; code: ErrorCode };

/** The list of cases behind one number, with those that may also belong and those unplaced. */
export function DrillDown({ request, onClose, onOpenPerson }: Props) {
  const labels = useFigureLabels();
  const { t } = labels;
  const given = typeof request.figure === 'function' ? null : request.figure;
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (typeof request.figure !== 'function') return;
    let current = true;
    void request.figure().then((result) => {
      if (!current) return;
      setLoaded(
        result.ok ? { ok: true, figure: result.value } : { ok: false, code: result.error.code },
      );
    });
    return () => {
      current = false;
    };
  }, [request]);

  const figure = given ?? (loaded?.ok ? loaded.figure : null);

  return (
    <Modal
      title={request.title}
      closeLabel={t('figures.drill.close')}
      onClose={onClose}
      className="figures-drill"
    >
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
          <CaseList
            title={t('figures.drill.counted', {
              count: figure.personIds.length,
              formatted: labels.number(figure.personIds.length),
            })}
            listLabel={t('figures.drill.countedList')}
            ids={figure.personIds}
            empty={t('figures.drill.noneCounted')}
            labels={labels}
            onOpenPerson={onOpenPerson}
          />
          {figure.uncertainIds.length > 0 && (
            <CaseList
              title={t('figures.drill.maybe', {
                count: figure.uncertainIds.length,
                formatted: labels.number(figure.uncertainIds.length),
              })}
              hint={t('figures.drill.maybeHint')}
              listLabel={t('figures.drill.maybeList')}
              ids={figure.uncertainIds}
              labels={labels}
              onOpenPerson={onOpenPerson}
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
              ids={figure.unplaced.personIds}
              labels={labels}
              onOpenPerson={onOpenPerson}
            />
          )}
        </>
      )}
    </Modal>
  );
}

interface CaseListProps {
  title: string;
  hint?: string;
  listLabel: string;
  ids: readonly string[];
  empty?: string;
  labels: FigureLabels;
  onOpenPerson: (personId: string) => void;
}

interface Page {
  ids: readonly string[];
  items: CaseSummary[];
  error: ErrorCode | null;
}

function CaseList({ title, hint, listLabel, ids, empty, labels, onOpenPerson }: CaseListProps) {
  const { t } = labels;
  const { label } = useThesauri();
  const headingId = useId();
  const [wanted, setWanted] = useState(PAGE_SIZE);
  const [page, setPage] = useState<Page | null>(null);
  const shown = page?.ids === ids ? page : null;
  const have = shown?.items.length ?? 0;

  useEffect(() => {
    const missing = ids.slice(have, Math.min(wanted, ids.length));
    if (missing.length === 0) return;
    let current = true;
    void requestUnlocked((api) => api.figureCases({ personIds: missing })).then((result) => {
      if (!current) return;
      setPage((previous) => {
        const before = previous?.ids === ids ? previous.items : [];
        return result.ok
          ? { ids, items: [...before, ...result.value.items], error: null }
          : { ids, items: before, error: result.error.code };
      });
    });
    return () => {
      current = false;
    };
  }, [ids, have, wanted]);

  const remaining = ids.length - have;
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
          {shown?.error && (
            <p role="alert" className="alert">
              {t(errorKey(shown.error))}
            </p>
          )}
          {have < ids.length && have < wanted && !shown?.error && (
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
