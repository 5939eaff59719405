import initSqlJs, { type Database } from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentMatcher } from '../../core/search/documentMatch';
import { queryTerms, SEARCH_TABLE_DDL } from '../../core/search/fts';

let db: Database;

beforeAll(async () => {
  db = new (await initSqlJs()).Database();
  // SQLite's own tokenizer, as the search table is configured.
  const [, name, options] = /tokenize=(\w+) ("[^"]*")/.exec(SEARCH_TABLE_DDL)!;
  db.run(`CREATE VIRTUAL TABLE tokens USING fts3tokenize(${name}, ${options})`);
});

afterAll(() => db.close());

function tokens(text: string): string[] {
  const rows = db.exec('SELECT token FROM tokens WHERE input = ?', [text]);
  return (rows[0]?.values ?? []).map((row) => String(row[0]));
}

const PLAIN = [
  ...'abcdefghijklmnopqrstuvwxyz0123456789',
  ...Array.from({ length: 32 }, (_, i) => String.fromCodePoint(0x430 + i)),
];

describe('documentMatcher', () => {
  it('reads a document of plain words as SQLite does: each word one token, unchanged', () => {
    for (const letter of PLAIN)
      expect(tokens(`x${letter}${letter}y`)).toEqual([`x${letter}${letter}y`]);
    expect(tokens('дратасевич drataseviq 1042 й')).toEqual([
      'дратасевич',
      'drataseviq',
      '1042',
      'й',
    ]);
  });

  it('matches a document when every typed word has a term that starts one of its words', () => {
    const matches = documentMatcher(queryTerms('Ганна Ma'))!;
    expect(matches('ганна hana марчук marquk')).toBe(true);
    expect(matches('ганна hana')).toBe(false);
    expect(matches('ma')).toBe(false);
    expect(documentMatcher(queryTerms('П'))!('')).toBe(false);
  });

  it('leaves to FTS4 a document or a query with words SQLite alone can tokenize', () => {
    expect(documentMatcher(queryTerms('П'))!('пётр σημείωση')).toBeNull();
    expect(documentMatcher(queryTerms('П'))!('café')).toBeNull();
    expect(documentMatcher(queryTerms('φάκ'))).toBeNull();
    expect(documentMatcher([])).toBeNull();
  });
});
