import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { PersonSummary } from '../../../core/api/records';
import { requestUnlocked } from '../api';
import { coreLanguage } from '../language';

/** One request's worth of rows: enough to fill several screens, small enough to be instant. */
export const PAGE_SIZE = 200;

export interface ListQuery {
  query: string;
  sort: 'name' | 'birthDate' | 'updated';
  direction: 'asc' | 'desc';
  region: string;
  riskCategory: string;
  /** Only persons in custody today, by the figures' rule. */
  inCustody: boolean;
}

interface Cache {
  /** The query the pages answer. */
  key: string;
  pages: ReadonlyMap<number, PersonSummary[]>;
  total: number | null;
  errorCode: ErrorCode | null;
}

interface Requested {
  key: string;
  refreshToken: number;
  pages: Set<number>;
  /** The total has been asked for separately (a page came without it). */
  counting: boolean;
}

/** The rows up to the end of the last page fetched: the least the total can be. */
function rowsFetched(pages: ReadonlyMap<number, PersonSummary[]>): number {
  let rows = 0;
  for (const [page, items] of pages) rows = Math.max(rows, page * PAGE_SIZE + items.length);
  return rows;
}

const EMPTY: Cache = { key: '', pages: new Map(), total: null, errorCode: null };

/**
 * The person list, fetched a page at a time for the rows in view (`ensure`). Pages stay cached
 * until the query changes or `refreshToken` does; after a refresh the old rows stay on screen
 * until the new ones arrive, so a save never makes the list flicker. `total` sizes the scroll
 * area; when a page comes without it (a short prefix in a large register), it is counted in a
 * call of its own and the list grows to it when it arrives. By name is in the interface
 * language's alphabetical order, which the core keeps a sort key for: switching the language
 * fetches the pages again.
 */
export function usePersonPages(query: ListQuery, refreshToken: number) {
  const { query: text, sort, direction, region, riskCategory, inCustody } = query;
  const language = coreLanguage(useTranslation().i18n.language);
  const key = JSON.stringify([text, sort, direction, language, region, riskCategory, inCustody]);
  const [cache, setCache] = useState<Cache>(EMPTY);
  const requested = useRef<Requested>({
    key: '',
    refreshToken: -1,
    pages: new Set(),
    counting: false,
  });

  const ensure = useCallback(
    (first: number, last: number) => {
      if (requested.current.key !== key || requested.current.refreshToken !== refreshToken) {
        requested.current = { key, refreshToken, pages: new Set(), counting: false };
      }
      const round = requested.current;
      const filter = {
        query: text,
        region: region || undefined,
        riskCategory: riskCategory || undefined,
        inCustody: inCustody || undefined,
      };
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
        if (round.pages.has(page)) continue;
        round.pages.add(page);
        void requestUnlocked((api) =>
          api.listPersons({
            ...filter,
            sort,
            direction,
            language,
            offset: page * PAGE_SIZE,
            limit: PAGE_SIZE,
          }),
        ).then((result) => {
          // A newer query or refresh has begun: this answer is out of date.
          if (requested.current !== round) return;
          if (!result.ok) {
            round.pages.delete(page);
            setCache((current) => ({ ...current, errorCode: result.error.code }));
            return;
          }
          const { items, total } = result.value;
          setCache((current) => {
            const same = current.key === key;
            const pages = new Map(same ? current.pages : []);
            pages.set(page, items);
            return { key, pages, total: total ?? (same ? current.total : null), errorCode: null };
          });
          if (total === null && !round.counting) {
            round.counting = true;
            void requestUnlocked((api) => api.countPersons(filter)).then((counted) => {
              if (requested.current !== round || !counted.ok) return;
              setCache((current) =>
                current.key === key ? { ...current, total: counted.value.total } : current,
              );
            });
          }
        });
      }
    },
    [key, refreshToken, text, sort, direction, language, region, riskCategory, inCustody],
  );

  return {
    ensure,
    /** Null until the first page of the current query has arrived and the total is known. */
    total: cache.key === key ? cache.total : null,
    /**
     * The last total known, kept while a new query loads so that the list does not jump; while a
     * total is being counted, the rows already fetched.
     */
    shownTotal: cache.total ?? rowsFetched(cache.pages),
    /** The current query's rows have come but their total is still being counted. */
    counting: cache.key === key && cache.total === null && cache.pages.size > 0,
    item: (index: number): PersonSummary | undefined =>
      cache.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    errorCode: cache.errorCode,
  };
}
