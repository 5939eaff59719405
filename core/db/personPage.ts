/**
 * One page of the person list for a text query, found without reading and sorting every match
 * when there are thousands (a one- to three-letter prefix matches most of a large register).
 * The ways to the same rows, chosen by how densely a quick probe says the query matches:
 *
 * - many, ordered by name: walk the name index, keeping the people whose document matches
 *   (`walkByName`, where nearly everyone matches) or whose rowid FTS4 returned (`matchesByName`),
 *   and stop at the end of the page. These leave the total to `countPersons`, which the list asks
 *   for once the page is shown;
 * - up to a couple of thousand, in any order: read their rowids once, then sort and count those
 *   (`fewMatches`);
 * - many in another order: join every match to persons, sort and count them (`sortedMatches`,
 *   the way every query went before).
 *
 * Each gives exactly the rows, in the order, that sorting every match would; only the time differs.
 */
import type { SqlValue } from 'sql.js';
import type { PersonSummary } from '../api/records';
import type { ReadDb } from './handle';
import { all, first, statement, type Row } from './statements';
import { documentMatcher } from '../search/documentMatch';
import { matchExpression } from '../search/fts';
import { SUMMARY_COLUMNS, toSummary } from './personSummary';
import { SORT_KEY_COLUMNS, SORT_KEY_INDEXES } from './sortKeys';
import type { Language } from '../api/schemas';

export interface TextPageQuery {
  /** The FTS4 MATCH expression (`matchQuery`) and the terms it was made of (`queryTerms`). */
  match: string;
  terms: string[][];
  /** The other conditions on `persons`, with their parameters. */
  where: string;
  params: SqlValue[];
  /**
   * The sort expression; `byName` the language when it is a name's sort key, which has an index
   * to walk.
   */
  order: string;
  byName: Language | null;
  direction: 'ASC' | 'DESC';
  limit: number;
  offset: number;
}

export interface PersonPage {
  items: PersonSummary[];
  /** Null when the page was found without counting every match. */
  total: number | null;
}

/**
 * Matches FTS4 is asked for before choosing a way: fewer means they are all there is; otherwise
 * the rowid of the last one tells how densely the query matches. Reading them costs well under a
 * millisecond at 100k persons.
 */
const PROBE_MATCHES = 2000;

/**
 * Index rows the name walks may read per match they spare sorting. Joining and sorting a match
 * costs about what reading 40 entries of the name index does (measured with sql.js at 20k and
 * 100k persons); half of that leaves a margin for a wrong estimate.
 */
const ROWS_PER_MATCH = 20;

/** Most persons `walkByName` reads before it gives way to `matchesByName`. */
const WALK_ROWS = 2000;

const MATCHES = 'SELECT docid FROM person_search WHERE person_search MATCH ?';

/**
 * FTS4 measures its prefix indexes ("1,2,3") in bytes: they serve Latin prefixes of up to three
 * letters but a Cyrillic prefix of one only, and for `ка*` FTS4 merges every term that begins with
 * it before it returns a first row (7 ms at 100k persons, against 0.3 ms for `ka*`). The probe
 * only estimates, so it asks for the ASCII terms of each word (its key, always), which match about
 * the same people.
 */
function probeTerms(terms: readonly string[][]): string[][] {
  return terms.map((word) => {
    const ascii = word.filter((term) => /^[\x20-\x7e]+$/.test(term));
    return ascii.length > 0 ? ascii : word;
  });
}

export function textPage(db: ReadDb, q: TextPageQuery): PersonPage {
  const probe = first(
    db,
    `SELECT count(*) AS n, max(docid) AS last, (SELECT max(rowid) FROM persons) AS persons
     FROM (${MATCHES} LIMIT ${PROBE_MATCHES})`,
    [matchExpression(probeTerms(q.terms)) ?? q.match],
  );
  const found = Number(probe?.n ?? 0);
  const persons = Number(probe?.persons ?? 0);
  // Rowids are given in order of creation, which has nothing to do with names: the share of
  // the first rowids that match is about the share of any run of names that does.
  const matching = found < PROBE_MATCHES ? found : (found * persons) / Number(probe?.last);
  const rowsToRead = Math.min(persons, ((q.offset + q.limit) * persons) / Math.max(matching, 1));
  if (q.byName && rowsToRead <= ROWS_PER_MATCH * matching) {
    const language = q.byName;
    const matcher = documentMatcher(q.terms);
    const walked =
      matcher && rowsToRead <= WALK_ROWS / 2 ? walkByName(db, q, language, matcher) : null;
    return walked ?? matchesByName(db, q, language);
  }
  return fewMatches(db, q) ?? sortedMatches(db, q);
}

