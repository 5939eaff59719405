import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import { errorKey } from '../errors';
import { ListControls } from './ListControls';
import { PersonRow } from './PersonRow';
import { usePersonPages, type ListQuery } from './usePersonPages';

interface Props {
  selectedId: string | null;
  /** Changing it reloads the rows in view, e.g. after a save. */
  refreshToken: number;
  onSelect: (id: string) => void;
  onAdd: () => void;
  /** The vault is open read-only: nobody can be added. */
  readOnly: boolean;
  /** Told the search and filters in effect, for exporting the people the list shows. */
  onFilterChange?: (filter: ListFilter) => void;
  /** Opens a list report of the people the list shows. */
  onReport?: () => void;
}

/** What selects the people the list shows; the order does not change who they are. */
export type ListFilter = Pick<ListQuery, 'query' | 'region' | 'riskCategory' | 'inCustody'>;

/** No search and no filters: everyone. */
export const NO_FILTER: ListFilter = { query: '', region: '', riskCategory: '', inCustody: false };

/** Long enough to skip the keystrokes of a word being typed, short enough to feel immediate. */
const SEARCH_DELAY_MS = 150;

/** Row height in rem: room for the name line and the line with the Latin name and birth date. */
const ROW_REM = 3.9;

/** Rows fetched and rendered beyond the visible ones, so that scrolling shows no blank rows. */
const OVERSCAN = 12;

function rootFontSize(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

type Order = Pick<ListQuery, 'sort' | 'direction'>;

/**
 * Everyone in the vault, however many: only the rows in view are rendered and fetched. The
 * rows are one tab stop; the arrow keys, Home, End and Page keys move between them, and Enter
 * opens the person.
 */
export function PersonList(props: Props) {
  const { selectedId, refreshToken, onSelect, onAdd, readOnly, onFilterChange, onReport } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const readOnlyId = useId();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<Order>({ sort: 'name', direction: 'asc' });
  const [region, setRegion] = useState('');
  const [riskCategory, setRiskCategory] = useState('');
  const [inCustody, setInCustody] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const [rowHeight] = useState(() => ROW_REM * rootFontSize());
  const scrollRef = useRef<HTMLDivElement>(null);
  /** A row that should take the focus once it is rendered. */
  const pendingFocus = useRef<number | null>(null);

  const pages = usePersonPages({ query, ...order, region, riskCategory, inCustody }, refreshToken);

  useEffect(() => {
    onFilterChange?.({ query, region, riskCategory, inCustody });
  }, [onFilterChange, query, region, riskCategory, inCustody]);

  const count = pages.shownTotal;

  // The virtualizer keeps its own state outside React, which the React Compiler cannot
  // memoize around; this project does not use the compiler, so the warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
  });
  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows[rows.length - 1]?.index ?? 0;
  const active = Math.min(activeIndex, Math.max(count - 1, 0));
  const tabbable = rows.some((row) => row.index === active) ? active : firstRow;
  const { ensure } = pages;

  useEffect(() => {
    ensure(firstRow, lastRow);
  }, [ensure, firstRow, lastRow]);

  useEffect(() => {
    const trimmed = typed.trim();
    if (trimmed === query) return;
    const timer = window.setTimeout(
      () => {
        setQuery(trimmed);
        setActiveIndex(0);
        if (scrollRef.current) scrollRef.current.scrollTop = 0;
      },
      trimmed ? SEARCH_DELAY_MS : 0,
    );
    return () => window.clearTimeout(timer);
  }, [typed, query]);

  function focusRow(index: number): boolean {
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] button`);
    row?.focus();
    return row !== null && row !== undefined;
  }

  // Runs after every render: a row scrolled to appears only in the render after the scroll.
  useEffect(() => {
    if (pendingFocus.current !== null && focusRow(pendingFocus.current)) {
      pendingFocus.current = null;
    }
  });

  /** A new search, order or filter starts at the top. */
  function restart() {
    setActiveIndex(0);
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }

  function moveTo(index: number) {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    pendingFocus.current = focusRow(next) ? null : next;
  }

  function onRowsKeyDown(event: KeyboardEvent) {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / rowHeight));
    const target: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      Home: 0,
      End: count - 1,
      PageDown: active + pageRows,
      PageUp: active - pageRows,
    };
    const index = target[event.key];
    if (index === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    moveTo(index);
  }

  const filtered = region !== '' || riskCategory !== '' || inCustody;

  return (
    <section className="people" aria-labelledby={headingId}>
      <div className="people-head">
        <h2 id={headingId}>{t('people.title')}</h2>
        <button
          type="button"
          className="button secondary"
          onClick={onAdd}
          disabled={readOnly}
          aria-describedby={readOnly ? readOnlyId : undefined}
        >
          {t('people.add')}
        </button>
      </div>
      {onReport && (
        <button type="button" className="button link people-report" onClick={onReport}>
          {t('reports.openList')}
        </button>
      )}
      {readOnly && (
        <p id={readOnlyId} className="muted read-only-reason">
          {t('people.addReadOnly')}
        </p>
      )}

      <Field label={t('people.search')} hint={t('people.searchHint')} className="search">
        {(control) => (
          <input
            {...control}
            type="search"
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'ArrowDown') return;
              event.preventDefault();
              moveTo(active);
            }}
          />
        )}
      </Field>

      <ListControls
        order={order}
        onOrderChange={(next) => {
          setOrder(next);
          restart();
        }}
        region={region}
        onRegionChange={(code) => {
          setRegion(code);
          restart();
        }}
        riskCategory={riskCategory}
        onRiskCategoryChange={(code) => {
          setRiskCategory(code);
          restart();
        }}
        inCustody={inCustody}
        onInCustodyChange={(value) => {
          setInCustody(value);
          restart();
        }}
      />

      {pages.errorCode && (
        <p role="alert" className="alert">
          {t(errorKey(pages.errorCode))}
        </p>
      )}

      {pages.total === 0 ? (
        <p className="empty">
          {query ? t('people.noMatch') : filtered ? t('people.noMatchFilters') : t('people.empty')}
        </p>
      ) : pages.total === null && count === 0 ? (
        pages.errorCode ? null : (
          <p className="muted">{t('people.loading')}</p>
        )
      ) : (
        <p className="muted list-count">
          {t(pages.counting ? 'people.countAtLeast' : 'people.count', { count })}
        </p>
      )}

      <div ref={scrollRef} className="person-scroll">
        {count > 0 && (
          <ul
            className="person-list"
            aria-labelledby={headingId}
            onKeyDown={onRowsKeyDown}
            style={{ height: virtualizer.getTotalSize() }}
          >
            {rows.map((row) => {
              const person = pages.item(row.index);
              return (
                <li
                  key={row.index}
                  data-index={row.index}
                  aria-setsize={count}
                  aria-posinset={row.index + 1}
                  style={{ height: row.size, transform: `translateY(${row.start}px)` }}
                >
                  <PersonRow
                    person={person}
                    selected={person !== undefined && person.id === selectedId}
                    tabbable={row.index === tabbable}
                    onOpen={onSelect}
                    onFocus={() => setActiveIndex(row.index)}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
