import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexText, matchQuery, SEARCH_TABLE_DDL } from '../../core/search/fts';
import { writableDb, type WriteDb } from '../../core/db/handle';
import { removeSearchDocument, writeSearchDocument } from '../../core/db/searchIndex';

/** Invented persons, each stored in one script only, as researchers often record them. */
const PERSONS: Record<number, string[]> = {
  1: ['Раман Дратасевіч', 'Затрыманы ў Гомелі'],
  2: ['Роман Дротасевич'],
  3: ['Пётр Ёжик'],
  4: ['Sviatlana Tsikhamouskaya', 'Detained at the border'],
  5: ['Алесь Пяляцкі', 'Лаўрэат прэміі'],
  6: ['Павел Мосік'],
  7: ['Аляксандр Місік'],
  8: ['Марыя Талеснікава', "Аб'яднаны штаб"],
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
    expect(indexText(['Lupashenka'])).toBe('lupashenka lupawenka');
    expect(indexText(['', ' -- '])).toBe('');
  });
});

describe('matchQuery', () => {
  it('asks for the folded form or the key of each word as a prefix, all words required', () => {
    expect(matchQuery('Дратасевіч Раман')).toBe(
      '("дратасевич*" OR "drataseviq*") ("раман*" OR "raman*")',
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
    ['Dratasevich', [1, 2]],
    ['Drotasevich', [1, 2]],
    ['Дратасевіч', [1, 2]],
    ['Дротасевич', [1, 2]],
    ['Drat', [1, 2]],
    ['Дратас', [1, 2]],
    ['Raman Dratasevich', [1, 2]],
    ['ежик', [3]],
    ['ЁЖИК', [3]],
    ['Yozhik', [3]],
    ['Ціхамоўская', [4]],
    ['Тихамовская', [4]],
    ['Cichamoŭskaja', [4]],
    ['Святлана', [4]],
    ['Pialiatski', [5]],
    ['Pelyatsky Ales', [5]],
    ['Mosik', [6]],
    ['Мосик', [6]],
    ['Tolesnikova', [8]],
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
    expect(search('Дратасевіч Алесь')).toEqual([]);
  });

  it('follows edits and deletions of a document', () => {
    writeSearchDocument(db, 9, ['Ігар Мосік']);
    expect(search('Mosik')).toEqual([6, 9]);
    writeSearchDocument(db, 9, ['Ігар Іваноў']);
    expect(search('Mosik')).toEqual([6]);
    expect(search('Ivanov')).toEqual([9]);
    removeSearchDocument(db, 9);
    expect(search('Ivanov')).toEqual([]);
  });

  it('never throws on hostile queries and reads them as plain words', () => {
    expect(search('"')).toEqual([]);
    expect(search('*')).toEqual([]);
    expect(search(')(')).toEqual([]);
    expect(search('NEAR')).toEqual([]);
    expect(search('Dratasevich OR Mosik')).toEqual([]);
    expect(search('-Raman Dratasevich')).toEqual([1, 2]);
    expect(search('"Dratasevich')).toEqual([1, 2]);
    expect(search('Dratasevich*')).toEqual([1, 2]);
    expect(search('(Mosik)')).toEqual([6]);
    expect(search('doc:Mosik')).toEqual([]);
    expect(search('Mosik 🙂')).toEqual([6]);
    expect(search("'); DROP TABLE person_search; --")).toEqual([]);
    expect(search('Dratasevich '.repeat(500))).toEqual([1, 2]);
    expect(() => search('ж"*(-:'.repeat(900))).not.toThrow();
    expect(() => search('x'.repeat(5000))).not.toThrow();
    expect(search('Mosik')).toEqual([6]);
  });
});