/**
 * The matches read once, when there are at most `PROBE_MATCHES`, then the page and the count
 * taken from their rowids: FTS4 evaluates the query once instead of once for each.
 */
function fewMatches(db: ReadDb, q: TextPageQuery): PersonPage | null {
  const rowids = all(db, `${MATCHES} LIMIT ${PROBE_MATCHES + 1}`, [q.match]);
  if (rowids.length > PROBE_MATCHES) return null;
  const from = `persons WHERE persons.rowid IN (SELECT value FROM json_each(?)) AND ${q.where}`;
  const params = [JSON.stringify(rowids.map((row) => row.docid)), ...q.params];
  const items = all(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM ${from} ORDER BY ${q.order} ${q.direction}, persons.id
     LIMIT ? OFFSET ?`,
    [...params, q.limit, q.offset],
  ).map(toSummary);
  const total = first(db, `SELECT count(*) AS n FROM ${from}`, params)?.n;
  return { items, total: Number(total ?? 0) };
}

/** Every match joined and sorted, and counted. */
function sortedMatches(db: ReadDb, q: TextPageQuery): PersonPage {
  const from = `(${MATCHES}) AS m CROSS JOIN persons ON persons.rowid = m.docid`;
  const params = [q.match, ...q.params];
  const items = all(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM ${from} WHERE ${q.where}
     ORDER BY ${q.order} ${q.direction}, persons.id LIMIT ? OFFSET ?`,
    [...params, q.limit, q.offset],
  ).map(toSummary);
  const total = first(db, `SELECT count(*) AS n FROM ${from} WHERE ${q.where}`, params)?.n;
  return { items, total: Number(total ?? 0) };
}

/** The name index of the language, and the order it gives. */
const indexedByName = (language: Language) => `INDEXED BY ${SORT_KEY_INDEXES[language]}`;
const BY_NAME = (language: Language, direction: string) =>
  `ORDER BY ${SORT_KEY_COLUMNS[language]} ${direction}, persons.id`;

/**
 * The name index walked with the set of matching rowids beside it: SQLite reads each match's
 * rowid once, and the persons table only for the rows of the page.
 */
function matchesByName(db: ReadDb, q: TextPageQuery, language: Language): PersonPage {
  const items = all(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM persons ${indexedByName(language)}
     WHERE persons.rowid IN (${MATCHES}) AND ${q.where} ${BY_NAME(language, q.direction)}
     LIMIT ? OFFSET ?`,
    [q.match, ...q.params, q.limit, q.offset],
  ).map(toSummary);
  return { items, total: null };
}

/**
 * Persons in name order with their documents, each tested in JavaScript (FTS4 is asked only
 * about a document the test cannot decide), until the page is full. Null when that takes more
 * than `WALK_ROWS` persons: the query matches too few for the walk to pay.
 */
function walkByName(
  db: ReadDb,
  q: TextPageQuery,
  language: Language,
  matches: (doc: string) => boolean | null,
): PersonPage | null {
  const walk = statement(
    db,
    `SELECT persons.rowid AS docid, ${SUMMARY_COLUMNS}, s.doc AS doc
     FROM persons ${indexedByName(language)}
     CROSS JOIN person_search AS s ON s.docid = persons.rowid
     WHERE ${q.where} ${BY_NAME(language, q.direction)}`,
  );
  const items: PersonSummary[] = [];
  let matched = 0;
  try {
    walk.bind(q.params);
    const names = walk.getColumnNames();
    const docAt = names.indexOf('doc');
    const docidAt = names.indexOf('docid');
    for (let read = 0; items.length < q.limit; read++) {
      if (read === WALK_ROWS) return null;
      // Everyone has been read: the number matched is the total.
      if (!walk.step()) return { items, total: matched };
      const values = walk.get();
      const certain = matches(String(values[docAt]));
      if (!(certain ?? ftsMatches(db, q.match, Number(values[docidAt])))) continue;
      if (matched++ < q.offset) continue;
      const row: Row = Object.fromEntries(names.map((name, i) => [name, values[i]!]));
      items.push(toSummary(row));
    }
    return { items, total: null };
  } finally {
    walk.reset();
  }
}

/** FTS4's own answer for one document (a rowid range, which it applies while it reads). */
function ftsMatches(db: ReadDb, match: string, docid: number): boolean {
  return first(db, `${MATCHES} AND docid >= ? AND docid <= ?`, [match, docid, docid]) !== undefined;
}
