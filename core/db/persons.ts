import type { SqlValue } from 'sql.js';
import type { ReadDb } from './handle';
import { readRecord } from './records';
import { all, first } from './statements';
import { matchQuery, queryTerms } from '../search/fts';
import { textPage, type PersonPage } from './personPage';
import { SUMMARY_COLUMNS as COLUMNS, toSummary } from './personSummary';
import { searchKey } from '../search/transliterate';
import type { Person, PersonSummary } from '../api/records';
import type { Language } from '../api/schemas';
import { SORT_KEY_COLUMNS } from './sortKeys';

export function findPerson(db: ReadDb, id: string): Person | null {
  return readRecord(db, 'person', id) as Person | null;
}

export interface PersonQuery {
  query: string;
  limit: number;
  offset: number;
  sort: 'name' | 'birthDate' | 'updated';
  direction: 'asc' | 'desc';
  /** The language whose alphabetical order `sort: 'name'` follows; English when not given. */
  language?: Language | undefined;
  region?: string | undefined;
  /**
   * Only these persons: what the filters defined by the figure engine (risk category, in
   * custody) selected, resolved by core/stats before the query (see listFilter.ts there).
   */
  ids?: readonly string[] | undefined;
}

/**
 * Sort keys map to fixed SQL: nothing from the caller is ever interpolated. By name is the
 * stored key of the language (core/db/sortKeys.ts), which has an index to walk.
 */
function orderOf(q: Pick<PersonQuery, 'sort' | 'language'>): string {
  if (q.sort === 'name') return SORT_KEY_COLUMNS[q.language ?? 'en'];
  return q.sort === 'birthDate' ? "coalesce(birth_date, '9999')" : 'updated_at';
}

/** The person list's filters: its text query, region and the engine's selection. */
export type PersonFilter = Pick<PersonQuery, 'query' | 'region' | 'ids'>;

/** The conditions on `persons` other than the text query: not deleted, region, selection. */
function conditions(q: PersonFilter): { where: string; params: SqlValue[] } {
  const clauses = ['deleted = 0'];
  const params: SqlValue[] = [];
  if (q.region) {
    clauses.push('region = ?');
    params.push(q.region);
  }
  if (q.ids) {
    clauses.push('persons.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(q.ids));
  }
  return { where: clauses.join(' AND '), params };
}

/**
 * The FROM and WHERE of the person list for a filter. The text filter is the full-text index:
 * names in any script and transliteration, notes and cited sources.
 */
function filtered(q: PersonFilter): { from: string; where: string; params: SqlValue[] } {
  const match = matchQuery(q.query);
  const { where, params } = conditions(q);
  if (!match) return { from: 'persons', where, params };
  // The matches drive the lookup (CROSS JOIN keeps that order), instead of a walk over every
  // person testing membership.
  return {
    from: '(SELECT docid FROM person_search WHERE person_search MATCH ?) AS m CROSS JOIN persons ON persons.rowid = m.docid',
    where,
    params: [match, ...params],
  };
}

/**
 * One page of the person list, filtered and sorted, with the total when it came at no extra
 * cost: always without a text query, and for a query with few matches. Otherwise `total` is null
 * and `countPersons` counts.
 */
export function searchPersons(db: ReadDb, q: PersonQuery): PersonPage {
  const direction = q.direction === 'desc' ? 'DESC' : 'ASC';
  const match = matchQuery(q.query);
  const { where, params } = conditions(q);
  if (match) {
    return textPage(db, {
      match,
      terms: queryTerms(q.query),
      where,
      params,
      order: orderOf(q),
      byName: q.sort === 'name' ? (q.language ?? 'en') : null,
      direction,
      limit: q.limit,
      offset: q.offset,
    });
  }
  const items = all(
    db,
    `SELECT ${COLUMNS} FROM persons WHERE ${where} ORDER BY ${orderOf(q)} ${direction}, persons.id LIMIT ? OFFSET ?`,
    [...params, q.limit, q.offset],
  ).map(toSummary);
  return { items, total: countPersons(db, q) };
}

/** How many persons the person list shows for a filter, on all its pages. */
export function countPersons(db: ReadDb, q: PersonFilter): number {
  const { from, where, params } = filtered(q);
  return Number(first(db, `SELECT count(*) AS n FROM ${from} WHERE ${where}`, params)?.n ?? 0);
}

/** The ids of every person the person list shows for a filter, on every page of it. */
export function searchPersonIds(db: ReadDb, q: PersonFilter): string[] {
  const { from, where, params } = filtered(q);
  return all(db, `SELECT persons.id AS id FROM ${from} WHERE ${where}`, params).map((row) =>
    String(row.id),
  );
}

/**
 * Persons who may be the same as a name being entered: a name field with the same phonetic key
 * (so a Latin spelling finds the Cyrillic record) and, when both are known, the same birth year.
 */
export function likelyDuplicates(
  db: ReadDb,
  name: string,
  birthDate: string | null,
  excludeId: string | null,
): PersonSummary[] {
  const key = searchKey(name);
  const match = matchQuery(name);
  if (!key || !match) return [];
  const year = birthDate?.slice(0, 4);
  return all(
    db,
    `SELECT ${COLUMNS}, name_variants FROM persons WHERE deleted = 0 AND id != ?
       AND rowid IN (SELECT docid FROM person_search WHERE person_search MATCH ?) LIMIT 200`,
    [excludeId ?? '', match],
  )
    .filter((row) =>
      [row.name, row.name_latin, ...(JSON.parse(String(row.name_variants)) as string[])].some(
        (candidate) => searchKey(String(candidate)) === key,
      ),
    )
    .filter((row) => !year || row.birth_date === null || String(row.birth_date).startsWith(year))
    .slice(0, 10)
    .map(toSummary);
}
