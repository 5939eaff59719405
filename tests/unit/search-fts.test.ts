import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexText, matchQuery, SEARCH_TABLE_DDL } from '../../core/search/fts';
import { writableDb, type WriteDb } from '../../core/db/handle';
import { removeSearchDocument, writeSearchDocument } from '../../core/db/searchIndex';

/** Invented persons, each stored in one script only, as researchers often record them. */
const PERSONS: Record<number, string[]> = {
  1: ['Раман Пратасевіч', 'Затрыманы ў Гомелі'],
  2: ['Роман Протасевич'],
  3: ['Пётр Ёжик'],
  4: ['Sviatlana Tsikhanouskaya', 'Detained at the border'],
  5: ['Алесь Бяляцкі', 'Лаўрэат прэміі'],
  6: ['Павел Лосік'],
  7: ['Аляксандр Лісік'],
  8: ['Марыя Калеснікава', "Аб'яднаны штаб"],
};

let db: WriteDb;

beforeAll(async () => {
  const SQL = await initSqlJs();
  db = writableDb(new SQL.Database());
  db.run(SEARCH_TABLE_DDL);
  for (const [docid, fields] of Object.entries(PERSONS)) writeSearchDocument(db, +docid, fields);
});

afterAll(() => db.close());

function search(userQuery: string): number[] {
  const match = matchQuery(userQuery);
  if (match === null) return [];
  const rows = db.exec(
    'SELECT docid FROM person_search WHERE person_search MATCH ? ORDER BY docid',
    [match],
  );
  return (rows[0]?.values ?? []).map((row) => Number(row[0]));
}

describe('indexText', () => {
  it('writes the folded form and the key of every word, once', () => {
    expect(indexText(['Пётр Ёжик', 'ёжик, Ёжик!'])).toBe('петр petr ежик exik');
    expect(indexText(['Lukashenka'])).toBe('lukashenka lukawenka');
    expect(indexText(['', ' -- '])).toBe('');
  });
});

describe('matchQuery', () => {
  it('asks for the folded form or the key of each word as a prefix, all words required', () => {
    expect(matchQuery('Пратасевіч Раман')).toBe(
      '("пратасевич*" OR "prataseviq*") ("раман*" OR "raman*")',
    );
    expect(matchQuery('prat')).toBe('("prat*" OR "pra*")');
  });

  it('returns null when nothing in the query is a word', () => {
    for (const q of ['', '   ', '"', '*', ')(', '-', '🙂', '«»', 'ъ'])
      expect(matchQuery(q)).toBeNull();
  });

  it('lets no FTS syntax through', () => {
    for (const q of ['a OR b', 'NEAR', 'x NEAR/3 y', '-x', 'doc:x', '"a" AND (b', 'NOT x*', '^x']) {
      const match = matchQuery(q) ?? '';
      expect(match).toMatch(/^(\("[\p{L}\p{N}]+\*"( OR "[\p{L}\p{N}]+\*")*\) ?)+$/u);
    }
  });
});

describe('search through sql.js FTS4', () => {
  it.each([
    ['Pratasevich', [1, 2]],
    ['Protasevich', [1, 2]],
    ['Пратасевіч', [1, 2]],
    ['Протасевич', [1, 2]],
    ['Prat', [1, 2]],
    ['Пратас', [1, 2]],
    ['Raman Pratasevich', [1, 2]],
    ['ежик', [3]],
    ['ЁЖИК', [3]],
    ['Yozhik', [3]],
    ['Ціханоўская', [4]],
    ['Тихановская', [4]],
    ['Cichanoŭskaja', [4]],
    ['Святлана', [4]],
    ['Bialiatski', [5]],
    ['Belyatsky Ales', [5]],
    ['Losik', [6]],
    ['Лосик', [6]],
    ['Kolesnikova', [8]],
    ['Homel', [1]],
    ['гомель', [1]],
    ['аб’яднаны', [8]],
    ['абъяднаны', [8]],
    ['Abyadnany', [8]],
    ['border', [4]],
  ])('finds %s in %j', (userQuery, docids) => {
    expect(search(userQuery)).toEqual(docids);
  });

  it('requires every word', () => {
    expect(search('Пратасевіч Алесь')).toEqual([]);
  });

  it('follows edits and deletions of a document', () => {
    writeSearchDocument(db, 9, ['Ігар Лосік']);
    expect(search('Losik')).toEqual([6, 9]);
    writeSearchDocument(db, 9, ['Ігар Іваноў']);
    expect(search('Losik')).toEqual([6]);
    expect(search('Ivanov')).toEqual([9]);
    removeSearchDocument(db, 9);
    expect(search('Ivanov')).toEqual([]);
  });

  it('never throws on hostile queries and reads them as plain words', () => {
    expect(search('"')).toEqual([]);
    expect(search('*')).toEqual([]);
    expect(search(')(')).toEqual([]);
    expect(search('NEAR')).toEqual([]);
    expect(search('Pratasevich OR Losik')).toEqual([]);
    expect(search('-Raman Pratasevich')).toEqual([1, 2]);
    expect(search('"Pratasevich')).toEqual([1, 2]);
    expect(search('Pratasevich*')).toEqual([1, 2]);
    expect(search('(Losik)')).toEqual([6]);
    expect(search('doc:Losik')).toEqual([]);
    expect(search('Losik 🙂')).toEqual([6]);
    expect(search("'); DROP TABLE person_search; --")).toEqual([]);
    expect(search('Pratasevich '.repeat(500))).toEqual([1, 2]);
    expect(() => search('ж"*(-:'.repeat(900))).not.toThrow();
    expect(() => search('x'.repeat(5000))).not.toThrow();
    expect(search('Losik')).toEqual([6]);
  });
});
