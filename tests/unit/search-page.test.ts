import type { SqlValue } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cell, ChangeSet } from '../../core/changes/changeSet';
import { formatHlc } from '../../core/changes/hlc';
import { applyChanges } from '../../core/db/apply';
import { writableDb, type WriteDb } from '../../core/db/handle';
import { countPersons, searchPersons, type PersonQuery } from '../../core/db/persons';
import { prepareDatabase } from '../../core/db/prepare';
import { migrate } from '../../core/db/schema';
import { loadSqlJs } from '../../core/db/sqlite';
import { all } from '../../core/db/statements';
import { DemoRandom } from '../../core/demo/random';
import { matchQuery } from '../../core/search/fts';

/**
 * A register of a few thousand invented people, built from a few syllables so that short
 * prefixes match most of it (`П`, `a`), some of it (`Ка`, `Lu`) or a handful (a whole surname),
 * which sends the person list down each of its ways to a page (core/db/personPage.ts). Some
 * notes hold Greek words, which only SQLite's tokenizer can read, some people are deleted, and a
 * region is rare enough that walking the names for it does not pay.
 */
const PERSONS = 3000;
const AUTHOR = '0123456789abcdef';
const SYLLABLES: [string, string][] = [
  ['Па', 'Pa'],
  ['Пра', 'Pra'],
  ['Ка', 'Ka'],
  ['Лу', 'Lu'],
  ['Ма', 'Ma'],
  ['Дра', 'Dra'],
  ['Ста', 'Sta'],
  ['Бо', 'Bo'],
  ['Ве', 'Ve'],
  ['Ні', 'Ni'],
  ['Ро', 'Ro'],
  ['Зу', 'Zu'],
];
const ENDINGS: [string, string][] = [
  ['севіч', 'sevich'],
  ['ленка', 'lenka'],
  ['шук', 'shuk'],
  ['цкі', 'tski'],
];
const FIRST: [string, string][] = [
  ['Павел', 'Paval'],
  ['Ганна', 'Hanna'],
  ['Алесь', 'Ales'],
  ['Марыя', 'Maryia'],
  ['Пётр', 'Piotr'],
  ['Вольга', 'Volha'],
];

let db: WriteDb;

function personCells(rng: DemoRandom, index: number): Cell[] {
  const id = `p${index.toString(16).padStart(31, '0')}`;
  const [first, firstLatin] = rng.pick(FIRST);
  const parts = [rng.pick(SYLLABLES), rng.pick(SYLLABLES), rng.pick(ENDINGS)];
  const surname = parts.map(([c]) => c.toLowerCase()).join('');
  const surnameLatin = parts.map(([, l]) => l.toLowerCase()).join('');
  const fields: Record<string, Cell['value']> = {
    name: `${surname[0]!.toUpperCase()}${surname.slice(1)} ${first}`,
    nameLatin: `${surnameLatin[0]!.toUpperCase()}${surnameLatin.slice(1)} ${firstLatin}`,
    notes: index % 7 === 0 ? 'Σημείωση για τον φάκελο' : 'Invented.',
    region: index % 50 === 0 ? 'gomel' : index % 3 === 0 ? 'minsk' : 'brest',
    deleted: index % 11 === 0,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  return Object.entries(fields).map(([field, value]) => ({ entity: 'person', id, field, value }));
}

beforeAll(async () => {
  const SQL = await loadSqlJs();
  db = writableDb(new SQL.Database());
  migrate(db);
  prepareDatabase(db);
  const rng = new DemoRandom(13, 0);
  const cells = Array.from({ length: PERSONS }, (_, i) => personCells(rng, i + 1)).flat();
  const set: ChangeSet = {
    v: 1,
    hlc: formatHlc(Date.UTC(2026, 0, 1), 0, AUTHOR),
    author: AUTHOR,
    cells,
  };
  db.exec('BEGIN');
  applyChanges(db, set);
  db.exec('COMMIT');
});

/** By name is the stored sort key of the language (core/db/sortKeys.ts). */
function orderOf(q: PersonQuery): string {
  if (q.sort === 'name') return `sort_${q.language ?? 'en'}`;
  return q.sort === 'birthDate' ? "coalesce(birth_date, '9999')" : 'updated_at';
}

/** The list the slow way: every match joined, filtered, sorted, then cut to the page. */
function everyMatch(q: PersonQuery): string[] {
  const where = ['deleted = 0'];
  const params: SqlValue[] = [matchQuery(q.query)!];
  if (q.region) {
    where.push('region = ?');
    params.push(q.region);
  }
  return all(
    db,
    `SELECT persons.id AS id FROM (SELECT docid FROM person_search WHERE person_search MATCH ?) AS m
     CROSS JOIN persons ON persons.rowid = m.docid WHERE ${where.join(' AND ')}
     ORDER BY ${orderOf(q)} ${q.direction.toUpperCase()}, persons.id`,
    params,
  ).map((row) => String(row.id));
}

function query(text: string, more: Partial<PersonQuery> = {}): PersonQuery {
  return { query: text, limit: 200, offset: 0, sort: 'name', direction: 'asc', ...more };
}

describe('the person list for a search', () => {
  const queries = [
    'П',
    'п',
    'a',
    'Pr',
    'Ка',
    'Lu',
    'кал',
    'Dra',
    'Ганна Ma',
    'Maryia Ка',
    'φάκ',
    'зулу',
  ];

  it('shows the page a full sort of every match would, counted lazily to the full count', () => {
    let uncounted = 0;
    for (const text of queries) {
      for (const more of [
        {},
        { direction: 'desc' as const },
        { offset: 200 },
        { offset: 1500 },
        { language: 'be' as const },
        { language: 'ru' as const, direction: 'desc' as const, offset: 200 },
      ]) {
        const q = query(text, more);
        const expected = everyMatch(q);
        const page = searchPersons(db, q);
        expect(
          page.items.map((p) => p.id),
          `${text} ${JSON.stringify(more)}`,
        ).toEqual(expected.slice(q.offset, q.offset + q.limit));
        expect(countPersons(db, q)).toBe(expected.length);
        if (page.total === null) uncounted++;
        else expect(page.total).toBe(expected.length);
      }
    }
    // The short prefixes match too many people to count before the first page is shown.
    expect(uncounted).toBeGreaterThan(0);
  });

  it('is the same with a region filter and in another order', () => {
    for (const text of ['П', 'Ка', 'Lu', 'φάκ']) {
      for (const more of [
        { region: 'minsk' },
        { region: 'gomel' },
        { sort: 'birthDate' as const },
      ]) {
        const q = query(text, more);
        const expected = everyMatch(q);
        expect(searchPersons(db, q).items.map((p) => p.id)).toEqual(expected.slice(0, 200));
        expect(countPersons(db, q)).toBe(expected.length);
      }
    }
  });

  it('counts a short prefix that matches thousands only when asked', () => {
    const q = query('П');
    expect(everyMatch(q).length).toBeGreaterThan(1000);
    expect(searchPersons(db, q)).toMatchObject({ total: null });
    expect(countPersons(db, q)).toBe(everyMatch(q).length);
  });
});
