/**
 * The person list by name in the interface language's alphabetical order, from the sort keys
 * stored per person (core/db/sortKeys.ts): dictionary order for Belarusian and Russian names,
 * the stored keys compared by SQLite giving the collation's order on any names, paging that
 * neither repeats nor skips anyone, and keys that follow every write of a name.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '../../core/api/schemas';
import type { Cell, ChangeSet } from '../../core/changes/changeSet';
import { formatHlc } from '../../core/changes/hlc';
import { applyChanges } from '../../core/db/apply';
import { writableDb, type WriteDb } from '../../core/db/handle';
import { searchPersons, type PersonQuery } from '../../core/db/persons';
import { prepareDatabase } from '../../core/db/prepare';
import { migrate } from '../../core/db/schema';
import { ensureSortKeys } from '../../core/db/sortKeys';
import { loadSqlJs } from '../../core/db/sqlite';
import { all, run } from '../../core/db/statements';
import { collationKey } from '../../core/search/collation';

const AUTHOR = 'a1b2c3d4e5f60718';
const OTHER = 'f1e2d3c4b5a69788';
const LANGUAGES: Language[] = ['en', 'be', 'ru'];
// Node's ICU is full (Chromium's lacks Belarusian): an independent check of the lists below.
const icu = (language: Language) => new Intl.Collator(language).compare;

/** Belarusian surnames in the order a Belarusian dictionary gives: і in и's place, ў after у. */
const BELARUSIAN = [
  'Аугустэн Ірына',
  'Аўсянік Павел',
  'Афанасьеў Алег',
  'Бялецкі Алесь',
  'Ежоў Мікола',
  'Ёрш Сяргей',
  'Жукоўскі Андрэй',
  'Зайцаў Віктар',
  'Іваноў Ігар',
  'Ільюшын Дзяніс',
  'Йофе Марына',
  'Каваленка Вольга',
  'Лукашук Юрый',
  'Луўчук Тамара',
  'Луцэвіч Янка',
  'Шчука Фёдар',
  'Эйсмант Рыгор',
  'Янкоўскі Уладзімір',
  'Kowalski Jan',
];

/** Russian surnames in dictionary order: ё filed with е, differing only when all else is equal. */
const RUSSIAN = [
  'Абрамов Илья',
  'Ежов Пётр',
  'Елисеев Олег',
  'Ёлкин Семён',
  'Ершов Иван',
  'Жуков Андрей',
  'Иванов Игорь',
  'Йовович Мила',
  'Шевченко Тарас',
  'Щербаков Лев',
  'Эйдельман Натан',
  'Юдин Глеб',
  'Яковлев Егор',
  'Smith John',
];

let db: WriteDb;
let minute = 0;

beforeEach(async () => {
  db = writableDb(new (await loadSqlJs()).Database());
  migrate(db);
  prepareDatabase(db);
  minute = 0;
});

function apply(cells: Cell[], author = AUTHOR, at = ++minute): void {
  const set: ChangeSet = {
    v: 1,
    hlc: formatHlc(Date.UTC(2026, 0, 5, 9, at), 0, author),
    author,
    cells,
  };
  db.exec('BEGIN');
  applyChanges(db, set);
  db.exec('COMMIT');
}

const personId = (i: number) => i.toString(16).padStart(32, '0');

/** One change set creating a person per name, ids in the order given. */
function createPersons(names: readonly string[]): string[] {
  const ids = names.map((_, i) => personId(i + 1));
  apply(
    names.flatMap((name, i) => [
      { entity: 'person', id: ids[i]!, field: 'createdAt', value: '2026-01-05T09:00:00.000Z' },
      { entity: 'person', id: ids[i]!, field: 'name', value: name },
    ]),
  );
  return ids;
}

function listed(language: Language, more: Partial<PersonQuery> = {}): string[] {
  const q: PersonQuery = {
    query: '',
    limit: 1000,
    offset: 0,
    sort: 'name',
    direction: 'asc',
    language,
    ...more,
  };
  return searchPersons(db, q).items.map((p) => p.name);
}

/** Shuffled deterministically, so the list cannot just keep the order of creation. */
function shuffled<T>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, k: (i * 7919) % items.length }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.item);
}

describe('the person list in the alphabetical order of the interface language', () => {
  it('lists Belarusian names as a Belarusian dictionary does', () => {
    expect([...BELARUSIAN].sort(icu('be'))).toEqual(BELARUSIAN);
    createPersons(shuffled(BELARUSIAN));
    expect(listed('be')).toEqual(BELARUSIAN);
    expect(listed('be', { direction: 'desc' })).toEqual([...BELARUSIAN].reverse());
  });

  it('lists Russian names as a Russian dictionary does', () => {
    expect([...RUSSIAN].sort(icu('ru'))).toEqual(RUSSIAN);
    createPersons(shuffled(RUSSIAN));
    expect(listed('ru')).toEqual(RUSSIAN);
  });

  it('puts Latin names first in English and last in Belarusian and Russian', () => {
    createPersons(['Ганна Прыкладная', 'Alesia Testavich', 'Ёлкин Семён', 'Dzmitry Samplenka']);
    expect(listed('en')).toEqual([
      'Alesia Testavich',
      'Dzmitry Samplenka',
      'Ганна Прыкладная',
      'Ёлкин Семён',
    ]);
    expect(listed('be')).toEqual([
      'Ганна Прыкладная',
      'Ёлкин Семён',
      'Alesia Testavich',
      'Dzmitry Samplenka',
    ]);
    expect(listed('ru')).toEqual([
      'Ганна Прыкладная',
      'Ёлкин Семён',
      'Alesia Testavich',
      'Dzmitry Samplenka',
    ]);
  });
});

const letters = (alphabet: string) =>
  fc
    .array(
      fc
        .tuple(fc.constantFrom(...alphabet), fc.boolean())
        .map(([c, up]) => (up ? c.toUpperCase() : c)),
      { minLength: 1, maxLength: 4 },
    )
    .map((l) => l.join(''));

/** Names from a few letters that Belarusian, Russian and English order differently. */
const name = fc
  .tuple(
    letters('аеёиіуўыяaeyzł'),
    fc.option(fc.tuple(fc.constantFrom(' ', '-', '’'), letters('аеёіўbé')), { nil: null }),
  )
  .map(([first, rest]) => (rest ? first + rest[0] + rest[1] : first));

describe('the stored keys, compared by SQLite', () => {
  it('page through every person in the order of the collation, ties by id, in every language', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(name, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(...LANGUAGES),
        fc.integer({ min: 1, max: 9 }),
        async (names, language, pageSize) => {
          db = writableDb(new (await loadSqlJs()).Database());
          migrate(db);
          const ids = createPersons(names);
          const expected = ids
            .map((id, i) => ({ id, key: collationKey(language, names[i]!) }))
            .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1))
            .map((p) => p.id);
          const paged: string[] = [];
          for (let offset = 0; offset < names.length; offset += pageSize) {
            const page = searchPersons(db, {
              query: '',
              limit: pageSize,
              offset,
              sort: 'name',
              direction: 'asc',
              language,
            });
            paged.push(...page.items.map((p) => p.id));
          }
          expect(paged).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('keys kept in step with the name', () => {
  it('move a person when the name is edited, and keep the newer name when an older edit arrives', () => {
    createPersons(['Бялецкі Алесь', 'Іваноў Ігар', 'Янкоўскі Уладзімір']);
    const id = personId(3);
    apply([{ entity: 'person', id, field: 'name', value: 'Абрамовіч Янка' }]);
    expect(listed('be')).toEqual(['Абрамовіч Янка', 'Бялецкі Алесь', 'Іваноў Ігар']);
    // A colleague's edit made before ours loses (last writer wins): the key stays ours.
    apply([{ entity: 'person', id, field: 'name', value: 'Юшкевіч Ян' }], OTHER, 1);
    expect(listed('be')).toEqual(['Абрамовіч Янка', 'Бялецкі Алесь', 'Іваноў Ігар']);
    apply([{ entity: 'person', id, field: 'name', value: 'Юшкевіч Ян' }], OTHER);
    expect(listed('be')).toEqual(['Бялецкі Алесь', 'Іваноў Ігар', 'Юшкевіч Ян']);
  });

  it('give a person created without a name the key of an empty name, first in the list', () => {
    createPersons(['Іваноў Ігар']);
    apply([
      { entity: 'person', id: personId(9), field: 'createdAt', value: '2026-01-05T09:00:00.000Z' },
    ]);
    const row = all(db, 'SELECT sort_be FROM persons WHERE id = ?', [personId(9)])[0];
    expect(row?.sort_be).toBe(collationKey('be', ''));
    expect(listed('be')).toEqual(['', 'Іваноў Ігар']);
  });

  it('are rebuilt on unlock when they were made by another version of the collation', () => {
    createPersons(['Іваноў Ігар', 'Абрамовіч Янка']);
    expect(ensureSortKeys(db)).toBe(false);
    // As a writer that does not make keys leaves them: empty, with no version.
    run(db, "UPDATE persons SET sort_en = '', sort_be = '', sort_ru = ''");
    run(db, "DELETE FROM meta WHERE key = 'sort_key_version'");
    expect(ensureSortKeys(db)).toBe(true);
    expect(listed('be')).toEqual(['Абрамовіч Янка', 'Іваноў Ігар']);
    expect(ensureSortKeys(db)).toBe(false);
  });
});
